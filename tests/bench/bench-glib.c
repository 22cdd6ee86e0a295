/* Contender G: kafka-glib from C through its public API, on a GMainLoop.
 *
 * produce  kafka_producer_produce() from an idle source, 1000 at a time, the
 *          `delivery` signal counting the reports; past the in-flight
 *          window the idle source stops until half the window came back.
 * consume  --variant signal (default): `message` signals, emit-messages
 *          mode, on the main loop;  --variant list: kafka_consumer_consume()
 *          in a loop (no main loop).
 * latency  a 1 ms timeout source paces the producer; the consumer, in
 *          emit-messages mode in the same loop, reads the stamp back.
 * idle-*   the main loop runs for --seconds with an idle producer, or a
 *          consumer in its group (after `partitions-assigned`); wake-ups are
 *          counted with g_main_context_set_poll_func() (returns of the poll
 *          that did not come from our own end-of-run timer) and as context
 *          switches of the main thread.
 *
 * Also the harness's admin tool, through KafkaAdminClient: create-topics
 * (--topic NAME:PARTITIONS,NAME:PARTITIONS; waits until every partition has
 * a leader) and delete-topics (--topic NAME,NAME).
 */
#include "bench-common.h"

#include <kafka-glib/kafka-glib.h>

static BenchArgs args;
static GMainLoop *loop;
static KafkaProducer *producer;
static KafkaConsumer *consumer;
static char *payload;
static long sent, delivered, delivery_errors, received, received_bytes;
static guint produce_idle;
static long window;
static const char *contender = "G";
static gint32 *batch_lengths;
static char *batch_values;

static GHashTable *
base_config (void)
{
  GHashTable *config = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (config, "bootstrap.servers", (gpointer) args.bootstrap);
  return config;
}

static KafkaProducer *
new_producer (void)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(GError) error = NULL;
  KafkaProducer *p;

  g_hash_table_insert (config, "acks", "all");
  g_hash_table_insert (config, "linger.ms", "5");
  g_hash_table_insert (config, "compression.type", "none");
  p = kafka_producer_new (config, &error);
  if (p == NULL)
    bench_die ("%s", error->message);
  return p;
}

static KafkaConsumer *
new_consumer (const char *what)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(GError) error = NULL;
  g_autofree char *group = g_strdup_printf ("bench-glib-%s-%d", what, (int) getpid ());
  KafkaConsumer *c;

  g_hash_table_insert (config, "group.id", group);
  g_hash_table_insert (config, "auto.offset.reset", "earliest");
  c = kafka_consumer_new (config, &error);
  if (c == NULL)
    bench_die ("%s", error->message);
  return c;
}

static void
assign_beginning (void)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (int p = 0; p < args.partitions; p++)
    g_ptr_array_add (parts, kafka_topic_partition_new (args.topic, p, KAFKA_OFFSET_BEGINNING));
  if (!kafka_consumer_assign (consumer, parts, &error))
    bench_die ("assign: %s", error->message);
}

static gboolean
produce_one (void)
{
  g_autoptr(GError) error = NULL;

  if (kafka_producer_produce (producer, args.topic, KAFKA_PARTITION_UA, NULL, 0,
                              (const guint8 *) payload, args.size, NULL, 0, &error))
    return TRUE;
  if (!g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL))
    bench_die ("produce: %s", error->message);
  return FALSE;
}

/* ---------------------------------------------------------------- produce */

static gboolean
produce_chunk (gpointer data)
{
  for (int i = 0; i < 1000 && sent < args.count; i++)
    {
      if (sent - delivered >= window || !produce_one ())
        {
          produce_idle = 0;             /* on_delivery brings us back */
          return G_SOURCE_REMOVE;
        }
      sent++;
    }
  if (sent < args.count)
    return G_SOURCE_CONTINUE;
  produce_idle = 0;
  return G_SOURCE_REMOVE;
}

