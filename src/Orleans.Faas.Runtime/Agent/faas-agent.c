/*
 * faas-agent: PID 1 of every function container. It is bind-mounted read-only into the container, so any image works.
 *
 *   faas-agent [--server] SOCKET COMMAND [ARG...]
 *
 * Connects once to the unix socket SOCKET, where the node listens (in a folder the node mounts in read-only, so
 * nothing in the container can put another socket there), and serves requests on that connection one after another:
 *   request  (node -> agent): u32 length, then that many bytes of standard input
 *   reply    (agent -> node): frames of u8 kind, u32 length, payload; kind 1 = stdout bytes, 2 = stderr bytes,
 *                             4 = exception (UTF-8 "Type: message" the command reported, server mode only),
 *                             3 = done (struct run_report below, sent last)
 * All integers are little-endian. The node keeps the container for the next request; when the node closes the
 * connection, the agent exits and the container with it.
 *
 * By default each request runs COMMAND once with the input on stdin. With --server, COMMAND is a server started once
 * and kept between requests (restarted when it died), so an interpreter's start-up is paid once per container:
 *   fd 0 /dev/null; fd 1 and 2 its stdout and stderr, forwarded as they are written;
 *   fd 3 requests  (agent -> server): u32 length, then the input;
 *   fd 4 replies   (server -> agent): i32 status (0 = success), u32 length, then that many bytes of exception text,
 *                                     written after everything it wrote to fd 1 and 2 for the request.
 *
 * When a run ends (the main process exited; in server mode, the server replied), every other process in the
 * container is killed, so nothing outlives a run. The agent also kills the run when the container's pids cgroup
 * refuses a fork (a fork bomb), and reports what the container's cgroups say the run cost: CPU time, block IO, OOM
 * kills. Values it cannot read are -1, never 0; a kept server's peak RSS is its high-water mark over the request,
 * reset through /proc/PID/clear_refs, or -1 where the kernel does not allow that.
 */
#define _GNU_SOURCE
#include <dirent.h>
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

enum { FRAME_STDOUT = 1, FRAME_STDERR = 2, FRAME_DONE = 3, FRAME_EXCEPTION = 4 };
enum { FLAG_OOM = 1, FLAG_PIDS_LIMIT = 2, FLAG_EXEC_FAILED = 4 };
enum { CHUNK = 65536, PIDS_CHECK_MS = 10, MAX_EXCEPTION = 65536 };
enum { SERVER_REQUESTS = 3, SERVER_REPLIES = 4 };

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

/* In a forked child: executes COMMAND; when it cannot, says why on stderr and writes the errno to FAILED. */
__attribute__((noreturn)) static void exec_command(char **command, int failed) {
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
    (void)write(failed, &why, sizeof why);
    _exit(127);
}

