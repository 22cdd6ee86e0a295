/* Client lifecycle: unref with messages in flight, unref from inside the
 * client's own signal handlers (delivery, error, message), quitting the main
 * loop with events pending, and creating and destroying many clients with no
 * growth in open file descriptors, threads or resident memory.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kafka-test-util.h"

typedef KtMockFixture Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  kt_mock_fixture_setup (fx, "life", 2);
}

static KafkaProducer *
new_producer (const char *bootstrap,
              const char *first_key,
              ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", bootstrap,
                                            "linger.ms", "5", NULL);
  g_autoptr(GError) error = NULL;
  KafkaProducer *producer;
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);

  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_assert_nonnull (producer);
  return producer;
}

static KafkaConsumer *
new_consumer (const char *bootstrap,
              const char *group)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", bootstrap,
                                            "group.id", group,
                                            "auto.offset.reset", "earliest",
                                            NULL);
  g_autoptr(GError) error = NULL;
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  g_assert_nonnull (consumer);
  return consumer;
}

static void
produce_n (KafkaProducer *producer,
           const char    *topic,
           guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("m%u", i);

      g_assert_true (kafka_producer_produce (producer, topic, KAFKA_PARTITION_UA, NULL, 0,
                                             (const guint8 *) value, strlen (value),
                                             NULL, 0, &error));
      g_assert_no_error (error);
    }
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
}

typedef struct {
  guint    count;
  gboolean gone;   /* set when the client was unreffed */
} Counter;

static void
on_delivery_count (KafkaProducer *producer,
                   KafkaMessage  *message,
                   Counter       *c)
{
  g_assert_false (c->gone);
  c->count++;
}

/* Unref a producer with messages in flight to a live broker, some already
 * reported: no crash, no delivery signal after the unref, the object is
 * finalized at once, and librdkafka's threads are gone. */
static void
test_unref_in_flight (Fixture       *fx,
                      gconstpointer  data)
{
  KafkaProducer *producer = new_producer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                          NULL);
  Counter c = { 0, FALSE };
  GWeakRef weak;

  g_weak_ref_init (&weak, producer);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery_count), &c);
  produce_n (producer, fx->topic, 100);
  kt_wait_for_count (NULL, &c.count, 1, 30000, "a first report");
  produce_n (producer, fx->topic, 20000);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), >, 0);

  c.gone = TRUE;
  g_object_unref (producer);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  iterate_for (500);
  g_test_message ("%u reports before the unref", c.count);
}

/* Unref from inside the client's own signal handlers. */
typedef struct {
  gpointer client;
  guint    emissions;
} SelfUnref;

static void
on_signal_unref (gpointer   client,
                 gpointer   arg,
                 SelfUnref *s)
{
  g_assert_true (client == s->client);
  s->emissions++;
  g_clear_object (&s->client);
}

static void
wait_gone (SelfUnref  *s,
           GWeakRef   *weak,
           const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (s->client != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (s->client != NULL)
    g_error ("Timed out waiting for %s", what);
  /* finalized once the dispatch returned */
  iterate_for (200);
  g_assert_null (g_weak_ref_get (weak));
  g_assert_cmpuint (s->emissions, ==, 1);
}

static void
test_unref_in_delivery (Fixture       *fx,
                        gconstpointer  data)
{
  SelfUnref s = { NULL, 0 };
  GWeakRef weak;

  s.client = new_producer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster), NULL);
  g_weak_ref_init (&weak, s.client);
  g_signal_connect (s.client, "delivery", G_CALLBACK (on_signal_unref), &s);
  /* many in one report batch: the others must not be emitted */
  produce_n (s.client, fx->topic, 500);
  wait_gone (&s, &weak, "the delivery signal");
  g_weak_ref_clear (&weak);
}

static void
test_unref_in_error (Fixture       *fx,
                     gconstpointer  data)
{
  SelfUnref s = { NULL, 0 };
  GWeakRef weak;

  /* nobody listens there: the producer reports transport errors */
  s.client = new_producer ("127.0.0.1:1", "reconnect.backoff.ms", "10",
                           "reconnect.backoff.max.ms", "20", NULL);
  g_weak_ref_init (&weak, s.client);
  g_signal_connect (s.client, "error", G_CALLBACK (on_signal_unref), &s);
  produce_n (s.client, fx->topic, 10);
  wait_gone (&s, &weak, "the error signal");
  g_weak_ref_clear (&weak);
}

static void
test_unref_in_consumer_error (Fixture       *fx,
                              gconstpointer  data)
{
  SelfUnref s = { NULL, 0 };
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { fx->topic, NULL };
  g_autoptr(GError) error = NULL;
  GWeakRef weak;

  s.client = new_consumer ("127.0.0.1:1", group);
  g_weak_ref_init (&weak, s.client);
  g_signal_connect (s.client, "error", G_CALLBACK (on_signal_unref), &s);
  g_assert_true (kafka_consumer_subscribe (s.client, topics, &error));
  kafka_consumer_set_emit_messages (s.client, TRUE);
  wait_gone (&s, &weak, "the consumer's error signal");
  g_weak_ref_clear (&weak);
}

