/* kafka-glib benchmark: what every C contender shares (plain C, no GLib, so
 * that the raw librdkafka contender links nothing more than librdkafka).
 *
 * Command line, the same for every contender (C, Python, GJS):
 *   PROG MODE --bootstrap HOST:PORT [--topic T] [--count N] [--size BYTES]
 *        [--partitions P] [--rate MSG_PER_S] [--seconds S] [--variant V]
 * Modes: produce, consume, latency, idle-producer, idle-consumer.
 *
 * Result: one line on stdout, starting with {"bench": and parsed by
 * run-bench.py; everything else goes to stderr.  CPU time and wall time cover
 * the measured section only (not process start-up); peak RSS is ru_maxrss of
 * the whole process.
 */
#pragma once

#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  const char *mode;
  const char *bootstrap;
  const char *topic;
  const char *variant;
  long count;
  long size;
  int partitions;
  long rate;
  double seconds;
} BenchArgs;

static inline void
bench_die (const char *fmt, const char *arg)
{
  fprintf (stderr, "bench: ");
  fprintf (stderr, fmt, arg);
  fprintf (stderr, "\n");
  exit (1);
}

static inline void
bench_parse_args (BenchArgs *a, int argc, char **argv)
{
  memset (a, 0, sizeof *a);
  a->count = 10000;
  a->size = 100;
  a->partitions = 1;
  a->rate = 10000;
  a->seconds = 10;
  a->variant = "";
  if (argc < 2)
    bench_die ("usage: %s MODE --bootstrap HOST:PORT [--topic T] [--count N] [--size B] "
               "[--partitions P] [--rate R] [--seconds S] [--variant V]", argv[0]);
  a->mode = argv[1];
  for (int i = 2; i < argc; i++)
    {
      const char *k = argv[i];
      const char *v = i + 1 < argc ? argv[i + 1] : NULL;
      if (v == NULL)
        bench_die ("option %s needs a value", k);
      if (!strcmp (k, "--bootstrap")) a->bootstrap = v;
      else if (!strcmp (k, "--topic")) a->topic = v;
      else if (!strcmp (k, "--variant")) a->variant = v;
      else if (!strcmp (k, "--count")) a->count = atol (v);
      else if (!strcmp (k, "--size")) a->size = atol (v);
      else if (!strcmp (k, "--partitions")) a->partitions = atoi (v);
      else if (!strcmp (k, "--rate")) a->rate = atol (v);
      else if (!strcmp (k, "--seconds")) a->seconds = atof (v);
      else bench_die ("unknown option %s", k);
      i++;
    }
  if (a->bootstrap == NULL && strcmp (a->mode, "version") != 0)
    bench_die ("%s", "--bootstrap HOST:PORT is required");
  if (a->size < 24)
    a->size = 24;
}

static inline int64_t
bench_now_us (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Payload: 20 ASCII digits of CLOCK_MONOTONIC in µs (what the latency mode
 * reads back; the other modes write 0), then 'x' up to size. */
static inline void
bench_fill_payload (char *buf, long size)
{
  memset (buf, 'x', size);
  memcpy (buf, "00000000000000000000", 20);
}

static inline void
bench_stamp_payload (char *buf, int64_t us)
{
  char tmp[21];
  snprintf (tmp, sizeof tmp, "%020" PRId64, us);
  memcpy (buf, tmp, 20);
}

static inline int64_t
bench_read_stamp (const void *payload, size_t len)
{
  char tmp[21];
  if (len < 20)
    return -1;
  memcpy (tmp, payload, 20);
  tmp[20] = '\0';
  return strtoll (tmp, NULL, 10);
}

typedef struct {
  int64_t wall_us;
  struct rusage ru;
  long ctxt;
} BenchMark;

/* Voluntary + non-voluntary context switches of the calling thread, from
 * /proc/self/task/TID/status. */
static inline long
bench_thread_ctxt_switches (void)
{
  char path[64], line[256];
  long total = 0;
  FILE *f;

  snprintf (path, sizeof path, "/proc/self/task/%ld/status", (long) syscall (SYS_gettid));
  f = fopen (path, "r");
  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f))
    {
      long v;
      if (sscanf (line, "voluntary_ctxt_switches: %ld", &v) == 1 ||
          sscanf (line, "nonvoluntary_ctxt_switches: %ld", &v) == 1)
        total += v;
    }
  fclose (f);
  return total;
}

static inline void
bench_mark (BenchMark *m)
{
  m->wall_us = bench_now_us ();
  getrusage (RUSAGE_SELF, &m->ru);
  m->ctxt = bench_thread_ctxt_switches ();
}

static inline double
bench_tv (const struct timeval *tv)
{
  return tv->tv_sec + tv->tv_usec / 1e6;
}

static int
bench_cmp_i64 (const void *a, const void *b)
{
  int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
  return x < y ? -1 : x > y;
}

/* Prints the result line. extra: more JSON members, starting with a comma,
 * or "". */
static inline void
bench_report (const char *contender, const BenchArgs *a, long count, long bytes,
              const BenchMark *start, const BenchMark *end, const char *extra)
{
  struct rusage ru;
  double cpu;

  getrusage (RUSAGE_SELF, &ru);
  cpu = bench_tv (&end->ru.ru_utime) - bench_tv (&start->ru.ru_utime) +
        bench_tv (&end->ru.ru_stime) - bench_tv (&start->ru.ru_stime);
  printf ("{\"bench\": 1, \"contender\": \"%s\", \"mode\": \"%s\", \"variant\": \"%s\", "
          "\"size\": %ld, \"count\": %ld, \"bytes\": %ld, \"seconds\": %.6f, "
          "\"cpu_s\": %.6f, \"maxrss_kb\": %ld%s}\n",
          contender, a->mode, a->variant, a->size, count, bytes,
          (end->wall_us - start->wall_us) / 1e6, cpu, ru.ru_maxrss, extra);
  fflush (stdout);
}

/* Latency extra members from µs samples (sorted in place). */
static inline void
bench_latency_extra (int64_t *lat, long n, char *out, size_t out_len)
{
  if (n == 0)
    {
      snprintf (out, out_len, ", \"lat_n\": 0");
      return;
    }
  qsort (lat, n, sizeof *lat, bench_cmp_i64);
  snprintf (out, out_len,
            ", \"lat_n\": %ld, \"lat_p50_us\": %" PRId64 ", \"lat_p99_us\": %" PRId64
            ", \"lat_max_us\": %" PRId64,
            n, lat[n / 2], lat[(long) (n * 0.99) < n ? (long) (n * 0.99) : n - 1], lat[n - 1]);
}

/* Messages of the latency run before this index are warm-up, not counted:
 * the first second (the consumer's first fetches, connections), at most a
 * third of the run. */
static inline long
bench_latency_warmup (long count, long rate)
{
  long w = count / 3;
  return w > rate ? rate : w;
}

/* In-flight window of every producer: at most this many messages awaiting
 * their delivery report (64 MB worth, at most 50000); past it, the producer
 * waits for reports until half of them have come back. */
static inline long
bench_window (long size)
{
  long w = (64L << 20) / size;
  return w > 50000 ? 50000 : w < 100 ? 100 : w;
}
