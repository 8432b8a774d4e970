/*
 * queuectl's native process launcher (JNI). Java cannot start a child in a new session
 * without an extra exec of setsid(1), which halves the spawn rate; a vfork-style clone that
 * calls setsid before exec does it in one step. Also: reaping, signalling process groups,
 * and punching holes in runaway output files.
 *
 * Every function returns a non-negative value on success and -errno on failure; none of them
 * throws, so the Java side decides what an error means.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Splits a NUL-separated block (each entry ends with NUL) into a NULL-terminated vector. */
static char **split_block(char *block, jsize len, int count) {
    char **v = calloc((size_t) count + 1, sizeof(char *));
    if (v == NULL) {
        return NULL;
    }
    int n = 0;
    jsize start = 0;
    for (jsize i = 0; i < len && n < count; i++) {
        if (block[i] == '\0') {
            v[n++] = block + start;
            start = i + 1;
        }
    }
    v[n] = NULL;
    return v;
}

static char *copy_bytes(JNIEnv *env, jbyteArray array, jsize *len_out) {
    jsize len = (*env)->GetArrayLength(env, array);
    char *buf = malloc((size_t) len + 1);
    if (buf == NULL) {
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, array, 0, len, (jbyte *) buf);
    buf[len] = '\0';
    if (len_out != NULL) {
        *len_out = len;
    }
    return buf;
}

/* Where the child of spawn() was when it failed: in the setup steps, or joining the run's cgroup. */
#define STAGE_SETUP 0
#define STAGE_CGROUP 1

/*
 * What the child of spawn() needs; err (and stage) are written by the child when it cannot
 * exec. cgroup_fd is an open cgroup.procs of the run's cgroup, or -1.
 */
struct spawn_args {
    const char *path;
    char **argv;
    char **envp;
    const char *cwd;
    const char *out;
    int cgroup_fd;
    volatile int err;
    volatile int stage;
};

static int move_fd(int fd, int target) {
    if (fd == target) {
        return 0;
    }
    int rc = dup2(fd, target);
    close(fd);
    return rc < 0 ? -1 : 0;
}

/*
 * The child between clone and exec. It runs on memory it shares with the (suspended) parent
 * and with every signal blocked, so it only makes system calls. Same steps, in the same order,
 * as posix_spawn with POSIX_SPAWN_SETSID | SETSIGDEF (all signals) | SETSIGMASK (none) and the
 * file actions the daemon used: new session, default dispositions, stdin from /dev/null,
 * stdout and stderr to the output file, cwd, no other descriptors, empty mask, exec.
 */
