package io.bulwark;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Where in a YAML or JSON input file Jackson found a problem, as "rules[2].severity: ". */
public final class InputLocation {
    private InputLocation() {
    }

    /**
     * The path of the offending value, or empty at the top. Jackson's line for record
     * properties points past the object, so only the path is given: it is exact.
     */
    public static String of(JsonMappingException e) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
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
}
