-- queuectl schema, version 1. Released migrations are never edited; add V002__... instead.

-- Marks the file as a queuectl store ('QCTL'), so a foreign SQLite file is refused at start-up.
PRAGMA application_id = 1363366988;

CREATE TABLE jobs (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- enqueue order; never reused
    id           TEXT    NOT NULL UNIQUE,
    command      TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'processing', 'completed', 'failed', 'dead')),
    attempts     INTEGER NOT NULL DEFAULT 0,         -- counted runs (interrupted runs excluded)
    runs         INTEGER NOT NULL DEFAULT 0,         -- every run started, numbering the attempts table
    max_retries  INTEGER NOT NULL,
    priority     INTEGER NOT NULL DEFAULT 0,
    run_at       INTEGER NOT NULL,                   -- epoch ms: earliest start, or next retry
    ready        INTEGER NOT NULL DEFAULT 1,         -- 1 once run_at has come: only ready jobs are claimed
    timeout_ms   INTEGER,                            -- null: the configured job_timeout
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    started_at   INTEGER,
    finished_at  INTEGER,
    exit_code    INTEGER,
    last_error   TEXT
);

-- The claim: due jobs only, in claim order (priority, then run_at, then enqueue order), so a claim
-- reads exactly the rows it takes however many delayed or retrying jobs wait.
CREATE INDEX jobs_ready ON jobs (priority DESC, run_at, seq) WHERE state IN ('pending', 'failed') AND ready = 1;
-- Delayed and retrying jobs by run_at: promotion to ready, and the dispatcher's timer.
CREATE INDEX jobs_waiting ON jobs (run_at) WHERE state IN ('pending', 'failed') AND ready = 0;
-- list --state S in enqueue order; retention (oldest finished jobs first).
CREATE INDEX jobs_state_seq ON jobs (state, seq);

-- One row per run. pid/pgid/proc_start/boot_id identify the run's process group so a restarted
-- daemon can stop survivors of a crash.
CREATE TABLE attempts (
    job_seq      INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER,
    outcome      TEXT CHECK (outcome IN ('completed', 'failed', 'timed_out', 'interrupted', 'cancelled')),
    exit_code    INTEGER,
    error        TEXT,
    output_dropped INTEGER NOT NULL DEFAULT 0,       -- output bytes cut from the start (output-limit)
    pid          INTEGER,
    pgid         INTEGER,
    proc_start   INTEGER,                            -- start time in clock ticks since boot (/proc/PID/stat)
    boot_id      TEXT,
    PRIMARY KEY (job_seq, number)
) WITHOUT ROWID;

-- Jobs per state, kept by triggers so status is O(1) however many jobs there are.
CREATE TABLE state_counts (
    state TEXT PRIMARY KEY,
    n     INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO state_counts (state, n) VALUES ('pending', 0), ('processing', 0), ('completed', 0), ('failed', 0), ('dead', 0);

CREATE TRIGGER jobs_count_insert AFTER INSERT ON jobs BEGIN
    UPDATE state_counts SET n = n + 1 WHERE state = NEW.state;
END;
CREATE TRIGGER jobs_count_delete AFTER DELETE ON jobs BEGIN
    UPDATE state_counts SET n = n - 1 WHERE state = OLD.state;
END;
CREATE TRIGGER jobs_count_update AFTER UPDATE OF state ON jobs WHEN OLD.state <> NEW.state BEGIN
    UPDATE state_counts SET n = n - 1 WHERE state = OLD.state;
    UPDATE state_counts SET n = n + 1 WHERE state = NEW.state;
END;

-- Runtime settings (queuectl config set); missing keys take their defaults.
CREATE TABLE config (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
