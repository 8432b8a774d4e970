package dev.queuectl.daemon;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start a clean shutdown instead of the JVM's default exit, so the daemon
 * drains and then exits 0. A second signal while shutting down is ignored.
 */
final class Signals {
    private Signals() {
    }

    static void onTermination(Consumer<String> action) {
        boolean[] fired = {false};
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), sig -> {
                synchronized (fired) {
                    if (fired[0]) {
                        return;
                    }
                    fired[0] = true;
                }
                action.accept(sig.getName());
            });
        }
    }
}
