package io.bulwark;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;

/** Where in a YAML or JSON input file Jackson found a problem, as "rules[2].severity: ". */
public final class InputLocation {
    private InputLocation() {
    }

    /**
     * The path of the offending value, or empty at the top. Jackson's line for record
     * properties points past the object, so only the path is given: it is exact.
     */
    public static String of(JsonMappingException e) {
        return at(e.getPath());
    }

    private static String at(List<JsonMappingException.Reference> path) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                at.append('[').append(ref.getIndex()).append(']');
            }
        }
        return at.length() == 0 ? "" : at + ": ";
    }

    /** The first line of a parser message, without Jackson's source-location noise. */
    public static String firstLine(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
        int noise = first.indexOf(" (start marker at");
        return noise < 0 ? first : first.substring(0, noise);
    }

    /**
     * A value of the wrong kind, or a required one missing, where it stands and in the user's
     * words rather than Java's types: "rules[0]: missing 'id'", "waivers: expected a list".
     */
    public static String mismatch(MismatchedInputException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (e.getOriginalMessage().startsWith("Missing required creator property") && !path.isEmpty()) {
            return at(path.subList(0, path.size() - 1)) + "missing '" + path.get(path.size() - 1).getFieldName() + "'";
        }
        return at(path) + "expected " + kind(e.getTargetType());
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (key: value)";
    }
}
