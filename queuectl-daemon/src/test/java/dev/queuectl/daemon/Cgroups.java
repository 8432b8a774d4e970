package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

/**
 * For tests of the cgroup mechanism: it needs a cgroup v2 hierarchy where this user may create
 * cgroups (root, or a delegated subtree). CI runs as root with a cgroup2 mount, so nothing is
 * skipped there; elsewhere the test says why it cannot run.
 */
final class Cgroups {
    private Cgroups() {
    }

    /** Skips the test, saying why, when it wants cgroups and the daemon ({@code status}'s containment) has none. */
    static void assumeMechanism(String wanted, Map<?, ?> containment) {
        if (!"cgroup".equals(wanted)) {
            return;
        }
        boolean available = "cgroup".equals(containment.get("mechanism"));
        if (!available) {
            System.out.println("[cgroup] cannot test the cgroup mechanism here: " + containment.get("reason")
                    + " (it needs root or a delegated cgroup v2 subtree; CI provides both)");
        }
        assumeTrue(available, "no cgroups for runs here: " + containment.get("reason"));
    }
}