static int spawn_child(void *p) {
    struct spawn_args *a = p;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < _NSIG; sig++) {
        sigaction(sig, &dfl, NULL); /* fails harmlessly for SIGKILL, SIGSTOP and libc's own */
    }
    if (setsid() < 0) {
        goto fail;
    }
    /*
     * Join the run's cgroup before anything else can fork: writing "0" to cgroup.procs moves
     * the writer. From here on every descendant is in the cgroup, whatever session it starts.
     */
    if (a->cgroup_fd >= 0 && write(a->cgroup_fd, "0", 1) != 1) {
        a->stage = STAGE_CGROUP;
        goto fail;
    }
    int in = open("/dev/null", O_RDONLY);
    if (in < 0 || move_fd(in, 0) < 0) {
        goto fail;
    }
    int out = open(a->out, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (out < 0 || move_fd(out, 1) < 0 || dup2(1, 2) < 0) {
        goto fail;
    }
    if (chdir(a->cwd) < 0 || syscall(SYS_close_range, 3U, ~0U, 0U) < 0) {
        goto fail;
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(a->path, a->argv, a->envp);
fail:
    a->err = errno != 0 ? errno : EINVAL;
    _exit(127);
}

/*
 * Starts path with argv and envp (NUL-separated blocks) in a new session and process group,
 * stdin from /dev/null, stdout and stderr appended to out_path (created 0600), in cwd,
 * with default signal dispositions and an empty signal mask, and (when cgroup_fd is an open
 * cgroup.procs) in that cgroup before it execs. Returns the pid, or -(stage << 16 | errno).
 *
 * Like glibc's posix_spawn, this is clone(CLONE_VM | CLONE_VFORK) with every signal blocked
 * around it, so the calling thread sleeps until the child has exec'd (or failed). Unlike it,
 * the child's stack is a buffer in this frame rather than a fresh mmap: the parent cannot touch
 * it while the child runs, and mapping and unmapping a stack per spawn costs a multithreaded
 * process a TLB shootdown each time.
 */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_spawn(
        JNIEnv *env, jclass cls, jbyteArray path, jbyteArray argv_block, jint argc,
        jbyteArray env_block, jint envc, jbyteArray cwd, jbyteArray out_path, jint cgroup_fd) {
    (void) cls;
    jsize argv_len, env_len;
    char *c_path = copy_bytes(env, path, NULL);
    char *c_argv = copy_bytes(env, argv_block, &argv_len);
    char *c_env = copy_bytes(env, env_block, &env_len);
    char *c_cwd = copy_bytes(env, cwd, NULL);
    char *c_out = copy_bytes(env, out_path, NULL);
    char **argv = NULL, **envp = NULL;
    int rc = ENOMEM;
    pid_t pid = -1;
    /* 32 KiB, as glibc gives its spawn child; 16-byte aligned for the ABI. */
    static const size_t stack_size = 32 * 1024;
    char stack[32 * 1024] __attribute__((aligned(16)));

    if (!c_path || !c_argv || !c_env || !c_cwd || !c_out) {
        goto done;
    }
    argv = split_block(c_argv, argv_len, argc);
    envp = split_block(c_env, env_len, envc);
    if (!argv || !envp) {
        goto done;
    }
    struct spawn_args args = {c_path, argv, envp, c_cwd, c_out, (int) cgroup_fd, 0, STAGE_SETUP};
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pid = clone(spawn_child, stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD, &args);
    rc = pid < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (pid > 0 && args.err != 0) {
        /* the child could not exec: reap it and report why */
        rc = args.stage << 16 | args.err;
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
        }
        pid = -1;
    }

done:
    free(argv);
    free(envp);
    free(c_path);
    free(c_argv);
    free(c_env);
    free(c_cwd);
    free(c_out);
    return rc == 0 ? (jint) pid : -rc;
}

/*
 * Waits for the child to end and reaps it. Returns its exit code (0-255), or 256 + signal
 * number when a signal killed it.
 */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_waitFor(JNIEnv *env, jclass cls, jint pid) {
    (void) env;
    (void) cls;
    int status;
    for (;;) {
        pid_t r = waitpid((pid_t) pid, &status, 0);
        if (r == (pid_t) pid) {
            break;
        }
        if (r < 0 && errno != EINTR) {
            return -errno;
        }
    }
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        return 256 + WTERMSIG(status);
    }
    return 255;
}

/*
 * The start time of process pid in clock ticks after boot: field 22 of /proc/PID/stat, which
 * with the boot id tells this process apart from a later one given the same pid. Read here
 * rather than in Java because it is read once per run, on the worker's path to the next job.
 */
JNIEXPORT jlong JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_procStartTime(JNIEnv *env, jclass cls, jint pid) {
    (void) env;
    (void) cls;
    char path[32];
    char buf[1024];
    snprintf(path, sizeof(path), "/proc/%d/stat", (int) pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -errno;
    }
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    int err = errno;
    close(fd);
    if (n <= 0) {
        return n < 0 ? -err : -EIO;
    }
    buf[n] = '\0';
    /* Field 2, the command name, is in parentheses and may itself hold spaces and parentheses. */
    char *p = strrchr(buf, ')');
    if (p == NULL) {
        return -EIO;
    }
    p++;
    for (int field = 2; field < 22; field++) { /* each step moves p to the start of field + 1 */
        p = strchr(p, ' ');
        if (p == NULL) {
            return -EIO;
        }
        p++;
    }
    char *end;
    errno = 0;
    unsigned long long ticks = strtoull(p, &end, 10);
    if (end == p || errno != 0) {
        return -EIO;
    }
    return (jlong) ticks;
}

