package io.bulwark.audit;

import io.bulwark.InputException;

/** A rule file that cannot be used: the message names the file, where in it, and what is wrong. */
public class RuleFileException extends InputException {
    private static final long serialVersionUID = 1L;

    public RuleFileException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }

    public RuleFileException(String file, String message) {
        this(file, message, null);
    }
}
