package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.store.OutputStore;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run output in the {@code output_chunks} table: each append is a row; when a run's output passes
 * its limit, whole chunks before the cut are deleted and the chunk across it is shortened, so a
 * run never keeps more than the limit. Thread-safe.
 */
final class PgOutput implements OutputStore {
    static final String APPEND = "INSERT INTO output_chunks (job_seq, attempt, start_offset, data) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    static final String CUT_WHOLE = "DELETE FROM output_chunks WHERE job_seq = ? AND attempt = ?"
            + " AND start_offset + length(data) <= ?";
    static final String CUT_PART = "UPDATE output_chunks SET data = substr(data, (? - start_offset + 1)::int),"
            + " start_offset = ? WHERE job_seq = ? AND attempt = ? AND start_offset < ?";
    static final String READ = "SELECT start_offset, data, (SELECT min(start_offset) FROM output_chunks"
            + " WHERE job_seq = ? AND attempt = ?) AS first, (SELECT max(start_offset + length(data))"
            + " FROM output_chunks WHERE job_seq = ? AND attempt = ?) AS last FROM output_chunks"
            + " WHERE job_seq = ? AND attempt = ? AND start_offset + length(data) > ? ORDER BY start_offset LIMIT 16";
    static final String EXTENT = "SELECT coalesce(min(start_offset), 0), coalesce(max(start_offset + length(data)), 0)"
            + " FROM output_chunks WHERE job_seq = ? AND attempt = ?";

    private final PgDatabase db;

    PgOutput(PgDatabase db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<Void> appendOutput(long seq, int attempt, long offset, byte[] data, long limit) {
        return db.write(tx -> {
            tx.update(APPEND, ps -> {
                ps.setLong(1, seq);
                ps.setInt(2, attempt);
                ps.setLong(3, offset);
                ps.setBytes(4, data);
            });
            long cut = offset + data.length - limit;
            if (cut > 0) {
                tx.update(CUT_WHOLE, ps -> {
                    ps.setLong(1, seq);
                    ps.setInt(2, attempt);
                    ps.setLong(3, cut);
                });
                tx.update(CUT_PART, ps -> {
                    ps.setLong(1, cut);
                    ps.setLong(2, cut);
                    ps.setLong(3, seq);
                    ps.setInt(4, attempt);
                    ps.setLong(5, cut);
                });
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Piece> readOutput(long seq, int attempt, long offset, int max) {
        return db.read(tx -> read(tx, seq, attempt, offset, max));
    }

    private static Piece read(PgTx tx, long seq, int attempt, long offset, int max) throws SQLException {
        List<Object[]> rows = tx.query(READ, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, attempt);
            ps.setLong(3, seq);
            ps.setInt(4, attempt);
            ps.setLong(5, seq);
            ps.setInt(6, attempt);
            ps.setLong(7, offset);
        }, rs -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getLong(4)});
        if (rows.isEmpty()) {
            long[] extent = tx.queryOne(EXTENT, ps -> {
                ps.setLong(1, seq);
                ps.setInt(2, attempt);
            }, rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(new long[] {0, 0});
            long at = Math.max(offset, extent[0]);
            return new Piece(at, new byte[0], extent[0], extent[1]);
        }
        long dropped = (Long) rows.get(0)[2];
        long end = (Long) rows.get(0)[3];
        long from = Math.max(offset, dropped);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long next = from;
        for (Object[] row : rows) {
            long start = (Long) row[0];
            byte[] data = (byte[]) row[1];
            if (start > next || out.size() >= max) {
                break; // a gap (never written yet) or enough
            }
            int skip = (int) (next - start);
            int n = Math.min(data.length - skip, max - out.size());
            out.write(data, skip, n);
            next += n;
        }
        return new Piece(from, out.toByteArray(), dropped, end);
    }
}
