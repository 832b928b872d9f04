package org.caravan.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an object with the fabric8 Kubernetes model and refuses what the model does not know. The model keeps an
 * unknown field in its {@code additionalProperties} instead of failing (a misspelt {@code replica: 2} would be
 * dropped silently by a cluster's own decoding too, or refused by its strict validation), so every parsed object is
 * walked, field by field, and any non-empty {@code additionalProperties} names the object and the field's path.
 */
final class StrictModel {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictModel() {}

    /** The typed object, or an {@link IllegalArgumentException} naming every field the model does not know. */
    static HasMetadata parse(String yaml, String source) {
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": the Kubernetes model cannot read it: " + e.getMessage(), e);
        }
        if (!(parsed instanceof HasMetadata object)) {
            throw new IllegalArgumentException(source + ": not a Kubernetes object");
        }
        if (object instanceof GenericKubernetesResource) {
            throw new IllegalArgumentException(source + ": " + object.getApiVersion() + " " + object.getKind()
                    + " is not a kind the Kubernetes model knows");
        }
        List<String> unknown = unknownFields(object);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": fields the Kubernetes model does not know: " + unknown);
        }
        return object;
    }

    /** The paths (spec.template.spec.containers[0].livenessProbe.httpGett) of the fields the model kept aside. */
    static List<String> unknownFields(Object object) {
        List<String> unknown = new ArrayList<>();
        walk(object, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "[" + key + "]", unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(key -> unknown.add(join(path, String.valueOf(key))));
                    }
                    continue;
                }
                walk(fieldValue, join(path, propertyName(field)), unknown);
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static String propertyName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
