/* KafkaConsumer against the real Apache Kafka broker that tests/run-tests.sh
 * starts (KAFKA_BOOTSTRAP_SERVERS).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

/* ------------------------------------------------------------------------ */
/* Helpers */

/* Idempotent: the tests read offsets and order within a partition back, and
 * without idempotence a batch that gets a retriable error (a topic just
 * created, leaders settling) may land after a later one, or twice. */
static KafkaProducer *
new_producer (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "linger.ms", "5",
                                            "enable.idempotence", "true", NULL);
  g_autoptr(GError) error = NULL;
  KafkaProducer *producer = kafka_producer_new (config, &error);

  g_assert_no_error (error);
  return producer;
}

static KafkaConsumer *
new_consumer (const char *group,
              const char *first_key,
              ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "group.id", group,
                                            "auto.offset.reset", "earliest",
                                            "enable.auto.commit", "false",
                                            "session.timeout.ms", "6000",
                                            "heartbeat.interval.ms", "500",
                                            NULL);
  g_autoptr(GError) error = NULL;
  KafkaConsumer *consumer;
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);

  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  return consumer;
}

/* Produces @n messages "key-I" / "value-I" (partition I % @n_partitions, or
 * the partitioner's choice if @n_partitions is 0) with a header and a
 * timestamp, and waits for them all. */
static void
produce_numbered (const char *topic,
                  guint       n,
                  gint32      n_partitions,
                  gint64      ts_base)
{
  g_autoptr(KafkaProducer) producer = new_producer ();
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GError) error = NULL;

  kafka_headers_add (headers, "h", (const guint8 *) "v", 1);
  kafka_headers_add (headers, "null", NULL, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);
      g_autofree char *value = g_strdup_printf ("value-%u", i);

      g_assert_true (kafka_producer_produce (producer, topic,
                                             n_partitions ? (gint32) (i % n_partitions) : KAFKA_PARTITION_UA,
                                             (const guint8 *) key, strlen (key),
                                             (const guint8 *) value, strlen (value),
                                             headers, ts_base ? ts_base + i : 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (kafka_producer_flush (producer, 60000, &error));
  g_assert_no_error (error);
}

static guint
message_index (KafkaMessage *m)
{
  gsize len;
  const guint8 *key = kafka_message_get_key (m, &len);
  g_autofree char *k = g_strndup ((const char *) key, len);

  g_assert_true (g_str_has_prefix (k, "key-"));
  return (guint) g_ascii_strtoull (k + 4, NULL, 10);
}

/* Consumes until @n messages came, with consume() batches; fails on error
 * messages or after @timeout_ms. */
static GPtrArray *
consume_n (KafkaConsumer *consumer,
           guint          n,
           guint          timeout_ms)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (all->len < n && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 100, 200, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < batch->len; i++)
        {
          KafkaMessage *m = g_ptr_array_index (batch, i);

          g_assert_no_error ((GError *) kafka_message_get_error (m));
          g_ptr_array_add (all, g_object_ref (m));
        }
    }
  if (all->len < n)
    g_error ("consumed %u of %u messages in %u ms", all->len, n, timeout_ms);
  return all;
}

static GPtrArray *
partitions_of (const char *topic,
               gint32      first,
               ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  gint32 p = first;
  va_list args;

  va_start (args, first);
  while (p >= 0)
    {
      g_ptr_array_add (array, kafka_topic_partition_new (topic, p, KAFKA_OFFSET_INVALID));
      p = va_arg (args, gint32);
    }
  va_end (args);
  return array;
}

/* ------------------------------------------------------------------------ */

/* Produce with kafka-glib, consume with a group consumer: every field equal,
 * order kept per partition. */
