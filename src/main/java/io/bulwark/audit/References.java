package io.bulwark.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where a rule comes from in public benchmarks.
 *
 * @param cis CIS Docker Benchmark 1.6 recommendation ids, e.g. {@code 5.4}
 * @param pss Kubernetes Pod Security Standards controls, e.g. {@code baseline: Capabilities}
 */
public record References(@JsonProperty("cis") List<String> cis, @JsonProperty("pss") List<String> pss) {
    public References {
        cis = cis == null ? List.of() : List.copyOf(cis);
        pss = pss == null ? List.of() : List.copyOf(pss);
    }

    public static References none() {
        return new References(List.of(), List.of());
    }
}
