package io.bulwark.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bulwark.InputException;
import io.bulwark.InputLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a waiver file, YAML or JSON (by extension), of the shape
 * <pre>
 * waivers:
 *   - rule: BW-ROOT-001
 *     target: "ci-runner-*"      # glob over target id or description; default "*"
 *     reason: CI runners are root by design; tracked in SEC-12
 *     expires: 2026-12-31        # last day in force
 * </pre>
 * Every problem is one {@link InputException} naming the file and the entry.
 */
public final class WaiverFile {
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private WaiverFile() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    record File(@JsonProperty(value = "waivers", required = true) List<Entry> waivers) {
    }

    record Entry(
            @JsonProperty("rule") String rule,
            @JsonProperty("target") String target,
            @JsonProperty("reason") String reason,
            @JsonProperty("expires") String expires) {
    }

    public static Waivers load(Path path) {
        String name = path.toString();
        File file;
        try {
            byte[] bytes = Files.readAllBytes(path);
            ObjectMapper mapper = name.endsWith(".json") ? JSON : YAML;
            // Syntax first, then shape: a syntax error is then never mistaken for a wrong field.
            file = mapper.treeToValue(syntax(mapper, bytes, name), File.class);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": waiver file not found; check the --waivers path");
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(name + ": " + InputLocation.of(e) + "unknown field '" + e.getPropertyName()
                    + "' (a waiver has rule, target, reason, expires)", e);
        } catch (MismatchedInputException e) {
            throw new InputException(name + ": " + InputLocation.mismatch(e)
                    + " (a waiver file is 'waivers:' with a list of rule, target, reason, expires)", e);
        } catch (JsonMappingException e) {
            throw new InputException(name + ": " + InputLocation.of(e) + InputLocation.firstLine(e.getOriginalMessage())
                    + " (expected 'waivers:' with a list of rule, target, reason, expires)", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read the waiver file: " + e.getMessage(), e);
        }
        if (file == null || file.waivers() == null) {
            throw new InputException(name + ": no 'waivers' list (expected 'waivers:' with a list of rule, target, reason, expires)");
        }
        List<Waiver> waivers = new ArrayList<>();
        for (int i = 0; i < file.waivers().size(); i++) {
            waivers.add(waiver(name, "waivers[" + i + "]", file.waivers().get(i)));
        }
        return new Waivers(waivers);
    }

    private static com.fasterxml.jackson.databind.JsonNode syntax(ObjectMapper mapper, byte[] bytes, String name) throws IOException {
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InputException(name + ": not valid " + (name.endsWith(".json") ? "JSON" : "YAML")
                    + line + ": " + InputLocation.firstLine(e.getOriginalMessage()), e);
        }
    }

    private static Waiver waiver(String file, String at, Entry e) {
        if (e == null) {
            throw new InputException(file + ": " + at + ": empty waiver");
        }
        String rule = required(file, at, "rule", e.rule());
        String reason = required(file, at + " (" + rule + ")", "reason", e.reason());
        String expires = required(file, at + " (" + rule + ")", "expires", e.expires());
        LocalDate date;
        try {
            date = LocalDate.parse(expires.trim());
        } catch (DateTimeParseException ex) {
            throw new InputException(file + ": " + at + " (" + rule + "): expires '" + expires
                    + "' is not a date; write it as YYYY-MM-DD", ex);
        }
        String target = e.target() == null || e.target().isBlank() ? "*" : e.target().trim();
        return new Waiver(rule.trim(), target, reason.strip(), date, file + ", " + at);
    }

    private static String required(String file, String at, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InputException(file + ": " + at + ": missing '" + key + "'"
                    + ("expires".equals(key) ? " (YYYY-MM-DD; every waiver must end, to be reviewed)" : ""));
        }
        return value;
    }
}