static void
test_round_trip (void)
{
  g_autofree char *topic = kt_unique_topic ("c-roundtrip");
  g_autofree char *group = kt_unique_topic ("g");
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  const char *topics[] = { topic, NULL };
  const guint n = 400;
  const gint64 ts_base = 1710000000000;
  gboolean seen[400] = { FALSE };
  gint64 last[4] = { -1, -1, -1, -1 };

  produce_numbered (topic, n, 4, ts_base);

  consumer = new_consumer (group, NULL);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  g_assert_no_error (error);
  messages = consume_n (consumer, n, 60000);
  g_assert_cmpuint (messages->len, ==, n);

  for (guint j = 0; j < messages->len; j++)
    {
      KafkaMessage *m = g_ptr_array_index (messages, j);
      guint i = message_index (m);
      g_autofree char *expected = g_strdup_printf ("value-%u", i);
      gint32 p = kafka_message_get_partition (m);
      KafkaHeaders *h = kafka_message_get_headers (m);
      gsize len;
      gboolean found;

      g_assert_false (seen[i]);
      seen[i] = TRUE;
      g_assert_cmpstr (kafka_message_get_topic (m), ==, topic);
      g_assert_cmpint (p, ==, (gint32) (i % 4));
      g_assert_cmpint (kafka_message_get_offset (m), >, last[p]);
      last[p] = kafka_message_get_offset (m);
      g_assert_cmpint (kafka_message_get_offset (m), ==, i / 4);
      g_assert_cmpmem (kafka_message_get_value (m, &len), len, expected, strlen (expected));
      g_assert_cmpint (kafka_message_get_timestamp (m), ==, ts_base + i);
      g_assert_cmpint (kafka_message_get_timestamp_type (m), ==, KAFKA_TIMESTAMP_CREATE_TIME);
      g_assert_nonnull (h);
      g_assert_cmpuint (kafka_headers_get_length (h), ==, 2);
      g_assert_cmpmem (kafka_headers_get_last (h, "h", &found, &len), len, "v", 1);
      g_assert_null (kafka_headers_get_last (h, "null", &found, &len));
      g_assert_true (found);
    }

  {
    g_auto(GStrv) sub = kafka_consumer_get_subscription (consumer, &error);
    g_assert_no_error (error);
    g_assert_cmpstrv (sub, topics);
  }
  {
    g_autofree char *member = kafka_consumer_get_member_id (consumer);
    g_assert_nonnull (member);
  }
  g_assert_cmpstr (kafka_consumer_get_rebalance_protocol (consumer), ==, "EAGER");
  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------ */
/* Two consumers in one group, on the main loop */

typedef struct {
  const char *name;
  GString    *log;        /* "A+0,1 A-0,1 …": the order of rebalance signals */
  GHashTable *owned;      /* partition numbers owned */
  guint       messages;
  GHashTable *seen;       /* message indexes read, shared by the members */
} Member;

static void
log_partitions (Member     *m,
                char        sign,
                GPtrArray  *partitions)
{
  g_string_append_printf (m->log, "%s%c", m->name, sign);
  for (guint i = 0; i < partitions->len; i++)
    {
      gint32 p = kafka_topic_partition_get_partition (g_ptr_array_index (partitions, i));

      g_string_append_printf (m->log, "%d,", (int) p);
      if (sign == '+')
        g_hash_table_add (m->owned, GINT_TO_POINTER (p));
      else
        g_hash_table_remove (m->owned, GINT_TO_POINTER (p));
    }
  g_string_append_c (m->log, ' ');
}

static void
on_assigned (KafkaConsumer *consumer,
             GPtrArray     *partitions,
             Member        *m)
{
  log_partitions (m, '+', partitions);
}

static void
on_revoked (KafkaConsumer *consumer,
            GPtrArray     *partitions,
            Member        *m)
{
  log_partitions (m, '-', partitions);
}

static void
on_message_count (KafkaConsumer *consumer,
                  KafkaMessage  *message,
                  Member        *m)
{
  g_assert_no_error ((GError *) kafka_message_get_error (message));
  m->messages++;
  g_hash_table_add (m->seen, GUINT_TO_POINTER (message_index (message) + 1));
}

static gboolean
group_split (gpointer data)
{
  Member *m = data;

  return g_hash_table_size (m[0].owned) > 0 && g_hash_table_size (m[1].owned) > 0 &&
         g_hash_table_size (m[0].owned) + g_hash_table_size (m[1].owned) == 4;
}

static void
run_until (GSourceFunc predicate,
           gpointer    data,
           guint       timeout_ms,
           const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!predicate (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  if (!predicate (data))
    g_error ("timed out after %u ms waiting for %s", timeout_ms, what);
}

static gboolean
owns_all (gpointer data)
{
  return g_hash_table_size (((Member *) data)->owned) == 4;
}

/* Each of the 40 read by one member or the other: the partitions B had
 * start again from the beginning for A (nothing was committed), so a sum of
 * the two counts would count those twice. */
static gboolean
got_all_messages (gpointer data)
{
  Member *m = data;

  return g_hash_table_size (m[0].seen) == 40;
}

static void
test_group_split_and_takeover (gconstpointer data)
{
  const char *strategy = data;
  g_autofree char *topic = kt_unique_topic ("c-group");
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { topic, NULL };
  g_autoptr(GError) error = NULL;
  KafkaConsumer *consumers[2];
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  Member m[2] = {
    { "A", g_string_new (NULL), g_hash_table_new (NULL, NULL), 0, seen },
    { "B", g_string_new (NULL), g_hash_table_new (NULL, NULL), 0, seen },
  };

  produce_numbered (topic, 40, 4, 0);

  for (int i = 0; i < 2; i++)
    {
      consumers[i] = new_consumer (group, "partition.assignment.strategy", strategy, NULL);
      kafka_consumer_set_emit_messages (consumers[i], TRUE);
      g_signal_connect (consumers[i], "partitions-assigned", G_CALLBACK (on_assigned), &m[i]);
      g_signal_connect (consumers[i], "partitions-revoked", G_CALLBACK (on_revoked), &m[i]);
      g_signal_connect (consumers[i], "message", G_CALLBACK (on_message_count), &m[i]);
      g_assert_true (kafka_consumer_subscribe (consumers[i], topics, &error));
      g_assert_no_error (error);
    }

  run_until (group_split, m, 60000, "the group to split the partitions");
  g_test_message ("after join: %s| %s", m[0].log->str, m[1].log->str);
  {
    g_autoptr(GPtrArray) a = kafka_consumer_get_assignment (consumers[0], &error);
    g_autoptr(GPtrArray) b = kafka_consumer_get_assignment (consumers[1], &error);

    g_assert_cmpuint (a->len + b->len, ==, 4);
    g_assert_cmpuint (a->len, ==, g_hash_table_size (m[0].owned));
  }

  /* B leaves: A gets everything; B's revoke came before A's final assign */
  g_string_truncate (m[0].log, 0);
  kafka_consumer_close (consumers[1], &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (m[1].log->str, "B-"));
  g_assert_cmpuint (g_hash_table_size (m[1].owned), ==, 0);

  run_until (owns_all, &m[0], 60000, "the remaining consumer to take every partition");
  g_test_message ("after leave: %s", m[0].log->str);
  if (g_str_equal (strategy, "range"))
    {
      /* eager: revoke everything, then assign everything */
      g_assert_true (g_str_has_prefix (m[0].log->str, "A-"));
      g_assert_nonnull (strstr (m[0].log->str, " A+"));
    }
  else
    {
      /* cooperative: nothing revoked, the missing partitions added */
      g_assert_null (strstr (m[0].log->str, "A-"));
      g_assert_true (g_str_has_prefix (m[0].log->str, "A+"));
      g_assert_cmpstr (kafka_consumer_get_rebalance_protocol (consumers[0]), ==, "COOPERATIVE");
    }

  /* every message went to one of them */
  run_until (got_all_messages, m, 60000, "every message");

  for (int i = 0; i < 2; i++)
    {
      g_object_unref (consumers[i]);
      g_string_free (m[i].log, TRUE);
      g_hash_table_unref (m[i].owned);
    }
}

/* ------------------------------------------------------------------------ */

/* A consumer restarted after a synchronous commit resumes exactly after the
 * committed offset: no gap, no repeat. */
static void
test_commit_and_resume (void)
{
  g_autofree char *topic = kt_unique_topic ("c-commit");
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { topic, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) committed = NULL;
  gint64 last_offset = -1;

  produce_numbered (topic, 100, 1, 0);

  {
    g_autoptr(KafkaConsumer) consumer = new_consumer (group, NULL);
    g_autoptr(KafkaMessage) last = NULL;
    guint got = 0;

    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
    while (got < 37)
      {
        g_autoptr(KafkaMessage) m = kafka_consumer_poll (consumer, 1000, &error);

        g_assert_no_error (error);
        if (g_get_monotonic_time () > deadline)
          g_error ("polled %u of 37 messages in 60 s", got);
        if (m == NULL)
          continue;
        g_assert_no_error ((GError *) kafka_message_get_error (m));
        g_assert_cmpint (kafka_message_get_offset (m), ==, got);
        got++;
        g_set_object (&last, m);
      }
    last_offset = kafka_message_get_offset (last);
    committed = kafka_consumer_commit_message (consumer, last, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (committed->len, ==, 1);
    g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (committed, 0)), ==, last_offset + 1);
    g_assert_null (kafka_topic_partition_get_error (g_ptr_array_index (committed, 0)));

    {
      g_autoptr(GPtrArray) ask = partitions_of (topic, 0, -1);
      g_autoptr(GPtrArray) stored = kafka_consumer_committed (consumer, ask, 30000, &error);

      g_assert_no_error (error);
      g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (stored, 0)), ==, 37);
    }
    g_assert_true (kafka_consumer_close (consumer, &error));
  }

  {
    g_autoptr(KafkaConsumer) consumer = new_consumer (group, NULL);
    g_autoptr(GPtrArray) rest = NULL;

    g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
    rest = consume_n (consumer, 63, 60000);
    for (guint i = 0; i < rest->len; i++)
      g_assert_cmpint (kafka_message_get_offset (g_ptr_array_index (rest, i)), ==, 37 + i);
    /* nothing more */
    {
      g_autoptr(KafkaMessage) extra = kafka_consumer_poll (consumer, 1000, &error);
      g_assert_null (extra);
    }
    /* commit of the current positions */
    {
      g_autoptr(GPtrArray) done = kafka_consumer_commit (consumer, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (done, 0)), ==, 100);
    }
  }
}

