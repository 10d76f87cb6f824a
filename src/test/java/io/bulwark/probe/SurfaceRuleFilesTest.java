package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.audit.Facts;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Rule;
import io.bulwark.audit.RuleEngine;
import io.bulwark.audit.RuleSet;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Surface;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule files of the proc, sys, resource-views, dev, lsm, fork-bomb, host-mounts and runtime surfaces, judging fixture facts. */
class SurfaceRuleFilesTest {
    private static final Set<Surface> SURFACES = EnumSet.of(Surface.PROC, Surface.SYS, Surface.RESOURCE_VIEWS, Surface.DEV,
            Surface.LSM, Surface.FORK_BOMB, Surface.HOST_MOUNTS, Surface.RUNTIME);
    private static final RuleSet RULES = RuleSet.load(Probes.catalog(), List.of());

    @TempDir
    Path tmp;

    private static Map<String, FindingStatus> verdicts(Path root, Probe... probes) {
        Facts facts = new ProbeRunner(List.of(probes)).collect(ProbeContext.fixture(root));
        return new RuleEngine(RULES.all()).evaluate(facts).stream()
                .filter(f -> SURFACES.contains(f.rule().surface()))
                .collect(Collectors.toMap(f -> f.rule().id(), Finding::status));
    }

    private static Probe[] fileProbes() {
        return new Probe[] {new RuntimeProbe(), new ProcProbe(), new SysProbe(), new ResourceViewProbe(), new LsmProbe(),
            new PidsProbe(), new HostMountProbe()};
    }

    @Test
    void everyRuleOfTheseSurfacesSaysWhyHowToFixAndWhatBulwarkRunDoes() {
        List<Rule> rules = RULES.all().stream().filter(r -> SURFACES.contains(r.surface())).toList();
        assertThat(rules).extracting(Rule::surface).containsAll(SURFACES);
        for (Rule rule : rules) {
            assertThat(rule.id()).as(rule.id()).matches("BW-(PROC|SYS|RES|DEV|LSM|PIDS|MOUNT|RUNTIME)-\\d{3}");
            assertThat(rule.why()).as(rule.id()).isNotBlank();
            assertThat(rule.fix()).as(rule.id()).isNotBlank();
            assertThat(rule.runOption()).as(rule.id()).isNotBlank();
            if (rule.severity() != Severity.INFO && rule.surface() != Surface.RESOURCE_VIEWS) {
                assertThat(rule.references().cis()).as(rule.id()).isNotEmpty();
            }
        }
    }

    @Test
    void bareHostFailsTheOpenSurfacesAndSaysItIsTheHost() {
        Map<String, FindingStatus> v = verdicts(TestFiles.copyTree("fixtures/host-hybrid", tmp), fileProbes());
        assertThat(v).containsEntry("BW-RUNTIME-001", FindingStatus.FAIL)
                .containsEntry("BW-PROC-002", FindingStatus.FAIL)
                .containsEntry("BW-PROC-010", FindingStatus.FAIL)
                .containsEntry("BW-PROC-001", FindingStatus.PASS)
                .containsEntry("BW-SYS-001", FindingStatus.FAIL)
                .containsEntry("BW-PIDS-001", FindingStatus.FAIL)
                .containsEntry("BW-LSM-001", FindingStatus.FAIL)
                .containsEntry("BW-RES-001", FindingStatus.PASS)
                .containsEntry("BW-MOUNT-002", FindingStatus.PASS);
    }

