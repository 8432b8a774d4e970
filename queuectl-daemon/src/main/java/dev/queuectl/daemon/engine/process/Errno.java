package dev.queuectl.daemon.engine.process;

/** Names for the errno values a spawn can fail with. */
final class Errno {
    private Errno() {
    }

    static String describe(int errno) {
        switch (errno) {
            case 1: return "operation not permitted (EPERM)";
            case 2: return "no such file or directory (ENOENT)";
            case 7: return "argument list too long (E2BIG)";
            case 11: return "resource temporarily unavailable (EAGAIN: too many processes?)";
            case 12: return "out of memory (ENOMEM)";
            case 13: return "permission denied (EACCES)";
            case 20: return "not a directory (ENOTDIR)";
            case 24: return "too many open files (EMFILE)";
            case 28: return "no space left on device (ENOSPC)";
            case 30: return "read-only file system (EROFS)";
            default: return "errno " + errno;
        }
    }
}
