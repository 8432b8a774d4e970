package dev.queuectl.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds live processes of a daemon's runs: those whose environment carries its run marker. */
final class ProcScan {
    private ProcScan() {
    }

    /** Live (non-zombie) pids whose QUEUECTL_RUN names this data dir. */
    static List<Long> runsOf(Path dataDir) {
        byte[] needle = ("QUEUECTL_RUN=" + dataDir + "#").getBytes(StandardCharsets.UTF_8);
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    byte[] env = Files.readAllBytes(p.resolve("environ"));
                    String stat = Files.readString(p.resolve("stat"));
                    if (indexOf(env, needle) >= 0 && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z') {
                        out.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