static pid_t spawn(char **command, int in[2], int out[2], int err[2], int failed[2]) {
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
    exec_command(command, failed[1]);
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

/* Adds what the cgroups say the run cost since BEFORE to the report and sends it, the run's last frame. */
static void send_report(int conn, struct run_report *report, const struct cgroup_counters *before, uint32_t flags) {
    struct cgroup_counters after = read_counters();
    if (delta(before->oom_kills, after.oom_kills) > 0)
        flags |= FLAG_OOM;
    if (delta(before->pids_refusals, after.pids_refusals) > 0)
        flags |= FLAG_PIDS_LIMIT;
    report->cpu_ns = delta(before->cpu_ns, after.cpu_ns);
    report->read_bytes = delta(before->read_bytes, after.read_bytes);
    report->write_bytes = delta(before->write_bytes, after.write_bytes);
    report->flags = flags;
    send_frame(conn, FRAME_DONE, report, sizeof *report);
}

/* Reads one request: u32 length, then the input; NULL when the node went away. */
static char *read_request(int conn, uint32_t *length) {
    if (read_all(conn, length, 4) != 0)
        return NULL;
    char *input = malloc(*length ? *length : 1);
    if (input && read_all(conn, input, *length) != 0) {
        free(input);
        return NULL;
    }
    return input;
}

static void serve(int conn, char **command, char *input, uint32_t input_length) {
    int in[2], out[2], err[2], failed[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC) || pipe2(failed, O_CLOEXEC)) {
        /* No report can follow: leaving ends the connection, which the node takes as a lost agent. */
        fprintf(stderr, "faas-agent: cannot make the run's pipes: %s\n", strerror(errno));
        exit(2);
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

    report.exit_code = main_reaped && WIFEXITED(main_status) ? WEXITSTATUS(main_status) : -1;
    report.signal = main_reaped && WIFSIGNALED(main_status) ? WTERMSIG(main_status) : 0;
    report.peak_rss_bytes = main_reaped ? (int64_t)main_usage.ru_maxrss * 1024 : -1;
    send_report(conn, &report, &before, flags);
}

/* ---- server mode: one COMMAND started once serves every request ---- */

static struct {
    pid_t pid; /* 0 while none runs */
    int requests, replies, out, err;
} server = {0, -1, -1, -1, -1};

static int is_zombie(pid_t pid) {
    char path[64], text[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    if (read_file(path, text, sizeof text) != 0)
        return 1; /* already gone */
    char *end = strrchr(text, ')');
    return !end || !end[1] || end[2] == 'Z' || end[2] == 'X';
}

/* Kills every process in the container but this one and KEEP, and reaps what was ours to reap. */
static void kill_others(pid_t keep) {
    for (int round = 0; round < 5000; round++) {
        int left = 0;
        DIR *proc = opendir("/proc");
        if (!proc)
            return;
        struct dirent *entry;
        while ((entry = readdir(proc))) {
            pid_t pid = (pid_t)strtol(entry->d_name, NULL, 10);
            if (pid <= 1 || pid == keep || is_zombie(pid))
                continue;
            kill(pid, SIGKILL);
            left = 1;
        }
        closedir(proc);
        reap_nohang();
        if (!left)
            return;
        sleep_ms(1);
    }
}

/* Resets the server's peak resident set to what it holds now; 0 when the kernel refused. */
static int reset_peak(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/clear_refs", (int)pid);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    int done = fd >= 0 && write(fd, "5", 1) == 1;
    if (fd >= 0)
        close(fd);
    return done;
}

static int64_t read_peak(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    char text[4096];
    char *line = read_file(path, text, sizeof text) == 0 ? strstr(text, "\nVmHWM:") : NULL;
    return line ? strtoll(line + 7, NULL, 10) * 1024 : -1;
}

static void close_server(void) {
    int *fds[] = {&server.requests, &server.replies, &server.out, &server.err};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++) {
        if (*fds[i] >= 0)
            close(*fds[i]);
        *fds[i] = -1;
    }
    server.pid = 0;
}

/* Starts COMMAND as the server; returns 0, or the errno that kept it from starting. */
static int start_server(char **command) {
    int req[2], rep[2], out[2], err[2], failed[2];
    if (pipe2(req, O_CLOEXEC) || pipe2(rep, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC) || pipe2(failed, O_CLOEXEC))
        return errno;
    pid_t pid = fork();
    if (pid == 0) {
        /* Each end first goes above the targets, so that no dup2 below overwrites one still to be moved. */
        int ends[4] = {out[1], err[1], req[0], rep[1]};
        for (int i = 0; i < 4; i++)
            ends[i] = fcntl(ends[i], F_DUPFD_CLOEXEC, 10);
        int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
        dup2(null, 0);
        for (int i = 0; i < 4; i++)
            dup2(ends[i], i + 1); /* 1 stdout, 2 stderr, 3 requests, 4 replies; dup2 clears close-on-exec */
        exec_command(command, failed[1]);
    }
    int why = pid < 0 ? errno : 0;
    close(req[0]), close(rep[1]), close(out[1]), close(err[1]), close(failed[1]);
    if (pid > 0 && read(failed[0], &why, sizeof why) == sizeof why)
        waitpid(pid, NULL, 0);
    else if (pid > 0)
        why = 0;
    close(failed[0]);
    if (why) {
        close(req[1]), close(rep[0]), close(out[0]), close(err[0]);
        return why;
    }
    server.pid = main_pid = pid;
    main_reaped = 0;
    server.requests = req[1], server.replies = rep[0], server.out = out[0], server.err = err[0];
    fcntl(server.requests, F_SETFL, O_NONBLOCK);
    fcntl(server.replies, F_SETFL, O_NONBLOCK);
    fcntl(server.out, F_SETFL, O_NONBLOCK);
    fcntl(server.err, F_SETFL, O_NONBLOCK);
    return 0;
}

/* Forwards what the server wrote to FD; returns -1 at its end (the server and all its children are gone). */
static int forward(int conn, int fd, uint8_t kind) {
    static char buffer[CHUNK];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0)
            send_frame(conn, kind, buffer, (uint32_t)n);
        else if (n == 0)
            return -1;
        else if (errno != EINTR)
            return 0;
    }
}

/* Forwards what is left in FD once every writer is gone, waiting a little for its end. */
static void drain(int conn, int fd, uint8_t kind) {
    for (int round = 0; round < 100 && forward(conn, fd, kind) == 0; round++) {
        struct pollfd wait = {fd, POLLIN, 0};
        poll(&wait, 1, 10);
    }
}

/* The server's reply to a request: status, then the exception text. */
struct reply {
    char header[8];
    char *text;
    uint32_t got, text_length;
};

/* Reads what is there of the reply; returns 1 once it is complete, -1 when the server closed its end. */
static int read_reply(struct reply *r) {
    for (;;) {
        char *into = r->got < 8 ? r->header + r->got : r->text + (r->got - 8);
        size_t want = r->got < 8 ? 8 - r->got : r->text_length - (r->got - 8);
        if (r->got >= 8 && want == 0)
            return 1;
        ssize_t n = read(server.replies, into, want);
        if (n == 0)
            return -1;
        if (n < 0)
            return errno == EINTR ? 0 : (errno == EAGAIN ? 0 : -1);
        r->got += (uint32_t)n;
        if (r->got == 8) {
            memcpy(&r->text_length, r->header + 4, 4);
            if (r->text_length > MAX_EXCEPTION)
                return -1;
            r->text = malloc(r->text_length ? r->text_length : 1);
            if (!r->text)
                return -1;
        }
    }
}

