package io.bulwark.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The private cache of compiled plans that lets the launcher script start a repeated run
 * without a JVM. An entry is {@code plans/KEY.inputs} (the manifest of {@link PlanInputs},
 * naming its plan) beside {@code plans/SHA256.plan} (the plan, named by its content, so that
 * a manifest never names a plan of other content). The key is a hash the launcher computes from the arguments, the working
 * directory and bulwark's jar; it only spreads entries, since each records and the launcher
 * compares the arguments and the directory themselves. Both files are written to a temporary name and renamed into place, so
 * that concurrent first runs of one command each leave a whole entry and a reader never sees
 * half of one; a manifest names only a plan that is already complete.
 */
public final class PlanCache {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}");

    private final Path dir;
    private final int euid;

    public PlanCache(Path cacheDir, int euid) {
        this.dir = cacheDir.resolve("plans");
        this.euid = euid;
    }

    /** The launcher's key for this run, if it asked for the plan to be cached. */
    public static Optional<String> key(java.util.Map<String, String> env) {
        String k = env.get("BULWARK_PLAN_KEY");
        return k != null && KEY.matcher(k).matches() ? Optional.of(k) : Optional.empty();
    }

    /**
     * Stores {@code plan} under {@code key}; returns false, storing nothing, when the inputs
     * cannot be expressed for the launcher's check.
     */
    public boolean store(String key, byte[] plan, PlanInputs inputs, Path executor) throws IOException {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("plan cache key " + key);
        }
        ExecutorBinary.privateDir(dir, euid);
        Path planFile = dir.resolve(HexFormat.of().formatHex(sha256(plan)) + ".plan");
        if (!inputs.expressible()) {
            return false;
        }
        place(plan, planFile); // afresh each time: an old copy's mode may have been changed
        inputs.content(planFile);
        Optional<String> manifest = inputs.manifest(planFile, executor);
        if (manifest.isEmpty()) {
            return false;
        }
        place(manifest.get().getBytes(java.nio.charset.StandardCharsets.UTF_8), dir.resolve(key + ".inputs"));
        return true;
    }

    private void place(byte[] content, Path target) throws IOException {
        Path tmp = Files.createTempFile(dir, ".tmp-", "", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