/* seek, pause/resume, watermarks, offsets_for_times: the broker's values. */
static void
test_seek_pause_watermarks_times (void)
{
  g_autofree char *topic = kt_unique_topic ("c-seek");
  g_autofree char *group = kt_unique_topic ("g");
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) assignment = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 ts_base = 1720000000000;
  gint64 low = -5, high = -5;

  produce_numbered (topic, 100, 1, ts_base);

  consumer = new_consumer (group, NULL);
  assignment = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (assignment, kafka_topic_partition_new (topic, 0, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, assignment, &error));
  g_assert_no_error (error);

  first = consume_n (consumer, 20, 60000);
  g_assert_cmpint (kafka_message_get_offset (g_ptr_array_index (first, 0)), ==, 0);

  /* watermarks, asked and cached */
  g_assert_true (kafka_client_get_watermark_offsets (KAFKA_CLIENT (consumer), topic, 0, FALSE,
                                                     10000, &low, &high, &error));
  g_assert_no_error (error);
  g_assert_cmpint (low, ==, 0);
  g_assert_cmpint (high, ==, 100);
  g_assert_true (kafka_client_get_watermark_offsets (KAFKA_CLIENT (consumer), topic, 0, TRUE,
                                                     0, &low, &high, &error));
  g_assert_cmpint (high, ==, 100);

  /* seek back to 10: the next message is offset 10 */
  {
    g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new (topic, 0, 10);
    g_autoptr(KafkaMessage) after = NULL;

    g_assert_true (kafka_consumer_seek (consumer, tp, 5000, &error));
    g_assert_no_error (error);
    after = kafka_consumer_poll (consumer, 30000, &error);
    g_assert_no_error (error);
    g_assert_nonnull (after);
    g_assert_cmpint (kafka_message_get_offset (after), ==, 10);
  }

  /* position: after the last returned */
  {
    g_autoptr(GPtrArray) ask = partitions_of (topic, 0, -1);
    g_autoptr(GPtrArray) pos = kafka_consumer_position (consumer, ask, &error);

    g_assert_no_error (error);
    g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (pos, 0)), ==, 11);
  }

  /* pause: nothing comes; resume: it comes again */
  {
    g_autoptr(GPtrArray) parts = partitions_of (topic, 0, -1);
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(GPtrArray) more = NULL;
    g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new (topic, 0, 50);

    g_assert_true (kafka_consumer_pause (consumer, parts, &error));
    g_assert_no_error (error);
    none = kafka_consumer_consume (consumer, 10, 1500, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_true (kafka_consumer_resume (consumer, parts, &error));
    g_assert_no_error (error);
    g_assert_true (kafka_consumer_seek (consumer, tp, 5000, &error));
    g_assert_no_error (error);
    more = consume_n (consumer, 1, 30000);
    g_assert_cmpint (kafka_message_get_offset (g_ptr_array_index (more, 0)), ==, 50);
  }

  /* offsets for times: the first message at or after the timestamp */
  {
    g_autoptr(GPtrArray) ask = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) found = NULL;

    g_ptr_array_add (ask, kafka_topic_partition_new (topic, 0, ts_base + 42));
    found = kafka_consumer_offsets_for_times (consumer, ask, 10000, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (found, 0)), ==, 42);
    kafka_topic_partition_set_offset (g_ptr_array_index (ask, 0), ts_base + 1000000);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = kafka_consumer_offsets_for_times (consumer, ask, 10000, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (found, 0)), ==, KAFKA_OFFSET_END);
  }
}

