package io.bulwark.config;

import io.bulwark.InputException;
import io.bulwark.seccomp.Profile;
import io.bulwark.seccomp.ProfileLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seccomp profile a config points at: inline JSON, a file, or an engine's default. */
final class SeccompProfiles {
    /** Podman's (and CRI-O's) default profile, where the containers-common package puts it. */
    static final Path CONTAINERS_DEFAULT = Path.of("/usr/share/containers/seccomp.json");

    private SeccompProfiles() {
    }

    static Profile inline(String source, String json) {
        try {
            return ProfileLoader.parse(source, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new InputException(source + ": the seccomp profile cannot be read: " + e.getMessage(), e);
        }
    }

    /** Docker's built-in profile: bulwark's bundled default makes the same decisions. */
    static Profile dockerDefault() {
        return ProfileLoader.bundled("default");
    }

    static String dockerDefaultSource() {
        return "Docker's default profile (bulwark's bundled default makes its decisions)";
    }

    /** Podman's default: the containers-common file when installed here, else Docker's, which it derives from. */
    static Profile podmanDefault() {
        if (!Files.isRegularFile(CONTAINERS_DEFAULT)) {
            return dockerDefault();
        }
        try {
            return inline(CONTAINERS_DEFAULT.toString(), Files.readString(CONTAINERS_DEFAULT));
        } catch (IOException e) {
            throw new InputException(CONTAINERS_DEFAULT + ": cannot read Podman's default profile: " + e.getMessage(), e);
        }
    }

    static String podmanDefaultSource() {
        return Files.isRegularFile(CONTAINERS_DEFAULT) ? "Podman's default profile " + CONTAINERS_DEFAULT
                : "Podman's default profile, taken as Docker's (" + CONTAINERS_DEFAULT + " is not installed here)";
    }
}
