package io.bulwark.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal, on Java 17 and on 22+. */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // Since Java 22 System.console() may exist when output is redirected; Console.isTerminal()
        // (22+) tells the difference. On 17 a non-null console already means a terminal.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
