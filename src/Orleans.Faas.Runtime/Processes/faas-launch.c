/*
 * faas-launch: starts one process run in one process. The node starts it with an empty environment and it execs the
 * function's program in its own place, so the program is the process the node started.
 *
 *   faas-launch [--cgroup=PROCS_FILE] [--uid=UID --gid=GID --groups=GID,...] [--env=NAME=VALUE ...] -- PROGRAM [ARG...]
 *
 * In this order, each step fatal when it fails:
 *   --cgroup   moves itself into the run's cgroup by writing 0 to that cgroup.procs file, while it may still write it;
 *   (always)   sets no_new_privs, so nothing it execs gains privileges (set-uid programs included);
 *   --uid      (root only) empties the capability bounding set and the ambient set, sets the supplementary groups to
 *              --groups, the real, effective and saved gid to --gid and uid to --uid (which drops the permitted and
 *              effective capabilities), and empties the inheritable set: as util-linux's
 *              setpriv --reuid --regid --init-groups --no-new-privs --inh-caps=-all --bounding-set=-all;
 *   exec       PROGRAM (as given, not looked up in a PATH) with ARG..., and exactly the --env variables as its
 *              environment.
 * Nothing of the run's variables is in force before the exec, so LD_PRELOAD and the like never reach a step that runs
 * as root (and this program is static, so there is no loader to read them). A failure before the exec says which step
 * on stderr and exits 125; an exec failure exits 127 when PROGRAM is missing, else 126, as coreutils' env does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_GROUPS 65536

static void fail(const char *step, const char *detail)
{
    fprintf(stderr, "faas-launch: %s%s%s: %s\n", step, detail ? " " : "", detail ? detail : "", strerror(errno));
    exit(125);
}

static void usage(const char *why)
{
    fprintf(stderr, "faas-launch: %s\nusage: faas-launch [--cgroup=PROCS_FILE] [--uid=UID --gid=GID --groups=GID,...] [--env=NAME=VALUE ...] -- PROGRAM [ARG...]\n", why);
    exit(125);
}

/* A non-negative id in decimal, nothing else. */
static unsigned int id_of(const char *text, const char *option)
{
    char *end;
    errno = 0;
    unsigned long value = strtoul(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || *text == '-' || value >= (unsigned long)(unsigned int)-1)
        usage(option);
    return (unsigned int)value;
}

/* NAME=VALUE with a name. */
static int is_variable(const char *text)
{
    const char *equals = strchr(text, '=');
    return equals != NULL && equals != text;
}

static void join_cgroup(const char *procs_file)
{
    int fd = open(procs_file, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        fail("joining the cgroup:", procs_file);
    /* cgroup.procs takes 0 for the writing process itself. */
    if (write(fd, "0", 1) != 1)
        fail("joining the cgroup:", procs_file);
    close(fd);
}

static void drop_to(uid_t uid, gid_t gid, const char *group_list)
{
    static gid_t groups[MAX_GROUPS];
    size_t count = 0;
    char *copy = strdup(group_list);
    if (copy == NULL)
        fail("reading --groups", NULL);
    for (char *save, *each = strtok_r(copy, ",", &save); each != NULL; each = strtok_r(NULL, ",", &save))
    {
        if (count == MAX_GROUPS)
            usage("--groups: too many groups");
        groups[count++] = id_of(each, "--groups: each group must be a numeric gid");
    }
    free(copy);

    /* Dropping from the bounding set needs CAP_SETPCAP, so it comes before the user switch; EINVAL ends the kernel's list. */
    for (int cap = 0;; cap++)
    {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0)
            continue;
        if (errno == EINVAL && cap > 0)
            break;
        fail("emptying the capability bounding set", NULL);
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        fail("emptying the ambient capabilities", NULL);
    if (setgroups(count, groups) != 0)
        fail("setting the supplementary groups", NULL);
    if (setresgid(gid, gid, gid) != 0)
        fail("switching to the run's group", NULL);
    if (setresuid(uid, uid, uid) != 0)
        fail("switching to the run's user", NULL);

    /* With every uid non-zero the kernel has emptied the permitted and effective sets; the inheritable one is ours to empty. */
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3];
    memset(none, 0, sizeof none);
    if (syscall(SYS_capset, &header, none) != 0)
        fail("emptying the inheritable capabilities", NULL);
    /* The switch must not be undoable. */
    if (setresuid(0, 0, 0) == 0)
    {
        errno = EPERM;
        fail("checking the user switch: root could be regained", NULL);
    }
}

int main(int argc, char **argv)
{
    const char *cgroup = NULL, *uid = NULL, *gid = NULL, *groups = NULL;
    char **env = calloc((size_t)argc, sizeof *env);
    size_t env_count = 0;
    int i = 1;
    if (env == NULL)
        fail("reading the arguments", NULL);
    for (; i < argc && strcmp(argv[i], "--") != 0; i++)
    {
        if (strncmp(argv[i], "--cgroup=", 9) == 0)
            cgroup = argv[i] + 9;
        else if (strncmp(argv[i], "--uid=", 6) == 0)
            uid = argv[i] + 6;
        else if (strncmp(argv[i], "--gid=", 6) == 0)
            gid = argv[i] + 6;
        else if (strncmp(argv[i], "--groups=", 9) == 0)
            groups = argv[i] + 9;
        else if (strncmp(argv[i], "--env=", 6) == 0 && is_variable(argv[i] + 6))
            env[env_count++] = argv[i] + 6;
        else
            usage("unknown option");
    }
    if (i + 1 >= argc)
        usage("no program to run");
    if ((uid == NULL) != (gid == NULL) || (uid == NULL) != (groups == NULL))
        usage("--uid, --gid and --groups go together");
    char **program = argv + i + 1;

    if (cgroup != NULL)
        join_cgroup(cgroup);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        fail("setting no_new_privs", NULL);
    if (uid != NULL)
        drop_to(id_of(uid, "--uid must be a numeric uid"), id_of(gid, "--gid must be a numeric gid"), groups);

    execve(program[0], program, env);
    int missing = errno == ENOENT;
    fprintf(stderr, "faas-launch: running %s: %s\n", program[0], strerror(errno));
    return missing ? 127 : 126;
}
