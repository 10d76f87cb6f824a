package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.TestFiles;
import org.junit.jupiter.api.Test;

class ProcessStatTest {

    @Test
    void readsCommandAndStartTimeOfARealPid1() {
        ProcessStat stat = ProcessStat.parse(TestFiles.text("fixtures/bwrap-sandbox/proc/1/stat"));
        assertThat(stat.pid()).isEqualTo(1);
        assertThat(stat.command()).isEqualTo("bwrap");
        assertThat(stat.startTicks()).isPositive();
    }

    @Test
    void commandMayHoldSpacesAndParentheses() {
        ProcessStat stat = ProcessStat.parse(TestFiles.text("os/stat/command-with-spaces-and-parens.txt"));
        assertThat(stat.command()).isEqualTo("my (odd) cmd");
        assertThat(stat.number(4)).isEqualTo(1);
        assertThat(stat.startTicks()).isEqualTo(987654);
    }

    @Test
    void truncatedLineHasNoStartTime() {
        ProcessStat stat = ProcessStat.parse(TestFiles.text("os/stat/truncated.txt"));
        assertThatThrownBy(stat::startTicks).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field 22");
    }

    @Test
    void lineWithoutParenthesisedCommandIsRefused() {
        assertThatThrownBy(() -> ProcessStat.parse(TestFiles.text("os/stat/malformed-no-command.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(command)");
    }

    @Test
    void nonNumericStartTimeIsRefused() {
        ProcessStat stat = ProcessStat.parse(TestFiles.text("os/stat/malformed-start-time.txt"));
        assertThatThrownBy(stat::startTicks).hasMessageContaining("'soon'");
    }
}
