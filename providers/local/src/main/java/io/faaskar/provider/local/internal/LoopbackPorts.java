package io.faaskar.provider.local.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out free TCP ports on the loopback interface. The OS may offer a port again as soon as the
 * probe socket closes, so ports handed out recently are remembered and skipped: two replicas
 * starting at the same moment never get the same port.
 */
final class LoopbackPorts {

    private static final int REMEMBERED = 256;
    private static final int ATTEMPTS = 50;

    private final Deque<Integer> recent = new ArrayDeque<>();
    private final Set<Integer> recentSet = new HashSet<>();

    synchronized int allocate() throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            if (recentSet.add(port)) {
                recent.addLast(port);
                if (recent.size() > REMEMBERED) {
                    recentSet.remove(recent.removeFirst());
                }
                return port;
            }
        }
        throw new IOException("no free loopback port found after " + ATTEMPTS + " attempts");
    }
}
