package dev.queuectl.bench;

import java.util.Locale;

/** How a figure's value is printed. Latencies are held in milliseconds, memory in bytes. */
enum Unit {
    JOBS_PER_S {
        @Override
        String format(double v) {
            return String.format(Locale.ROOT, "%,.0f jobs/s", v);
        }
    },
    MS {
        @Override
        String format(double v) {
            return Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.3f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
        }
    },
    COUNT {
        @Override
        String format(double v) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
    },
    MICROS_PER_JOB {
        @Override
        String format(double v) {
            return String.format(Locale.ROOT, "%,.0f µs/job", v);
        }
    },
    BYTES {
        @Override
        String format(double v) {
            return String.format(Locale.ROOT, "%.1f MiB", v / (1024 * 1024));
        }
    };

    abstract String format(double v);
}
