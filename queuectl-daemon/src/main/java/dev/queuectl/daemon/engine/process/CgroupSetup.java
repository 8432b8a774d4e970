package dev.queuectl.daemon.engine.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the daemon may put its runs' cgroups: the cgroup v2 hierarchy from
 * {@code /proc/self/mountinfo} (at {@code /sys/fs/cgroup}, or {@code /sys/fs/cgroup/unified}
 * beside v1 controllers), the daemon's own cgroup from {@code /proc/self/cgroup}, and the name of
 * the daemon's cgroup in it, one per data dir.
 */
final class CgroupSetup {
    private static final Path MOUNTINFO = Paths.get("/proc/self/mountinfo");
    private static final Path OWN = Paths.get("/proc/self/cgroup");

    /** A cgroup2 mount: the hierarchy path it shows ({@code root}) at {@code mountPoint}. */
    record Mount(String root, Path mountPoint) {
    }

    private CgroupSetup() {
    }

    /** The daemon's own cgroup as a directory; an IOException says why there is none to use. */
    static Path ownCgroup() throws IOException {
        String own = null;
        for (String line : Files.readAllLines(OWN, StandardCharsets.UTF_8)) {
            if (line.startsWith("0::")) {
                own = line.substring(3);
            }
        }
        if (own == null) {
            throw new IOException("this process is in no cgroup v2 hierarchy (/proc/self/cgroup)");
        }
        List<Mount> mounts = cgroup2Mounts();
        if (mounts.isEmpty()) {
            throw new IOException("no cgroup v2 hierarchy is mounted");
        }
        for (Mount m : mounts) {
            String root = m.root().equals("/") ? "" : m.root();
            if (own.equals(root) || own.startsWith(root + "/") || root.isEmpty()) {
                String rest = own.substring(root.length());
                return rest.isEmpty() || rest.equals("/") ? m.mountPoint() : m.mountPoint().resolve(rest.substring(1));
            }
        }
        throw new IOException("this daemon's cgroup " + own + " is not visible under any cgroup v2 mount");
    }

    /** Refuses a directory that is not a cgroup in a cgroup v2 hierarchy. */
    static void checkCgroup2(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        boolean mounted = false;
        for (Mount m : cgroup2Mounts()) {
            mounted |= abs.startsWith(m.mountPoint());
        }
        if (!mounted || !Files.isDirectory(abs) || !Files.exists(abs.resolve("cgroup.procs"))) {
            throw new IOException(dir + " is not a cgroup v2 directory");
        }
    }

    /** The daemon's cgroup under {@code parent}: one per data dir, so two daemons never share one. */
    static Path daemonCgroup(Path parent, Path dataDir) {
        return parent.resolve("queuectld-" + digest(dataDir.toAbsolutePath().normalize().toString()));
    }

    static List<Mount> cgroup2Mounts() throws IOException {
        List<Mount> out = new ArrayList<>();
        for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
            // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] after = line.substring(dash + 3).split(" ");
            String[] before = line.substring(0, dash).split(" ");
            if (after.length > 0 && after[0].equals("cgroup2") && before.length >= 5) {
                out.add(new Mount(unescape(before[3]), Paths.get(unescape(before[4]))));
            }
        }
        return out;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes ({@code \040}). */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                try {
                    b.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                    continue;
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not an escape after all
                }
            }
            b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
