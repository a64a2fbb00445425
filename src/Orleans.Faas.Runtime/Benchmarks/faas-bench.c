/*
 * faas-bench: the benchmark workloads that ship with the platform, run in the image a node builds itself.
 *
 *   faas-bench cpu [SCALE]      single-threaded, CPU-bound: integer and float mixing whose data stays in L1
 *   faas-bench memory [SCALE]   memory-bandwidth-bound: a STREAM-like triad over three 16 MiB arrays
 *
 * At SCALE 1 (the default; any positive number multiplies the work) each takes about 300 ms of one full core on the
 * machine it was calibrated on (a 2-core AMD EPYC VM with a 32 MiB L3). SCALE `input` reads all of stdin and takes
 * its length in KiB as the scale (a 2048-byte input is scale 2), so the run time follows the input's size; an empty
 * input is refused like any scale that is not positive. Prints one line of JSON,
 * {"workload":...,"scale":...,"checksum":"..."}; the checksum depends on every step, so the compiler cannot drop the
 * work. Bad arguments exit with 2 and a message on stderr.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_USAGE = 2 };

/* Calibrated to about 300 ms at a full core at scale 1. */
static const double CPU_STEPS = 1.5e8;
static const double MEMORY_PASSES = 160;

/* 16 MiB of doubles per array: the three together (48 MiB) outgrow a 32 MiB last-level cache. */
enum { ARRAY_ELEMENTS = 16 * 1024 * 1024 / sizeof(double) };
/* 8 KiB of state: well inside any L1 data cache. */
enum { TABLE_WORDS = 1024 };

static const double MAX_SCALE = 1e6;
/* With SCALE `input`, this many bytes of stdin are scale 1. */
static const double INPUT_BYTES_PER_SCALE = 1024;

static uint64_t double_bits(double value) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

static uint64_t run_cpu(double scale) {
    static uint64_t table[TABLE_WORDS];
    uint64_t steps = (uint64_t)(CPU_STEPS * scale);
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    double f = 1.0;
    for (uint64_t i = 0; i < steps; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        uint64_t *slot = &table[x % TABLE_WORDS];
        *slot = (*slot + x) * 0x2545F4914F6CDD1DULL;
        f = f * 0.9999999 + (double)(*slot >> 11) * 0x1.0p-53;
    }
    uint64_t checksum = x ^ double_bits(f);
    for (int i = 0; i < TABLE_WORDS; i++)
        checksum = checksum * 31 + table[i];
    return checksum;
}

static uint64_t run_memory(double scale) {
    double *a = malloc(ARRAY_ELEMENTS * sizeof(double));
    double *b = malloc(ARRAY_ELEMENTS * sizeof(double));
    double *c = malloc(ARRAY_ELEMENTS * sizeof(double));
    if (a == NULL || b == NULL || c == NULL) {
        fprintf(stderr, "faas-bench: cannot allocate 3 arrays of %zu bytes\n", ARRAY_ELEMENTS * sizeof(double));
        exit(EXIT_FAILURE);
    }
    /* Touched once before the passes, so they stream through memory that is already mapped. */
    for (size_t i = 0; i < ARRAY_ELEMENTS; i++) {
        a[i] = 0;
        b[i] = 1.0 + (double)(i % 7);
        c[i] = 2.0 + (double)(i % 5);
    }
    /* The work is counted in elements, so a fraction of a pass is honoured too. */
    uint64_t remaining = (uint64_t)(MEMORY_PASSES * scale * ARRAY_ELEMENTS);
    double s = 0.5;
    while (remaining > 0) {
        size_t n = remaining < ARRAY_ELEMENTS ? (size_t)remaining : ARRAY_ELEMENTS;
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] + s * c[i];
        remaining -= n;
        /* Each pass depends on the last, so no pass is redundant. */
        s = a[n / 2] * 1e-3;
    }
    double sum = 0;
    for (size_t i = 0; i < ARRAY_ELEMENTS; i += 4096 / sizeof(double))
        sum += a[i];
    free(a);
    free(b);
    free(c);
    return double_bits(sum) ^ double_bits(s);
}

static int usage(const char *why) {
    fprintf(stderr,
            "faas-bench: %s\n"
            "usage: faas-bench cpu|memory [SCALE]   (SCALE: a positive number, default 1; or `input`: stdin's length / 1024)\n",
            why);
    return EXIT_USAGE;
}

/* The length of stdin, read to its end; -1 when reading failed. */
static double stdin_bytes(void) {
    char buffer[65536];
    double total = 0;
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0)
        total += (double)n;
    return ferror(stdin) ? -1 : total;
}

/* Parses SCALE into *scale; the message for usage() when it is not a valid scale, else NULL. */
static const char *parse_scale(const char *argument, double *scale) {
    if (strcmp(argument, "input") == 0) {
        double bytes = stdin_bytes();
        if (bytes < 0)
            return "cannot read the input for SCALE input";
        *scale = bytes / INPUT_BYTES_PER_SCALE;
    } else {
        char *end;
        errno = 0;
        *scale = strtod(argument, &end);
        if (errno != 0 || end == argument || *end != '\0')
            return "the scale must be a positive number, at most 1e6, or input";
    }
    if (!isfinite(*scale) || *scale <= 0 || *scale > MAX_SCALE)
        return "the scale must be positive and at most 1e6 (with SCALE input: a non-empty input of at most 1e6 KiB)";
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3)
        return usage("expected a workload and an optional scale");
    double scale = 1;
    if (argc == 3) {
        const char *invalid = parse_scale(argv[2], &scale);
        if (invalid != NULL)
            return usage(invalid);
    }

    uint64_t checksum;
    if (strcmp(argv[1], "cpu") == 0)
        checksum = run_cpu(scale);
    else if (strcmp(argv[1], "memory") == 0)
        checksum = run_memory(scale);
    else
        return usage("the workload must be cpu or memory");

    printf("{\"workload\":\"%s\",\"scale\":%.15g,\"checksum\":\"%016llx\"}\n", argv[1], scale, (unsigned long long)checksum);
    return EXIT_SUCCESS;
}
