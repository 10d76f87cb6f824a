package io.bulwark.os;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kernel release ({@code /proc/sys/kernel/osrelease}, e.g. {@code 6.18.44-fc}) as major.minor. */
public record KernelVersion(int major, int minor, String release) {
    private static final Pattern LEADING = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Parses a release string; empty when it does not start with {@code MAJOR.MINOR}. */
    public static Optional<KernelVersion> parse(String release) {
        String trimmed = release.trim();
        Matcher m = LEADING.matcher(trimmed);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), trimmed));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    @Override
    public String toString() {
        return release;
    }
}
