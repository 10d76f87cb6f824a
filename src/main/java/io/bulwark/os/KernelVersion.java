package io.bulwark.os;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release, major.minor[.patch], as profiles ({@code includes.minKernel}) and probes compare it. */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {
    private static final Pattern FORM = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** "4.8", "6.18.44-fc" (anything after major.minor.patch is ignored, as Docker does). */
    public static Optional<KernelVersion> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The running kernel, as Java reports it. */
    public static KernelVersion running() {
        return parse(System.getProperty("os.version", "0.0")).orElse(new KernelVersion(0, 0, 0));
    }

    public boolean atLeast(int major, int minor) {
        return compareTo(new KernelVersion(major, minor, 0)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch == 0 ? "" : "." + patch);
    }
}
