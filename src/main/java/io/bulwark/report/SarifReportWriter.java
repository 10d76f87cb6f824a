package io.bulwark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Report;
import io.bulwark.audit.Rule;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Target;
import io.bulwark.audit.TargetReport;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0 for code scanning: one run, the rules in force as {@code tool.driver.rules},
 * one result per failed finding (waived ones carry an accepted suppression). A config-file
 * target is the result's file; any other target is a logical location named after it.
 */
public final class SarifReportWriter implements ReportWriter {
    static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonTree.write(tree(report), out);
    }

    static ObjectNode tree(Report report) {
        ObjectNode root = JsonTree.object();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "bulwark");
        driver.put("version", report.version());
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Finding f : report.findings()) {
            if (!ruleIndex.containsKey(f.rule().id())) {
                ruleIndex.put(f.rule().id(), ruleIndex.size());
                rules.add(rule(f.rule()));
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.put("endTimeUtc", report.generatedAt().toString());
        ArrayNode results = run.putArray("results");
        for (TargetReport t : report.targets()) {
            for (Finding f : t.findings()) {
                if (f.status() == FindingStatus.FAIL || f.status() == FindingStatus.WAIVED) {
                    results.add(result(f, t.target(), ruleIndex.get(f.rule().id())));
                }
            }
        }
        return root;
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode node = JsonTree.object();
        node.put("id", rule.id());
        node.putObject("shortDescription").put("text", rule.title());
        node.putObject("fullDescription").put("text", rule.why());
        ObjectNode help = node.putObject("help");
        help.put("text", helpText(rule, false));
        help.put("markdown", helpText(rule, true));
        node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode properties = node.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("security");
        tags.add(rule.surface().id());
        properties.put("security-severity", securitySeverity(rule.severity()));
        properties.put("severity", rule.severity().id());
        properties.put("surface", rule.surface().title());
        return node;
    }

    private static String helpText(Rule rule, boolean markdown) {
        String bold = markdown ? "**" : "";
        StringBuilder text = new StringBuilder(bold + "Fix:" + bold + " " + rule.fix());
        if (!rule.runOption().isEmpty()) {
            text.append("\n\n").append(bold).append("bulwark run:").append(bold).append(" ").append(rule.runOption());
        }
        if (!rule.references().cis().isEmpty()) {
            text.append("\n\n").append(bold).append("CIS Docker Benchmark:").append(bold).append(" ")
                    .append(String.join(", ", rule.references().cis()));
        }
        if (!rule.references().pss().isEmpty()) {
            text.append("\n\n").append(bold).append("Kubernetes Pod Security Standards:").append(bold).append(" ")
                    .append(String.join(", ", rule.references().pss()));
        }
        return text.toString();
    }

    private static ObjectNode result(Finding f, Target target, int index) {
        ObjectNode node = JsonTree.object();
        node.put("ruleId", f.rule().id());
        node.put("ruleIndex", index);
        node.put("level", level(f.rule().severity()));
        node.putObject("message").put("text", message(f, target));
        ObjectNode location = node.putArray("locations").addObject();
        if ("config".equals(target.kind())) {
            ObjectNode artifact = location.putObject("physicalLocation").putObject("artifactLocation");
            Path file = Path.of(target.id());
            if (file.isAbsolute()) {
                artifact.put("uri", file.toUri().toString());
            } else {
                artifact.put("uri", relativeUri(target.id()));
                artifact.put("uriBaseId", "%SRCROOT%");
            }
        } else {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", target.description());
            logical.put("fullyQualifiedName", target.kind() + ":" + target.id());
            logical.put("kind", "resource");
        }
        // Stable across runs, so code scanning tracks one alert per rule and target.
        node.putObject("partialFingerprints").put("bulwarkFinding/v1", fingerprint(f.rule().id(), target));
        f.waiver().filter(w -> f.status() == FindingStatus.WAIVED).ifPresent(w -> {
            ObjectNode suppression = node.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", w.reason() + " (waived until " + w.expires() + " by " + w.source() + ")");
        });
        ObjectNode properties = node.putObject("properties");
        properties.put("target", target.id());
        properties.put("severity", f.rule().severity().id());
        properties.put("status", f.status().id());
        return node;
    }

    private static String message(Finding f, Target target) {
        String evidence = f.evidence().stream().map(FactText::line).collect(Collectors.joining("; "));
        String expired = f.waiverExpired() ? " The waiver expired on " + f.waiver().orElseThrow().expires() + "." : "";
        return f.rule().title() + " on " + target.description() + "." + expired
                + " Evidence: " + evidence + ". Fix: " + f.rule().fix();
    }

    /** error for critical and high, warning for medium, note for low and info. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** Code scanning's scale: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    private static String relativeUri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("config target path " + path + " cannot be a URI", e);
        }
    }

    private static String fingerprint(String ruleId, Target target) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((ruleId + "\n" + target.kind() + "\n" + target.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
