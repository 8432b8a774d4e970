-- queuectl schema, version 3: run statistics per node and minute (counts and log-scale
-- histograms of queue wait and run time), so the dashboard's charts survive a restart.
-- Released migrations are never edited; add V004__... instead.
CREATE TABLE run_stats (
    node      TEXT    NOT NULL,
    -- the minute's first instant, epoch milliseconds
    minute    INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    failed    INTEGER NOT NULL,
    -- "bin:count,..." histograms (dev.queuectl.daemon.job.Histogram)
    waits     TEXT    NOT NULL,
    runs      TEXT    NOT NULL,
    PRIMARY KEY (node, minute)
) WITHOUT ROWID;
