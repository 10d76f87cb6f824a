package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamespaceSignsTest {

    @Test
    void readsInterfaceNamesFromProcNetDev() {
        String dev = """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0
                  eth0:127209732 3347    0    0    0     0          0         0   255778    2182    0    0    0     0       0          0
                br-1a2b: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                """;
        assertThat(HostNamespaceSigns.parseInterfaces(dev)).containsExactly("lo", "eth0", "br-1a2b");
    }

    @Test
    void ignoresHeadersAndJunk() {
        assertThat(HostNamespaceSigns.parseInterfaces("")).isEmpty();
        assertThat(HostNamespaceSigns.parseInterfaces("one\ntwo\nno colon here\n : empty name\n")).isEmpty();
    }
}
