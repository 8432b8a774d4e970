-- queuectl schema, version 6: named queues with their own limits and pause, dependencies between
-- jobs, and recurring schedules. Released migrations are never edited; add V007__... instead.

-- The job's queue; every existing job is in the default queue.
ALTER TABLE jobs ADD COLUMN queue TEXT NOT NULL DEFAULT 'default';
-- Dependencies not completed yet: a job with deps_left > 0 waits and is in no claim index.
ALTER TABLE jobs ADD COLUMN deps_left INTEGER NOT NULL DEFAULT 0;
-- The seq of the dependency whose death killed this job ("dependency X is dead"); null otherwise.
-- Bringing that dependency back brings this job back.
ALTER TABLE jobs ADD COLUMN dead_by INTEGER;

-- A queue's settings. concurrency null: no limit but the pool; max_retries and timeout_ms null:
-- the configured defaults. A row is created on a queue's first use (jobs_queue_insert).
CREATE TABLE queues (
    name        TEXT    PRIMARY KEY,
    concurrency INTEGER,
    paused      INTEGER NOT NULL DEFAULT 0,
    max_retries INTEGER,
    timeout_ms  INTEGER,
    created_at  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO queues (name, created_at) VALUES ('default', 0);

-- Jobs per queue and state, kept by triggers like state_counts: the claim reads how many of a
-- queue's jobs run (its room under concurrency) and queue list its counts without a scan.
CREATE TABLE queue_counts (
    queue TEXT    NOT NULL,
    state TEXT    NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (queue, state)
) WITHOUT ROWID;
INSERT INTO queue_counts (queue, state, n) SELECT 'default', state, n FROM state_counts;

CREATE TRIGGER jobs_queue_insert AFTER INSERT ON jobs BEGIN
    INSERT OR IGNORE INTO queues (name, created_at) VALUES (NEW.queue, NEW.created_at);
    INSERT INTO queue_counts (queue, state, n) VALUES (NEW.queue, NEW.state, 1)
        ON CONFLICT (queue, state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER jobs_queue_delete AFTER DELETE ON jobs BEGIN
    UPDATE queue_counts SET n = n - 1 WHERE queue = OLD.queue AND state = OLD.state;
END;
CREATE TRIGGER jobs_queue_update AFTER UPDATE OF state, queue ON jobs
WHEN OLD.state <> NEW.state OR OLD.queue <> NEW.queue BEGIN
    UPDATE queue_counts SET n = n - 1 WHERE queue = OLD.queue AND state = OLD.state;
    INSERT OR IGNORE INTO queues (name, created_at) VALUES (NEW.queue, NEW.updated_at);
    INSERT INTO queue_counts (queue, state, n) VALUES (NEW.queue, NEW.state, 1)
        ON CONFLICT (queue, state) DO UPDATE SET n = n + 1;
END;

-- One row per dependency: job_seq waits for dep_seq. done: dep_seq has completed (once is enough),
-- so deps_left of job_seq counts its rows with done = 0.
CREATE TABLE job_deps (
    job_seq INTEGER NOT NULL,
    dep_seq INTEGER NOT NULL,
    done    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (job_seq, dep_seq)
) WITHOUT ROWID;
-- A dependency's dependents: completion and death walk this.
CREATE INDEX job_deps_dep ON job_deps (dep_seq, job_seq);
-- The jobs a dead dependency killed: bringing it back walks this.
CREATE INDEX jobs_dead_by ON jobs (dead_by) WHERE dead_by IS NOT NULL;

-- A deleted job takes its dependency rows with it, both ways. (Purge and retention never delete a
-- job that a waiting job depends on.)
CREATE TRIGGER jobs_deps_delete AFTER DELETE ON jobs BEGIN
    DELETE FROM job_deps WHERE job_seq = OLD.seq;
    DELETE FROM job_deps WHERE dep_seq = OLD.seq;
END;

-- The claim reads one queue at a time, in claim order: a paused or full queue's jobs are never
-- read, and jobs waiting for dependencies are not in the index at all.
DROP INDEX jobs_ready;
CREATE INDEX jobs_ready ON jobs (queue, priority DESC, run_at, seq)
    WHERE state IN ('pending', 'failed') AND ready = 1 AND held = 0 AND deps_left = 0;
DROP INDEX jobs_waiting;
CREATE INDEX jobs_waiting ON jobs (run_at)
    WHERE state IN ('pending', 'failed') AND ready = 0 AND held = 0 AND deps_left = 0;

-- Jobs waiting for dependencies (and not held), counted for status like held and not-due jobs
-- (wait_counts keeps those; its CHECK predates this kind, hence a table of its own). A job waiting
-- for dependencies keeps ready = 1 and gets ready = (run_at <= now) when its last one completes,
-- so it is never counted twice.
CREATE TABLE deps_waiting (
    state TEXT PRIMARY KEY,
    n     INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO deps_waiting (state, n) VALUES ('pending', 0), ('failed', 0);
CREATE TRIGGER jobs_deps_wait_insert AFTER INSERT ON jobs
WHEN NEW.state IN ('pending', 'failed') AND NEW.deps_left > 0 AND NEW.held = 0 BEGIN
    UPDATE deps_waiting SET n = n + 1 WHERE state = NEW.state;
END;
CREATE TRIGGER jobs_deps_wait_delete AFTER DELETE ON jobs
WHEN OLD.state IN ('pending', 'failed') AND OLD.deps_left > 0 AND OLD.held = 0 BEGIN
    UPDATE deps_waiting SET n = n - 1 WHERE state = OLD.state;
END;
CREATE TRIGGER jobs_deps_wait_update AFTER UPDATE OF state, deps_left, held ON jobs
WHEN (OLD.state IN ('pending', 'failed') AND OLD.deps_left > 0 AND OLD.held = 0)
  OR (NEW.state IN ('pending', 'failed') AND NEW.deps_left > 0 AND NEW.held = 0) BEGIN
    UPDATE deps_waiting SET n = n - 1 WHERE OLD.state IN ('pending', 'failed') AND OLD.deps_left > 0
        AND OLD.held = 0 AND state = OLD.state;
    UPDATE deps_waiting SET n = n + 1 WHERE NEW.state IN ('pending', 'failed') AND NEW.deps_left > 0
        AND NEW.held = 0 AND state = NEW.state;
END;

-- Recurring schedules: a cron expression in a zone, or an interval, and the job each firing
-- enqueues. A firing inserts its job (id NAME@<fire time>) and moves next_fire in one transaction.
CREATE TABLE schedules (
    name         TEXT    PRIMARY KEY,
    cron         TEXT,                               -- null: an interval
    zone         TEXT,
    every_ms     INTEGER,                            -- null: a cron expression
    command      TEXT    NOT NULL,
    queue        TEXT    NOT NULL,
    priority     INTEGER NOT NULL,
    max_retries  INTEGER,                            -- null: the queue's, else the configured default
    timeout_ms   INTEGER,
    cwd          TEXT,
    env          TEXT,                               -- JSON object; values may be secrets
    labels       TEXT,                               -- JSON object, schedule=NAME added at each firing
    catch_up     TEXT    NOT NULL CHECK (catch_up IN ('one', 'none')),
    overlap      TEXT    NOT NULL CHECK (overlap IN ('skip', 'queue')),
    paused       INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    next_fire    INTEGER NOT NULL,                   -- epoch ms
    last_fire    INTEGER,
    last_outcome TEXT,
    last_job     TEXT,
    skipped      INTEGER NOT NULL DEFAULT 0,
    missed       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- The dispatcher's timer: the earliest next_fire of the schedules that are not paused.
CREATE INDEX schedules_next ON schedules (next_fire) WHERE paused = 0;
