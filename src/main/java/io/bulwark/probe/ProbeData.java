package io.bulwark.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The lists probes check against (masked paths, the minimal /dev, engine sockets, runtime
 * signs…), kept as YAML beside the probes in {@code src/main/resources/io/bulwark/probe}.
 * They ship in the jar, so a broken one is a build defect and fails loudly.
 */
final class ProbeData {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProbeData() {
    }

    static <T> T load(String name, Class<T> type) {
        String resource = "io/bulwark/probe/" + name;
        try (InputStream in = ProbeData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("probe data " + resource + " is missing from the jar");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("probe data " + resource + " is malformed: " + e.getMessage(), e);
        }
    }
}
