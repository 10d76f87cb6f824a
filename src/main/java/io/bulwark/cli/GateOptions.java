package io.bulwark.cli;

import io.bulwark.audit.Finding;
import io.bulwark.audit.Gate;
import io.bulwark.audit.Report;
import io.bulwark.audit.RuleSet;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Waiver;
import io.bulwark.audit.WaiverFile;
import io.bulwark.audit.Waivers;
import io.bulwark.report.JsonReportReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How a report is judged for CI: {@code --fail-on}, {@code --waivers}, {@code --baseline}. */
public final class GateOptions {

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit 1 when a finding of this severity or worse is open: critical, high, medium, low, info.")
    Severity failOn;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Accepted risks (YAML or JSON: rule, target glob, reason, expires). Waived findings are "
                    + "reported as waived and do not fail the gate; an expired waiver stops waiving.")
    Path waiverFile;

    @Option(names = "--baseline", paramLabel = "OLD.json",
            description = "An earlier JSON report: --fail-on then fails only on findings (rule and target) not open in it.")
    Path baselineFile;

    /** The policy, with its files read and checked, before anything is scanned. */
    record Policy(Waivers waivers, Gate gate) {
    }

    Policy load() {
        Waivers waivers = waiverFile == null ? Waivers.none() : WaiverFile.load(waiverFile);
        Gate gate = failOn == null ? Gate.none() : Gate.failOn(failOn);
        if (baselineFile != null) {
            gate = gate.withBaseline(JsonReportReader.read(baselineFile).baseline());
        }
        return new Policy(waivers, gate);
    }

    /**
     * The report with the waivers applied (judged on the day of the scan), warning about
     * expired waivers and waivers for rules not in force.
     */
    Report applyWaivers(Policy policy, Report report, RuleSet rules, PrintWriter err) {
        LocalDate today = LocalDate.ofInstant(report.generatedAt(), ZoneOffset.UTC);
        for (Waiver w : policy.waivers().expired(today)) {
            err.println("bulwark: warning: the waiver of " + w.ruleId() + " for '" + w.target() + "' expired on "
                    + w.expires() + " (" + w.source() + "); its findings fail again — renew or remove it");
        }
        for (Waiver w : policy.waivers().waivers()) {
            if (rules.find(w.ruleId()).isEmpty()) {
                err.println("bulwark: warning: the waiver of " + w.ruleId() + " (" + w.source()
                        + ") names no rule in force; 'bulwark rules list' shows the ids");
            }
        }
        return policy.waivers().apply(report, today);
    }

    /** Judges the report; prints why the gate failed, and what the baseline let through. */
    int judge(Policy policy, Report report, PrintWriter err) {
        if (baselineFile != null && failOn == null) {
            err.println("bulwark: warning: --baseline only matters with --fail-on SEVERITY");
        }
        List<Finding> known = policy.gate().inBaseline(report);
        if (!known.isEmpty()) {
            err.println("bulwark: " + known.size() + " open finding(s) at " + failOn.id() + " or worse are in the baseline "
                    + baselineFile + " and do not fail the gate");
        }
        List<Finding> breaches = policy.gate().breaches(report);
        if (!breaches.isEmpty()) {
            err.println("bulwark: gate failed: " + breaches.size() + " open finding(s) at " + failOn.id() + " or worse"
                    + (baselineFile == null ? "" : " not in the baseline"));
            return ExitCode.GATE_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
