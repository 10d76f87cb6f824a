package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyscallSweepMainTest {

    @Test
    void callsSurviveTheCommandLine() {
        SyscallCall call = new SyscallCall("process_vm_readv", 310, List.of(0L, 0L, -1L, 0xffffffffL, 0L, 1L), true);
        String text = SyscallSweepMain.encode(call);
        assertThat(text).isEqualTo("process_vm_readv:310:0,0,-1,4294967295,0,1:1");
        SyscallCall back = SyscallSweepMain.decode(text);
        assertThat(back).isEqualTo(call);
        assertThat(SyscallSweepMain.decode(SyscallSweepMain.encode(new SyscallCall("x", 1, List.of(), false))).args()).isEmpty();
    }

    @Test
    void refusesAMangledCall() {
        assertThatThrownBy(() -> SyscallSweepMain.decode("mount:165")).hasMessageContaining("NAME:NUMBER:ARGS:FD");
        assertThatThrownBy(() -> SyscallSweepMain.decode("mount:x:0:0")).isInstanceOf(NumberFormatException.class);
    }
}
