package io.bulwark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.InputException;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON report that {@link JsonReportWriter} wrote (schema {@value JsonReportWriter#SCHEMA})
 * for a baseline or a diff. Anything else is one {@link InputException} naming the file.
 */
public final class JsonReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReportReader() {
    }

    public static SavedReport read(Path path) {
        String name = path.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": report not found; give a JSON report written by 'bulwark scan --format json'");
        } catch (JsonProcessingException e) {
            throw new InputException(name + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "; give a report written by 'bulwark scan --format json'", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read the report: " + e.getMessage(), e);
        }
        return parse(root, name);
    }

    static SavedReport parse(JsonNode root, String name) {
        if (root == null || !root.isObject()) {
            throw new InputException(name + ": not a bulwark JSON report (expected an object); give one written by 'bulwark scan --format json'");
        }
        String schema = root.path("schema").asText("");
        if (!JsonReportWriter.SCHEMA.equals(schema)) {
            throw new InputException(name + ": not a bulwark JSON report (schema is '" + schema + "', expected '"
                    + JsonReportWriter.SCHEMA + "'); give one written by 'bulwark scan --format json'");
        }
        List<SavedReport.Entry> findings = new ArrayList<>();
        JsonNode targets = array(root, "targets", name, "");
        for (int i = 0; i < targets.size(); i++) {
            String at = "targets[" + i + "]";
            JsonNode t = targets.get(i);
            JsonNode target = t.path("target");
            Target scanned = new Target(text(target, "kind", name, at + ".target"), text(target, "id", name, at + ".target"),
                    text(target, "description", name, at + ".target"));
            JsonNode entries = array(t, "findings", name, at);
            for (int j = 0; j < entries.size(); j++) {
                findings.add(entry(entries.get(j), scanned, name, at + ".findings[" + j + "]"));
            }
        }
        return new SavedReport(name, root.path("version").asText(""), root.path("generatedAt").asText(""), findings);
    }

    private static SavedReport.Entry entry(JsonNode f, Target target, String name, String at) {
        String severity = text(f, "severity", name, at);
        String status = text(f, "status", name, at);
        try {
            return new SavedReport.Entry(target, text(f, "ruleId", name, at), text(f, "title", name, at),
                    text(f, "surface", name, at), Severity.parse(severity), FindingStatus.parse(status), f.path("fix").asText(""));
        } catch (IllegalArgumentException e) {
            throw new InputException(name + ": " + at + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode array(JsonNode node, String field, String name, String at) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new InputException(name + ": " + (at.isEmpty() ? "" : at + ": ") + "missing the '" + field
                    + "' list; is it a complete bulwark JSON report?");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String name, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new InputException(name + ": " + at + ": missing the text field '" + field
                    + "'; is it a complete bulwark JSON report?");
        }
        return value.asText();
    }
}