/* GB: kafka_producer_produce_batch(), up to 1000 messages a call */
static gboolean
produce_batch_chunk (gpointer data)
{
  g_autoptr(GError) error = NULL;
  long n = MIN (1000, args.count - sent);
  guint queued;

  if (sent - delivered >= window)
    {
      produce_idle = 0;
      return G_SOURCE_REMOVE;
    }
  queued = kafka_producer_produce_batch (producer, args.topic, KAFKA_PARTITION_UA,
                                         (const guint8 *) batch_values, n * args.size,
                                         batch_lengths, n, NULL, 0, NULL, 0, &error);
  if (error != NULL)
    bench_die ("produce_batch: %s", error->message);
  sent += queued;
  if (sent < args.count && queued == n)
    return G_SOURCE_CONTINUE;
  produce_idle = 0;                     /* done, or queue full: the reports bring us back */
  return G_SOURCE_REMOVE;
}

static void
after_reports (void)
{
  if (delivered == args.count)
    g_main_loop_quit (loop);
  else if (produce_idle == 0 && sent < args.count && sent - delivered <= window / 2)
    produce_idle = g_idle_add (produce_batch_chunk, NULL);
}

static void
on_delivery_batch (KafkaProducer *p, KafkaMessageBatch *batch, gpointer data)
{
  guint n_err = kafka_message_batch_get_n_errors (batch);

  if (n_err > 0 && delivery_errors < 5)
    g_printerr ("%u deliveries failed\n", n_err);
  delivery_errors += n_err;
  delivered += kafka_message_batch_get_length (batch);
  after_reports ();
}

static void
on_delivery (KafkaProducer *p, KafkaMessage *m, gpointer data)
{
  if (kafka_message_get_error (m) != NULL && delivery_errors++ < 5)
    g_printerr ("delivery failed: %s\n", kafka_message_get_error (m)->message);
  delivered++;
  if (delivered == args.count)
    g_main_loop_quit (loop);
  else if (produce_idle == 0 && sent < args.count && sent - delivered <= window / 2)
    produce_idle = g_idle_add (produce_chunk, NULL);
}

static int
do_produce (void)
{
  BenchMark start, end;
  char extra[64];

  gboolean batch = g_str_has_prefix (args.variant, "batch");

  window = bench_window (args.size);
  producer = new_producer ();
  if (batch)
    {
      contender = "GB";
      batch_values = g_malloc (1000 * args.size);
      batch_lengths = g_new (gint32, 1000);
      for (int i = 0; i < 1000; i++)
        {
          bench_fill_payload (batch_values + i * args.size, args.size);
          batch_lengths[i] = args.size;
        }
      g_signal_connect (producer, "delivery-batch", G_CALLBACK (on_delivery_batch), NULL);
    }
  else
    g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery), NULL);
  bench_mark (&start);
  produce_idle = g_idle_add (batch ? produce_batch_chunk : produce_chunk, NULL);
  g_main_loop_run (loop);
  bench_mark (&end);
  g_snprintf (extra, sizeof extra, ", \"errors\": %ld", delivery_errors);
  bench_report (contender, &args, delivered - delivery_errors, (delivered - delivery_errors) * args.size,
                &start, &end, extra);
  g_object_unref (producer);
  g_free (batch_values);
  g_free (batch_lengths);
  return delivery_errors ? 1 : 0;
}

/* ---------------------------------------------------------------- consume */

static void
on_message (KafkaConsumer *c, KafkaMessage *m, gpointer data)
{
  gsize len;

  if (kafka_message_get_error (m) != NULL)
    return;
  kafka_message_get_value (m, &len);
  received++;
  received_bytes += len;
  if (received == args.count)
    g_main_loop_quit (loop);
}

