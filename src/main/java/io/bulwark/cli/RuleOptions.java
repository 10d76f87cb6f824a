package io.bulwark.cli;

import io.bulwark.audit.RuleSet;
import io.bulwark.probe.Probes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: shared by every command that loads rules. */
public final class RuleOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Also load the rule files (*.yaml) in DIR; repeatable. Ids must not clash with built-in rules.")
    List<Path> userRuleDirs = new ArrayList<>();

    RuleSet load() {
        return RuleSet.load(Probes.catalog(), userRuleDirs);
    }
}
