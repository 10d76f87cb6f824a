package io.bulwark.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every fact name a rule may refer to, with its type. */
public final class FactCatalog {
    private final Map<String, FactSpec> specs = new LinkedHashMap<>();

    public FactCatalog(Collection<FactSpec> specs) {
        for (FactSpec spec : specs) {
            FactSpec previous = this.specs.putIfAbsent(spec.name(), spec);
            if (previous != null && previous.type() != spec.type()) {
                throw new IllegalStateException("fact " + spec.name() + " declared twice with different types");
            }
        }
    }

    public Optional<FactSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    public List<FactSpec> all() {
        return List.copyOf(specs.values());
    }
}
