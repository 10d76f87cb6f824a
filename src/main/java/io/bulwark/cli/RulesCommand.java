package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.audit.FactSpec;
import io.bulwark.audit.Rule;
import io.bulwark.audit.RuleSet;
import io.bulwark.probe.Probes;
import java.io.PrintWriter;
import java.util.Comparator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bulwark rules}: list and explain the audit rules, and the facts they can use. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the audit rules, show one, or list the facts rules can test.",
        subcommands = {CommandLine.HelpCommand.class})
public final class RulesCommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per rule: id, severity, surface, title.")
    void list(@Mixin RuleOptions rules) {
        PrintWriter out = spec.commandLine().getOut();
        rules.load().all().stream()
                .sorted(Comparator.comparing((Rule r) -> r.surface().ordinal()).thenComparing(Rule::id))
                .forEach(r -> out.printf("%-14s %-8s %-22s %s%n", r.id(), r.severity().id(), r.surface().id(), r.title()));
        out.flush();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything about one rule.")
    void show(@Parameters(paramLabel = "ID", description = "A rule id, as 'rules list' prints it.") String id,
              @Mixin RuleOptions rules) {
        RuleSet set = rules.load();
        Rule r = set.find(id).orElseThrow(() -> new InputException("rule '" + id + "' does not exist; 'bulwark rules list' shows the ids"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.id() + ": " + r.title());
        out.println("  surface:   " + r.surface().id());
        out.println("  severity:  " + r.severity().id());
        if (!r.references().cis().isEmpty()) {
            out.println("  CIS Docker Benchmark 1.6: " + String.join(", ", r.references().cis()));
        }
        if (!r.references().pss().isEmpty()) {
            out.println("  Kubernetes Pod Security Standards: " + String.join(", ", r.references().pss()));
        }
        out.println("  fails when: " + ConditionText.of(r.failWhen()));
        out.println("  why: " + r.why().replace("\n", " "));
        out.println("  fix: " + r.fix().replace("\n", " "));
        if (!r.runOption().isEmpty()) {
            out.println("  bulwark run: " + r.runOption());
        }
        out.println("  defined in: " + r.source());
        out.flush();
    }

    @Command(name = "facts", mixinStandardHelpOptions = true, description = "The facts rules can test: name, type, meaning.")
    void facts() {
        PrintWriter out = spec.commandLine().getOut();
        for (FactSpec f : Probes.declarations()) {
            out.printf("%-40s %-8s %s%n", f.name(), f.type().name().toLowerCase(), f.description());
        }
        out.flush();
    }
}
