package org.caravan.platform.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus alerting rules operators load ({@code deployment/prometheus/caravan-alerts.yml}), read as Prometheus
 * reads them, and the metric names each rule's expression queries, so that a test can hold them to what the
 * services expose: a renamed metric would otherwise leave an alert that never fires.
 */
final class AlertRules {

    /** Where the rules file is, from a module's folder (the tests' working directory). */
    static final Path FILE = Path.of("..", "deployment", "prometheus", "caravan-alerts.yml");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan");

    private AlertRules() {}

    /** Each alert's name and its expression, in file order. */
    @SuppressWarnings("unchecked")
    static Map<String, String> alerts(Path file) throws IOException {
        Map<String, String> alerts = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    Object alert = rule.get("alert");
                    if (alert != null) {
                        alerts.put(alert.toString(), String.valueOf(rule.get("expr")));
                    }
                }
            }
        }
        return alerts;
    }

    /** The metric names a PromQL expression queries: not its functions, keywords, labels, numbers or durations. */
    static Set<String> metrics(String expression) {
        String bare = STRINGS.matcher(expression).replaceAll(" ");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGES.matcher(bare).replaceAll(" ");
        bare = GROUPINGS.matcher(bare).replaceAll(" ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            boolean inNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !inNumber && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                metrics.add(name);
            }
        }
        return metrics;
    }

    /** Every metric any alert of the file queries. */
    static List<String> metricsOf(Path file) throws IOException {
        List<String> all = new ArrayList<>();
        alerts(file).values().forEach(expression -> metrics(expression).stream()
                .filter(metric -> !all.contains(metric))
                .forEach(all::add));
        return all;
    }
}
