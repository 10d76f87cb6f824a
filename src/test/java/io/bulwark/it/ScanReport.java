package io.bulwark.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON report of one {@code bulwark scan --format json}, as a user's tooling reads it:
 * the facts of {@code targets[0]} by name, each {name, observed, value, evidence, confidence}.
 */
final class ScanReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String environment;
    private final Map<String, JsonNode> facts;

    private ScanReport(String environment, Map<String, JsonNode> facts) {
        this.environment = environment;
        this.facts = facts;
    }

    /** Parses the scan's standard output; {@code environment} names where it ran, for messages. */
    static ScanReport parse(String environment, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(environment + ": the scan did not print a JSON report: " + e.getOriginalMessage()
                    + "\n--- output ---\n" + abbreviate(json));
        }
        JsonNode list = root.path("targets").path(0).path("facts");
        if (!list.isArray()) {
            throw new AssertionError(environment + ": the report has no targets[0].facts array\n" + abbreviate(json));
        }
        Map<String, JsonNode> facts = new LinkedHashMap<>();
        list.forEach(fact -> facts.put(fact.path("name").asText(), fact));
        return new ScanReport(environment, facts);
    }

    String environment() {
        return environment;
    }

    Optional<JsonNode> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + " …";
    }
}
