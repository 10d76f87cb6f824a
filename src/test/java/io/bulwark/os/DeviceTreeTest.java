package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceTreeTest {

    @Test
    void liveDevHoldsNullAsCharacterDevice1Colon3() throws Exception {
        List<DeviceNode> nodes = DeviceTree.list(Path.of("/dev"));
        assertThat(nodes).contains(new DeviceNode("null", DeviceNode.Kind.CHAR, DeviceNumber.NULL));
        assertThat(nodes).extracting(DeviceNode::name).isSorted();
    }

    @Test
    void regularFilesDirectoriesAndLinksAreNotNodes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("plain"), "x");
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.createSymbolicLink(dir.resolve("null-link"), Path.of("/dev/null"));
        assertThat(DeviceTree.list(dir)).isEmpty();
        assertThat(DeviceTree.node(dir.resolve("null-link"), "null-link")).isEmpty();
        assertThat(DeviceTree.node(dir.resolve("missing"), "missing")).isEmpty();
    }

    /** glibc's makedev(3). */
    private static long makedev(long major, long minor) {
        return (major & 0xfff) << 8 | (major & ~0xfffL) << 32 | (minor & 0xff) | (minor & ~0xffL) << 12;
    }

    @Test
    void decodesRdevAsGlibcDoes() {
        assertThat(DeviceNumber.fromRdev(0x103)).isEqualTo(new DeviceNumber(1, 3));
        assertThat(DeviceNumber.fromRdev(0xfe00)).isEqualTo(new DeviceNumber(254, 0));
        assertThat(DeviceNumber.fromRdev(makedev(259, 1))).isEqualTo(new DeviceNumber(259, 1));
        assertThat(DeviceNumber.fromRdev(makedev(16, 300))).isEqualTo(new DeviceNumber(16, 300));
        assertThat(DeviceNumber.fromRdev(makedev(4097, 70000))).isEqualTo(new DeviceNumber(4097, 70000));
        assertThat(DeviceNumber.parse("1:11")).isEqualTo(new DeviceNumber(1, 11));
        assertThat(DeviceNumber.NULL).hasToString("1:3");
    }
}
