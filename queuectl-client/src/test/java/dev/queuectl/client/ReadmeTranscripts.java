package dev.queuectl.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's transcripts: every fenced block right after a {@code <!-- transcript -->} comment.
 * In the block, a line starting with {@code $ } is a shell command and the lines after it, up to
 * the next command, are what it prints (stdout and stderr, as a terminal shows them). The
 * comment may hold set-up the reader does not see: {@code $ } commands run first, output not
 * compared, and {@code file NAME} … {@code end} writes a file into the working directory.
 *
 * <p>{@link #normalize} blanks what legitimately differs between runs (times, measured durations,
 * pids, paths, column widths) on both sides before comparing.
 */
final class ReadmeTranscripts {
    /** One command of a transcript and the lines the README says it prints. */
    record Step(String command, List<String> expected, int line) {
    }

    /** A file the set-up writes before the commands run. */
    record SetupFile(String name, String content) {
    }

    /** A marked block: its hidden set-up and its visible steps; {@code line} is the fence's line (1-based). */
    record Transcript(int line, List<String> setup, List<SetupFile> files, List<Step> steps) {
    }

    private ReadmeTranscripts() {
    }

    static List<Transcript> parse(List<String> readme) {
        List<Transcript> out = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).strip().startsWith("<!-- transcript")) {
                continue;
            }
            List<String> setup = new ArrayList<>();
            List<SetupFile> files = new ArrayList<>();
            String first = readme.get(i).strip().substring("<!-- transcript".length()).strip();
            int j = i;
            List<String> comment = new ArrayList<>();
            if (!first.equals("-->")) {
                if (first.endsWith("-->")) {
                    comment.add(first.substring(0, first.length() - 3).strip());
                } else {
                    if (!first.isEmpty()) {
                        comment.add(first);
                    }
                    for (j = i + 1; j < readme.size() && !readme.get(j).strip().equals("-->"); j++) {
                        comment.add(readme.get(j));
                    }
                }
            }
            for (int k = 0; k < comment.size(); k++) {
                String c = comment.get(k).strip();
                if (c.startsWith("$ ")) {
                    setup.add(c.substring(2));
                } else if (c.startsWith("file ")) {
                    StringBuilder content = new StringBuilder();
                    for (k++; k < comment.size() && !comment.get(k).strip().equals("end"); k++) {
                        content.append(comment.get(k)).append('\n');
                    }
                    files.add(new SetupFile(c.substring(5).strip(), content.toString()));
                } else if (!c.isEmpty()) {
                    throw new IllegalArgumentException("README line " + (i + 1) + ": unknown set-up line '" + c + "'");
                }
            }
            int fence = j + 1;
            while (fence < readme.size() && readme.get(fence).isBlank()) {
                fence++;
            }
            if (fence >= readme.size() || !readme.get(fence).startsWith("```")) {
                throw new IllegalArgumentException("README line " + (i + 1) + ": a transcript marker without a code block");
            }
            List<Step> steps = new ArrayList<>();
            int k = fence + 1;
            for (; k < readme.size() && !readme.get(k).startsWith("```"); k++) {
                String l = readme.get(k);
                if (l.startsWith("$ ")) {
                    steps.add(new Step(l.substring(2), new ArrayList<>(), k + 1));
                } else if (steps.isEmpty()) {
                    throw new IllegalArgumentException("README line " + (k + 1) + ": output before any command");
                } else {
                    steps.get(steps.size() - 1).expected().add(l);
                }
            }
            out.add(new Transcript(fence + 1, setup, files, steps));
            i = k;
        }
        return out;
    }

    private static final List<Pattern> BLANKS = List.of(
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?(Z|[+-]\\d{2}:?\\d{2}))?"),
            Pattern.compile("\\b\\d+(\\.\\d+)?ms\\b"),
            Pattern.compile("\\b\\d+(\\.\\d+)?s\\b"),
            Pattern.compile("(?<=^runs ).+"), // a cgroup where the daemon may create one, else the marker scan
            Pattern.compile("(?<=\\bup )\\S+"),
            Pattern.compile("(?<=\\(in )[^)]*(?=\\))"),
            Pattern.compile("(?<=\\bpid )\\d+"),
            Pattern.compile("/\\S*\\.sock\\b"),
            Pattern.compile("(?<=^data dir )\\S+"),
            Pattern.compile("(?<=^node )\\S+"),
            Pattern.compile("(?<=\\blog )\\S+queuectld\\.log"));

    /** The line with what differs from run to run blanked, and runs of spaces made one. */
    static String normalize(String line) {
        String s = line.strip().replaceAll("\\s+", " ");
        for (Pattern p : BLANKS) {
            Matcher m = p.matcher(s);
            s = m.replaceAll("…");
        }
        return s;
    }

    static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(normalize(l));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
