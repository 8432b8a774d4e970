package dev.queuectl.client.render;

import dev.queuectl.protocol.result.BulkResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Human output of an action on several jobs: what changed (or would), what was skipped and why, what was not found. */
public final class BulkRenderer {
    private BulkRenderer() {
    }

    public static String jobs(long n) {
        return n == 1 ? "1 job" : String.format("%,d jobs", n);
    }

    /**
     * @param done what happened, "{}" standing for the jobs ("cancelled {}")
     * @param todo what would happen, after "would" ("cancel {}")
     */
    public static void print(BulkResult r, String done, String todo, PrintWriter out) {
        String sentence = (r.dryRun() ? "would " + todo : done).replace("{}", jobs(r.count()));
        out.println(sentence + sample(r.sample(), r.count()));
        if (r.skipped() > 0) {
            out.println((r.dryRun() ? "would skip " : "skipped ") + jobs(r.skipped()) + " because of their state: "
                    + reasons(r.skippedStates()));
        }
        if (!r.notFound().isEmpty()) {
            out.println("not found: " + String.join(", ", r.notFound()));
        }
        if (r.dryRun()) {
            out.println("nothing was changed (--dry-run)");
        }
    }

    private static String sample(List<String> ids, long count) {
        if (ids.isEmpty()) {
            return "";
        }
        return ": " + String.join(", ", ids) + (count > ids.size() ? ", …" : "");
    }

    private static String reasons(Map<String, Long> byState) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : byState.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            String what = e.getKey().equals("held") ? "already held" : e.getKey().equals("not_held") ? "not held"
                    : e.getKey();
            b.append(String.format("%,d", e.getValue())).append(' ').append(what);
        }
        return b.toString();
    }
}
