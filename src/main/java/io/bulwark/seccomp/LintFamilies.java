package io.bulwark.seccomp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bulwark.InputException;
import io.bulwark.audit.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the families of dangerous syscalls from lint-families.yaml (the shipped one, or a file in tests). */
public final class LintFamilies {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RESOURCE = "/io/bulwark/seccomp/lint-families.yaml";

    private final String source;

    private LintFamilies(String source) {
        this.source = source;
    }

    public static List<LintFamily> bundled() {
        try (InputStream in = LintFamilies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(RESOURCE, in);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static List<LintFamily> parse(String source, InputStream in) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        LintFamilies reader = new LintFamilies(source);
        JsonNode families = root == null ? null : root.get("families");
        if (families == null || !families.isArray()) {
            throw reader.fail("families", "missing; the file is a list 'families:' of {id, severity, why, syscalls}");
        }
        List<LintFamily> list = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            list.add(reader.family(families.get(i), "families[" + i + "]"));
        }
        return list;
    }

    private LintFamily family(JsonNode node, String at) {
        String id = required(node, at, "id");
        Severity severity = severity(required(node, at, "severity"), at + ".severity");
        JsonNode syscalls = node.get("syscalls");
        if (syscalls == null || !syscalls.isArray() || syscalls.isEmpty()) {
            throw fail(at + ".syscalls", "missing or empty; list the family's syscalls");
        }
        List<LintFamily.Member> members = new ArrayList<>();
        for (int i = 0; i < syscalls.size(); i++) {
            members.add(member(syscalls.get(i), at + ".syscalls[" + i + "]"));
        }
        return new LintFamily(id, severity, required(node, at, "why"), members);
    }

    private LintFamily.Member member(JsonNode node, String at) {
        if (node.isTextual()) {
            return new LintFamily.Member(node.asText(), null, null, null, null);
        }
        String name = required(node, at, "name");
        JsonNode sev = node.get("severity");
        return new LintFamily.Member(name, when(node.get("when"), at + ".when"), optional(node, "capability"),
                sev == null ? null : severity(sev.asText(), at + ".severity"), optional(node, "note"));
    }

    private DangerCondition when(JsonNode node, String at) {
        if (node == null) {
            return null;
        }
        JsonNode index = node.get("index");
        if (index == null || !index.canConvertToInt() || index.asInt() < 0 || index.asInt() > ArgCondition.MAX_INDEX) {
            throw fail(at + ".index", "missing or outside 0..5");
        }
        Long anyBits = node.has("anyBits") ? number(node.get("anyBits"), at + ".anyBits") : null;
        List<Long> notIn = new ArrayList<>();
        JsonNode values = node.get("notIn");
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                notIn.add(number(values.get(i), at + ".notIn[" + i + "]"));
            }
        }
        if ((anyBits == null) == notIn.isEmpty()) {
            throw fail(at, "give exactly one of anyBits and notIn");
        }
        return new DangerCondition(index.asInt(), anyBits, notIn);
    }

    private long number(JsonNode node, String at) {
        String text = node.asText().trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw fail(at, "'" + node.asText() + "' is not a number; write 42 or \"0x2a\"");
        }
    }

    private Severity severity(String text, String at) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(at, e.getMessage());
        }
    }

    private String required(JsonNode node, String at, String key) {
        String v = optional(node, key);
        if (v == null || v.isBlank()) {
            throw fail(at + "." + key, "missing");
        }
        return v;
    }

    private static String optional(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private InputException fail(String at, String what) {
        return new InputException(source + ": " + at + ": " + what);
    }
}
