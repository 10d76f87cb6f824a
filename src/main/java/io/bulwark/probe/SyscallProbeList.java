package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bulwark.os.Capability;
import io.bulwark.os.RawSyscall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads and checks {@code syscall-probes.yaml}, the data behind {@link SyscallProbe}. */
public final class SyscallProbeList {
    static final String RESOURCE = "io/bulwark/probe/syscall-probes.yaml";
    static final Set<String> ARCHITECTURES = Set.of("x86_64", "aarch64");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record File(@JsonProperty(value = "probes", required = true) List<Entry> probes) {
    }

    record Entry(
            @JsonProperty("name") String name,
            @JsonProperty("numbers") Map<String, Long> numbers,
            @JsonProperty("call") String call,
            @JsonProperty("args") List<String> args,
            @JsonProperty("expect") List<String> expect,
            @JsonProperty("capability") String capability,
            @JsonProperty("returns-fd") Boolean returnsFd,
            @JsonProperty("only-if") GuardEntry onlyIf,
            @JsonProperty("why") String why) {
    }

    record GuardEntry(
            @JsonProperty("sysctl") String sysctl,
            @JsonProperty("equals") String equals,
            @JsonProperty("because") String because) {
    }

    private SyscallProbeList() {
    }

    private static final class Loaded {
        static final List<SyscallProbeSpec> ALL = load();
    }

    /** The built-in list, loaded once. */
    public static List<SyscallProbeSpec> builtIn() {
        return Loaded.ALL;
    }

    static List<SyscallProbeSpec> load() {
        try (InputStream in = SyscallProbeList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates a list; a bad entry is a build defect, reported with its name. */
    static List<SyscallProbeSpec> parse(InputStream in) throws IOException {
        File file = YAML.readValue(in, File.class);
        List<SyscallProbeSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry e : file.probes()) {
            String name = require(e.name(), "an entry has no name");
            if (!names.add(name)) {
                throw invalid(name, "listed twice");
            }
            specs.add(new SyscallProbeSpec(
                    name,
                    numbers(name, e.numbers()),
                    require(e.call(), name + ": no call"),
                    args(name, e.args()),
                    expect(name, e.expect()),
                    capability(name, e.capability()),
                    Boolean.TRUE.equals(e.returnsFd()),
                    Optional.ofNullable(e.onlyIf()).map(g -> new SyscallProbeSpec.Guard(
                            require(g.sysctl(), name + ": only-if has no sysctl"),
                            require(g.equals(), name + ": only-if has no value"),
                            require(g.because(), name + ": only-if has no reason").strip())),
                    require(e.why(), name + ": no why").strip()));
        }
        return List.copyOf(specs);
    }

    private static Map<String, Long> numbers(String name, Map<String, Long> numbers) {
        if (numbers == null || !numbers.containsKey("x86_64")) {
            throw invalid(name, "needs at least an x86_64 number");
        }
        for (String arch : numbers.keySet()) {
            if (!ARCHITECTURES.contains(arch)) {
                throw invalid(name, "unknown architecture '" + arch + "' (known: " + ARCHITECTURES + ")");
            }
        }
        return Map.copyOf(new LinkedHashMap<>(numbers));
    }

    private static List<Long> args(String name, List<String> args) {
        if (args == null || args.size() > 6) {
            throw invalid(name, "needs zero to six args");
        }
        List<Long> values = new ArrayList<>();
        for (String arg : args) {
            try {
                values.add(Long.decode(arg));
            } catch (NumberFormatException e) {
                throw invalid(name, "argument '" + arg + "' is not a number");
            }
        }
        return List.copyOf(values);
    }

    private static Optional<String> capability(String name, String capability) {
        if (capability != null && Capability.parse(capability).isEmpty()) {
            throw invalid(name, "unknown capability '" + capability + "'");
        }
        return Optional.ofNullable(capability);
    }

    private static List<String> expect(String name, List<String> expect) {
        if (expect == null || expect.isEmpty()) {
            throw invalid(name, "needs an expect list");
        }
        for (String e : expect) {
            if (!e.equals(SyscallProbeSpec.SUCCESS) && RawSyscall.errnoValue(e) < 0) {
                throw invalid(name, "expects unknown errno '" + e + "'");
            }
        }
        return List.copyOf(expect);
    }

    private static String require(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + problem);
        }
        return value;
    }

    private static IllegalStateException invalid(String name, String problem) {
        return new IllegalStateException(RESOURCE + ": " + name + ": " + problem);
    }
}
