-- queuectl schema, version 2: every claim and run names the node (daemon) that owns it, so
-- recovery touches only its own runs. Released migrations are never edited; add V003__... instead.

-- The node that claimed the job's current (or latest) run.
ALTER TABLE jobs ADD COLUMN node TEXT;
-- The node that ran this attempt.
ALTER TABLE attempts ADD COLUMN node TEXT;
