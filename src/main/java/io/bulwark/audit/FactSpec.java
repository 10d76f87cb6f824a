package io.bulwark.audit;

/**
 * The declaration of a fact: its stable dotted name, the type of its value and what it means.
 * Probes declare the facts they produce; rules may only name declared facts.
 */
public record FactSpec(String name, FactType type, String description) {

    public static FactSpec bool(String name, String description) {
        return new FactSpec(name, FactType.BOOLEAN, description);
    }

    public static FactSpec number(String name, String description) {
        return new FactSpec(name, FactType.NUMBER, description);
    }

    public static FactSpec text(String name, String description) {
        return new FactSpec(name, FactType.TEXT, description);
    }

    public static FactSpec list(String name, String description) {
        return new FactSpec(name, FactType.LIST, description);
    }
}
