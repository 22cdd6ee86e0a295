/* Soak: steady produce and consume against the real broker
 * (KAFKA_BOOTSTRAP_SERVERS) for KAFKA_GLIB_SOAK_SECONDS (60 by default),
 * both clients driven by the main loop, with the resident set size sampled
 * every few seconds: it must stay flat after warm-up, and every message
 * produced must be delivered and consumed exactly once.
 *
 *   KAFKA_GLIB_SOAK_SECONDS=600 KAFKA_BOOTSTRAP_SERVERS=... \
 *     meson test -C _build test-soak --verbose -t 10
 *
 * (-t 10: the test's 300 s timeout times 10)
 * runs the longer soak. KAFKA_GLIB_SOAK_RATE sets messages per second
 * (2000 by default).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kafka-test-util.h"

#define N_PARTITIONS 4

typedef struct {
  KafkaProducer *producer;
  KafkaConsumer *consumer;
  char          *topic;
  guint64        produced, delivered, failed, consumed, duplicates;
  guint64        next_expected[N_PARTITIONS];
  guint          rate;          /* messages per second */
  gint64         started;
  GArray        *rss;           /* of gsize, KiB */
  GArray        *at;            /* of double, seconds */
} Soak;

static gsize
rss_kib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static void
on_delivery (KafkaProducer *producer,
             KafkaMessage  *message,
             Soak          *s)
{
  if (kafka_message_get_error (message) != NULL)
    {
      g_warning ("delivery failed: %s", kafka_message_get_error (message)->message);
      s->failed++;
    }
  else
    s->delivered++;
}

static void
on_message (KafkaConsumer *consumer,
            KafkaMessage  *message,
            Soak          *s)
{
  gsize len = 0;
  const guint8 *value = kafka_message_get_value (message, &len);
  gint32 p = kafka_message_get_partition (message);
  guint64 n;
  char buf[32];

  g_assert_null (kafka_message_get_error (message));
  g_assert_nonnull (value);
  g_assert_cmpuint (len, >=, 24);
  /* "<partition>:<sequence in partition>" padded to a fixed size */
  memcpy (buf, value, MIN (len, sizeof buf - 1));
  buf[MIN (len, sizeof buf - 1)] = '\0';
  g_assert_cmpint (p, >=, 0);
  g_assert_cmpint (p, <, N_PARTITIONS);
  g_assert_cmpint (g_ascii_digit_value (buf[0]), ==, p);
  n = g_ascii_strtoull (buf + 2, NULL, 10);
  if (n < s->next_expected[p])
    s->duplicates++;
  else
    {
      /* in order within the partition, no gap */
      g_assert_cmpuint (n, ==, s->next_expected[p]);
      s->next_expected[p] = n + 1;
      s->consumed++;
    }
}

