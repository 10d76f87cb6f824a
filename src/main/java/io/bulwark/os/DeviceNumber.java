package io.bulwark.os;

/** A device's major and minor number, e.g. {@code 1:3} for {@code /dev/null}. */
public record DeviceNumber(long major, long minor) {

    public static final DeviceNumber NULL = new DeviceNumber(1, 3);

    /** Decodes {@code st_rdev} as glibc's {@code major()}/{@code minor()} do. */
    public static DeviceNumber fromRdev(long rdev) {
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & 0xffffff00L);
        return new DeviceNumber(major, minor);
    }

    /** Parses {@code MAJOR:MINOR}. */
    public static DeviceNumber parse(String text) {
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 2) {
                return new DeviceNumber(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the one error below
        }
        throw new IllegalArgumentException("device number '" + text + "' is not MAJOR:MINOR");
    }

    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
