-- queuectl PostgreSQL schema, version 2: named queues with their own limits and pause,
-- dependencies between jobs, and recurring schedules. Released migrations are never edited;
-- add V003__... instead.

ALTER TABLE jobs ADD COLUMN queue text COLLATE "C" NOT NULL DEFAULT 'default';
-- Dependencies not completed yet: a job with deps_left > 0 waits and is in no claim index.
ALTER TABLE jobs ADD COLUMN deps_left integer NOT NULL DEFAULT 0;
-- The dependency whose death killed this job; bringing it back brings this job back.
ALTER TABLE jobs ADD COLUMN dead_by bigint;

-- A queue's settings; concurrency is cluster-wide: a claim locks a limited queue's row while it
-- counts that queue's runs on every node.
CREATE TABLE queues (
    name        text    COLLATE "C" PRIMARY KEY,
    concurrency integer,
    paused      boolean NOT NULL DEFAULT false,
    max_retries integer,
    timeout_ms  bigint,
    created_at  bigint  NOT NULL DEFAULT 0
);
INSERT INTO queues (name) VALUES ('default');

-- Jobs per queue and state, kept by statement-level triggers and slotted like state_counts, so
-- queue list and status read no job rows.
CREATE TABLE queue_counts (
    queue text    COLLATE "C" NOT NULL,
    state text    NOT NULL,
    slot  integer NOT NULL,
    n     bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (queue, state, slot)
);
INSERT INTO queue_counts (queue, state, slot, n) SELECT 'default', state, 0, count(*) FROM jobs GROUP BY state;

CREATE FUNCTION queuectl_queue_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO queue_counts AS c (queue, state, slot, n)
        SELECT queue, state, pg_backend_pid() % 16, count(*) FROM new_rows GROUP BY queue, state
        ON CONFLICT (queue, state, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE FUNCTION queuectl_queue_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO queue_counts AS c (queue, state, slot, n)
        SELECT queue, state, pg_backend_pid() % 16, -count(*) FROM old_rows GROUP BY queue, state
        ON CONFLICT (queue, state, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE FUNCTION queuectl_queue_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO queue_counts AS c (queue, state, slot, n)
        SELECT v.queue, v.state, pg_backend_pid() % 16, sum(v.k)
          FROM old_rows o JOIN new_rows n USING (seq),
               LATERAL (VALUES (o.queue, o.state, -1), (n.queue, n.state, 1)) AS v (queue, state, k)
         WHERE o.state <> n.state OR o.queue <> n.queue
         GROUP BY v.queue, v.state
        HAVING sum(v.k) <> 0
        ON CONFLICT (queue, state, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_queue_count_insert AFTER INSERT ON jobs REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION queuectl_queue_count_insert();
CREATE TRIGGER jobs_queue_count_delete AFTER DELETE ON jobs REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION queuectl_queue_count_delete();
CREATE TRIGGER jobs_queue_count_update AFTER UPDATE ON jobs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION queuectl_queue_count_update();

-- The claim reads one open queue at a time, in claim order; jobs waiting for dependencies are
-- in no claim index.
DROP INDEX jobs_ready;
CREATE INDEX jobs_ready ON jobs (queue, priority DESC, run_at, seq)
    WHERE state IN ('pending', 'failed') AND ready AND NOT held AND deps_left = 0;
DROP INDEX jobs_waiting;
CREATE INDEX jobs_waiting ON jobs (run_at)
    WHERE state IN ('pending', 'failed') AND NOT ready AND NOT held AND deps_left = 0;
-- Jobs waiting for dependencies, counted for status.
CREATE INDEX jobs_deps_waiting ON jobs (state) WHERE deps_left > 0 AND NOT held;
-- The jobs a dead dependency killed.
CREATE INDEX jobs_dead_by ON jobs (dead_by) WHERE dead_by IS NOT NULL;

CREATE TABLE job_deps (
    job_seq bigint  NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
    dep_seq bigint  NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
    done    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (job_seq, dep_seq)
);
CREATE INDEX job_deps_dep ON job_deps (dep_seq, job_seq);

CREATE TABLE schedules (
    name         text    COLLATE "C" PRIMARY KEY,
    cron         text,
    zone         text,
    every_ms     bigint,
    command      text    NOT NULL,
    queue        text    NOT NULL,
    priority     integer NOT NULL,
    max_retries  integer,
    timeout_ms   bigint,
    cwd          text,
    env          text,
    labels       text,
    catch_up     text    NOT NULL CHECK (catch_up IN ('one', 'none')),
    overlap      text    NOT NULL CHECK (overlap IN ('skip', 'queue')),
    paused       boolean NOT NULL DEFAULT false,
    created_at   bigint  NOT NULL,
    next_fire    bigint  NOT NULL,
    last_fire    bigint,
    last_outcome text,
    last_job     text,
    skipped      bigint  NOT NULL DEFAULT 0,
    missed       bigint  NOT NULL DEFAULT 0
);
CREATE INDEX schedules_next ON schedules (next_fire) WHERE NOT paused;
