package io.bulwark.cli;

import io.bulwark.InputException;
import java.util.Locale;

/** Sizes as users write them: 512m, 2g, 1048576 (binary units, as Docker reads them). */
final class Sizes {
    private Sizes() {
    }

    static long bytes(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
            shift = 10 * ("kmg".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.matches("[1-9]\\d{0,12}")) {
            throw new InputException(option + " " + text + ": give a size such as 512m or 2g");
        }
        long bytes = Long.parseLong(t) << shift;
        if (bytes < (4L << 20)) {
            throw new InputException(option + " " + text + ": too small; a run needs at least 4m");
        }
        return bytes;
    }
}