/* Message-signal mode: messages come as signals while the main loop runs
 * and nothing polls; an idle consumer outlives max.poll.interval.ms. */
typedef struct {
  guint   assigned, revoked, lost, messages;
} Counts;

static void count_assigned (KafkaConsumer *c, GPtrArray *p, Counts *n) { n->assigned++; }
static void count_revoked (KafkaConsumer *c, GPtrArray *p, Counts *n) { n->revoked++; }
static void count_lost (KafkaConsumer *c, GPtrArray *p, Counts *n) { n->lost++; }
static void count_message (KafkaConsumer *c, KafkaMessage *m, Counts *n)
{
  g_assert_no_error ((GError *) kafka_message_get_error (m));
  n->messages++;
}

static void
test_main_loop_mode (void)
{
  g_autofree char *topic = kt_unique_topic ("c-mainloop");
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { topic, NULL };
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  g_autofree char *member_after = NULL;
  Counts n = { 0 };
  gint64 idle_until;

  produce_numbered (topic, 30, 2, 0);

  /* the broker refuses a session below group.min.session.timeout.ms (6 s),
   * and librdkafka a poll interval below the session timeout */
  consumer = new_consumer (group, "max.poll.interval.ms", "6000", NULL);
  g_object_set (consumer, "emit-messages", TRUE, NULL);
  g_assert_true (kafka_consumer_get_emit_messages (consumer));
  g_signal_connect (consumer, "partitions-assigned", G_CALLBACK (count_assigned), &n);
  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (count_revoked), &n);
  g_signal_connect (consumer, "partitions-lost", G_CALLBACK (count_lost), &n);
  g_signal_connect (consumer, "message", G_CALLBACK (count_message), &n);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));

  kt_wait_for_count (NULL, &n.messages, 30, 60000, "messages as signals");
  g_assert_cmpuint (n.assigned, ==, 1);
  member = kafka_consumer_get_member_id (consumer);
  g_assert_nonnull (member);

  /* idle for 1.5 max.poll.interval.ms with the loop running */
  idle_until = g_get_monotonic_time () + 9 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < idle_until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  g_assert_cmpuint (n.revoked, ==, 0);
  g_assert_cmpuint (n.lost, ==, 0);
  g_assert_cmpuint (n.assigned, ==, 1);
  member_after = kafka_consumer_get_member_id (consumer);
  g_assert_cmpstr (member, ==, member_after);

  /* and still receives */
  produce_numbered (topic, 5, 2, 0);
  kt_wait_for_count (NULL, &n.messages, 35, 30000, "messages after the idle time");
}

