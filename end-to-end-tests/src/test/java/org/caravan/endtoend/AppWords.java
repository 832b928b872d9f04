package org.caravan.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's own words in one language, read from its dictionaries (web-app/src/i18n/messages.ts), so a browser
 * test finds buttons and headings by what a person reads, in either language, and follows a change of wording.
 */
final class AppWords {

    private static final Path MESSAGES =
            Path.of("..").toAbsolutePath().normalize().resolve("web-app/src/i18n/messages.ts");
    private static final Pattern ENTRY = Pattern.compile("^\\s+'([^']+)':\\s*'((?:[^'\\\\]|\\\\.)*)',?\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final String language;
    private final Map<String, String> words;

    private AppWords(String language, Map<String, String> words) {
        this.language = language;
        this.words = words;
    }

    /** The dictionary of "en" or "zh-CN". */
    static AppWords in(String language) {
        String start =
                switch (language) {
                    case "en" -> "export const en = {";
                    case "zh-CN" -> "export const zhCN: Dictionary = {";
                    default -> throw new IllegalArgumentException("The app has no dictionary for " + language);
                };
        List<String> lines;
        try {
            lines = Files.readAllLines(MESSAGES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> words = new HashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith(start)) {
                inside = true;
            } else if (inside && line.startsWith("}")) {
                break;
            } else if (inside) {
                Matcher entry = ENTRY.matcher(line);
                if (entry.matches()) {
                    words.put(entry.group(1), entry.group(2).replace("\\'", "'"));
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("No words for " + language + " in " + MESSAGES);
        }
        return new AppWords(language, words);
    }

    String language() {
        return language;
    }

    /** The text of the key, its placeholders filled in (in pairs: name, value). */
    String of(String key, String... placeholders) {
        String text = words.get(key);
        if (text == null) {
            throw new IllegalArgumentException("The " + language + " dictionary has no single-line " + key);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < placeholders.length; i += 2) {
            values.put(placeholders[i], placeholders[i + 1]);
        }
        return PLACEHOLDER
                .matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), match.group())));
    }

    /** The text before the key's first placeholder: what a sentence about anyone begins with. */
    String prefixOf(String key) {
        String text = of(key);
        int brace = text.indexOf('{');
        return brace < 0 ? text : text.substring(0, brace);
    }
}
