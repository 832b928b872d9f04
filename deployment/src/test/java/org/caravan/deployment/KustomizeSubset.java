package org.caravan.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of Kustomize the manifests use and
 * nothing more, so the build needs neither kubectl nor kustomize. The subset:
 *
 * <ul>
 *   <li>{@code resources}: YAML files (several documents each) and directories holding a kustomization, rendered
 *       first;
 *   <li>{@code patches}: entries with a {@code path} only, a strategic-merge patch naming its target by kind and
 *       name, made of maps and scalars (a list or a null in a patch is refused: their merge rules are not copied);
 *   <li>{@code namespace}: set on every object, each of a kind known to be namespaced;
 *   <li>{@code images}: {@code name}, {@code newName}, {@code newTag} on every container of a pod template;
 *   <li>{@code replicas}: {@code name}, {@code count} on a Deployment.
 * </ul>
 *
 * Transformations run in Kustomize's order (patches, namespace, replicas, images). Anything else in a
 * kustomization is refused, as are an images or replicas entry that matches nothing (which Kustomize would ignore),
 * so a manifest can only use what this class renders faithfully; {@code KubectlKustomizeAgreementTests} compares
 * the two where kubectl is on the PATH.
 */
final class KustomizeSubset {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final Set<String> KUSTOMIZATION_FIELDS =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images", "replicas");

    private static final Set<String> NAMESPACED_KINDS = Set.of(
            "ConfigMap",
            "Deployment",
            "HorizontalPodAutoscaler",
            "Ingress",
            "PodDisruptionBudget",
            "Service",
            "ServiceAccount");

    private KustomizeSubset() {}

    /** The objects the kustomization in this directory renders to, in the order of its resources. */
    static List<ObjectNode> render(Path directory) {
        ObjectNode kustomization = single(directory.resolve("kustomization.yaml"));
        for (String field : kustomization.propertyNames()) {
            if (!KUSTOMIZATION_FIELDS.contains(field)) {
                throw refused(directory, "the field " + field + " is outside the subset " + KUSTOMIZATION_FIELDS);
            }
        }
        if (!"kustomize.config.k8s.io/v1beta1".equals(text(kustomization, "apiVersion"))
                || !"Kustomization".equals(text(kustomization, "kind"))) {
            throw refused(directory, "not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (JsonNode entry : list(kustomization, "resources")) {
            Path resource = directory.resolve(entry.asString()).normalize();
            List<ObjectNode> loaded = Files.isDirectory(resource) ? render(resource) : documents(resource);
            for (ObjectNode object : loaded) {
                if (objects.putIfAbsent(id(object), object) != null) {
                    throw refused(directory, "two objects are " + id(object));
                }
            }
        }
        for (JsonNode entry : list(kustomization, "patches")) {
            onlyFields(directory, entry, Set.of("path"));
            patch(directory, objects, single(directory.resolve(entry.get("path").asString())));
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asString();
            for (ObjectNode object : objects.values()) {
                if (!NAMESPACED_KINDS.contains(text(object, "kind"))) {
                    throw refused(directory, id(object) + " is not of a kind known to be namespaced");
                }
                ((ObjectNode) object.get("metadata")).put("namespace", namespace);
            }
        }
        for (JsonNode entry : list(kustomization, "replicas")) {
            onlyFields(directory, entry, Set.of("name", "count"));
            List<ObjectNode> targets = objects.values().stream()
                    .filter(object -> "Deployment".equals(text(object, "kind")))
                    .filter(object -> entry.get("name").asString().equals(name(object)))
                    .toList();
            if (targets.isEmpty()) {
                throw refused(directory, "replicas of " + entry.get("name").asString() + ": no such Deployment");
            }
            targets.forEach(target -> ((ObjectNode) target.get("spec"))
                    .put("replicas", entry.get("count").asInt()));
        }
        for (JsonNode entry : list(kustomization, "images")) {
            onlyFields(directory, entry, Set.of("name", "newName", "newTag"));
            if (setImages(objects.values(), entry) == 0) {
                throw refused(directory, "image " + entry.get("name").asString() + " is in no container");
            }
        }
        return new ArrayList<>(objects.values());
    }

    /** Kind, namespace and name: what Kustomize and Kubernetes tell objects apart by. */
    static String id(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        String namespace = metadata.has("namespace") ? metadata.get("namespace").asString() : "";
        return text(object, "kind") + "/" + namespace + "/" + name(object);
    }

    /** The YAML documents of this text, each an object (empty documents left out). */
    static List<ObjectNode> documents(String yaml, String source) {
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode document :
                YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (document == null || document.isNull() || document.isMissingNode()) {
                continue;
            }
            if (!(document instanceof ObjectNode object)
                    || !object.has("kind")
                    || !object.has("apiVersion")
                    || !(object.get("metadata") instanceof ObjectNode metadata)
                    || !metadata.has("name")) {
                throw new IllegalArgumentException(
                        source + ": every document must be an object with apiVersion, kind and metadata.name");
            }
            documents.add(object);
        }
        return documents;
    }

