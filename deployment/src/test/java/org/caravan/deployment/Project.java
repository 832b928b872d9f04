package org.caravan.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** What the rest of the project says the components need: docker-compose.yml and each one's application.yml. */
final class Project {

    static final Path ROOT = Path.of("..");

    static final List<String> COMPONENTS = List.of(
            "identity-service",
            "gateway",
            "event-service",
            "volunteer-service",
            "donation-service",
            "notification-service");

    private static final Pattern REQUIRED_IN_COMPOSE = Pattern.compile("\\$\\{[A-Z_]+:\\?.*}");

    private Project() {}

    /** The variables docker-compose.yml gives the component's container, with their values there. */
    static Map<String, String> composeEnvironment(String component) {
        Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> environment = map(map(services.get(component)).get("environment"));
        Map<String, String> variables = new LinkedHashMap<>();
        environment.forEach((name, value) -> variables.put(name, String.valueOf(value)));
        return variables;
    }

    /** The variables compose refuses to start without (${...:?...}): the operator's secrets. */
    static List<String> composeRequiredVariables(String component) {
        return composeEnvironment(component).entrySet().stream()
                .filter(variable ->
                        REQUIRED_IN_COMPOSE.matcher(variable.getValue()).matches())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The environment variables of caravan.secrets.required in the component's application.yml. */
    static List<String> requiredSecretVariables(String component) {
        Map<String, Object> configuration = load(ROOT.resolve(component).resolve("src/main/resources/application.yml"));
        Object caravan = configuration.get("caravan");
        Object secrets = caravan == null ? null : map(caravan).get("secrets");
        Object required = secrets == null ? null : map(secrets).get("required");
        if (required == null) {
            return List.of();
        }
        return Arrays.stream(String.valueOf(required).split(","))
                .map(String::trim)
                .filter(property -> !property.isEmpty())
                .map(property -> property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT))
                .toList();
    }

    static String readme() {
        return read(ROOT.resolve("README.md"));
    }

    private static Map<String, Object> load(Path file) {
        return map(new Yaml().load(read(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a map expected, found " + value);
        }
        return (Map<String, Object>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