/* A rebalance handler that assigns by itself, from the beginning: the
 * consumer does not assign again on top of it. */
static void
on_assigned_take_over (KafkaConsumer *consumer,
                       GPtrArray     *partitions,
                       guint         *handled)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < partitions->len; i++)
    kafka_topic_partition_set_offset (g_ptr_array_index (partitions, i), 5);
  g_assert_true (kafka_consumer_assign (consumer, partitions, &error));
  g_assert_no_error (error);
  (*handled)++;
}

static void
test_rebalance_handler_takes_over (void)
{
  g_autofree char *topic = kt_unique_topic ("c-takeover");
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { topic, NULL };
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;
  guint handled = 0;

  produce_numbered (topic, 20, 1, 0);
  consumer = new_consumer (group, NULL);
  g_signal_connect (consumer, "partitions-assigned", G_CALLBACK (on_assigned_take_over), &handled);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  got = consume_n (consumer, 15, 60000);
  g_assert_cmpuint (handled, ==, 1);
  /* started where the handler said */
  g_assert_cmpint (kafka_message_get_offset (g_ptr_array_index (got, 0)), ==, 5);
  g_assert_cmpint (kafka_message_get_offset (g_ptr_array_index (got, 14)), ==, 19);
}

/* Bad input: each a clear error, no crash. */
static void
test_bad_input (void)
{
  g_autofree char *topic = kt_unique_topic ("c-bad");
  g_autofree char *group = kt_unique_topic ("g");
  g_autoptr(KafkaConsumer) consumer = new_consumer (group, NULL);
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "no spaces allowed", NULL };
  const char *empty[] = { NULL };

  g_assert_false (kafka_consumer_subscribe (consumer, bad, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "no spaces allowed"));
  g_clear_error (&error);
  g_assert_false (kafka_consumer_subscribe (consumer, empty, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_clear_error (&error);

  /* nothing consumed: nothing to commit */
  g_assert_null (kafka_consumer_commit (consumer, NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_NO_OFFSET);
  g_clear_error (&error);

  /* seek in a partition that is not assigned */
  {
    g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new (topic, 0, 3);

    g_assert_false (kafka_consumer_seek (consumer, tp, 1000, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == KAFKA_ERROR);
    g_test_message ("seek on an unassigned partition: %s", error->message);
    g_clear_error (&error);
  }

  /* a consumer without group.id */
  {
    g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (), NULL);
    g_autoptr(KafkaConsumer) nogroup = kafka_consumer_new (config, &error);

    g_assert_null (nogroup);
    g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
    g_assert_nonnull (strstr (error->message, "group.id"));
    g_clear_error (&error);
  }

  /* after close, every call says so */
  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_consumer_is_closed (consumer));
  g_assert_null (kafka_consumer_poll (consumer, 0, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);
  g_assert_null (kafka_consumer_consume (consumer, 10, 0, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (kafka_consumer_close (consumer, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
}

/* The background commit's result comes with the commit signal. */
typedef struct {
  gint64   offset;     /* partition 0's */
  gboolean done;
} BackgroundCommit;

static void
on_commit (KafkaConsumer    *consumer,
           const GError     *error,
           GPtrArray        *partitions,
           BackgroundCommit *committed)
{
  g_assert_no_error ((GError *) error);
  g_assert_cmpuint (partitions->len, >=, 1);
  for (guint i = 0; i < partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);

      g_assert_null (kafka_topic_partition_get_error (tp));
      if (kafka_topic_partition_get_partition (tp) == 0)
        committed->offset = kafka_topic_partition_get_offset (tp);
    }
  committed->done = TRUE;
}

static void
test_commit_in_background (void)
{
  g_autofree char *topic = kt_unique_topic ("c-bgcommit");
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { topic, NULL };
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;
  BackgroundCommit committed = { -1, FALSE };

  produce_numbered (topic, 10, 1, 0);
  consumer = new_consumer (group, "enable.auto.offset.store", "false", NULL);
  g_signal_connect (consumer, "commit", G_CALLBACK (on_commit), &committed);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  got = consume_n (consumer, 10, 60000);

  /* store only up to the 4th message, then commit what is stored */
  g_assert_true (kafka_consumer_store_message_offset (consumer, g_ptr_array_index (got, 3), &error));
  g_assert_no_error (error);
  g_assert_true (kafka_consumer_commit_in_background (consumer, NULL, &error));
  g_assert_no_error (error);
  kt_wait_for_flag (NULL, &committed.done, 30000, "the commit signal");
  g_assert_cmpint (committed.offset, ==, 4);
}

/* A consumed message may outlive its consumer: disposing of the consumer
 * does not wait for it (librdkafka's handle goes with the last message).
 * Waiting for it would never end; leaving the group takes at most 10 s
 * (the library's bound), a generous margin above that tells the two apart
 * on any machine. */
static void
test_message_outlives_consumer (void)
{
  g_autofree char *topic = kt_unique_topic ("c-outlive");
  g_autofree char *group = kt_unique_topic ("g");
  const char *topics[] = { topic, NULL };
  KafkaConsumer *consumer;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gsize len;

  produce_numbered (topic, 3, 1, 0);
  consumer = new_consumer (group, NULL);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  got = consume_n (consumer, 3, 60000);

  start = g_get_monotonic_time ();
  g_object_unref (consumer);
  g_test_message ("unref took %.2f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  /* the zero-copy value is still readable */
  g_assert_cmpmem (kafka_message_get_value (g_ptr_array_index (got, 2), &len), len, "value-2", 7);
  g_clear_pointer (&got, g_ptr_array_unref);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  kt_broker_bootstrap ();

  g_test_add_func ("/consumer/broker/round-trip", test_round_trip);
  g_test_add_data_func ("/consumer/broker/group/eager", "range", test_group_split_and_takeover);
  g_test_add_data_func ("/consumer/broker/group/cooperative-sticky", "cooperative-sticky",
                        test_group_split_and_takeover);
  g_test_add_func ("/consumer/broker/commit-and-resume", test_commit_and_resume);
  g_test_add_func ("/consumer/broker/seek-pause-watermarks-times", test_seek_pause_watermarks_times);
  g_test_add_func ("/consumer/broker/main-loop-mode", test_main_loop_mode);
  g_test_add_func ("/consumer/broker/rebalance-handler-takes-over", test_rebalance_handler_takes_over);
  g_test_add_func ("/consumer/broker/commit-in-background", test_commit_in_background);
  g_test_add_func ("/consumer/broker/bad-input", test_bad_input);
  g_test_add_func ("/consumer/broker/message-outlives-consumer", test_message_outlives_consumer);

  return g_test_run ();
}