    private static List<ObjectNode> documents(Path file) {
        return documents(read(file), file.toString());
    }

    private static ObjectNode single(Path file) {
        List<ObjectNode> documents = file.getFileName().toString().equals("kustomization.yaml")
                ? List.of((ObjectNode) YAML.readTree(read(file)))
                : documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + ": one document expected, found " + documents.size());
        }
        return documents.get(0);
    }

    private static void patch(Path directory, Map<String, ObjectNode> objects, ObjectNode patch) {
        List<ObjectNode> targets = objects.values().stream()
                .filter(object -> text(object, "kind").equals(text(patch, "kind")))
                .filter(object -> text(object, "apiVersion").equals(text(patch, "apiVersion")))
                .filter(object -> name(object).equals(name(patch)))
                .toList();
        if (targets.size() != 1) {
            throw refused(
                    directory,
                    "the patch of " + text(patch, "kind") + " " + name(patch) + " matches " + targets.size()
                            + " objects, not one");
        }
        merge(directory, targets.get(0), patch, "");
    }

    private static void merge(Path directory, ObjectNode target, ObjectNode patch, String path) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String at = path + "/" + field.getKey();
            JsonNode value = field.getValue();
            if (value.isArray() || value.isNull()) {
                throw refused(directory, "the patch has a list or a null at " + at + ", outside the subset");
            }
            if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(directory, existing, (ObjectNode) value, at);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static int setImages(Iterable<ObjectNode> objects, JsonNode entry) {
        int changed = 0;
        for (ObjectNode object : objects) {
            JsonNode podSpec = object.path("spec").path("template").path("spec");
            for (String field : List.of("initContainers", "containers")) {
                for (JsonNode container : podSpec.path(field)) {
                    changed += setImage((ObjectNode) container, entry);
                }
            }
        }
        return changed;
    }

    private static int setImage(ObjectNode container, JsonNode entry) {
        String image = container.get("image").asString();
        int digest = image.indexOf('@');
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        int end = digest >= 0 ? digest : colon > slash ? colon : image.length();
        String name = image.substring(0, end);
        if (!name.equals(entry.get("name").asString())) {
            return 0;
        }
        String suffix = image.substring(end);
        String newName = entry.has("newName") ? entry.get("newName").asString() : name;
        String newSuffix = entry.has("newTag") ? ":" + entry.get("newTag").asString() : suffix;
        container.put("image", newName + newSuffix);
        return 1;
    }

    private static void onlyFields(Path directory, JsonNode entry, Set<String> allowed) {
        for (String field : entry.propertyNames()) {
            if (!allowed.contains(field)) {
                throw refused(directory, "the entry field " + field + " is outside the subset " + allowed);
            }
        }
    }

    private static Iterable<JsonNode> list(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof ArrayNode array)) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        return array;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException refused(Path directory, String why) {
        return new IllegalArgumentException(directory + "/kustomization.yaml: " + why);
    }
}
