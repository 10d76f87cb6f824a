package io.bulwark.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulwark.report.JsonTree;
import io.bulwark.report.SavedReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The diff as JSON, schema {@value #SCHEMA}; documented in {@code docs/README.md}. */
public final class JsonDiffWriter implements DiffWriter {
    public static final String SCHEMA = "bulwark-diff/1";

    @Override
    public void write(ReportDiff diff, Writer out) throws IOException {
        JsonTree.write(tree(diff), out);
    }

    static ObjectNode tree(ReportDiff diff) {
        ObjectNode root = JsonTree.object();
        root.put("schema", SCHEMA);
        root.set("before", report(diff.before()));
        root.set("after", report(diff.after()));
        ObjectNode summary = root.putObject("summary");
        summary.put("new", diff.newFailures().size());
        summary.put("fixed", diff.fixed().size());
        summary.put("changed", diff.changed().size());
        changes(root.putArray("new"), diff.newFailures());
        changes(root.putArray("fixed"), diff.fixed());
        changes(root.putArray("changed"), diff.changed());
        return root;
    }

    private static ObjectNode report(SavedReport report) {
        ObjectNode node = JsonTree.object();
        node.put("file", report.source());
        node.put("version", report.version());
        node.put("generatedAt", report.generatedAt());
        return node;
    }

    private static void changes(ArrayNode array, List<ReportDiff.Change> changes) {
        for (ReportDiff.Change c : changes) {
            ObjectNode node = array.addObject();
            node.put("ruleId", c.ruleId());
            node.put("title", c.title());
            ObjectNode target = node.putObject("target");
            target.put("id", c.targetId());
            target.put("description", c.targetDescription());
            side(node, "before", c.statusBefore(), c.severityBefore());
            side(node, "after", c.statusAfter(), c.severityAfter());
        }
    }

    /** {@code null} when the report does not have the finding. */
    private static void side(ObjectNode node, String name, String status, String severity) {
        if (ReportDiff.Change.ABSENT.equals(status)) {
            node.putNull(name);
            return;
        }
        ObjectNode side = node.putObject(name);
        side.put("status", status);
        side.put("severity", severity);
    }
}