static gboolean
produce_tick (gpointer data)
{
  Soak *s = data;
  double elapsed = (g_get_monotonic_time () - s->started) / (double) G_USEC_PER_SEC;
  guint64 due = (guint64) (elapsed * s->rate);
  static guint64 seq[N_PARTITIONS];
  char value[200];

  memset (value, 'x', sizeof value);
  while (s->produced < due)
    {
      g_autoptr(GError) error = NULL;
      gint32 p = s->produced % N_PARTITIONS;

      g_snprintf (value, 24, "%d:%020" G_GUINT64_FORMAT, p, seq[p]);
      value[23] = 'x';
      if (!kafka_producer_produce (s->producer, s->topic, p, NULL, 0,
                                   (const guint8 *) value, sizeof value, NULL, 0, &error))
        {
          /* only a full queue may refuse: the main loop drains it */
          g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL);
          break;
        }
      seq[p]++;
      s->produced++;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
sample_tick (gpointer data)
{
  Soak *s = data;
  gsize rss = rss_kib ();
  double at = (g_get_monotonic_time () - s->started) / (double) G_USEC_PER_SEC;

  g_array_append_val (s->rss, rss);
  g_array_append_val (s->at, at);
  g_test_message ("t=%5.1f s  RSS %6zu KiB  produced %" G_GUINT64_FORMAT
                  "  delivered %" G_GUINT64_FORMAT "  consumed %" G_GUINT64_FORMAT,
                  at, rss, s->produced, s->delivered, s->consumed);
  return G_SOURCE_CONTINUE;
}

static gboolean
under_asan (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return TRUE;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return TRUE;
#else
  return FALSE;
#endif
#else
  return FALSE;
#endif
}

static void
test_soak (void)
{
  const char *env_seconds = g_getenv ("KAFKA_GLIB_SOAK_SECONDS");
  const char *env_rate = g_getenv ("KAFKA_GLIB_SOAK_RATE");
  guint seconds = env_seconds ? (guint) g_ascii_strtoull (env_seconds, NULL, 10) : 60;
  g_autofree char *group = kt_unique_topic ("soak-g");
  g_autoptr(GHashTable) pconfig = NULL;
  g_autoptr(GHashTable) cconfig = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  guint sample_ms, produce_id, sample_id;
  Soak s = { 0, };

  g_assert_cmpuint (seconds, >=, 10);
  s.rate = env_rate ? (guint) g_ascii_strtoull (env_rate, NULL, 10) : 2000;
  s.topic = kt_unique_topic ("soak");
  s.rss = g_array_new (FALSE, FALSE, sizeof (gsize));
  s.at = g_array_new (FALSE, FALSE, sizeof (double));
  sample_ms = CLAMP (seconds * 1000 / 20, 2000, 10000);

  /* At most 2 s of messages queued in the producer: RSS is a high-water
   * mark, and a broker that stalls for a while on a loaded machine would
   * otherwise leave it as high as the backlog was (12 s of messages make
   * the 8 MiB below), whatever the client's own memory does. A full queue
   * only delays production (produce_tick() catches up). */
  pconfig = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                       "linger.ms", "5", "acks", "all",
                       "enable.idempotence", "true",
                       "queue.buffering.max.messages", "4000", NULL);
  s.producer = kafka_producer_new (pconfig, &error);
  g_assert_no_error (error);
  g_signal_connect (s.producer, "delivery", G_CALLBACK (on_delivery), &s);

  /* the topic exists before it is assigned */
  kt_create_topic (s.topic, N_PARTITIONS, 1, NULL);

  cconfig = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                       "group.id", group, "enable.auto.commit", "false",
                       "fetch.wait.max.ms", "50", NULL);
  s.consumer = kafka_consumer_new (cconfig, &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PARTITIONS; p++)
    g_ptr_array_add (partitions, kafka_topic_partition_new (s.topic, p, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (s.consumer, partitions, &error));
  g_assert_no_error (error);
  g_signal_connect (s.consumer, "message", G_CALLBACK (on_message), &s);
  kafka_consumer_set_emit_messages (s.consumer, TRUE);

  g_test_message ("soak: %u s at %u msg/s, RSS every %u ms", seconds, s.rate, sample_ms);
  s.started = g_get_monotonic_time ();
  produce_id = g_timeout_add (10, produce_tick, &s);
  sample_id = g_timeout_add (sample_ms, sample_tick, &s);
  sample_tick (&s);
  {
    gint64 end = s.started + seconds * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_source_remove (produce_id);

  /* drain: every message delivered and consumed */
  {
    gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

    while ((s.delivered + s.failed < s.produced || s.consumed < s.delivered) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_source_remove (sample_id);
  sample_tick (&s);

  g_test_message ("produced %" G_GUINT64_FORMAT ", delivered %" G_GUINT64_FORMAT
                  ", failed %" G_GUINT64_FORMAT ", consumed %" G_GUINT64_FORMAT
                  ", duplicates %" G_GUINT64_FORMAT,
                  s.produced, s.delivered, s.failed, s.consumed, s.duplicates);
  g_assert_cmpuint (s.produced, >, 0);
  g_assert_cmpuint (s.failed, ==, 0);
  g_assert_cmpuint (s.delivered, ==, s.produced);
  g_assert_cmpuint (s.consumed, ==, s.produced);
  g_assert_cmpuint (s.duplicates, ==, 0);

  /* RSS flat after warm-up (the first quarter of the run): the highest
   * sample afterwards is within 8 MiB of the first one after warm-up (the
   * run moves several hundred MiB through the clients). Under ASan the
   * quarantine holds freed memory, so RSS says nothing there. */
  {
    gsize base = 0, high = 0;
    double warm = seconds / 4.0;

    for (guint i = 0; i < s.rss->len; i++)
      {
        gsize rss = g_array_index (s.rss, gsize, i);

        if (g_array_index (s.at, double, i) < warm)
          continue;
        if (base == 0)
          base = rss;
        high = MAX (high, rss);
      }
    g_test_message ("RSS after warm-up: %zu KiB, highest later %zu KiB (+%zd KiB)",
                    base, high, (gssize) high - (gssize) base);
    g_assert_cmpuint (base, >, 0);
    if (!under_asan ())
      g_assert_cmpuint (high, <=, base + 8192);
  }

  g_assert_true (kafka_consumer_close (s.consumer, &error));
  g_assert_no_error (error);
  g_clear_object (&s.consumer);
  g_clear_object (&s.producer);
  g_array_unref (s.rss);
  g_array_unref (s.at);
  g_free (s.topic);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/soak/produce-consume", test_soak);
  return g_test_run ();
}
