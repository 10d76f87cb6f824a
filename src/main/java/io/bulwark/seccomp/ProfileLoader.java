package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a Docker/OCI seccomp profile. Every problem is one {@link InputException} naming the
 * file and the JSON path ({@code $.syscalls[3].args[0].op}). Unknown keys are refused: a
 * misspelt {@code "arg"} silently dropped would turn a conditional rule into an unconditional one.
 */
public final class ProfileLoader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // containers-common (Podman's profile) also writes each errno's name, "defaultErrno" and
    // "errno", beside the numbers runtimes use; the names are for people and are accepted as such.
    private static final Set<String> TOP_KEYS = Set.of("defaultAction", "defaultErrnoRet", "defaultErrno", "architectures",
            "archMap", "flags", "listenerPath", "listenerMetadata", "syscalls");
    private static final Set<String> RULE_KEYS = Set.of("name", "names", "action", "errnoRet", "errno", "args", "comment",
            "includes", "excludes");
    private static final Set<String> ARG_KEYS = Set.of("index", "value", "valueTwo", "op");
    private static final Set<String> FILTER_KEYS = Set.of("caps", "arches", "minKernel");
    private static final Set<String> ARCHMAP_KEYS = Set.of("architecture", "subArchitectures");
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String source;

    private ProfileLoader(String source) {
        this.source = source;
    }

    public static Profile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such profile file; give the path of a Docker/OCI seccomp JSON profile");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the profile: " + e.getMessage(), e);
        }
    }

    /** A profile shipped with bulwark (seccomp-profiles/NAME.json). */
    public static Profile bundled(String name) {
        String resource = "/io/bulwark/seccomp-profiles/" + name + ".json";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InputException("no bundled seccomp profile '" + name + "'; the shipped ones are default and strict");
            }
            return parse("bundled:" + name, in);
        } catch (IOException e) {
            throw new InputException(resource + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static Profile parse(String source, InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InputException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "; fix the file (a JSON validator shows the spot)", e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source + ": $: a seccomp profile is a JSON object with defaultAction and syscalls");
        }
        return new ProfileLoader(source).profile(root);
    }

    private Profile profile(JsonNode root) {
        onlyKeys(root, "$", TOP_KEYS);
        Action defaultAction = action(root, "$", "defaultAction", "defaultErrnoRet", true);
        List<String> architectures = strings(root.get("architectures"), "$.architectures");
        for (int i = 0; i < architectures.size(); i++) {
            archName(architectures.get(i), "$.architectures[" + i + "]");
        }
        List<ArchMapEntry> archMap = archMap(root.get("archMap"));
        if (!architectures.isEmpty() && !archMap.isEmpty()) {
            throw fail("$", "both 'architectures' and 'archMap' are given; use one (archMap lists sub-architectures per native one)");
        }
        List<String> flags = strings(root.get("flags"), "$.flags");
        Set<String> knownFlags = FilterFlags.names();
        for (int i = 0; i < flags.size(); i++) {
            if (!knownFlags.contains(flags.get(i))) {
                throw fail("$.flags[" + i + "]", "unknown flag '" + flags.get(i) + "'; known: " + String.join(", ", knownFlags));
            }
        }
        List<SyscallRule> rules = new ArrayList<>();
        JsonNode syscalls = root.get("syscalls");
        if (syscalls != null && !syscalls.isNull()) {
            if (!syscalls.isArray()) {
                throw fail("$.syscalls", "must be a list of rules");
            }
            for (int i = 0; i < syscalls.size(); i++) {
                rules.add(rule(syscalls.get(i), "$.syscalls[" + i + "]"));
            }
        }
        return new Profile(source, defaultAction, architectures, archMap, flags, text(root, "$", "listenerPath"),
                text(root, "$", "listenerMetadata"), rules);
    }

    private List<ArchMapEntry> archMap(JsonNode node) {
        List<ArchMapEntry> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (!node.isArray()) {
            throw fail("$.archMap", "must be a list of {architecture, subArchitectures}");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "$.archMap[" + i + "]";
            JsonNode e = node.get(i);
            if (!e.isObject()) {
                throw fail(at, "must be an object with 'architecture' and 'subArchitectures'");
            }
            onlyKeys(e, at, ARCHMAP_KEYS);
            String arch = text(e, at, "architecture");
            if (arch == null) {
                throw fail(at, "missing 'architecture'");
            }
            archName(arch, at + ".architecture");
            List<String> subs = strings(e.get("subArchitectures"), at + ".subArchitectures");
            for (int j = 0; j < subs.size(); j++) {
                archName(subs.get(j), at + ".subArchitectures[" + j + "]");
            }
            entries.add(new ArchMapEntry(arch, subs));
        }
        return entries;
    }

    private SyscallRule rule(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw fail(at, "a rule is an object with 'names' and 'action'");
        }
        onlyKeys(node, at, RULE_KEYS);
        List<String> names = new ArrayList<>();
        String single = text(node, at, "name");
        boolean hasNames = node.has("names") && !node.get("names").isNull();
        if (single != null && hasNames) {
            throw fail(at, "both 'name' and 'names' are given; use 'names'");
        }
        if (single != null) {
            names.add(single);
        } else {
            names.addAll(strings(node.get("names"), at + ".names"));
        }
        if (names.isEmpty()) {
            throw fail(at, "no syscall 'names' given");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw fail(at + ".names[" + i + "]", "empty syscall name");
            }
        }
        Action action = action(node, at, "action", "errnoRet", false);
        List<ArgCondition> args = new ArrayList<>();
        JsonNode argNodes = node.get("args");
        if (argNodes != null && !argNodes.isNull()) {
            if (!argNodes.isArray()) {
                throw fail(at + ".args", "must be a list of {index, value, valueTwo, op}");
            }
            for (int i = 0; i < argNodes.size(); i++) {
                args.add(arg(argNodes.get(i), at + ".args[" + i + "]"));
            }
        }
        return new SyscallRule(at, names, action, args, filter(node.get("includes"), at + ".includes"),
                filter(node.get("excludes"), at + ".excludes"), text(node, at, "comment"));
    }

    private ArgCondition arg(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw fail(at, "an argument condition is an object {index, value, valueTwo, op}");
        }
        onlyKeys(node, at, ARG_KEYS);
        JsonNode index = node.get("index");
        if (index == null || !index.canConvertToInt()) {
            throw fail(at + ".index", "missing or not an integer; the argument index is 0..5");
        }
        if (index.asInt() < 0 || index.asInt() > ArgCondition.MAX_INDEX) {
            throw fail(at + ".index", "argument index " + index.asInt() + " is out of range; syscalls have arguments 0..5");
        }
        String opName = text(node, at, "op");
        if (opName == null) {
            throw fail(at, "missing 'op' (SCMP_CMP_EQ, NE, LT, LE, GE, GT, MASKED_EQ)");
        }
        CompareOp op = CompareOp.parse(opName).orElseThrow(() -> fail(at + ".op", "unknown operator '" + opName
                + "'; use one of SCMP_CMP_NE, SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_EQ, SCMP_CMP_GE, SCMP_CMP_GT, SCMP_CMP_MASKED_EQ"));
        return new ArgCondition(index.asInt(), u64(node.get("value"), at + ".value"), u64(node.get("valueTwo"), at + ".valueTwo"), op);
    }

    private RuleFilter filter(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return RuleFilter.NONE;
        }
        if (!node.isObject()) {
            throw fail(at, "must be an object with caps, arches, minKernel");
        }
        onlyKeys(node, at, FILTER_KEYS);
        String kernel = text(node, at, "minKernel");
        KernelVersion min = null;
        if (kernel != null && !kernel.isEmpty()) {
            min = KernelVersion.parse(kernel).orElseThrow(() -> fail(at + ".minKernel",
                    "'" + kernel + "' is not a kernel version; write it as MAJOR.MINOR, e.g. 4.8"));
        }
        return new RuleFilter(strings(node.get("caps"), at + ".caps"), strings(node.get("arches"), at + ".arches"), min);
    }

    private Action action(JsonNode node, String at, String key, String dataKey, boolean required) {
        String name = text(node, at, key);
        if (name == null) {
            throw fail(at, "missing '" + key + "' (SCMP_ACT_ALLOW, SCMP_ACT_ERRNO, …)");
        }
        JsonNode data = node.get(dataKey);
        Integer value = null;
        if (data != null && !data.isNull()) {
            if (!data.canConvertToInt() || !data.isIntegralNumber() || data.asInt() < 0 || data.asInt() > 0xffff) {
                throw fail(at + "." + dataKey, "must be a number 0..65535 (an errno such as 1 for EPERM)");
            }
            value = data.asInt();
        }
        Integer errno = value;
        return Action.parse(name, errno).orElseThrow(() -> fail(at + "." + key, "unknown action '" + name
                + "'; use one of SCMP_ACT_ALLOW, SCMP_ACT_ERRNO, SCMP_ACT_KILL, SCMP_ACT_KILL_THREAD, SCMP_ACT_KILL_PROCESS, "
                + "SCMP_ACT_TRAP, SCMP_ACT_TRACE, SCMP_ACT_LOG, SCMP_ACT_NOTIFY"));
    }

    private long u64(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber()) {
            throw fail(at, "must be a whole number 0..18446744073709551615");
        }
        BigInteger v = node.bigIntegerValue();
        if (v.signum() < 0 || v.compareTo(MAX_U64) > 0) {
            throw fail(at, v + " is outside 0..18446744073709551615");
        }
        return v.longValue();
    }

    private List<String> strings(JsonNode node, String at) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw fail(at, "must be a list of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw fail(at + "[" + i + "]", "must be a string");
            }
            values.add(node.get(i).asText());
        }
        return values;
    }

    private String text(JsonNode node, String at, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw fail(at + "." + key, "must be a string");
        }
        return v.asText();
    }

    private void archName(String name, String at) {
        if (!ScmpArchitectures.known(name)) {
            throw fail(at, "unknown architecture '" + name + "'; use libseccomp's names such as SCMP_ARCH_X86_64");
        }
    }

    private void onlyKeys(JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(at + "." + key, "unknown key '" + key + "'; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private InputException fail(String at, String what) {
        return new InputException(source + ": " + at + ": " + what);
    }
}