static void
test_unref_in_message (Fixture       *fx,
                       gconstpointer  data)
{
  SelfUnref s = { NULL, 0 };
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { fx->topic, NULL };
  g_autoptr(GError) error = NULL;
  GWeakRef weak;

  {
    g_autoptr(KafkaProducer) producer =
      new_producer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster), NULL);

    produce_n (producer, fx->topic, 200);
    g_assert_true (kafka_producer_flush (producer, 30000, &error));
  }

  s.client = new_consumer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster), group);
  g_weak_ref_init (&weak, s.client);
  g_signal_connect (s.client, "message", G_CALLBACK (on_signal_unref), &s);
  g_assert_true (kafka_consumer_subscribe (s.client, topics, &error));
  kafka_consumer_set_emit_messages (s.client, TRUE);
  wait_gone (&s, &weak, "the message signal");
  g_weak_ref_clear (&weak);
}

/* consume_async() times out after the last reference to its consumer was
 * dropped: the pending call keeps the consumer alive until its callback ran
 * (it used to finish with the consumer already freed: "invalid unclassed
 * pointer", reads of freed memory under valgrind). */
typedef struct {
  gboolean   done;
  guint      n_messages;
  GError    *error;
  GWeakRef   weak;
  gboolean   alive_in_callback;
} AsyncDrop;

static void
on_consumed_after_drop (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  AsyncDrop *d = data;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GObject) still = g_weak_ref_get (&d->weak);

  d->alive_in_callback = still != NULL && still == source;
  messages = kafka_consumer_consume_finish (KAFKA_CONSUMER (source), result, &d->error);
  if (messages != NULL)
    d->n_messages = messages->len;
  d->done = TRUE;
}

static void
test_consume_async_after_drop (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *group = kt_unique_topic ("g");
  KafkaConsumer *consumer = new_consumer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                          group);
  AsyncDrop d = { 0 };
  g_autoptr(GObject) after = NULL;

  /* nothing subscribed: nothing comes, the call times out */
  g_weak_ref_init (&d.weak, consumer);
  kafka_consumer_consume_async (consumer, 10, 200, NULL, on_consumed_after_drop, &d);
  g_object_unref (consumer);
  /* the pending call holds it */
  after = g_weak_ref_get (&d.weak);
  g_assert_nonnull (after);
  g_clear_object (&after);

  kt_wait_for_flag (NULL, &d.done, 30000, "the consume_async() callback");
  g_assert_true (d.alive_in_callback);
  g_assert_no_error (d.error);
  g_assert_cmpuint (d.n_messages, ==, 0);
  /* and lets it go afterwards */
  after = g_weak_ref_get (&d.weak);
  g_assert_null (after);
  g_weak_ref_clear (&d.weak);
}

/* A main loop quit from a delivery handler while reports are still queued,
 * then the producer unreffed without running the loop again: nothing is
 * emitted afterwards, the context is left with nothing of the producer's. */
static void
on_delivery_quit (KafkaProducer *producer,
                  KafkaMessage  *message,
                  GMainLoop     *loop)
{
  Counter *c = g_object_get_data (G_OBJECT (producer), "counter");

  g_assert_false (c->gone);
  c->count++;
  g_main_loop_quit (loop);
}

static gboolean
fail_timeout (gpointer what)
{
  g_error ("Timed out after 60 s waiting for %s", (const char *) what);
  return G_SOURCE_REMOVE;
}

/* g_main_loop_run() until a handler quits it, or fails after 60 s */
static void
run_loop (GMainLoop  *loop,
          const char *what)
{
  guint id = g_timeout_add_seconds (60, fail_timeout, (gpointer) what);

  g_main_loop_run (loop);
  g_source_remove (id);
}

static void
test_quit_loop_pending (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  KafkaProducer *producer = new_producer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                          "linger.ms", "0", NULL);
  Counter c = { 0, FALSE };
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (producer), "counter", &c);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery_quit), loop);
  produce_n (producer, fx->topic, 2000);
  run_loop (loop, "a delivery signal");
  g_assert_cmpuint (c.count, >=, 1);

  /* let more reports arrive without serving them */
  g_usleep (300 * 1000);
  c.gone = TRUE;
  g_object_unref (producer);
  iterate_for (300);

  /* and with a consumer in message-signal mode */
  {
    g_autofree char *group = kt_unique_topic ("g");
    const char *topics[] = { fx->topic, NULL };
    KafkaConsumer *consumer = new_consumer (kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            group);
    Counter cc = { 0, FALSE };

    g_object_set_data (G_OBJECT (consumer), "counter", &cc);
    g_signal_connect (consumer, "message", G_CALLBACK (on_delivery_quit), loop);
    g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
    kafka_consumer_set_emit_messages (consumer, TRUE);
    run_loop (loop, "a message signal");
    g_assert_cmpuint (cc.count, >=, 1);
    g_usleep (300 * 1000);
    cc.gone = TRUE;
    g_object_unref (consumer);
    iterate_for (300);
  }
}

