package io.bulwark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulwark.audit.Fact;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Report;
import io.bulwark.audit.Severity;
import io.bulwark.audit.TargetReport;
import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, schema {@value #SCHEMA}, documented in {@code docs/report-schema.json}.
 * The tree is built field by field so that the schema is explicit here and cannot drift
 * with the shape of internal records.
 */
public final class JsonReportWriter implements ReportWriter {
    public static final String SCHEMA = "bulwark-report/1";

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonTree.write(tree(report), out);
    }

    public static ObjectNode tree(Report report) {
        ObjectNode root = JsonTree.object();
        root.put("schema", SCHEMA);
        root.put("version", report.version());
        root.put("generatedAt", report.generatedAt().toString());
        root.set("summary", summary(report.findings()));
        ArrayNode targets = root.putArray("targets");
        for (TargetReport t : report.targets()) {
            ObjectNode node = targets.addObject();
            ObjectNode target = node.putObject("target");
            target.put("kind", t.target().kind());
            target.put("id", t.target().id());
            target.put("description", t.target().description());
            node.set("summary", summary(t.findings()));
            // a fact a finding cites is the same node as in the target's list: built once
            Map<Fact, ObjectNode> factNodes = new IdentityHashMap<>();
            ArrayNode findings = node.putArray("findings");
            t.findings().forEach(f -> findings.add(finding(f, factNodes)));
            ArrayNode facts = node.putArray("facts");
            t.facts().forEach(f -> facts.add(factNodes.computeIfAbsent(f, JsonReportWriter::fact)));
        }
        return root;
    }

    private static ObjectNode summary(List<Finding> findings) {
        ObjectNode summary = JsonTree.object();
        for (FindingStatus status : FindingStatus.values()) {
            summary.put(status.id(), findings.stream().filter(f -> f.status() == status).count());
        }
        ObjectNode bySeverity = summary.putObject("failedBySeverity");
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.id(), findings.stream()
                    .filter(f -> f.status() == FindingStatus.FAIL && f.rule().severity() == severity).count());
        }
        return summary;
    }

    private static ObjectNode finding(Finding f, Map<Fact, ObjectNode> factNodes) {
        ObjectNode node = JsonTree.object();
        node.put("ruleId", f.rule().id());
        node.put("surface", f.rule().surface().id());
        node.put("title", f.rule().title());
        node.put("severity", f.rule().severity().id());
        node.put("status", f.status().id());
        if (!f.reason().isEmpty()) {
            node.put("reason", f.reason());
        }
        f.waiver().ifPresent(w -> {
            ObjectNode waiver = node.putObject("waiver");
            waiver.put("reason", w.reason());
            waiver.put("target", w.target());
            waiver.put("expires", w.expires().toString());
            waiver.put("expired", f.waiverExpired());
            waiver.put("source", w.source());
        });
        ArrayNode evidence = node.putArray("evidence");
        f.evidence().forEach(e -> evidence.add(factNodes.computeIfAbsent(e, JsonReportWriter::fact)));
        node.put("why", f.rule().why());
        node.put("fix", f.rule().fix());
        node.put("runOption", f.rule().runOption());
        ObjectNode refs = node.putObject("references");
        ArrayNode cis = refs.putArray("cis");
        f.rule().references().cis().forEach(cis::add);
        ArrayNode pss = refs.putArray("pss");
        f.rule().references().pss().forEach(pss::add);
        return node;
    }

    static ObjectNode fact(Fact f) {
        ObjectNode node = JsonTree.object();
        node.put("name", f.name());
        node.put("observed", f.observed());
        node.set("value", value(f.value()));
        node.put("evidence", f.evidence());
        if (f.confidence() != null) {
            node.put("confidence", f.confidence().id());
        }
        return node;
    }

    /**
     * A fact's value (boolean, number, text or list of text; null when unobserved) as a node,
     * built directly: valueToTree serialises and re-reads each one, and a host scan has tens
     * of thousands.
     */
    private static JsonNode value(Object value) {
        if (value == null) {
            return JsonTree.NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return JsonTree.NODES.booleanNode(b);
        }
        if (value instanceof Long n) {
            return JsonTree.NODES.numberNode(n);
        }
        if (value instanceof String text) {
            return JsonTree.NODES.textNode(text);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonTree.NODES.arrayNode();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        return JsonTree.of(value);
    }
}
