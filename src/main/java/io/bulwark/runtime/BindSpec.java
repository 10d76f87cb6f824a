package io.bulwark.runtime;

import io.bulwark.InputException;
import java.util.List;

/**
 * {@code --bind SRC:DST[:OPTS]}: a host path bound into the container; OPTS {@code ro},
 * {@code idmap} (its files' owners seen through the container's id mapping, so that container
 * root owns what host root owns) or both, comma-separated.
 */
public record BindSpec(String source, String target, boolean readOnly, boolean idmap) {

    public BindSpec(String source, String target, boolean readOnly) {
        this(source, target, readOnly, false);
    }

    public static BindSpec parse(String text) {
        String[] parts = text.split(":", -1);
        List<String> opts = parts.length == 3 ? List.of(parts[2].split(",", -1)) : List.of();
        boolean known = opts.stream().allMatch(o -> o.equals("ro") || o.equals("idmap"));
        if (parts.length < 2 || parts.length > 3 || !known || opts.size() > 2 || parts[0].isEmpty()) {
            throw new InputException("--bind " + text + ": expected SRC:DST or SRC:DST:OPTS, OPTS one of ro, idmap, ro,idmap");
        }
        return new BindSpec(parts[0], ContainerPath.check("--bind " + text, parts[1]), opts.contains("ro"), opts.contains("idmap"));
    }
}
