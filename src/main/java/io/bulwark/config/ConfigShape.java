package io.bulwark.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bulwark.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of the fields the config readers use ({@code config-shapes.yaml}), checked before
 * a reader sees the config: the readers take a field of another type for an absent one, so a
 * quoted {@code privileged: "true"} would read as unprivileged and pass. A wrong type is bad
 * input, named by its path.
 */
final class ConfigShape {
    private static final Map<String, Map<String, String>> SHAPES = load();

    private ConfigShape() {
    }

    /**
     * Checks {@code node} against the shape {@code shape} of the data file.
     *
     * @param file  the config file, for the message
     * @param where the path of {@code node} in the file ("" at the top), for the message
     */
    static void check(String shape, JsonNode node, String file, String where) {
        Map<String, String> fields = SHAPES.get(shape);
        if (fields == null) {
            throw new IllegalStateException("config-shapes.yaml has no shape " + shape);
        }
        walk(node, List.of(), where, "mapping", file); // every shape describes a mapping
        fields.forEach((path, type) -> walk(node, Arrays.asList(path.split("\\.")), where, type, file));
    }

    private static void walk(JsonNode node, List<String> steps, String at, String type, String file) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return; // absent: the readers' defaults apply
        }
        if (steps.isEmpty()) {
            if (!matches(node, type)) {
                throw new InputException("--config " + file + ": " + (at.isEmpty() ? "the top" : at) + " should be " + describe(type)
                        + ", not " + found(node) + "; give the config as the engine or kubectl wrote it");
            }
            return;
        }
        if (!node.isObject()) {
            return; // its own entry in the shape reports the wrong type of this level
        }
        String step = steps.get(0);
        boolean each = step.endsWith("[]");
        String name = each ? step.substring(0, step.length() - 2) : step;
        JsonNode child = node.get(name);
        String childAt = at.isEmpty() ? name : at + "." + name;
        List<String> rest = steps.subList(1, steps.size());
        if (!each) {
            walk(child, rest, childAt, type, file);
        } else if (child != null && child.isArray()) {
            for (int i = 0; i < child.size(); i++) {
                walk(child.get(i), rest, childAt + "[" + i + "]", type, file);
            }
        }
    }

    private static boolean matches(JsonNode node, String type) {
        return switch (type) {
            case "mapping" -> node.isObject();
            case "list" -> node.isArray();
            case "text" -> node.isTextual();
            case "boolean" -> node.isBoolean();
            case "number" -> node.isNumber();
            default -> throw new IllegalStateException("config-shapes.yaml: unknown type " + type);
        };
    }

    private static String describe(String type) {
        return switch (type) {
            case "mapping" -> "a mapping (key: value)";
            case "list" -> "a list";
            case "text" -> "text";
            case "boolean" -> "true or false";
            default -> "a number";
        };
    }

    private static String found(JsonNode node) {
        String text = node.isContainerNode() ? (node.isArray() ? "a list" : "a mapping") : node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static Map<String, Map<String, String>> load() {
        String resource = "io/bulwark/config/config-shapes.yaml";
        try (InputStream in = ConfigShape.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            Map<String, LinkedHashMap<String, String>> read = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
            return Map.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is malformed: " + e.getMessage(), e);
        }
    }
}
