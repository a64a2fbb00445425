/*
 * faas-agent: PID 1 of every function container. It is bind-mounted read-only into the container, so any image works.
 *
 *   faas-agent SOCKET COMMAND [ARG...]
 *
 * Listens on the unix socket SOCKET (in a folder the node bind-mounts in) and, for each connection, runs COMMAND once:
 *   request  (node -> agent): u32 length, then that many bytes of standard input
 *   reply    (agent -> node): frames of u8 kind, u32 length, payload; kind 1 = stdout bytes, 2 = stderr bytes,
 *                             3 = done (struct run_report below, sent last)
 * All integers are little-endian. Requests are served one at a time; the node keeps the container for the next one.
 *
 * When the command's main process exits, every other process in the container is killed, so nothing outlives a run.
 * The agent also kills the run when the container's pids cgroup refuses a fork (a fork bomb), and reports what the
 * container's cgroups say the run cost: CPU time, block IO, OOM kills. Values it cannot read are -1, never 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { FRAME_STDOUT = 1, FRAME_STDERR = 2, FRAME_DONE = 3 };
enum { FLAG_OOM = 1, FLAG_PIDS_LIMIT = 2, FLAG_EXEC_FAILED = 4 };
enum { CHUNK = 65536, PIDS_CHECK_MS = 10 };

struct run_report {
    int32_t exit_code;      /* -1 when a signal ended the main process */
    int32_t signal;         /* the signal that ended it, else 0 */
    int64_t cpu_ns;         /* cgroup CPU time of the run */
    int64_t peak_rss_bytes; /* largest resident set among the run's processes (wait4) */
    int64_t read_bytes;     /* cgroup block IO of the run */
    int64_t write_bytes;
    uint32_t flags;
    int32_t exec_errno;     /* why COMMAND could not be executed, with FLAG_EXEC_FAILED */
} __attribute__((packed));

struct cgroup_counters {
    int64_t cpu_ns, read_bytes, write_bytes, oom_kills, pids_refusals;
};

static pid_t main_pid;
static int main_status;
static struct rusage main_usage;
static int main_reaped;

/* ---- cgroup files: v1 controllers mounted at /sys/fs/cgroup/<controller>, or the v2 unified tree ---- */

static int read_file(const char *path, char *buffer, size_t size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buffer, size - 1);
    close(fd);
    if (n < 0)
        return -1;
    buffer[n] = 0;
    return 0;
}

static int64_t read_number(const char *path) {
    char text[64];
    return read_file(path, text, sizeof text) == 0 ? strtoll(text, NULL, 10) : -1;
}

/* The value on the line "KEY VALUE" of a flat keyed file; -1 when absent. */
static int64_t read_keyed(const char *path, const char *key) {
    char text[4096];
    if (read_file(path, text, sizeof text) != 0)
        return -1;
    size_t length = strlen(key);
    for (char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, length) == 0 && line[length] == ' ')
            return strtoll(line + length + 1, NULL, 10);
    }
    return -1;
}

/* Sums "MAJ:MIN Read N" / "MAJ:MIN Write N" (v1 blkio) or "rbytes=N" / "wbytes=N" (v2 io.stat) over devices. */
static int64_t read_io(const char *path, const char *v1_key, const char *v2_key) {
    char text[16384];
    if (read_file(path, text, sizeof text) != 0)
        return -1;
    int64_t total = 0;
    for (char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        char *space = strchr(line, ' ');
        char *end = strchr(line, '\n');
        if (!space || (end && space > end))
            continue;
        if (strncmp(space + 1, v1_key, strlen(v1_key)) == 0 && space[1 + strlen(v1_key)] == ' ')
            total += strtoll(space + 2 + strlen(v1_key), NULL, 10);
        char *pair = strstr(line, v2_key);
        if (pair && (!end || pair < end))
            total += strtoll(pair + strlen(v2_key), NULL, 10);
    }
    return total;
}

static int cgroup_v2(void) {
    return access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0;
}

