package io.bulwark.runtime;

/** One setrlimit(2) call: {@code resource} is the RLIMIT_* number, limits as the kernel takes them. */
public record ResourceLimit(RlimitResource resource, long soft, long hard) {
    /** RLIM_INFINITY. */
    public static final long UNLIMITED = -1L;
}
