package io.bulwark.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The facts one environment should show, checked together: a scan is expensive, so a test
 * reports every fact that did not hold — missing from the report, not observed, or another
 * value — in one failure, each with the scan's evidence.
 */
final class ExpectedFacts {
    private final ScanReport report;
    private final List<String> failures = new ArrayList<>();
    private int checked;

    private ExpectedFacts(ScanReport report) {
        this.report = report;
    }

    static ExpectedFacts in(ScanReport report) {
        return new ExpectedFacts(report);
    }

    ExpectedFacts is(String name, boolean expected) {
        return check(name, String.valueOf(expected), v -> v.isBoolean() && v.booleanValue() == expected);
    }

    ExpectedFacts is(String name, long expected) {
        return check(name, String.valueOf(expected), v -> v.isIntegralNumber() && v.longValue() == expected);
    }

    ExpectedFacts is(String name, String expected) {
        return check(name, '"' + expected + '"', v -> v.isTextual() && v.textValue().equals(expected));
    }

    ExpectedFacts atLeast(String name, long minimum) {
        return check(name, ">= " + minimum, v -> v.isIntegralNumber() && v.longValue() >= minimum);
    }

    /** A list fact holding exactly these items, in any order. */
    ExpectedFacts listIs(String name, Collection<String> expected) {
        Set<String> want = new TreeSet<>(expected);
        return check(name, "exactly " + want, v -> v.isArray() && items(v).equals(want));
    }

    ExpectedFacts listContains(String name, String... expected) {
        List<String> want = List.of(expected);
        return check(name, "a list containing " + want, v -> v.isArray() && items(v).containsAll(want));
    }

    ExpectedFacts listHas(String name, String what, Predicate<String> item) {
        return check(name, "a list with " + what, v -> v.isArray() && items(v).stream().anyMatch(item));
    }

    ExpectedFacts listNotEmpty(String name) {
        return check(name, "a non-empty list", v -> v.isArray() && !v.isEmpty());
    }

    ExpectedFacts listSize(String name, int size) {
        return check(name, "a list of " + size, v -> v.isArray() && v.size() == size);
    }

    ExpectedFacts text(String name, String what, Predicate<String> text) {
        return check(name, what, v -> v.isTextual() && text.test(v.textValue()));
    }

    /** Throws one AssertionError listing every expectation that did not hold. */
    void verify() {
        String summary = report.environment() + ": " + (checked - failures.size()) + " of " + checked
                + " expected facts hold";
        System.out.println("[bulwark-it] " + summary + (failures.isEmpty() ? "" : "; not yet: "
                + failures.stream().map(f -> f.substring(0, f.indexOf(':'))).toList()));
        if (!failures.isEmpty()) {
            throw new AssertionError(summary + "; these do not:\n  - " + String.join("\n  - ", failures));
        }
    }

    private ExpectedFacts check(String name, String expected, Predicate<JsonNode> holds) {
        checked++;
        JsonNode fact = report.fact(name).orElse(null);
        if (fact == null) {
            failures.add(name + ": expected " + expected + ", but the report has no such fact (no probe declares it)");
        } else if (!fact.path("observed").asBoolean(false)) {
            failures.add(name + ": expected " + expected + ", but it was not observed: " + fact.path("evidence").asText());
        } else if (!holds.test(fact.path("value"))) {
            failures.add(name + ": expected " + expected + ", observed " + fact.path("value")
                    + " (" + fact.path("confidence").asText("?") + "; " + fact.path("evidence").asText() + ")");
        }
        return this;
    }

    private static Set<String> items(JsonNode array) {
        Set<String> items = new TreeSet<>();
        array.forEach(item -> items.add(item.asText()));
        return items;
    }
}
