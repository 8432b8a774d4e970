package dev.queuectl.daemon.engine.output;

import dev.queuectl.daemon.engine.process.ProcessLauncher;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where runs write their output: one file per run, {@code output/<seq/1000>/<seq>-<attempt>.log}
 * under the data dir (named by the job's sequence number, never by its user-given id), private
 * to the daemon's user. Each run keeps at most the last {@code limit} bytes: a runaway run's file
 * has its head freed while it runs (hole punching, offsets unchanged), and at the end the file
 * is rewritten to its tail. Offsets handed to clients always count bytes of the whole output
 * stream; {@code dropped} says how many at the start are gone.
 *
 * <p>Creating a file is by far the most expensive step of starting a short run on some file
 * systems (ext4 without a journal scans recently freed inodes on every create). So a run's file
 * is a hard link to an empty spool file from {@code output/.spool/}; a run that printed nothing
 * has its link removed at the end and the spool file goes back to the pool, so a queue of quiet
 * jobs allocates no inodes at all. A run that printed keeps the file; its spool name goes. A
 * run's file therefore exists while it runs and afterwards only if it printed something.
 */
public final class OutputFiles {
    private static final Logger log = LoggerFactory.getLogger(OutputFiles.class);
    private static final int CHUNK = 64 * 1024;
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path dir;
    private final long limit;
    private final ProcessLauncher launcher;
    private final Set<Long> shards = ConcurrentHashMap.newKeySet();
    private final Path spoolDir;
    private final ConcurrentLinkedQueue<Path> spools = new ConcurrentLinkedQueue<>();
    private final AtomicLong spoolNames = new AtomicLong();

    public OutputFiles(Path dir, long limit, ProcessLauncher launcher) {
        this.dir = dir;
        this.limit = limit;
        this.launcher = launcher;
        this.spoolDir = dir.resolve(".spool");
    }

    /** A run's output file, and the spool file it is a link to (null if it was created on its own). */
    public record RunFile(Path path, Path spool) {
    }

    /**
     * At start-up, before any run: removes the spool names a previous daemon left. A run it left
     * behind keeps its output, which its own file still links to.
     */
    public void clearSpools() throws IOException {
        Files.createDirectories(dir, PRIVATE_DIR);
        Files.createDirectories(spoolDir, PRIVATE_DIR);
        try (var names = Files.newDirectoryStream(spoolDir)) {
            for (Path p : names) {
                Files.deleteIfExists(p);
            }
        }
    }

    public long limit() {
        return limit;
    }

    public Path path(long seq, int attempt) {
        return dir.resolve(Long.toString(seq / 1000)).resolve(seq + "-" + attempt + ".log");
    }

    /** The run's file, created empty (0600) in its directory (0700), linked to a spool file when it can be. */
    public RunFile open(long seq, int attempt) throws IOException {
        long shard = seq / 1000;
        if (!shards.contains(shard)) {
            Path d = dir.resolve(Long.toString(shard));
            Files.createDirectories(d, PRIVATE_DIR);
            // createDirectories applies the mode only to directories it creates; the output root
            // may have been created a moment ago with it too, but make sure.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            shards.add(shard);
        }
        Path path = path(seq, attempt);
        Path spool = spools.poll();
        if (spool == null) {
            spool = spoolDir.resolve(Long.toString(spoolNames.incrementAndGet()));
            Files.createFile(spool, PRIVATE_FILE);
        }
        try {
            Files.createLink(path, spool);
            return new RunFile(path, spool);
        } catch (FileAlreadyExistsException e) {
            spools.add(spool); // a file of an earlier daemon's; the run appends to it
            return new RunFile(path, null);
        }
    }

    /**
     * After the run: if it printed nothing, its file is unlinked and the spool file goes back to
     * the pool. Not when processes it left behind were still running at its end ({@code
     * reusable} false): they may write yet, into the run's own file, which then stays.
     */
    public void close(RunFile file, boolean reusable) {
        if (file.spool() == null) {
            return;
        }
        try {
            if (reusable && size(file.path()) == 0) {
                Files.deleteIfExists(file.path());
                spools.add(file.spool());
            } else {
                Files.deleteIfExists(file.spool());
            }
        } catch (IOException e) {
            log.warn("could not tidy up the output file {}: {}", file.path(), e.toString());
        }
    }

    /**
     * While a run is going: if its file has grown well past the limit, free everything but the
     * last {@code limit} bytes. Returns the bytes now freed at the start (0 if none).
     */
    public long guard(Path file, long alreadyFreed) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return alreadyFreed;
        }
        long slack = Math.max(limit / 2, 64 * 1024);
        if (size - alreadyFreed <= limit + slack) {
            return alreadyFreed;
        }
        long free = (size - limit) & ~4095L; // whole blocks
        if (free > alreadyFreed && launcher.punchHole(file, free)) {
            return free;
        }
        return alreadyFreed;
    }

    /**
     * After a run: if the file holds more than the limit, rewrite it to its last {@code limit}
     * bytes. Returns how many bytes of the output stream are gone from its start.
     */
    public long trim(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return 0;
        }
        if (size <= limit) {
            return 0;
        }
        long dropped = size - limit;
        Path tmp = file.resolveSibling(file.getFileName() + ".trim");
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] tail = new byte[(int) limit];
            in.seek(dropped);
            in.readFully(tail);
            Files.write(tmp, tail);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return dropped;
        } catch (IOException e) {
            log.warn("could not trim {} to the output limit: {}", file, e.toString());
            return 0;
        }
    }

    /** The last lines of a finished run's output, for last_error; null when it printed nothing. */
    public String tail(Path file, int maxChars) {
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, 2048);
            bytes = new byte[n];
            f.seek(len - n);
            f.readFully(bytes);
        } catch (IOException e) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        if (text.isEmpty()) {
            return null;
        }
        String[] lines = text.split("\\R");
        StringBuilder b = new StringBuilder();
        for (int i = lines.length - 1; i >= 0 && b.length() < maxChars; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            b.insert(0, b.length() == 0 ? line : line + " | ");
        }
        String out = b.toString();
        return out.length() > maxChars ? "…" + out.substring(out.length() - maxChars + 1) : out;
    }

    /** A chunk of output from logical {@code offset}; {@code dropped} bytes at the start are gone. */
    public record Chunk(long offset, long nextOffset, String data) {
    }

    /**
     * Reads up to 64 KiB from logical {@code offset}. {@code shift} is how far logical offsets are
     * ahead of the file's own (the bytes a finished run's trim removed); {@code complete} says the
     * run has ended, so a partial UTF-8 sequence at the very end is final.
     */
    public Chunk read(Path file, long offset, long dropped, long shift, boolean complete) {
        long from = Math.max(offset, dropped);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long physical = from - shift;
            long available = f.length() - physical;
            if (available <= 0) {
                return new Chunk(from, from, "");
            }
            int n = (int) Math.min(available, CHUNK);
            byte[] buf = new byte[n];
            f.seek(physical);
            f.readFully(buf);
            if (!Files.exists(file)) {
                // The run ended with no output while this was read: the file (a spool file) may
                // already belong to the next run. Its own output was empty.
                return new Chunk(from, from, "");
            }
            int usable = complete && n == available ? n : utf8Boundary(buf, n);
            return new Chunk(from, from + usable, decode(buf, usable));
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            return new Chunk(from, from, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of the prefix of {@code b[0..n)} that ends on a whole UTF-8 character. */
    public static int utf8Boundary(byte[] b, int n) {
        int i = n - 1;
        int back = 0;
        while (i >= 0 && back < 4 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return n;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return back + 1 >= need ? n : i;
    }

    /** The first {@code n} bytes as text, malformed sequences replaced. */
    public static String decode(byte[] b, int n) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(b, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, 0, n, StandardCharsets.UTF_8);
        }
    }

    public long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes every run's output of a job. */
    public void delete(long seq, int runs) {
        for (int attempt = 1; attempt <= runs; attempt++) {
            try {
                Files.deleteIfExists(path(seq, attempt));
            } catch (IOException e) {
                log.warn("could not delete {}: {}", path(seq, attempt), e.toString());
            }
        }
    }
}
