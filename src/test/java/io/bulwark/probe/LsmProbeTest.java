package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.audit.Confidence;
import org.junit.jupiter.api.Test;

class LsmProbeTest {

    private FixtureFacts scan(String fixture) {
        return FixtureFacts.of(new LsmProbe(), TestFiles.resource("fixtures/" + fixture));
    }

    @Test
    void dockerDefaultAppArmorProfileConfines() {
        FixtureFacts facts = scan("lsm-apparmor-docker-default");
        assertThat(facts.value("lsm.apparmor_profile")).isEqualTo("docker-default (enforce)");
        assertThat(facts.value("lsm.selinux_context")).isEqualTo("none");
        assertThat(facts.value("lsm.active")).asList().containsExactly("lockdown", "capability", "landlock", "yama", "apparmor");
        assertThat(facts.value("lsm.landlock_available")).isEqualTo(true);
        assertThat(facts.observed("lsm.landlock_abi")).isFalse();
        assertThat(facts.value("lsm.confined")).isEqualTo(true);
    }

    @Test
    void complainModeAndUnconfinedDoNotConfine() {
        assertThat(scan("lsm-apparmor-complain").value("lsm.confined")).isEqualTo(false);
        assertThat(scan("lsm-apparmor-complain").value("lsm.landlock_available")).isEqualTo(false);
        FixtureFacts unconfined = scan("lsm-apparmor-unconfined");
        assertThat(unconfined.value("lsm.apparmor_profile")).isEqualTo("unconfined");
        assertThat(unconfined.value("lsm.confined")).isEqualTo(false);
    }

    @Test
    void selinuxContainerTypeConfines() {
        FixtureFacts facts = scan("lsm-selinux-container");
        assertThat(facts.value("lsm.selinux_context")).isEqualTo("system_u:system_r:container_t:s0:c123,c456");
        assertThat(facts.value("lsm.apparmor_profile")).isEqualTo("none");
        assertThat(facts.confidence("lsm.apparmor_profile")).isEqualTo(Confidence.CERTAIN);
        assertThat(facts.value("lsm.confined")).isEqualTo(true);
    }

    @Test
    void superPrivilegedContainerTypeDoesNotConfine() {
        FixtureFacts facts = scan("lsm-selinux-spc");
        assertThat(facts.value("lsm.selinux_context")).isEqualTo("system_u:system_r:spc_t:s0");
        assertThat(facts.value("lsm.confined")).isEqualTo(false);
        assertThat(facts.confidence("lsm.confined")).isEqualTo(Confidence.CERTAIN);
    }

    @Test
    void withoutSecurityfsAbsenceIsJudgedFromSysLessSurely() {
        FixtureFacts facts = scan("lsm-none-no-securityfs");
        assertThat(facts.value("lsm.apparmor_profile")).isEqualTo("none");
        assertThat(facts.confidence("lsm.apparmor_profile")).isEqualTo(Confidence.LIKELY);
        assertThat(facts.value("lsm.selinux_context")).isEqualTo("none");
        assertThat(facts.observed("lsm.active")).isFalse();
        assertThat(facts.observed("lsm.landlock_available")).isFalse();
        assertThat(facts.value("lsm.confined")).isEqualTo(false);
        assertThat(facts.confidence("lsm.confined")).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void appArmorModuleWithoutSecurityfsReadsTheProfileFromAttrCurrent() {
        FixtureFacts facts = scan("lsm-apparmor-module-only");
        assertThat(facts.value("lsm.apparmor_profile")).isEqualTo("lxc-container-default-cgns (enforce)");
        assertThat(facts.value("lsm.confined")).isEqualTo(true);
    }

    @Test
    void withoutSysNothingCanBeJudged() {
        FixtureFacts facts = scan("lsm-no-sys");
        assertThat(facts.observed("lsm.apparmor_profile")).isFalse();
        assertThat(facts.observed("lsm.selinux_context")).isFalse();
        assertThat(facts.observed("lsm.confined")).isFalse();
    }

    @Test
    void labelsAreJudgedByProfileModeAndType() {
        assertThat(LsmProbe.apparmorConfines("docker-default (enforce)")).isTrue();
        assertThat(LsmProbe.apparmorConfines("my-profile (kill)")).isTrue();
        assertThat(LsmProbe.apparmorConfines("my-profile (complain)")).isFalse();
        assertThat(LsmProbe.apparmorConfines("unconfined")).isFalse();
        assertThat(LsmProbe.apparmorConfines("none")).isFalse();
        assertThat(LsmProbe.selinuxConfines("system_u:system_r:container_t:s0")).isTrue();
        assertThat(LsmProbe.selinuxConfines("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")).isFalse();
        assertThat(LsmProbe.selinuxConfines("system_u:system_r:kernel_t:s0")).isFalse();
    }

    @Test
    void liveLandlockQueryAnswersForThisProcess() {
        FixtureFacts facts = FixtureFacts.live(new LsmProbe());
        // the query either answers a version or names the errno; both are observations
        long abi = (Long) facts.value("lsm.landlock_abi");
        assertThat(facts.value("lsm.landlock_available")).isEqualTo(abi > 0);
        assertThat(facts.evidence("lsm.landlock_abi")).contains("landlock_create_ruleset");
    }
}
