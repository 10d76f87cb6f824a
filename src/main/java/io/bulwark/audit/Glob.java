package io.bulwark.audit;

import java.util.regex.Pattern;

/**
 * A shell-like pattern over a whole string: {@code *} matches any text (slashes included, as
 * target ids are paths and pids, not file trees), {@code ?} one character, the rest itself.
 */
public record Glob(String pattern) {

    public boolean matches(String text) {
        return regex().matcher(text).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
