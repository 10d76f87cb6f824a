package io.bulwark;

/**
 * Bad input from the user — a file, an option value, a pid — as opposed to a failure of
 * bulwark itself. The message is one line that names the input and says what to do.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
