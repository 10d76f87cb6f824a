package io.bulwark.os;

/**
 * A device node found under {@code /dev}.
 *
 * @param name   the path below {@code /dev}, e.g. {@code vda} or {@code net/tun}
 * @param kind   character or block device
 * @param number its major:minor
 */
public record DeviceNode(String name, Kind kind, DeviceNumber number) {

    public enum Kind { CHAR, BLOCK }

    @Override
    public String toString() {
        return name + " (" + (kind == Kind.CHAR ? "c " : "b ") + number + ")";
    }
}
