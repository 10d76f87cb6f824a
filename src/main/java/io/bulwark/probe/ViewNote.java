package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Fact;
import java.util.List;
import java.util.Map;

/**
 * Says in a fact's evidence which view of another process it came from: the host's
 * {@code /proc/PID} (what the kernel holds for the process) or the inside view through
 * {@code /proc/PID/root} (its own filesystem and procfs, masks and all). The choice per fact
 * is data: {@code process-views.yaml}.
 */
final class ViewNote {
    record View(@JsonProperty("prefix") String prefix, @JsonProperty("view") String view) {
    }

    record Data(@JsonProperty("views") List<View> views, @JsonProperty("texts") Map<String, String> texts) {
    }

    static final Data DATA = ProbeData.load("process-views.yaml", Data.class);

    private final String pid;
    private final boolean insideProc;

    ViewNote(ProbeContext ctx) {
        this.pid = ctx.process().getFileName().toString();
        this.insideProc = ctx.insideProc();
    }

    /** The fact with its view appended to the evidence; unobserved facts keep their reason alone. */
    Fact annotate(Fact fact) {
        if (!fact.observed()) {
            return fact;
        }
        return new Fact(fact.name(), fact.value(), fact.evidence() + " [" + text(fact.name()) + "]", fact.confidence());
    }

    /** True when the fact is read, wholly or partly, through {@code /proc/PID/root}. */
    static boolean readsInside(String name) {
        String view = view(name);
        return view.equals("inside") || view.equals("both");
    }

    private static String view(String name) {
        return DATA.views().stream().filter(v -> name.startsWith(v.prefix())).findFirst().orElseThrow().view();
    }

    String text(String name) {
        String view = view(name);
        String text = DATA.texts().get(view).replace("PID", pid);
        if (!insideProc && !view.equals("host") && !view.equals("kernel") && !view.equals("filter")) {
            text += "; the process has no procfs of its own at /proc, so the host's stands in";
        }
        return text;
    }
}
