package io.bulwark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON documents bulwark writes (the report, SARIF, the diff): trees built field by field,
 * so that each schema is explicit in its writer, written indented and ended by a newline,
 * leaving the writer open for the caller to close.
 */
public final class JsonTree {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    static final JsonNodeFactory NODES = JSON.getNodeFactory();

    private JsonTree() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static void write(JsonNode tree, Writer out) throws IOException {
        JSON.writeValue(out, tree);
        out.write('\n');
    }

    /** Any other value, serialised and read back as a tree. */
    static JsonNode of(Object value) {
        return JSON.valueToTree(value);
    }
}