/* GB: columns of a batch; the values buffer is read whole (it is a copy). */
static void
count_batch (KafkaMessageBatch *batch)
{
  guint n = kafka_message_batch_get_length (batch), n_codes = 0, n_lengths = 0;
  g_autofree gint *codes = kafka_message_batch_get_error_codes (batch, &n_codes);
  g_autofree gint32 *lengths = NULL;
  gsize data_len = 0;
  g_autofree guint8 *values = kafka_message_batch_get_values (batch, &data_len, &lengths, &n_lengths);

  for (guint i = 0; i < n; i++)
    if (codes[i] == 0)
      {
        received++;
        received_bytes += MAX (lengths[i], 0);
      }
}

static void
on_message_batch (KafkaConsumer *c, KafkaMessageBatch *batch, gpointer data)
{
  count_batch (batch);
  if (received >= args.count)
    g_main_loop_quit (loop);
}

static int
do_consume (void)
{
  BenchMark start, end;
  gboolean list = g_strcmp0 (args.variant, "list") == 0;
  gboolean batch_list = g_strcmp0 (args.variant, "batch") == 0;
  gboolean batch_signal = g_strcmp0 (args.variant, "batch-signal") == 0;

  if (batch_list || batch_signal)
    contender = "GB";
  else if (!list)
    args.variant = "signal";
  consumer = new_consumer ("consume");
  if (batch_signal)
    {
      kafka_consumer_set_emit_messages (consumer, TRUE);
      g_signal_connect (consumer, "message-batch", G_CALLBACK (on_message_batch), NULL);
    }
  else if (!list && !batch_list)
    {
      kafka_consumer_set_emit_messages (consumer, TRUE);
      g_signal_connect (consumer, "message", G_CALLBACK (on_message), NULL);
    }
  bench_mark (&start);
  assign_beginning ();
  if (batch_list)
    {
      while (received < args.count)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(KafkaMessageBatch) batch =
            kafka_consumer_consume_batch (consumer, MIN (1000, args.count - received), 1000, &error);
          if (batch == NULL)
            bench_die ("consume_batch: %s", error->message);
          count_batch (batch);
        }
    }
  else if (list)
    {
      while (received < args.count)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) batch =
            kafka_consumer_consume (consumer, MIN (1000, args.count - received), 1000, &error);
          if (batch == NULL)
            bench_die ("consume: %s", error->message);
          for (guint i = 0; i < batch->len; i++)
            {
              KafkaMessage *m = batch->pdata[i];
              gsize len;
              if (kafka_message_get_error (m) != NULL)
                continue;
              kafka_message_get_value (m, &len);
              received++;
              received_bytes += len;
            }
        }
    }
  else
    g_main_loop_run (loop);
  bench_mark (&end);
  bench_report (contender, &args, received, received_bytes, &start, &end, "");
  kafka_consumer_close (consumer, NULL);
  g_object_unref (consumer);
  return 0;
}

/* ---------------------------------------------------------------- latency */

static gint64 t0;
static gint64 *lat;
static long nlat, warmup;

static gboolean
latency_tick (gpointer data)
{
  long due = (long) ((bench_now_us () - t0) * args.rate / 1000000) + 1;

  if (due > args.count)
    due = args.count;
  for (; sent < due; sent++)
    {
      bench_stamp_payload (payload, bench_now_us ());
      while (!produce_one ())
        kafka_producer_poll (producer, 100);
    }
  return sent < args.count ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_latency_delivery (KafkaProducer *p, KafkaMessage *m, gpointer data)
{
  delivered++;
}

static void
on_latency_message (KafkaConsumer *c, KafkaMessage *m, gpointer data)
{
  const guint8 *v;
  gsize len;

  if (kafka_message_get_error (m) != NULL)
    return;
  v = kafka_message_get_value (m, &len);
  if (received >= warmup)
    lat[nlat++] = bench_now_us () - bench_read_stamp (v, len);
  received++;
  if (received == args.count)
    g_main_loop_quit (loop);
}

static int
do_latency (void)
{
  BenchMark start, end;
  char extra[256];

  producer = new_producer ();
  consumer = new_consumer ("latency");
  warmup = bench_latency_warmup (args.count, args.rate);
  lat = g_new0 (gint64, args.count);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_latency_delivery), NULL);
  kafka_consumer_set_emit_messages (consumer, TRUE);
  g_signal_connect (consumer, "message", G_CALLBACK (on_latency_message), NULL);
  assign_beginning ();
  bench_mark (&start);
  t0 = start.wall_us;
  g_timeout_add (1, latency_tick, NULL);
  g_main_loop_run (loop);
  bench_mark (&end);
  bench_latency_extra (lat, nlat, extra, sizeof extra);
  bench_report (contender, &args, received, received * args.size, &start, &end, extra);
  kafka_producer_flush (producer, 10000, NULL);
  kafka_consumer_close (consumer, NULL);
  g_object_unref (consumer);
  g_object_unref (producer);
  g_free (lat);
  return 0;
}

