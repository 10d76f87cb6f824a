package io.bulwark.audit;

/**
 * What was scanned.
 *
 * @param kind        {@code self}, {@code pid}, {@code container} or {@code config}
 * @param id          the pid, container id or file path; {@code self} for the own environment
 * @param description a human-readable name, e.g. {@code this process (pid 4711) on host vm1}
 */
public record Target(String kind, String id, String description) {

    public static Target self(long pid, String hostname) {
        return new Target("self", "self", "the environment of bulwark itself (pid " + pid + ", hostname " + hostname + ")");
    }
}
