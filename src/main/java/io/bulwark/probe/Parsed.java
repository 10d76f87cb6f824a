package io.bulwark.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kernel file read and parsed, or the reason it could not be: missing, unreadable or
 * malformed. Probes use the reason as the evidence of the facts they then cannot observe.
 */
record Parsed<T>(T value, String problem) {

    static <T> Parsed<T> of(Path file, Function<String, T> parser) {
        Optional<String> text = ProbeContext.tryRead(file);
        if (text.isEmpty()) {
            return new Parsed<>(null, "cannot read " + file);
        }
        try {
            return new Parsed<>(parser.apply(text.get()), null);
        } catch (IllegalArgumentException e) {
            return new Parsed<>(null, file + " is malformed: " + e.getMessage());
        }
    }

    boolean ok() {
        return value != null;
    }

    /** The value, or an IOException carrying the reason, for a probe that cannot go on without it. */
    T require() throws IOException {
        if (value == null) {
            throw new IOException(problem);
        }
        return value;
    }

    Optional<T> optional() {
        return Optional.ofNullable(value);
    }
}
