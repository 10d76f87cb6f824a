package io.bulwark.config;

import io.bulwark.audit.FactSource;
import io.bulwark.audit.Facts;
import io.bulwark.audit.Target;
import java.nio.file.Path;
import java.util.List;

/** One container described by a config file, judged by the same rules as a live one. */
public final class ConfigTarget implements FactSource {
    private final Path file;
    private final ConfigFile.Entry entry;

    private ConfigTarget(Path file, ConfigFile.Entry entry) {
        this.file = file;
        this.entry = entry;
    }

    /** A target per container in {@code file}; a file bulwark cannot read as a config is bad input. */
    public static List<ConfigTarget> of(Path file) {
        return ConfigFile.read(file).stream().map(e -> new ConfigTarget(file, e)).toList();
    }

    @Override
    public Target target() {
        return new Target("config", entry.id(), entry.spec().format() + " " + entry.spec().name() + " in " + file);
    }

    @Override
    public Facts collect() {
        return ConfigFacts.derive(entry.spec(), file.toString());
    }
}
