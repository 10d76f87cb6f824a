package io.bulwark.runtime;

import io.bulwark.InputException;

/** {@code --bind SRC:DST[:ro]}: a host path bound into the container. */
public record BindSpec(String source, String target, boolean readOnly) {

    public static BindSpec parse(String text) {
        String[] parts = text.split(":", -1);
        boolean ro = parts.length == 3 && parts[2].equals("ro");
        if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !ro) || parts[0].isEmpty()) {
            throw new InputException("--bind " + text + ": expected SRC:DST or SRC:DST:ro");
        }
        return new BindSpec(parts[0], ContainerPath.check("--bind " + text, parts[1]), ro);
    }
}
