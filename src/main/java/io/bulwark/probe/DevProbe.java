package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.DeviceNode;
import io.bulwark.os.DeviceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** /dev: device nodes beyond the minimal set, raw memory, the kernel log and block devices. */
public final class DevProbe implements Probe {

    record Data(@JsonProperty("minimal-nodes") List<String> minimalNodes,
                @JsonProperty("minimal-dirs") List<String> minimalDirs,
                @JsonProperty("memory-nodes") List<String> memoryNodes,
                @JsonProperty("memory-numbers") List<String> memoryNumbers,
                @JsonProperty("kmsg-nodes") List<String> kmsgNodes,
                @JsonProperty("kmsg-numbers") List<String> kmsgNumbers) {
    }

    /** Lists the device nodes under a directory; tests give fixture listings, since git holds no device files. */
    interface NodeLister {
        List<DeviceNode> list(Path dev) throws IOException;
    }

    private static final Data DATA = ProbeData.load("dev-nodes.yaml", Data.class);
    private static final int SHOWN = 16;
    private final NodeLister lister;

    public DevProbe() {
        this(DeviceTree::list);
    }

    DevProbe(NodeLister lister) {
        this.lister = lister;
    }

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.list("dev.extra_nodes", "device nodes under /dev beyond the minimal set ("
                        + String.join(" ", DATA.minimalNodes()) + ", pts/), as paths below /dev"),
                FactSpec.bool("dev.mem_present", "/dev/mem, /dev/kmem or /dev/port (or a node with their numbers) is present"),
                FactSpec.bool("dev.kmsg_present", "/dev/kmsg (or a node with its number 1:11) is present"),
                FactSpec.list("dev.block_devices", "block device nodes under /dev, as paths below /dev"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) throws IOException {
        Path dev = ctx.path("/dev");
        if (!Files.isDirectory(dev)) {
            return List.of(
                    Fact.of("dev.extra_nodes", List.of(), "absent: there is no /dev"),
                    Fact.of("dev.mem_present", false, "absent: there is no /dev"),
                    Fact.of("dev.kmsg_present", false, "absent: there is no /dev"),
                    Fact.of("dev.block_devices", List.of(), "absent: there is no /dev"));
        }
        List<DeviceNode> nodes = lister.list(dev);
        List<DeviceNode> extra = nodes.stream().filter(n -> !minimal(n)).toList();
        List<DeviceNode> memory = nodes.stream().filter(matches(DATA.memoryNodes(), DATA.memoryNumbers())).toList();
        List<DeviceNode> kmsg = nodes.stream().filter(matches(DATA.kmsgNodes(), DATA.kmsgNumbers())).toList();
        List<DeviceNode> block = nodes.stream().filter(n -> n.kind() == DeviceNode.Kind.BLOCK).toList();
        String counted = nodes.size() + " device nodes under /dev";
        return List.of(
                Fact.of("dev.extra_nodes", names(extra), counted + "; beyond the minimal set: " + shown(extra)),
                Fact.of("dev.mem_present", !memory.isEmpty(), memory.isEmpty() ? "no mem, kmem or port node among the " + counted
                        : "present: " + shown(memory)),
                Fact.of("dev.kmsg_present", !kmsg.isEmpty(), kmsg.isEmpty() ? "no kmsg node among the " + counted
                        : "present: " + shown(kmsg)),
                Fact.of("dev.block_devices", names(block), "block devices: " + shown(block)));
    }

    private static boolean minimal(DeviceNode node) {
        int slash = node.name().indexOf('/');
        return slash < 0 ? DATA.minimalNodes().contains(node.name()) : DATA.minimalDirs().contains(node.name().substring(0, slash));
    }

    private static Predicate<DeviceNode> matches(List<String> names, List<String> numbers) {
        return n -> names.contains(n.name())
                || (n.kind() == DeviceNode.Kind.CHAR && numbers.contains(n.number().toString()));
    }

    private static List<String> names(List<DeviceNode> nodes) {
        return nodes.stream().map(DeviceNode::name).toList();
    }

    private static String shown(List<DeviceNode> nodes) {
        if (nodes.isEmpty()) {
            return "none";
        }
        String first = String.join(", ", nodes.subList(0, Math.min(SHOWN, nodes.size())).stream().map(DeviceNode::toString).toList());
        return nodes.size() > SHOWN ? first + " and " + (nodes.size() - SHOWN) + " more" : first;
    }
}