static int64_t read_pids_refusals(void) {
    return read_keyed(cgroup_v2() ? "/sys/fs/cgroup/pids.events" : "/sys/fs/cgroup/pids/pids.events", "max");
}

static struct cgroup_counters read_counters(void) {
    struct cgroup_counters c;
    if (cgroup_v2()) {
        int64_t usec = read_keyed("/sys/fs/cgroup/cpu.stat", "usage_usec");
        c.cpu_ns = usec < 0 ? -1 : usec * 1000;
        c.read_bytes = read_io("/sys/fs/cgroup/io.stat", "\x01", "rbytes=");
        c.write_bytes = read_io("/sys/fs/cgroup/io.stat", "\x01", "wbytes=");
        c.oom_kills = read_keyed("/sys/fs/cgroup/memory.events", "oom_kill");
    } else {
        c.cpu_ns = read_number("/sys/fs/cgroup/cpuacct/cpuacct.usage");
        c.read_bytes = read_io("/sys/fs/cgroup/blkio/blkio.throttle.io_service_bytes", "Read", "\x01");
        c.write_bytes = read_io("/sys/fs/cgroup/blkio/blkio.throttle.io_service_bytes", "Write", "\x01");
        c.oom_kills = read_keyed("/sys/fs/cgroup/memory/memory.oom_control", "oom_kill");
    }
    c.pids_refusals = read_pids_refusals();
    return c;
}

static int64_t delta(int64_t before, int64_t after) {
    return before < 0 || after < 0 ? -1 : after - before;
}

/* ---- processes ---- */

static void reap_nohang(void) {
    int status;
    struct rusage usage;
    pid_t pid;
    while ((pid = wait4(-1, &status, WNOHANG, &usage)) > 0) {
        if (pid == main_pid) {
            main_status = status;
            main_usage = usage;
            main_reaped = 1;
        }
    }
}

static void sleep_ms(long ms) {
    struct timespec pause = {0, ms * 1000000L};
    nanosleep(&pause, NULL);
}

/* Kills every process in the container but this one (we are PID 1) and reaps them all. */
static void kill_all(void) {
    for (int round = 0; round < 5000; round++) {
        int none_left = kill(-1, SIGKILL) != 0 && errno == ESRCH;
        reap_nohang();
        if (none_left)
            return;
        sleep_ms(1);
    }
}

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* ---- the connection ---- */

