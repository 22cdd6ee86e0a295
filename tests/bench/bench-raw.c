/* Contender R: raw librdkafka, with the semantics kafka-glib has: payload
 * copied (RD_KAFKA_MSG_F_COPY), delivery reports as events drained from a
 * queue (rd_kafka_event_message_next), batch consume
 * (rd_kafka_consume_batch_queue).  The floor no wrapper can beat.
 */
#include "bench-common.h"

#include <librdkafka/rdkafka.h>
#include <poll.h>
#include <sys/eventfd.h>

static rd_kafka_conf_t *
base_conf (const BenchArgs *a)
{
  rd_kafka_conf_t *conf = rd_kafka_conf_new ();
  char err[512];

  if (rd_kafka_conf_set (conf, "bootstrap.servers", a->bootstrap, err, sizeof err) != RD_KAFKA_CONF_OK)
    bench_die ("%s", err);
  return conf;
}

static void
conf_set (rd_kafka_conf_t *conf, const char *k, const char *v)
{
  char err[512];
  if (rd_kafka_conf_set (conf, k, v, err, sizeof err) != RD_KAFKA_CONF_OK)
    bench_die ("%s", err);
}

static rd_kafka_t *
new_producer (const BenchArgs *a)
{
  rd_kafka_conf_t *conf = base_conf (a);
  char err[512];
  rd_kafka_t *rk;

  conf_set (conf, "acks", "all");
  conf_set (conf, "linger.ms", "5");
  conf_set (conf, "compression.type", "none");
  rd_kafka_conf_set_events (conf, RD_KAFKA_EVENT_DR);
  rk = rd_kafka_new (RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (rk == NULL)
    bench_die ("%s", err);
  return rk;
}

static rd_kafka_t *
new_consumer (const BenchArgs *a, const char *group)
{
  rd_kafka_conf_t *conf = base_conf (a);
  char err[512];
  rd_kafka_t *rk;

  conf_set (conf, "group.id", group);
  conf_set (conf, "auto.offset.reset", "earliest");
  rk = rd_kafka_new (RD_KAFKA_CONSUMER, conf, err, sizeof err);
  if (rk == NULL)
    bench_die ("%s", err);
  rd_kafka_poll_set_consumer (rk);
  return rk;
}

static void
assign_beginning (rd_kafka_t *rk, const BenchArgs *a)
{
  rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new (a->partitions);
  rd_kafka_resp_err_t err;

  for (int p = 0; p < a->partitions; p++)
    rd_kafka_topic_partition_list_add (parts, a->topic, p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  err = rd_kafka_assign (rk, parts);
  if (err)
    bench_die ("assign: %s", rd_kafka_err2str (err));
  rd_kafka_topic_partition_list_destroy (parts);
}

/* Drains delivery-report events; waits up to timeout_ms for the first. */
static long delivered, delivery_errors;

static void
serve_reports (rd_kafka_queue_t *q, int timeout_ms)
{
  rd_kafka_event_t *ev;

  while ((ev = rd_kafka_queue_poll (q, timeout_ms)) != NULL)
    {
      if (rd_kafka_event_type (ev) == RD_KAFKA_EVENT_DR)
        {
          const rd_kafka_message_t *m;
          while ((m = rd_kafka_event_message_next (ev)) != NULL)
            {
              delivered++;
              if (m->err)
                {
                  if (delivery_errors++ < 5)
                    fprintf (stderr, "delivery failed: %s\n", rd_kafka_err2str (m->err));
                }
            }
        }
      rd_kafka_event_destroy (ev);
      timeout_ms = 0;
    }
}

static void
produce_one (rd_kafka_t *rk, rd_kafka_queue_t *q, const BenchArgs *a, char *buf)
{
  for (;;)
    {
      rd_kafka_resp_err_t err =
        rd_kafka_producev (rk, RD_KAFKA_V_TOPIC (a->topic),
                           RD_KAFKA_V_VALUE (buf, (size_t) a->size),
                           RD_KAFKA_V_MSGFLAGS (RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        return;
      if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
        bench_die ("produce: %s", rd_kafka_err2str (err));
      serve_reports (q, 100);
    }
}

static int
do_produce (const BenchArgs *a)
{
  rd_kafka_t *rk = new_producer (a);
  rd_kafka_queue_t *q = rd_kafka_queue_get_main (rk);
  long window = bench_window (a->size);
  char *buf = malloc (a->size);
  BenchMark start, end;
  char extra[64];

  bench_fill_payload (buf, a->size);
  bench_mark (&start);
  for (long sent = 0; sent < a->count; sent++)
    {
      if (sent - delivered >= window)
        while (sent - delivered > window / 2)
          serve_reports (q, 100);
      produce_one (rk, q, a, buf);
      if (sent % 1000 == 999)
        serve_reports (q, 0);
    }
  while (delivered < a->count)
    serve_reports (q, 1000);
  bench_mark (&end);
  snprintf (extra, sizeof extra, ", \"errors\": %ld", delivery_errors);
  bench_report ("R", a, delivered - delivery_errors, (delivered - delivery_errors) * a->size,
                &start, &end, extra);
  free (buf);
  rd_kafka_queue_destroy (q);
  rd_kafka_destroy (rk);
  return delivery_errors ? 1 : 0;
}

static int
do_consume (const BenchArgs *a)
{
  char group[64];
  rd_kafka_t *rk;
  rd_kafka_queue_t *q;
  rd_kafka_message_t *msgs[1000];
  long received = 0, bytes = 0, errors = 0;
  BenchMark start, end;

  snprintf (group, sizeof group, "bench-raw-%d", (int) getpid ());
  rk = new_consumer (a, group);
  q = rd_kafka_queue_get_consumer (rk);
  bench_mark (&start);
  assign_beginning (rk, a);
  while (received < a->count)
    {
      long want = a->count - received < 1000 ? a->count - received : 1000;
      ssize_t n = rd_kafka_consume_batch_queue (q, 1000, msgs, want);
      for (ssize_t i = 0; i < n; i++)
        {
          if (msgs[i]->err)
            errors++;
          else
            {
              received++;
              bytes += msgs[i]->len;
            }
          rd_kafka_message_destroy (msgs[i]);
        }
    }
  bench_mark (&end);
  bench_report ("R", a, received, bytes, &start, &end, "");
  rd_kafka_queue_destroy (q);
  rd_kafka_consumer_close (rk);
  rd_kafka_destroy (rk);
  return 0;
}

static int
enable_io_event (rd_kafka_queue_t *q)
{
  static const uint64_t one = 1;
  int fd = eventfd (0, EFD_NONBLOCK | EFD_CLOEXEC);
  rd_kafka_queue_io_event_enable (q, fd, &one, sizeof one);
  return fd;
}

/* Producer and consumer in one thread that sleeps in ppoll() on the eventfds
 * of the delivery-report queue and the consumer queue, and on a 1 ms tick
 * that paces the producer. */
static int
do_latency (const BenchArgs *a)
{
  char group[64];
  rd_kafka_t *prk = new_producer (a), *crk;
  rd_kafka_queue_t *pq = rd_kafka_queue_get_main (prk), *cq;
  struct pollfd fds[2];
  rd_kafka_message_t *msgs[1000];
  char *buf = malloc (a->size);
  long warmup = bench_latency_warmup (a->count, a->rate), sent = 0, received = 0, nlat = 0;
  int64_t *lat = calloc (a->count, sizeof *lat);
  int64_t t0;
  BenchMark start, end;
  char extra[256];

  snprintf (group, sizeof group, "bench-raw-lat-%d", (int) getpid ());
  crk = new_consumer (a, group);
  cq = rd_kafka_queue_get_consumer (crk);
  fds[0].fd = enable_io_event (pq);
  fds[1].fd = enable_io_event (cq);
  fds[0].events = fds[1].events = POLLIN;
  assign_beginning (crk, a);
  bench_fill_payload (buf, a->size);

  bench_mark (&start);
  t0 = start.wall_us;
  while (received < a->count)
    {
      int64_t now = bench_now_us (), next;
      long due = (long) ((now - t0) * a->rate / 1000000) + 1;
      ssize_t n;
      struct timespec ts;
      uint64_t junk;

      if (due > a->count)
        due = a->count;
      for (; sent < due; sent++)
        {
          bench_stamp_payload (buf, bench_now_us ());
          produce_one (prk, pq, a, buf);
        }
      if (read (fds[0].fd, &junk, sizeof junk) < 0 && errno != EAGAIN)
        bench_die ("%s", "eventfd read");
      if (read (fds[1].fd, &junk, sizeof junk) < 0 && errno != EAGAIN)
        bench_die ("%s", "eventfd read");
      serve_reports (pq, 0);
      while ((n = rd_kafka_consume_batch_queue (cq, 0, msgs, 1000)) > 0)
        {
          int64_t t = bench_now_us ();
          for (ssize_t i = 0; i < n; i++)
            {
              if (!msgs[i]->err)
                {
                  if (received >= warmup)
                    lat[nlat++] = t - bench_read_stamp (msgs[i]->payload, msgs[i]->len);
                  received++;
                }
              rd_kafka_message_destroy (msgs[i]);
            }
        }
      if (received >= a->count)
        break;
      now = bench_now_us ();
      next = sent < a->count ? t0 + ((now - t0) / 1000 + 1) * 1000 : now + 100000;
      ts.tv_sec = (next - now) / 1000000;
      ts.tv_nsec = ((next - now) % 1000000) * 1000;
      fds[0].revents = fds[1].revents = 0;
      ppoll (fds, 2, &ts, NULL);
    }
  bench_mark (&end);
  bench_latency_extra (lat, nlat, extra, sizeof extra);
  bench_report ("R", a, received, received * a->size, &start, &end, extra);
  while (delivered < sent)
    serve_reports (pq, 100);
  rd_kafka_queue_destroy (cq);
  rd_kafka_queue_destroy (pq);
  rd_kafka_consumer_close (crk);
  rd_kafka_destroy (crk);
  rd_kafka_destroy (prk);
  free (lat);
  free (buf);
  return 0;
}

/* Idle reference: the thread sleeps in a blocking rd_kafka_poll() (producer)
 * or rd_kafka_consumer_poll() (consumer in its group); we count how often
 * the call returns and the thread's context switches. */
static int
do_idle (const BenchArgs *a, int consumer)
{
  rd_kafka_t *rk;
  long returns = 0;
  BenchMark start, end;
  char extra[256];
  int64_t deadline;

  if (consumer)
    {
      char group[64];
      rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new (1);
      rd_kafka_topic_partition_list_t *assignment = NULL;
      int64_t limit = bench_now_us () + 60 * 1000000;

      snprintf (group, sizeof group, "bench-raw-idle-%d", (int) getpid ());
      rk = new_consumer (a, group);
      rd_kafka_topic_partition_list_add (topics, a->topic, RD_KAFKA_PARTITION_UA);
      if (rd_kafka_subscribe (rk, topics))
        bench_die ("%s", "subscribe failed");
      rd_kafka_topic_partition_list_destroy (topics);
      /* in the group: wait for the assignment */
      for (;;)
        {
          rd_kafka_message_t *m = rd_kafka_consumer_poll (rk, 100);
          if (m)
            rd_kafka_message_destroy (m);
          rd_kafka_assignment (rk, &assignment);
          if (assignment && assignment->cnt > 0)
            break;
          if (assignment)
            rd_kafka_topic_partition_list_destroy (assignment);
          assignment = NULL;
          if (bench_now_us () > limit)
            bench_die ("%s", "no assignment after 60 s");
        }
      rd_kafka_topic_partition_list_destroy (assignment);
    }
  else
    {
      const struct rd_kafka_metadata *md;
      rk = new_producer (a);
      if (rd_kafka_metadata (rk, 1, NULL, &md, 10000))
        bench_die ("%s", "metadata failed");
      rd_kafka_metadata_destroy (md);
    }

  bench_mark (&start);
  deadline = start.wall_us + (int64_t) (a->seconds * 1e6);
  for (;;)
    {
      int64_t now = bench_now_us ();
      int ms;
      if (deadline - now < 1000)
        break;
      ms = (int) ((deadline - now) / 1000);
      if (consumer)
        {
          rd_kafka_message_t *m = rd_kafka_consumer_poll (rk, ms);
          if (m)
            rd_kafka_message_destroy (m);
        }
      else
        rd_kafka_poll (rk, ms);
      returns++;
    }
  bench_mark (&end);
  snprintf (extra, sizeof extra,
            ", \"wakeups\": %ld, \"wakeup_method\": \"poll returns\", \"ctxt_switches\": %ld",
            returns - 1, end.ctxt - start.ctxt - 1);
  bench_report ("R", a, 0, 0, &start, &end, extra);
  if (consumer)
    rd_kafka_consumer_close (rk);
  rd_kafka_destroy (rk);
  return 0;
}

int
main (int argc, char **argv)
{
  BenchArgs a;

  bench_parse_args (&a, argc, argv);
  if (strcmp (a.mode, "version") == 0)
    {
      printf ("%s\n", rd_kafka_version_str ());
      return 0;
    }
  if (a.topic == NULL && strncmp (a.mode, "idle-producer", 13) != 0)
    bench_die ("%s", "--topic is required");
  if (!strcmp (a.mode, "produce")) return do_produce (&a);
  if (!strcmp (a.mode, "consume")) return do_consume (&a);
  if (!strcmp (a.mode, "latency")) return do_latency (&a);
  if (!strcmp (a.mode, "idle-producer")) return do_idle (&a, 0);
  if (!strcmp (a.mode, "idle-consumer")) return do_idle (&a, 1);
  bench_die ("unknown mode %s", a.mode);
  return 2;
}