static void serve_server(int conn, char **command, char *input, uint32_t input_length) {
    struct run_report report = {0};
    struct cgroup_counters before = read_counters();
    uint32_t flags = 0;
    if (server.pid == 0 && (report.exec_errno = start_server(command)) != 0) {
        char message[512];
        int length = snprintf(message, sizeof message, "faas-agent: cannot execute %s: %s\n", command[0], strerror(report.exec_errno));
        send_frame(conn, FRAME_STDERR, message, (uint32_t)length);
        free(input);
        report.exit_code = 127;
        report.peak_rss_bytes = -1;
        send_report(conn, &report, &before, FLAG_EXEC_FAILED);
        return;
    }
    int peak_known = reset_peak(server.pid);

    /* The request as the server reads it: the length, then the input. */
    uint32_t total = 4 + input_length, written = 0;
    char *message = malloc(total);
    if (message) {
        memcpy(message, &input_length, 4);
        memcpy(message + 4, input, input_length);
    }
    free(input);

    struct reply reply = {0};
    int replied = 0, died = message == NULL;
    long next_check = now_ms() + PIDS_CHECK_MS;
    while (!replied && !died) {
        struct pollfd fds[4] = {
            {server.out, POLLIN, 0}, {server.err, POLLIN, 0}, {server.replies, POLLIN, 0},
            {written < total ? server.requests : -1, POLLOUT, 0}};
        if (poll(fds, 4, PIDS_CHECK_MS) < 0 && errno != EINTR)
            died = 1;
        if (fds[0].revents)
            forward(conn, server.out, FRAME_STDOUT);
        if (fds[1].revents)
            forward(conn, server.err, FRAME_STDERR);
        if (fds[3].revents & (POLLOUT | POLLERR | POLLHUP)) {
            ssize_t n = write(server.requests, message + written, total - written);
            if (n > 0)
                written += (uint32_t)n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                died = 1;
        }
        if (fds[2].revents) {
            int state = read_reply(&reply);
            replied = state > 0;
            died |= state < 0;
        }
        if (now_ms() >= next_check) {
            next_check = now_ms() + PIDS_CHECK_MS;
            reap_nohang();
            if (delta(before.pids_refusals, read_pids_refusals()) > 0)
                flags |= FLAG_PIDS_LIMIT;
            died |= main_reaped || (flags & FLAG_PIDS_LIMIT);
        }
    }
    free(message);

    if (replied) {
        /* Everything the server wrote for this request is in its pipes now; nothing it started may outlive it. */
        kill_others(server.pid);
        forward(conn, server.out, FRAME_STDOUT);
        forward(conn, server.err, FRAME_STDERR);
        int32_t status;
        memcpy(&status, reply.header, 4);
        if (status != 0 && reply.text_length > 0)
            send_frame(conn, FRAME_EXCEPTION, reply.text, reply.text_length);
        report.exit_code = status;
        report.peak_rss_bytes = peak_known ? read_peak(server.pid) : -1;
    } else {
        /* The server died (or must): the run ends with it, and the next request starts a new one. */
        kill_all();
        if (!main_reaped && wait4(server.pid, &main_status, 0, &main_usage) == server.pid)
            main_reaped = 1;
        drain(conn, server.out, FRAME_STDOUT);
        drain(conn, server.err, FRAME_STDERR);
        report.exit_code = main_reaped && WIFEXITED(main_status) ? WEXITSTATUS(main_status) : -1;
        report.signal = main_reaped && WIFSIGNALED(main_status) ? WTERMSIG(main_status) : 0;
        report.peak_rss_bytes = -1;
        close_server();
    }
    free(reply.text);
    send_report(conn, &report, &before, flags);
}

int main(int argc, char **argv) {
    int server_mode = argc > 1 && strcmp(argv[1], "--server") == 0;
    argv += server_mode, argc -= server_mode;
    if (argc < 3) {
        fprintf(stderr, "usage: faas-agent [--server] SOCKET COMMAND [ARG...]\n");
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
    int conn = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (conn < 0 || connect(conn, (struct sockaddr *)&address, sizeof address) != 0) {
        fprintf(stderr, "faas-agent: cannot connect to the node at %s: %s\n", argv[1], strerror(errno));
        return 2;
    }

    for (;;) {
        uint32_t input_length;
        char *input = read_request(conn, &input_length);
        if (!input)
            return 0; /* the node closed the connection: this container is done */
        if (server_mode)
            serve_server(conn, argv + 2, input, input_length);
        else
            serve(conn, argv + 2, input, input_length);
    }
}