    @Test
    void dockerDefaultsCloseProcSysAndForkBombButNotResourceViews() {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        TestFiles.emptyDirs(root, List.of("proc/acpi", "sys/firmware"));
        Map<String, FindingStatus> v = verdicts(root, fileProbes());
        assertThat(v).containsEntry("BW-RUNTIME-001", FindingStatus.PASS)
                .containsEntry("BW-PROC-002", FindingStatus.PASS)
                .containsEntry("BW-PROC-003", FindingStatus.PASS)
                .containsEntry("BW-PROC-010", FindingStatus.PASS)
                .containsEntry("BW-PROC-012", FindingStatus.PASS)
                .containsEntry("BW-SYS-001", FindingStatus.PASS)
                .containsEntry("BW-SYS-002", FindingStatus.PASS)
                .containsEntry("BW-PIDS-001", FindingStatus.PASS)
                .containsEntry("BW-PIDS-002", FindingStatus.PASS)
                .containsEntry("BW-RES-001", FindingStatus.FAIL)
                .containsEntry("BW-RES-002", FindingStatus.FAIL)
                .containsEntry("BW-RES-004", FindingStatus.FAIL)
                .containsEntry("BW-MOUNT-001", FindingStatus.PASS);
    }

    @Test
    void lxcfsViewsCloseTheResourceViewRules() {
        Map<String, FindingStatus> v = verdicts(TestFiles.copyTree("fixtures/lxcfs-v2", tmp), fileProbes());
        assertThat(v).containsEntry("BW-RES-001", FindingStatus.PASS)
                .containsEntry("BW-RES-002", FindingStatus.PASS)
                .containsEntry("BW-RES-003", FindingStatus.PASS)
                .containsEntry("BW-RES-004", FindingStatus.PASS);
    }

    @Test
    void highPidsLimitIsLowAndHostMountsAreHighAndCritical() {
        assertThat(verdicts(TestFiles.copyTree("fixtures/systemd-v2-nested", tmp), new PidsProbe()))
                .containsEntry("BW-PIDS-001", FindingStatus.PASS)
                .containsEntry("BW-PIDS-002", FindingStatus.FAIL);
        Path root = TestFiles.copyTree("fixtures/docker-host-mounts", tmp);
        TestFiles.emptyDirs(root, List.of("host-etc", "run"));
        assertThat(verdicts(root, new HostMountProbe()))
                .containsEntry("BW-MOUNT-002", FindingStatus.FAIL)
                .containsEntry("BW-MOUNT-003", FindingStatus.FAIL);
    }

    @Test
    void privilegedDevFailsEveryDevRule() {
        Map<String, FindingStatus> v = verdicts(TestFiles.resource("fixtures/dev-privileged"), new DevProbe(DevProbeTest::listing));
        assertThat(v).containsEntry("BW-DEV-001", FindingStatus.FAIL)
                .containsEntry("BW-DEV-002", FindingStatus.FAIL)
                .containsEntry("BW-DEV-003", FindingStatus.FAIL)
                .containsEntry("BW-DEV-004", FindingStatus.FAIL);
        assertThat(verdicts(TestFiles.resource("fixtures/dev-docker-default"), new DevProbe(DevProbeTest::listing)))
                .containsEntry("BW-DEV-001", FindingStatus.PASS)
                .containsEntry("BW-DEV-004", FindingStatus.PASS);
    }

    @Test
    void lsmRulesFollowTheLabelAndSayWhenTheyCannotJudge() {
        assertThat(verdicts(TestFiles.resource("fixtures/lsm-selinux-spc"), new LsmProbe()))
                .containsEntry("BW-LSM-001", FindingStatus.FAIL);
        assertThat(verdicts(TestFiles.resource("fixtures/lsm-apparmor-docker-default"), new LsmProbe()))
                .containsEntry("BW-LSM-001", FindingStatus.PASS)
                .containsEntry("BW-LSM-002", FindingStatus.PASS);
        assertThat(verdicts(TestFiles.resource("fixtures/lsm-apparmor-complain"), new LsmProbe()))
                .containsEntry("BW-LSM-002", FindingStatus.FAIL);
        assertThat(verdicts(TestFiles.resource("fixtures/lsm-no-sys"), new LsmProbe()))
                .containsEntry("BW-LSM-001", FindingStatus.NOT_APPLICABLE);
    }
}
