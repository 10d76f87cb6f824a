package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live: harmless calls through the binding on this machine. */
class RawSyscallTest {
    /** getpid, close, process_vm_readv per architecture. */
    private static final Map<String, long[]> NUMBERS = Map.of(
            "amd64", new long[] {39, 3, 310},
            "aarch64", new long[] {172, 57, 270});
    private long[] numbers;

    @BeforeEach
    void knownArchitecture() {
        numbers = NUMBERS.get(System.getProperty("os.arch"));
        assumeTrue(numbers != null, "no test numbers for " + System.getProperty("os.arch"));
    }

    @Test
    void getpidReturnsThisProcess() {
        RawSyscall.Result r = RawSyscall.call(numbers[0]);
        assertThat(r.returned()).isEqualTo(ProcessHandle.current().pid());
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aFailedCallCarriesItsErrno() {
        RawSyscall.Result r = RawSyscall.call(numbers[1], -1);
        assertThat(r.failed()).isTrue();
        assertThat(r.errnoName()).isEqualTo("EBADF");
    }

    @Test
    void theSixthArgumentReachesTheKernel() {
        // process_vm_readv rejects any flag (the sixth argument) with EINVAL before looking at the rest
        RawSyscall.Result r = RawSyscall.call(numbers[2], 0, 0, 0, 0, 0, 1);
        assertThat(r.errnoName()).isEqualTo("EINVAL");
    }

    @Test
    void refusesMoreThanSixArguments() {
        assertThatThrownBy(() -> RawSyscall.call(numbers[0], 1, 2, 3, 4, 5, 6, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six");
    }

    @Test
    void errnoNamesAndValuesAgree() {
        assertThat(RawSyscall.errnoName(14)).isEqualTo("EFAULT");
        assertThat(RawSyscall.errnoName(95)).isEqualTo("EOPNOTSUPP");
        assertThat(RawSyscall.errnoName(9999)).isEqualTo("errno 9999");
        assertThat(RawSyscall.errnoValue("EFAULT")).isEqualTo(14);
        assertThat(RawSyscall.errnoValue("ENOTSUP")).isEqualTo(95);
        assertThat(RawSyscall.errnoValue("ENOPE")).isEqualTo(-1);
    }
}
