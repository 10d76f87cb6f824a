package io.bulwark.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The defaults of {@code bulwark run}, read from {@code io/bulwark/runtime/defaults.properties}. */
public record RuntimeDefaults(
        List<String> maskedPaths,
        List<String> readOnlyPaths,
        List<String> devNodes,
        String subidUser,
        long idRangeStart,
        long idRangeCount,
        long pidsMax,
        String hostname,
        String cwd,
        List<String> env) {

    public RuntimeDefaults {
        maskedPaths = List.copyOf(maskedPaths);
        readOnlyPaths = List.copyOf(readOnlyPaths);
        devNodes = List.copyOf(devNodes);
        env = List.copyOf(env);
    }

    public static RuntimeDefaults load() {
        Properties p = new Properties();
        try (InputStream in = RuntimeDefaults.class.getResourceAsStream("defaults.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuntimeDefaults(list(p, "masked.paths"), list(p, "readonly.paths"), list(p, "dev.nodes"),
                p.getProperty("subid.user"), Long.parseLong(p.getProperty("id.range.start")),
                Long.parseLong(p.getProperty("id.range.count")), Long.parseLong(p.getProperty("pids.max")),
                p.getProperty("hostname"), p.getProperty("cwd"), list(p, "env"));
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }
}
