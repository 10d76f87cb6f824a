package io.bulwark.audit;

/**
 * One audit rule, loaded from a rule file: it fails when its condition holds.
 *
 * @param runOption the {@code bulwark run} option (or default) that closes this surface
 * @param source    the file the rule was loaded from, for error messages and reports
 */
public record Rule(
        String id,
        Surface surface,
        String title,
        Severity severity,
        References references,
        Condition failWhen,
        String why,
        String fix,
        String runOption,
        String source) {
}
