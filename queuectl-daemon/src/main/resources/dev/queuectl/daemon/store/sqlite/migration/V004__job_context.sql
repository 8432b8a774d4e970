-- queuectl schema, version 4: a job runs where and with what its user asked (cwd, env), carries
-- labels, and can be held; the waiting jobs are counted by why they wait. Released migrations are
-- never edited; add V005__... instead.

-- The working directory; null: the daemon user's home.
ALTER TABLE jobs ADD COLUMN cwd TEXT;
-- Variables added for the job's runs, a JSON object of name to value; null: none. Values may be secrets.
ALTER TABLE jobs ADD COLUMN env TEXT;
-- Labels, a JSON object of key to value; null: none. job_labels indexes them.
ALTER TABLE jobs ADD COLUMN labels TEXT;
-- 1: a pending or failed job that is not claimed until released.
ALTER TABLE jobs ADD COLUMN held INTEGER NOT NULL DEFAULT 0;

-- One row per label of a job, for filters: by key alone (the primary key) or key and value.
CREATE TABLE job_labels (
    key     TEXT    NOT NULL,
    job_seq INTEGER NOT NULL,
    value   TEXT    NOT NULL,
    PRIMARY KEY (key, job_seq)
) WITHOUT ROWID;
CREATE INDEX job_labels_value ON job_labels (key, value, job_seq);

-- A deleted job takes its labels with it (found by the keys its labels column lists).
CREATE TRIGGER jobs_labels_delete AFTER DELETE ON jobs WHEN OLD.labels IS NOT NULL BEGIN
    DELETE FROM job_labels WHERE key IN (SELECT key FROM json_each(OLD.labels)) AND job_seq = OLD.seq;
END;

-- Held jobs leave the claim's indexes: a million held jobs cost the claim nothing.
DROP INDEX jobs_ready;
CREATE INDEX jobs_ready ON jobs (priority DESC, run_at, seq)
    WHERE state IN ('pending', 'failed') AND ready = 1 AND held = 0;
DROP INDEX jobs_waiting;
CREATE INDEX jobs_waiting ON jobs (run_at) WHERE state IN ('pending', 'failed') AND ready = 0 AND held = 0;

-- Pending and failed jobs that are held, or not due (ready = 0), per state; the rest of a state's
-- count (state_counts) is due. Kept by triggers that fire only when a job enters or leaves one of
-- these kinds, so enqueueing, claiming and finishing due jobs never touch it.
CREATE TABLE wait_counts (
    state     TEXT    NOT NULL,
    readiness TEXT    NOT NULL CHECK (readiness IN ('held', 'not_due')),
    n         INTEGER NOT NULL,
    PRIMARY KEY (state, readiness)
) WITHOUT ROWID;
INSERT INTO wait_counts (state, readiness, n) VALUES
    ('pending', 'held', 0), ('pending', 'not_due', 0), ('failed', 'held', 0), ('failed', 'not_due', 0);
UPDATE wait_counts SET n = (SELECT count(*) FROM jobs j WHERE j.state = wait_counts.state AND j.ready = 0)
    WHERE readiness = 'not_due';

CREATE TRIGGER jobs_wait_insert AFTER INSERT ON jobs
WHEN NEW.state IN ('pending', 'failed') AND (NEW.held = 1 OR NEW.ready = 0) BEGIN
    UPDATE wait_counts SET n = n + 1
        WHERE state = NEW.state AND readiness = CASE WHEN NEW.held = 1 THEN 'held' ELSE 'not_due' END;
END;
CREATE TRIGGER jobs_wait_delete AFTER DELETE ON jobs
WHEN OLD.state IN ('pending', 'failed') AND (OLD.held = 1 OR OLD.ready = 0) BEGIN
    UPDATE wait_counts SET n = n - 1
        WHERE state = OLD.state AND readiness = CASE WHEN OLD.held = 1 THEN 'held' ELSE 'not_due' END;
END;
CREATE TRIGGER jobs_wait_update AFTER UPDATE OF state, held, ready ON jobs
WHEN (OLD.state IN ('pending', 'failed') AND (OLD.held = 1 OR OLD.ready = 0))
  OR (NEW.state IN ('pending', 'failed') AND (NEW.held = 1 OR NEW.ready = 0)) BEGIN
    UPDATE wait_counts SET n = n - 1
        WHERE OLD.state IN ('pending', 'failed') AND state = OLD.state
          AND readiness = CASE WHEN OLD.held = 1 THEN 'held' WHEN OLD.ready = 0 THEN 'not_due' END;
    UPDATE wait_counts SET n = n + 1
        WHERE NEW.state IN ('pending', 'failed') AND state = NEW.state
          AND readiness = CASE WHEN NEW.held = 1 THEN 'held' WHEN NEW.ready = 0 THEN 'not_due' END;
END;
