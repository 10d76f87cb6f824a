package io.bulwark.audit;

import io.bulwark.InputLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules in force: the built-in files (one per surface, shipped in the jar) plus any
 * user directories. Loading validates everything; ids are unique across all files.
 */
public final class RuleSet {
    private static final String BUILTIN = "io/bulwark/audit-rules/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<String, Rule> byId;

    private RuleSet(Map<String, Rule> byId) {
        this.byId = byId;
    }

    /** The built-in rules and those in {@code userDirs}, validated against {@code catalog}. */
    public static RuleSet load(FactCatalog catalog, List<Path> userDirs) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Surface surface : Surface.values()) {
            String resource = BUILTIN + surface.id() + ".yaml";
            try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    addAll(rules, read(in, "audit-rules/" + surface.id() + ".yaml", catalog));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path dir : userDirs) {
            for (Path file : ruleFiles(dir)) {
                try (InputStream in = Files.newInputStream(file)) {
                    addAll(rules, read(in, file.toString(), catalog));
                } catch (IOException e) {
                    throw new RuleFileException(file.toString(), "cannot read: " + e.getMessage(), e);
                }
            }
        }
        return new RuleSet(rules);
    }

    private static List<Path> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleFileException(dir.toString(), "not a directory of rule files (give --rules a directory of *.yaml files)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new RuleFileException(dir.toString(), "cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Rule> read(InputStream in, String source, FactCatalog catalog) throws IOException {
        RuleFileFormat.File file;
        try {
            file = YAML.readValue(in, RuleFileFormat.File.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RuleFileException(source, InputLocation.of(e) + "unknown field '" + e.getPropertyName()
                    + "' (known: " + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")", e);
        } catch (MismatchedInputException e) {
            throw new RuleFileException(source, InputLocation.mismatch(e), e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                String line = syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr() + ")";
                throw new RuleFileException(source, "not valid YAML" + line + ": " + InputLocation.firstLine(syntax.getOriginalMessage()), e);
            }
            throw new RuleFileException(source, InputLocation.of(e) + InputLocation.firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new RuleFileException(source, "not valid YAML: " + InputLocation.firstLine(e.getOriginalMessage()), e);
        }
        if (file == null) {
            throw new RuleFileException(source, "empty rule file (expected 'surface' and 'rules')");
        }
        return RuleFileFormat.toRules(file, source, catalog);
    }

    private static void addAll(Map<String, Rule> rules, List<Rule> more) {
        for (Rule rule : more) {
            Rule previous = rules.putIfAbsent(rule.id(), rule);
            if (previous != null) {
                throw new RuleFileException(rule.source(), "duplicate rule id '" + rule.id()
                        + "' (already defined in " + previous.source() + ")");
            }
        }
    }

    public List<Rule> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
