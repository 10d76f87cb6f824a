package io.bulwark.os;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;
import java.util.Arrays;
import jnr.constants.platform.Errno;

/**
 * The C library's {@code syscall(2)}: a system call by number with raw arguments, and the
 * errno it left. Bound through jffi, the native layer under jnr-ffi, rather than a jnr-ffi
 * interface: jnr-ffi generates its glue classes on first use, which costs two to four times
 * as long as binding one function directly, and the binding is on the path of every scan.
 * Nothing is loaded until the first use.
 */
public final class RawSyscall {

    /** What one call returned: the raw return value, and errno when it is -1. */
    public record Result(long returned, int errno) {
        public boolean failed() {
            return returned == -1 && errno != 0;
        }

        /** The errno's symbolic name, e.g. {@code EFAULT}; {@code errno N} when unknown. */
        public String errnoName() {
            return RawSyscall.errnoName(errno);
        }
    }

    /**
     * {@code long syscall(long number, ...)}: variadic, one fixed parameter. Calls of up to
     * five arguments take jffi's fast path for six longs; the kernel ignores the argument
     * registers a call does not have. Six-argument calls go through a heap buffer.
     */
    private static final class Binding {
        static final long SYSCALL;
        static final CallContext SYSCALL_FIVE;
        static final CallContext SYSCALL_SIX;
        static final long CLOSE;
        static final CallContext CLOSE_CONTEXT;

        static {
            Library process = Library.getDefault();
            SYSCALL = symbol(process, "syscall");
            SYSCALL_FIVE = CallContext.getCallContext(Type.SINT64, 1, longs(6), CallingConvention.DEFAULT, true);
            SYSCALL_SIX = CallContext.getCallContext(Type.SINT64, 1, longs(7), CallingConvention.DEFAULT, true);
            CLOSE = symbol(process, "close");
            CLOSE_CONTEXT = CallContext.getCallContext(Type.SINT32, new Type[] {Type.SINT32}, CallingConvention.DEFAULT, true);
        }

        private static Type[] longs(int n) {
            Type[] types = new Type[n];
            Arrays.fill(types, Type.SINT64);
            return types;
        }

        private static long symbol(Library library, String name) {
            long address = library.getSymbolAddress(name);
            if (address == 0) {
                throw new UnsatisfiedLinkError("the C library has no " + name + "(): " + Library.getLastError());
            }
            return address;
        }
    }

    private RawSyscall() {
    }

    /**
     * Binds now, so that callers can time the calls apart from loading jffi's native stub;
     * throws a LinkageError when the stub cannot be loaded (e.g. a noexec temporary directory).
     */
    public static void load() {
        if (Binding.SYSCALL == 0 || Invoker.getInstance() == null || LastError.getInstance() == null) {
            throw new UnsatisfiedLinkError("syscall() not bound");
        }
    }

    /** Calls system call {@code number} with {@code args} (missing arguments are 0). */
    public static Result call(long number, long... args) {
        if (args.length > 6) {
            throw new IllegalArgumentException("a system call takes at most six arguments, got " + args.length);
        }
        long[] a = Arrays.copyOf(args, 6);
        LastError.getInstance().set(0);
        long returned;
        if (args.length <= 5) {
            returned = Invoker.getInstance().invokeN6(Binding.SYSCALL_FIVE, Binding.SYSCALL, number, a[0], a[1], a[2], a[3], a[4]);
        } else {
            HeapInvocationBuffer buffer = new HeapInvocationBuffer(Binding.SYSCALL_SIX);
            buffer.putLong(number);
            for (long arg : a) {
                buffer.putLong(arg);
            }
            returned = Invoker.getInstance().invokeLong(Binding.SYSCALL_SIX, Binding.SYSCALL, buffer);
        }
        int errno = returned == -1 ? LastError.getInstance().get() : 0;
        return new Result(returned, errno);
    }

    /** Closes a descriptor a call returned unexpectedly, so a probe never leaks one. */
    public static void close(long fd) {
        if (fd >= 0 && fd <= Integer.MAX_VALUE) {
            Invoker.getInstance().invokeI1(Binding.CLOSE_CONTEXT, Binding.CLOSE, (int) fd);
        }
    }

    /** The symbolic name of a Linux errno value ({@code EOPNOTSUPP} rather than its alias {@code ENOTSUP}). */
    public static String errnoName(int errno) {
        if (errno == 95) {
            return "EOPNOTSUPP";
        }
        Errno e = Errno.valueOf(errno);
        return e == null || e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.name();
    }

    /** The errno value for a symbolic name, or -1 when the name is not known. */
    public static int errnoValue(String name) {
        if (name.equals("EOPNOTSUPP") || name.equals("ENOTSUP")) {
            return 95;
        }
        try {
            Errno e = Errno.valueOf(name);
            return e.defined() ? e.intValue() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
