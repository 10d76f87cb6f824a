package io.bulwark.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The host paths and engine sockets the host-mount probe looks for (its host-mounts.yaml), judged on a mount's source. */
final class SensitivePaths {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(@JsonProperty("sockets") List<String> sockets, @JsonProperty("socket-names") List<String> socketNames,
                @JsonProperty("sensitive") List<Sensitive> sensitive) {
    }

    record Sensitive(@JsonProperty("path") String path, @JsonProperty("below") boolean below) {
    }

    private static final Data DATA = load();

    private SensitivePaths() {
    }

    static boolean isSocket(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        return DATA.sockets().contains(source) || DATA.socketNames().contains(name);
    }

    /** Engine sockets a bind of {@code source} at {@code destination} carries along, as paths in the container. */
    static List<String> socketsUnder(String source, String destination) {
        String dir = source.endsWith("/") ? source : source + "/";
        return DATA.sockets().stream().filter(s -> s.startsWith(dir))
                .map(s -> (destination.endsWith("/") ? destination : destination + "/") + s.substring(dir.length())).toList();
    }

    static boolean isSensitive(String source) {
        String path = source.length() > 1 && source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return DATA.sensitive().stream().anyMatch(s -> path.equals(s.path())
                || s.below() && path.startsWith(s.path().equals("/") ? "/" : s.path() + "/"));
    }

    private static Data load() {
        String resource = "io/bulwark/probe/host-mounts.yaml";
        try (InputStream in = SensitivePaths.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("probe data " + resource + " is malformed: " + e.getMessage(), e);
        }
    }
}