static int write_all(int fd, const void *data, size_t size) {
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

static int read_all(int fd, void *data, size_t size) {
    char *p = data;
    while (size > 0) {
        ssize_t n = read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

static int send_frame(int conn, uint8_t kind, const void *payload, uint32_t length) {
    char header[5];
    header[0] = (char)kind;
    memcpy(header + 1, &length, 4);
    return write_all(conn, header, sizeof header) == 0 && write_all(conn, payload, length) == 0 ? 0 : -1;
}

static pid_t spawn(char **command, int in[2], int out[2], int err[2], int failed[2]) {
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
    signal(SIGPIPE, SIG_DFL);
    /* The run, not the agent, is what the OOM killer should take when the run goes past the memory limit. */
    int adjust = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (adjust >= 0) {
        (void)write(adjust, "1000", 4);
        close(adjust);
    }
    execvp(command[0], command);
    int why = errno;
    dprintf(2, "faas-agent: cannot execute %s: %s\n", command[0], strerror(why));
    (void)write(failed[1], &why, sizeof why);
    _exit(127);
}

/* Forwards output to the node and input to the command until the command and everything it started are gone. */
static void pump(int conn, const char *input, uint32_t input_length, int to_child, int from_out, int from_err,
                 int64_t pids_refusals_before, uint32_t *flags) {
    static char buffer[CHUNK];
    uint32_t written = 0;
    long next_check = now_ms() + PIDS_CHECK_MS;
    fcntl(to_child, F_SETFL, O_NONBLOCK);
    if (input_length == 0)
        close(to_child), to_child = -1;

    while (from_out >= 0 || from_err >= 0) {
        struct pollfd fds[3] = {{from_out, POLLIN, 0}, {from_err, POLLIN, 0}, {to_child, POLLOUT, 0}};
        int ready = poll(fds, 3, PIDS_CHECK_MS);
        if (ready < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2 && ready > 0; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                send_frame(conn, i == 0 ? FRAME_STDOUT : FRAME_STDERR, buffer, (uint32_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                if (i == 0) from_out = -1; else from_err = -1;
            }
        }
        if (to_child >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = write(to_child, input + written, input_length - written);
            if (n > 0)
                written += (uint32_t)n;
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input_length)
                close(to_child), to_child = -1;
        }
        if (now_ms() >= next_check) {
            next_check = now_ms() + PIDS_CHECK_MS;
            reap_nohang();
            if (delta(pids_refusals_before, read_pids_refusals()) > 0)
                *flags |= FLAG_PIDS_LIMIT;
            /* Once the main process is gone, or a fork was refused, nothing else of the run may live on. */
            if (main_reaped || (*flags & FLAG_PIDS_LIMIT))
                kill_all();
        }
    }
    if (to_child >= 0)
        close(to_child);
}

static void serve(int conn, char **command) {
    uint32_t input_length;
    if (read_all(conn, &input_length, 4) != 0)
        return;
    char *input = malloc(input_length ? input_length : 1);
    if (!input || read_all(conn, input, input_length) != 0) {
        free(input);
        return;
    }

    int in[2], out[2], err[2], failed[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC) || pipe2(failed, O_CLOEXEC)) {
        free(input);
        return;
    }
    struct cgroup_counters before = read_counters();
    main_reaped = 0;
    main_pid = spawn(command, in, out, err, failed);
    close(in[0]), close(out[1]), close(err[1]), close(failed[1]);

    uint32_t flags = 0;
    pump(conn, input, input_length, in[1], out[0], err[0], before.pids_refusals, &flags);
    free(input);
    kill_all();
    if (!main_reaped && main_pid > 0 && wait4(main_pid, &main_status, 0, &main_usage) == main_pid)
        main_reaped = 1;

    struct run_report report = {0};
    if (read(failed[0], &report.exec_errno, sizeof report.exec_errno) == sizeof report.exec_errno)
        flags |= FLAG_EXEC_FAILED;
    close(failed[0]);

    struct cgroup_counters after = read_counters();
    if (delta(before.oom_kills, after.oom_kills) > 0)
        flags |= FLAG_OOM;
    if (delta(before.pids_refusals, after.pids_refusals) > 0)
        flags |= FLAG_PIDS_LIMIT;
    report.exit_code = main_reaped && WIFEXITED(main_status) ? WEXITSTATUS(main_status) : -1;
    report.signal = main_reaped && WIFSIGNALED(main_status) ? WTERMSIG(main_status) : 0;
    report.cpu_ns = delta(before.cpu_ns, after.cpu_ns);
    report.peak_rss_bytes = main_reaped ? (int64_t)main_usage.ru_maxrss * 1024 : -1;
    report.read_bytes = delta(before.read_bytes, after.read_bytes);
    report.write_bytes = delta(before.write_bytes, after.write_bytes);
    report.flags = flags;
    send_frame(conn, FRAME_DONE, &report, sizeof report);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: faas-agent SOCKET COMMAND [ARG...]\n");
        return 2;
    }
    /* No handlers for terminating signals: as PID 1 of its namespace the agent then cannot be signalled by the
     * function it runs, only killed by the engine. */
    signal(SIGPIPE, SIG_IGN);

    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(argv[1]) >= sizeof address.sun_path) {
        fprintf(stderr, "faas-agent: socket path too long: %s\n", argv[1]);
        return 2;
    }
    strcpy(address.sun_path, argv[1]);
    unlink(argv[1]);
    int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 4) != 0) {
        fprintf(stderr, "faas-agent: cannot listen on %s: %s\n", argv[1], strerror(errno));
        return 2;
    }

    for (;;) {
        int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (conn < 0) {
            if (errno != EINTR)
                sleep_ms(10);
            continue;
        }
        serve(conn, argv + 2);
        close(conn);
    }
}