/* ------------------------------------------------------------------------ */
/* Many clients */

static guint
count_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gsize
rss_kib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static gboolean
under_valgrind (void)
{
  g_autofree char *maps = NULL;

  return g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL) &&
         strstr (maps, "vgpreload") != NULL;
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

typedef struct {
  guint fds, threads;
  gsize rss;
} Usage;

static void
usage_sample (Usage *u)
{
  u->fds = count_dir ("/proc/self/fd");
  u->threads = count_dir ("/proc/self/task");
  u->rss = rss_kib ();
}

/* Creates and destroys producers and consumers (half each; the producers
 * send a message, the consumers subscribe) against the mock cluster, and
 * against a bootstrap address nobody listens on. */
static void
test_many_clients (Fixture       *fx,
                   gconstpointer  data)
{
  const char *env = g_getenv ("KAFKA_GLIB_LIFECYCLE_CLIENTS");
  gboolean slow = under_valgrind ();
  guint total = env ? (guint) g_ascii_strtoull (env, NULL, 10) : (slow ? 200 : 1000);
  guint warm = total / 10;
  Usage at_warm = { 0, }, at_end = { 0, };
  const char *topics[] = { fx->topic, NULL };
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (total, >=, 20);
  for (guint i = 1; i <= total; i++)
    {
      const char *bootstrap = i % 4 < 2 ? kafka_mock_cluster_get_bootstrap_servers (fx->cluster)
                                        : "127.0.0.1:1";
      g_autoptr(GError) error = NULL;

      if (i % 2 == 0)
        {
          g_autoptr(KafkaProducer) producer = new_producer (bootstrap, NULL);

          g_assert_true (kafka_producer_produce (producer, fx->topic, KAFKA_PARTITION_UA, NULL, 0,
                                                 (const guint8 *) "x", 1, NULL, 0, &error));
          g_main_context_iteration (NULL, FALSE);
        }
      else
        {
          g_autofree char *group = g_strdup_printf ("g-many-%u", i % 8);
          g_autoptr(KafkaConsumer) consumer = new_consumer (bootstrap, group);

          g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
          g_assert_no_error (error);
          g_main_context_iteration (NULL, FALSE);
        }
      while (g_main_context_iteration (NULL, FALSE))
        ;

      if (i == warm)
        usage_sample (&at_warm);
    }
  /* librdkafka joins its threads in rd_kafka_destroy(), but the mock
   * cluster's thread closes its end of the connections of the clients just
   * destroyed on its own time (later on a loaded machine): wait for it to
   * settle, up to 60 s */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    usage_sample (&at_end);
    while ((at_end.fds > at_warm.fds || at_end.threads > at_warm.threads) &&
           g_get_monotonic_time () < deadline)
      {
        g_usleep (100 * 1000);
        usage_sample (&at_end);
      }
  }

  g_test_message ("%u clients in %.1f s", total,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_test_message ("after %u clients: %u fds, %u threads, RSS %zu KiB", warm,
                  at_warm.fds, at_warm.threads, at_warm.rss);
  g_test_message ("after %u clients: %u fds, %u threads, RSS %zu KiB", total,
                  at_end.fds, at_end.threads, at_end.rss);

  /* no client leaves a descriptor or a thread behind */
  g_assert_cmpuint (at_end.fds, <=, at_warm.fds);
  g_assert_cmpuint (at_end.threads, <=, at_warm.threads);
  /* memory: flat within 4 MiB over the last 90% (a leak of 5 KiB per client
   * would show). ASan's quarantine and valgrind's own heap make RSS
   * meaningless there; their leak checkers cover it. */
  if (!under_asan () && !slow)
    g_assert_cmpuint (at_end.rss, <=, at_warm.rss + 4096);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/lifecycle/" path, Fixture, NULL, fixture_setup, func, kt_mock_fixture_teardown)

  ADD ("unref-in-flight", test_unref_in_flight);
  ADD ("unref-in-handler/delivery", test_unref_in_delivery);
  ADD ("unref-in-handler/error", test_unref_in_error);
  ADD ("unref-in-handler/consumer-error", test_unref_in_consumer_error);
  ADD ("unref-in-handler/message", test_unref_in_message);
  ADD ("quit-loop-with-events-pending", test_quit_loop_pending);
  ADD ("consume-async-after-drop", test_consume_async_after_drop);
  ADD ("many-clients", test_many_clients);

  return g_test_run ();
}