/* Opens a file for writing (a cgroup's cgroup.procs, kept open per cgroup): the fd, or -errno. */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_openForWriting(
        JNIEnv *env, jclass cls, jbyteArray path) {
    (void) cls;
    char *c_path = copy_bytes(env, path, NULL);
    if (c_path == NULL) {
        return -ENOMEM;
    }
    int fd = open(c_path, O_WRONLY | O_CLOEXEC);
    int err = errno;
    free(c_path);
    return fd >= 0 ? fd : -err;
}

JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_closeFd(JNIEnv *env, jclass cls, jint fd) {
    (void) env;
    (void) cls;
    return close((int) fd) == 0 ? 0 : -errno;
}

/* kill(2): a negative pid signals the process group. */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_kill(JNIEnv *env, jclass cls, jint pid, jint sig) {
    (void) env;
    (void) cls;
    return kill((pid_t) pid, sig) == 0 ? 0 : -errno;
}

/* Frees the first len bytes of a file's storage, keeping its size (FALLOC_FL_PUNCH_HOLE). */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_punchHole(
        JNIEnv *env, jclass cls, jbyteArray path, jlong len) {
    (void) cls;
    char *c_path = copy_bytes(env, path, NULL);
    if (c_path == NULL) {
        return -ENOMEM;
    }
    int fd = open(c_path, O_WRONLY | O_CLOEXEC);
    free(c_path);
    if (fd < 0) {
        return -errno;
    }
    int rc = fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, (off_t) len);
    int err = errno;
    close(fd);
    return rc == 0 ? 0 : -err;
}

/*
 * sd_notify(3): sends message as one datagram to the systemd notification socket (a path, or an
 * abstract name written with a leading '@').
 */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_sdNotify(
        JNIEnv *env, jclass cls, jbyteArray socket_path, jbyteArray message) {
    (void) cls;
    jsize path_len, msg_len;
    char *c_path = copy_bytes(env, socket_path, &path_len);
    char *c_msg = copy_bytes(env, message, &msg_len);
    int rc = 0;
    if (c_path == NULL || c_msg == NULL) {
        rc = -ENOMEM;
        goto done;
    }
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    if (path_len == 0 || (size_t) path_len >= sizeof(addr.sun_path)) {
        rc = -EINVAL;
        goto done;
    }
    memcpy(addr.sun_path, c_path, (size_t) path_len);
    if (addr.sun_path[0] == '@') {
        addr.sun_path[0] = '\0';
    }
    socklen_t addr_len = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + (size_t) path_len);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        rc = -errno;
        goto done;
    }
    if (sendto(fd, c_msg, (size_t) msg_len, MSG_NOSIGNAL, (struct sockaddr *) &addr, addr_len) < 0) {
        rc = -errno;
    }
    close(fd);
done:
    free(c_path);
    free(c_msg);
    return rc;
}

/*
 * Caps glibc's malloc arenas. By default each thread that allocates may get an arena of its own
 * (up to 8 per core), and the daemon's many mostly idle threads would keep megabytes each.
 * Affects this process only: jobs start with the default.
 */
JNIEXPORT jint JNICALL Java_dev_queuectl_daemon_engine_process_NativeLibrary_limitMallocArenas(
        JNIEnv *env, jclass cls, jint arenas) {
    (void) env;
    (void) cls;
    return mallopt(M_ARENA_MAX, arenas) == 1 ? 0 : -EINVAL;
}
