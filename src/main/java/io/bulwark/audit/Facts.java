package io.bulwark.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facts observed about one target, by name, in the order they were recorded. */
public final class Facts {
    private final Map<String, Fact> byName = new LinkedHashMap<>();

    public Facts() {
    }

    public Facts(Collection<Fact> facts) {
        facts.forEach(this::put);
    }

    /** Records a fact; a later observation of the same name replaces an earlier one. */
    public void put(Fact fact) {
        byName.put(fact.name(), fact);
    }

    public Optional<Fact> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The value of an observed fact, or empty when it is unknown or unobserved. */
    public Optional<Object> value(String name) {
        return get(name).filter(Fact::observed).map(Fact::value);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public List<Fact> all() {
        return List.copyOf(byName.values());
    }

    public int size() {
        return byName.size();
    }
}
