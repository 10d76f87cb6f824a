package io.bulwark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Validates JSON documents against a JSON Schema file (draft-07 or 2020-12), with formats checked. */
public final class SchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchema schema;

    public SchemaCheck(Path schemaFile) throws IOException {
        JsonNode node = JSON.readTree(schemaFile.toFile());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(node));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schema = factory.getSchema(node, config);
    }

    /** The project's own file, e.g. {@code docs/report-schema.json}. */
    public static Path projectFile(String relative) {
        return Path.of(System.getProperty("bulwark.project.dir", ".")).resolve(relative);
    }

    /** A file of the reference data beside the project ({@code ../shared}). */
    public static Path sharedFile(String relative) {
        return Path.of(System.getProperty("bulwark.shared.dir", "../shared")).resolve(relative);
    }

    /** The violations, one line each; empty when the document is valid. */
    public List<String> violations(JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
    }

    public List<String> violations(String document) throws IOException {
        return violations(JSON.readTree(document));
    }
}
