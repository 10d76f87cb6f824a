package io.bulwark.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/** How far a scan of many targets is, redrawn on one line of standard error; silent unless on a terminal. */
final class ProgressBar implements IntConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int total;
    private final boolean shown;

    private ProgressBar(PrintWriter err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown;
    }

    /** A bar for {@code total} targets, drawn only when bulwark runs on a terminal and there is more than one. */
    static ProgressBar on(PrintWriter err, int total) {
        return new ProgressBar(err, total, total > 1 && Terminal.isInteractive());
    }

    @Override
    public synchronized void accept(int done) {
        if (!shown) {
            return;
        }
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.print("\rscanning [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done >= total) {
            err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        }
        err.flush();
    }
}
