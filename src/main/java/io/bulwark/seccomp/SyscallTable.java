package io.bulwark.seccomp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Syscall names and numbers of one architecture, read from the generated tables in
 * {@code io/bulwark/seccomp/syscalls/} (tools/seccomp/gen-syscall-tables.py writes them).
 */
public final class SyscallTable {
    private static final Map<Arch, SyscallTable> CACHE = Collections.synchronizedMap(new EnumMap<>(Arch.class));

    private final String name;
    private final Map<String, Integer> byName;
    private final TreeMap<Integer, String> byNumber;

    private SyscallTable(String name, Map<String, Integer> byName) {
        this.name = name;
        this.byName = Collections.unmodifiableMap(byName);
        TreeMap<Integer, String> numbers = new TreeMap<>(Integer::compareUnsigned);
        byName.forEach((n, nr) -> numbers.putIfAbsent(nr, n));
        this.byNumber = numbers;
    }

    public static SyscallTable of(Arch arch) {
        return CACHE.computeIfAbsent(arch, a -> load(a.id()));
    }

    /** A generated table by file name: an architecture's, or x86-socketcall / x86-ipc. */
    static SyscallTable load(String table) {
        String resource = "/io/bulwark/seccomp/syscalls/" + table + ".tsv";
        Map<String, Integer> names = new LinkedHashMap<>();
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("syscall table " + resource + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                names.put(f[0], Integer.parseUnsignedInt(f[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SyscallTable(table, names);
    }

    public String name() {
        return name;
    }

    public OptionalInt number(String syscall) {
        Integer nr = byName.get(syscall);
        return nr == null ? OptionalInt.empty() : OptionalInt.of(nr);
    }

    public Optional<String> name(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** Every name and its number (aliases included). */
    public Map<String, Integer> byName() {
        return byName;
    }

    /** Every number with one name for it, in unsigned order. */
    public Map<Integer, String> byNumber() {
        return Collections.unmodifiableMap(byNumber);
    }

    public int highest() {
        return byNumber.lastKey();
    }
}