/* ------------------------------------------------------------------- idle */

static GPollFunc default_poll;
static long poll_returns;
static gint64 idle_end_us;

/* Counts the polls that slept and returned before the end-of-run timer
 * (GLib may wake a millisecond early for that timer and poll again). */
static int
counting_poll (GPollFD *ufds, guint nfds, int timeout)
{
  int r = default_poll (ufds, nfds, timeout);
  if (timeout != 0 && g_get_monotonic_time () < idle_end_us - 2000)
    poll_returns++;
  return r;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
on_assigned (KafkaConsumer *c, GPtrArray *parts, gpointer data)
{
  if (parts->len > 0)
    g_main_loop_quit (loop);
}

static int
do_idle (gboolean is_consumer)
{
  BenchMark start, end;
  char extra[256];
  guint limit;
  long returns;

  if (is_consumer)
    {
      const char *topics[] = { args.topic, NULL };
      g_autoptr(GError) error = NULL;
      gulong id;

      consumer = new_consumer ("idle");
      kafka_consumer_set_emit_messages (consumer, TRUE);
      id = g_signal_connect (consumer, "partitions-assigned", G_CALLBACK (on_assigned), NULL);
      if (!kafka_consumer_subscribe (consumer, topics, &error))
        bench_die ("subscribe: %s", error->message);
      limit = g_timeout_add_seconds (60, quit_loop, NULL);
      g_main_loop_run (loop);                     /* until in the group */
      g_source_remove (limit);
      g_signal_handler_disconnect (consumer, id);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      producer = new_producer ();
      g_signal_connect (producer, "delivery", G_CALLBACK (on_latency_delivery), NULL);
      /* connected: one message delivered */
      bench_fill_payload (payload, args.size);
      args.count = 1;
      if (args.topic != NULL)
        {
          produce_one ();
          if (!kafka_producer_flush (producer, 30000, &error))
            bench_die ("flush: %s", error->message);
        }
    }
  /* let the start-up settle, then count */
  g_timeout_add (200, quit_loop, NULL);
  g_main_loop_run (loop);
  /* g_main_loop_quit() signalled the context's wake-up fd: consume that */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, counting_poll);
  g_timeout_add ((guint) (args.seconds * 1000), quit_loop, NULL);
  bench_mark (&start);
  idle_end_us = start.wall_us + (gint64) (args.seconds * 1e6);
  g_main_loop_run (loop);
  bench_mark (&end);
  returns = poll_returns;
  g_main_context_set_poll_func (NULL, default_poll);
  g_snprintf (extra, sizeof extra,
              ", \"wakeups\": %ld, \"wakeup_method\": \"g_main_context_set_poll_func returns\", "
              "\"ctxt_switches\": %ld",
              returns, end.ctxt - start.ctxt - 1);
  bench_report (contender, &args, 0, 0, &start, &end, extra);
  if (consumer)
    {
      kafka_consumer_close (consumer, NULL);
      g_object_unref (consumer);
    }
  g_clear_object (&producer);
  return 0;
}

