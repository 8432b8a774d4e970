-- queuectl schema, version 3: a run's cgroup is recorded with its pid, so that a restarted
-- daemon stops everything the run left, whatever session or process group it moved to.
-- Released migrations are never edited; add V004__... instead.

-- The cgroup (v2) directory that held the run's processes; null when it had none.
ALTER TABLE attempts ADD COLUMN cgroup TEXT;
