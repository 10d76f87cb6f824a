package io.bulwark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code --format text|json} of the commands that print a result rather than a scan report, and the printing. */
final class ResultFormat {
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /** Prints the result in the format asked for; only that one is built. */
    void print(PrintWriter out, Supplier<ObjectNode> json, Supplier<String> text) {
        if (format == Format.json) {
            JsonOutput.print(json.get(), out);
        } else {
            out.print(text.get());
        }
        out.flush();
    }
}