/* Created topics: wait until the cluster's metadata shows every partition
 * with a leader, so that no contender's first produce waits for it. */
static void
wait_for_leaders (KafkaAdminClient *admin,
                  const char       *topic,
                  int               partitions)
{
  gint64 limit = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (KAFKA_CLIENT (admin), topic,
                                                                      5000, NULL);
      KafkaTopicMetadata *tm = md ? kafka_cluster_metadata_get_topic (md, topic) : NULL;
      gboolean ready = tm != NULL && kafka_topic_metadata_get_error (tm) == NULL &&
                       kafka_topic_metadata_get_partitions (tm)->len == (guint) partitions;

      for (int p = 0; ready && p < partitions; p++)
        ready = kafka_partition_metadata_get_leader (kafka_topic_metadata_get_partition (tm, p)) >= 0;
      if (ready)
        return;
      if (g_get_monotonic_time () > limit)
        bench_die ("topic %s has no leader after 30 s", topic);
      g_usleep (50000);
    }
}

static int
do_admin (gboolean create)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(KafkaAdminClient) admin = NULL;
  g_auto(GStrv) items = g_strsplit (args.topic, ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partitions = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  int failed = 0;

  admin = kafka_admin_client_new (config, &error);
  if (admin == NULL)
    bench_die ("%s", error->message);
  for (int i = 0; items[i] != NULL; i++)
    {
      char *colon = strchr (items[i], ':');

      g_ptr_array_add (partitions, GINT_TO_POINTER (colon ? atoi (colon + 1) : 1));
      g_ptr_array_add (names, colon ? g_strndup (items[i], colon - items[i]) : g_strdup (items[i]));
    }

  if (create)
    {
      g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (topics, kafka_new_topic_new (g_ptr_array_index (names, i),
                                                      GPOINTER_TO_INT (g_ptr_array_index (partitions, i)),
                                                      1));
      results = kafka_admin_client_create_topics (admin, topics, NULL, 60000, &error);
    }
  else
    {
      g_ptr_array_add (names, NULL);
      results = kafka_admin_client_delete_topics (admin, (const char * const *) names->pdata, NULL,
                                                  60000, &error);
      g_ptr_array_remove_index (names, names->len - 1);
    }
  if (results == NULL)
    bench_die ("admin: %s", error->message);
  for (guint i = 0; i < results->len; i++)
    {
      const GError *e = kafka_admin_result_get_error (g_ptr_array_index (results, i));

      if (e != NULL)
        {
          fprintf (stderr, "bench-glib: %s\n", e->message);
          failed = 1;
        }
    }
  for (guint i = 0; create && !failed && i < names->len; i++)
    wait_for_leaders (admin, g_ptr_array_index (names, i),
                      GPOINTER_TO_INT (g_ptr_array_index (partitions, i)));
  return failed;
}

int
main (int argc, char **argv)
{
  int ret;

  bench_parse_args (&args, argc, argv);
  if (args.topic == NULL && strcmp (args.mode, "idle-producer") != 0)
    bench_die ("%s", "--topic is required");
  loop = g_main_loop_new (NULL, FALSE);
  payload = g_malloc (args.size);
  bench_fill_payload (payload, args.size);
  if (!strcmp (args.mode, "produce")) ret = do_produce ();
  else if (!strcmp (args.mode, "consume")) ret = do_consume ();
  else if (!strcmp (args.mode, "latency")) ret = do_latency ();
  else if (!strcmp (args.mode, "idle-producer")) ret = do_idle (FALSE);
  else if (!strcmp (args.mode, "idle-consumer")) ret = do_idle (TRUE);
  else if (!strcmp (args.mode, "create-topics")) ret = do_admin (TRUE);
  else if (!strcmp (args.mode, "delete-topics")) ret = do_admin (FALSE);
  else
    bench_die ("unknown mode %s", args.mode);
  g_free (payload);
  g_main_loop_unref (loop);
  return ret;
}
