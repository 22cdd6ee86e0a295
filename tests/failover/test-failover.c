/* Failover against a real 3-node KRaft cluster: a node is killed with
 * SIGKILL while kafka-glib produces or consumes, and restarted later.
 *
 *  /failover/idempotent-producer: an idempotent producer (acks=all) sends
 *    numbered messages to a topic with replication factor 3 and
 *    min.insync.replicas 2 while the leader of a partition is killed: every
 *    message gets exactly one delivery signal, and a consumer then reads every
 *    number exactly once, in order within its partition, at the offset its
 *    delivery report gave.
 *  /failover/group-consumer: a group consumer that commits synchronously after
 *    each batch while the group coordinator's node is killed and restarted,
 *    then "crashes" (is dropped without committing its last batch); a new
 *    consumer of the group resumes from the committed offsets: no offset is
 *    ever missed, and a message is read again only at or after the offset last
 *    committed for its partition (what at-least-once allows).
 *  /failover/transactions: a transactional producer commits and aborts
 *    transactions while the transaction coordinator's node is killed and
 *    restarted: a read_committed consumer sees the messages of every committed
 *    transaction exactly once and none of an aborted one.
 *
 * Run by tests/failover/run-failover.sh, which starts the cluster and sets
 * KAFKA_BOOTSTRAP_SERVERS, KAFKA_GLIB_BROKER_SCRIPT and KAFKA_GLIB_FAILOVER_DIR.
 * KAFKA_GLIB_FAILOVER_MESSAGES sets the number of messages of the producer
 * test (default 200000).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "kafka-test-util.h"

#define N_PARTITIONS 3
/* offsets.topic.num.partitions and transaction.state.log.num.partitions in
 * tests/broker/kafka-broker.sh */
#define N_INTERNAL_PARTITIONS 5

/* ------------------------------------------------------------------------ */
/* The cluster */

static const char *
env_required (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set: run this test through tests/failover/run-failover.sh, "
             "which starts a 3-node cluster for it", name);
  return value;
}

/* Runs kafka-broker.sh COMMAND NODE --dir DIR, synchronously. */
static void
broker_command (const char *command,
                gint32      node)
{
  g_autofree char *index = g_strdup_printf ("%d", (int) node);
  const char *argv[] = { env_required ("KAFKA_GLIB_BROKER_SCRIPT"), command, index,
                         "--dir", env_required ("KAFKA_GLIB_FAILOVER_DIR"), NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_test_message ("kafka-broker.sh %s %d", command, (int) node);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* Starts kafka-broker.sh restart-node NODE in the background. */
static GSubprocess *
broker_restart_start (gint32 node)
{
  g_autofree char *index = g_strdup_printf ("%d", (int) node);
  g_autoptr(GError) error = NULL;
  GSubprocess *sub;

  g_test_message ("kafka-broker.sh restart-node %d (in the background)", (int) node);
  sub = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                          env_required ("KAFKA_GLIB_BROKER_SCRIPT"), "restart-node", index,
                          "--dir", env_required ("KAFKA_GLIB_FAILOVER_DIR"), NULL);
  g_assert_no_error (error);
  return sub;
}

static void
broker_restart_wait (GSubprocess *sub)
{
  g_autoptr(GError) error = NULL;

  /* the script gives up by itself after its own timeout */
  g_subprocess_wait_check (sub, NULL, &error);
  g_assert_no_error (error);
}

static GHashTable *
base_config (void)
{
  return kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                    /* see the cluster change quickly */
                    "topic.metadata.refresh.interval.ms", "2000",
                    NULL);
}

/* Creates @topic with replication factor 3 and min.insync.replicas 2, and
 * waits until every partition has a leader and three replicas. */
static void
create_topic (const char *topic,
              int         partitions)
{
  kt_create_topic (topic, partitions, 3, "min.insync.replicas", "2", NULL);
  g_test_message ("created %s: %d partitions, replication factor 3, min.insync.replicas 2",
                  topic, partitions);
}

static gint32
partition_leader (KafkaClient *client,
                  const char  *topic,
                  gint32       partition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (client, topic, 10000, &error);
  KafkaTopicMetadata *tm;
  KafkaPartitionMetadata *pm;

  g_assert_no_error (error);
  tm = kafka_cluster_metadata_get_topic (md, topic);
  if (tm == NULL || (pm = kafka_topic_metadata_get_partition (tm, partition)) == NULL)
    return -1;
  return kafka_partition_metadata_get_leader (pm);
}

/* The node coordinating @key (a group or a transactional id): the leader of
 * the partition of @internal_topic that Kafka maps @key to, that is
 * abs(Java's String.hashCode(key)) % partitions. */
static gint32
coordinator_node (KafkaClient *client,
                  const char  *internal_topic,
                  const char  *key)
{
  gint32 hash = 0;
  gint32 partition;

  for (const char *c = key; *c != '\0'; c++)
    hash = (gint32) ((guint32) hash * 31u + (guint8) *c);
  hash = hash == G_MININT32 ? 0 : ABS (hash);
  partition = hash % N_INTERNAL_PARTITIONS;
  return partition_leader (client, internal_topic, partition);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static guint
value_number (KafkaMessage *message)
{
  gsize len = 0;
  const guint8 *value = kafka_message_get_value (message, &len);
  char buf[32];

  g_assert_nonnull (value);
  g_assert_cmpuint (len, <, sizeof buf);
  memcpy (buf, value, len);
  buf[len] = '\0';
  return (guint) g_ascii_strtoull (buf, NULL, 10);
}

/* ------------------------------------------------------------------------ */
/* a. Idempotent producer */

typedef struct {
  guint          n;
  guint8        *reports;      /* delivery signals per number */
  gint64        *offsets;      /* delivered offset per number */
  guint          ok, failed, reported;
  guint          produced;
  guint          queue_full;
  KafkaProducer *producer;
  char          *topic;
  gint64         start;
  double         rate;         /* messages per second */
  gint32         victim;
  gint64         killed_at;
  GSubprocess   *restart;
  GMainLoop     *loop;
} ProduceRun;

static void
produce_on_delivery (KafkaProducer *producer,
                     KafkaMessage  *message,
                     ProduceRun    *run)
{
  guint n = value_number (message);
  const GError *error = kafka_message_get_error (message);

  g_assert_cmpuint (n, <, run->n);
  run->reports[n]++;
  run->reported++;
  if (error != NULL)
    {
      if (run->failed++ < 10)
        g_test_message ("message %u failed: %s", n, error->message);
    }
  else
    {
      run->ok++;
      run->offsets[n] = kafka_message_get_offset (message);
      g_assert_cmpint (kafka_message_get_partition (message), ==, n % N_PARTITIONS);
    }
}

static gboolean
produce_tick (gpointer data)
{
  ProduceRun *run = data;
  gint64 now = g_get_monotonic_time ();
  guint target = MIN (run->n, (guint) ((now - run->start) / 1e6 * run->rate) + 1);

  while (run->produced < target)
    {
      g_autoptr(GError) error = NULL;
      char value[16];
      guint n = run->produced;
      int len = g_snprintf (value, sizeof value, "%u", n);

      if (!kafka_producer_produce (run->producer, run->topic, (gint32) (n % N_PARTITIONS),
                                   NULL, 0, (const guint8 *) value, (gsize) len,
                                   NULL, 0, &error))
        {
          /* the local queue fills while no leader takes messages: let the
           * reports drain it */
          g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL);
          run->queue_full++;
          break;
        }
      run->produced++;
    }

  if (run->victim < 0 && run->produced >= run->n / 3)
    {
      run->victim = partition_leader (KAFKA_CLIENT (run->producer), run->topic, 0);
      g_assert_cmpint (run->victim, >=, 0);
      g_test_message ("%u produced, %u reported: SIGKILL the leader of partition 0, node %d",
                      run->produced, run->reported, (int) run->victim);
      broker_command ("kill", run->victim);
      run->killed_at = g_get_monotonic_time ();
    }
  /* back once the partitions surely moved (broker.session.timeout.ms is 3 s) */
  if (run->victim >= 0 && run->restart == NULL &&
      now - run->killed_at > 6 * G_USEC_PER_SEC)
    {
      g_test_message ("%u produced, %u reported: restarting node %d",
                      run->produced, run->reported, (int) run->victim);
      run->restart = broker_restart_start (run->victim);
    }

  if (run->produced == run->n && run->restart != NULL)
    {
      g_main_loop_quit (run->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
test_idempotent_producer (void)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(GHashTable) cconfig = base_config ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) assignment = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ProduceRun run = { 0 };
  guint8 *seen;
  gint64 last[N_PARTITIONS];
  guint read = 0, duplicates = 0, misplaced = 0;
  gint64 t0, deadline;

  run.n = env_uint ("KAFKA_GLIB_FAILOVER_MESSAGES", 200000);
  run.reports = g_new0 (guint8, run.n);
  run.offsets = g_new (gint64, run.n);
  run.topic = kt_unique_topic ("failover-idem");
  run.victim = -1;
  run.loop = loop;
  /* spread over about 15 s, so that the kill (at a third, about 5 s in)
   * and the restart (6 s later) both happen mid-stream */
  run.rate = MAX (run.n / 15.0, 1000.0);
  create_topic (run.topic, N_PARTITIONS);

  g_hash_table_insert (config, g_strdup ("enable.idempotence"), g_strdup ("true"));
  g_hash_table_insert (config, g_strdup ("acks"), g_strdup ("all"));
  g_hash_table_insert (config, g_strdup ("linger.ms"), g_strdup ("5"));
  /* long enough to outlast the failover: no message may time out */
  g_hash_table_insert (config, g_strdup ("message.timeout.ms"), g_strdup ("180000"));
  run.producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (run.producer, "delivery", G_CALLBACK (produce_on_delivery), &run);

  t0 = run.start = g_get_monotonic_time ();
  g_timeout_add (5, produce_tick, &run);
  g_main_loop_run (loop);
  g_test_message ("all %u produced after %.1f s (%u times the local queue was full)",
                  run.n, (g_get_monotonic_time () - t0) / 1e6, run.queue_full);

  g_assert_true (kafka_producer_flush (run.producer, 180000, &error));
  g_assert_no_error (error);
  g_test_message ("all reported after %.1f s: %u delivered, %u failed",
                  (g_get_monotonic_time () - t0) / 1e6, run.ok, run.failed);
  broker_restart_wait (run.restart);
  g_clear_object (&run.restart);

  /* exactly one delivery signal per message, and none failed */
  g_assert_cmpuint (run.reported, ==, run.n);
  for (guint i = 0; i < run.n; i++)
    g_assert_cmpuint (run.reports[i], ==, 1);
  g_assert_cmpuint (run.failed, ==, 0);

  /* read it all back */
  g_hash_table_insert (cconfig, g_strdup ("group.id"), kt_unique_topic ("failover-reader"));
  g_hash_table_insert (cconfig, g_strdup ("enable.auto.commit"), g_strdup ("false"));
  consumer = kafka_consumer_new (cconfig, &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PARTITIONS; p++)
    {
      g_ptr_array_add (assignment, kafka_topic_partition_new (run.topic, p, KAFKA_OFFSET_BEGINNING));
      last[p] = -1;
    }
  g_assert_true (kafka_consumer_assign (consumer, assignment, &error));
  seen = g_new0 (guint8, run.n);
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (read < run.n && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 5000, 500, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < batch->len; i++)
        {
          KafkaMessage *m = g_ptr_array_index (batch, i);
          gint32 p = kafka_message_get_partition (m);
          guint n;

          if (kafka_message_get_error (m) != NULL)
            continue;
          n = value_number (m);
          g_assert_cmpuint (n, <, run.n);
          read++;
          if (seen[n]++ > 0)
            duplicates++;
          /* in order within the partition, where the report said */
          if ((gint64) n <= last[p] || n % N_PARTITIONS != (guint) p ||
              kafka_message_get_offset (m) != run.offsets[n])
            misplaced++;
          last[p] = n;
        }
    }
  g_test_message ("read %u messages: %u duplicates, %u out of order or misplaced",
                  read, duplicates, misplaced);
  for (guint i = 0; i < run.n; i++)
    if (seen[i] != 1)
      g_error ("number %u was read %u times", i, seen[i]);
  g_assert_cmpuint (read, ==, run.n);
  g_assert_cmpuint (duplicates, ==, 0);
  g_assert_cmpuint (misplaced, ==, 0);
  /* and nothing more comes */
  {
    g_autoptr(GPtrArray) rest = kafka_consumer_consume (consumer, 100, 1000, &error);

    for (guint i = 0; i < rest->len; i++)
      g_assert_nonnull (kafka_message_get_error (g_ptr_array_index (rest, i)));
  }

  g_assert_true (kafka_consumer_close (consumer, &error));
  g_object_unref (run.producer);
  g_free (seen);
  g_free (run.reports);
  g_free (run.offsets);
  g_free (run.topic);
}

/* ------------------------------------------------------------------------ */
/* b. Group consumer, synchronous commits */

typedef struct {
  GHashTable *seen;               /* "p:offset" → times read */
  gint64      committed[N_PARTITIONS];
  gint64      high[N_PARTITIONS];
  guint       reads, duplicates, unjustified;
  guint       commits, commit_failures;
} GroupRun;

static void
group_record (GroupRun     *run,
              KafkaMessage *m)
{
  gint32 p = kafka_message_get_partition (m);
  gint64 o = kafka_message_get_offset (m);
  g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int) p, o);
  guint times = GPOINTER_TO_UINT (g_hash_table_lookup (run->seen, key));

  g_assert_cmpint (p, >=, 0);
  g_assert_cmpint (p, <, N_PARTITIONS);
  run->reads++;
  if (times > 0)
    {
      run->duplicates++;
      /* at-least-once allows reading again what was read after the last
       * commit; before it, the group had said it was done */
      if (o < run->committed[p])
        {
          run->unjustified++;
          g_test_message ("[%d] offset %" G_GINT64_FORMAT " read again though %" G_GINT64_FORMAT
                          " was committed", (int) p, o, run->committed[p]);
        }
    }
  g_hash_table_replace (run->seen, g_steal_pointer (&key), GUINT_TO_POINTER (times + 1));
}

static void
group_commit (GroupRun      *run,
              KafkaConsumer *consumer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) committed = kafka_consumer_commit (consumer, NULL, &error);

  run->commits++;
  if (committed == NULL)
    {
      /* during the failover: the next commit covers this one */
      if (run->commit_failures++ < 10)
        g_test_message ("commit failed: %s", error->message);
      return;
    }
  for (guint i = 0; i < committed->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (committed, i);
      gint32 p = kafka_topic_partition_get_partition (tp);

      if (kafka_topic_partition_get_error (tp) == NULL && kafka_topic_partition_get_offset (tp) >= 0)
        run->committed[p] = MAX (run->committed[p], kafka_topic_partition_get_offset (tp));
    }
}

static KafkaConsumer *
group_consumer (const char *group,
                const char *topic)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(GError) error = NULL;
  const char *topics[] = { topic, NULL };
  KafkaConsumer *consumer;

  g_hash_table_insert (config, g_strdup ("group.id"), g_strdup (group));
  g_hash_table_insert (config, g_strdup ("enable.auto.commit"), g_strdup ("false"));
  g_hash_table_insert (config, g_strdup ("auto.offset.reset"), g_strdup ("earliest"));
  g_hash_table_insert (config, g_strdup ("session.timeout.ms"), g_strdup ("10000"));
  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  return consumer;
}

static guint
group_total (GroupRun *run)
{
  return g_hash_table_size (run->seen);
}

static void
test_group_consumer (void)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = NULL;
  g_autofree char *topic = kt_unique_topic ("failover-group");
  g_autofree char *group = kt_unique_topic ("failover-g");
  KafkaConsumer *consumer;
  GSubprocess *restart = NULL;
  GroupRun run = { 0 };
  guint n = 30000, expected = 0;
  gint32 victim = -1;
  gint64 killed_at = 0, t0, deadline;
  guint crash_batch;

  run.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  create_topic (topic, N_PARTITIONS);

  g_hash_table_insert (config, g_strdup ("enable.idempotence"), g_strdup ("true"));
  g_hash_table_insert (config, g_strdup ("linger.ms"), g_strdup ("5"));
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      char value[16];
      int len = g_snprintf (value, sizeof value, "%u", i);

      g_assert_true (kafka_producer_produce (producer, topic, (gint32) (i % N_PARTITIONS), NULL, 0,
                                             (const guint8 *) value, (gsize) len, NULL, 0, &error));
    }
  g_assert_true (kafka_producer_flush (producer, 60000, &error));
  g_assert_no_error (error);
  for (int p = 0; p < N_PARTITIONS; p++)
    {
      g_assert_true (kafka_client_get_watermark_offsets (KAFKA_CLIENT (producer), topic, p, FALSE,
                                                         10000, NULL, &run.high[p], &error));
      expected += (guint) run.high[p];
    }
  g_assert_cmpuint (expected, ==, n);

  /* consume at about 2,000 messages per second, committing after each
   * batch, so that the failover happens in the middle */
  consumer = group_consumer (group, topic);
  t0 = g_get_monotonic_time ();
  deadline = t0 + 240 * G_USEC_PER_SEC;
  while (group_total (&run) < n * 3 / 4 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 200, 500, &error);
      gint64 now;

      g_assert_no_error (error);
      for (guint i = 0; i < batch->len; i++)
        if (kafka_message_get_error (g_ptr_array_index (batch, i)) == NULL)
          group_record (&run, g_ptr_array_index (batch, i));
      if (batch->len > 0)
        group_commit (&run, consumer);

      now = g_get_monotonic_time ();
      if (victim < 0 && group_total (&run) >= n / 4)
        {
          victim = coordinator_node (KAFKA_CLIENT (consumer), "__consumer_offsets", group);
          if (victim < 0)
            victim = partition_leader (KAFKA_CLIENT (consumer), topic, 0);
          g_assert_cmpint (victim, >=, 0);
          g_test_message ("%u read, %u commits: SIGKILL node %d (the group coordinator)",
                          group_total (&run), run.commits, (int) victim);
          broker_command ("kill", victim);
          killed_at = now;
        }
      if (victim >= 0 && restart == NULL && now - killed_at > 6 * G_USEC_PER_SEC)
        {
          g_test_message ("%u read, %u commits (%u failed): restarting node %d",
                          group_total (&run), run.commits, run.commit_failures, (int) victim);
          restart = broker_restart_start (victim);
        }
      g_usleep (100 * 1000);
    }
  g_assert_cmpuint (group_total (&run), >=, n * 3 / 4);
  g_assert_nonnull (restart);

  /* one more batch, not committed: then the consumer "crashes" (dropped
   * without a commit; with enable.auto.commit off nothing commits it) */
  {
    g_autoptr(GPtrArray) batch = NULL;

    do
      {
        g_clear_pointer (&batch, g_ptr_array_unref);
        batch = kafka_consumer_consume (consumer, 500, 1000, &error);
        g_assert_no_error (error);
      }
    while (batch->len == 0 && g_get_monotonic_time () < deadline);
    crash_batch = 0;
    for (guint i = 0; i < batch->len; i++)
      if (kafka_message_get_error (g_ptr_array_index (batch, i)) == NULL)
        {
          group_record (&run, g_ptr_array_index (batch, i));
          crash_batch++;
        }
  }
  g_test_message ("first consumer gone after reading %u distinct messages (%u reads, %u "
                  "duplicates), %u of them after its last commit; %u commits, %u failed",
                  group_total (&run), run.reads, run.duplicates, crash_batch,
                  run.commits, run.commit_failures);
  g_object_unref (consumer);
  broker_restart_wait (restart);
  g_object_unref (restart);

  /* a new member of the group resumes from the committed offsets */
  {
    guint dups_before = run.duplicates;

    consumer = group_consumer (group, topic);
    deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
    while (group_total (&run) < n && g_get_monotonic_time () < deadline)
      {
        g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 1000, 500, &error);

        g_assert_no_error (error);
        for (guint i = 0; i < batch->len; i++)
          if (kafka_message_get_error (g_ptr_array_index (batch, i)) == NULL)
            group_record (&run, g_ptr_array_index (batch, i));
        if (batch->len > 0)
          group_commit (&run, consumer);
      }
    g_test_message ("second consumer: %u messages read again after the restart "
                    "(at-least-once: at or after the last commit; %u read after it "
                    "by the first consumer)",
                    run.duplicates - dups_before, crash_batch);
    g_assert_true (kafka_consumer_close (consumer, &error));
    g_object_unref (consumer);
  }

  /* no gap: every offset of every partition read */
  for (int p = 0; p < N_PARTITIONS; p++)
    for (gint64 o = 0; o < run.high[p]; o++)
      {
        g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, p, o);

        if (!g_hash_table_contains (run.seen, key))
          g_error ("[%d] offset %" G_GINT64_FORMAT " was never read", p, o);
      }
  g_test_message ("total: %u messages, %u reads, %u duplicates, %u not allowed by "
                  "at-least-once; %u commits, %u failed during the failover",
                  n, run.reads, run.duplicates, run.unjustified, run.commits, run.commit_failures);
  g_assert_cmpuint (group_total (&run), ==, n);
  g_assert_cmpuint (run.unjustified, ==, 0);
  /* the crashed batch, at least, came again */
  g_assert_cmpuint (run.duplicates, >=, crash_batch);
  g_hash_table_unref (run.seen);
}

/* ------------------------------------------------------------------------ */
/* c. Transactions */

typedef struct {
  guint8 *reports;
  guint   n;
} TxnReports;

static void
txn_on_delivery (KafkaProducer *producer,
                 KafkaMessage  *message,
                 TxnReports    *r)
{
  guint n = value_number (message);

  g_assert_cmpuint (n, <, r->n);
  r->reports[n]++;
}

/* Retries @op while it fails with a retriable error; fails the test on a
 * fatal one. Returns FALSE (with @error) when the transaction must abort. */
typedef gboolean (*TxnStep) (KafkaProducer *producer, int timeout_ms, GError **error);

static gboolean
txn_retry (KafkaProducer  *producer,
           TxnStep         step,
           const char     *what,
           guint          *retries,
           GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  for (;;)
    {
      GError *local = NULL;

      if (step (producer, 30000, &local))
        return TRUE;
      g_test_message ("%s: %s (retriable %d, requires abort %d, fatal %d)", what,
                      local->message, kafka_error_is_retriable (local),
                      kafka_error_txn_requires_abort (local), kafka_error_is_fatal (local));
      if (kafka_error_is_fatal (local))
        g_error ("%s failed with a fatal error: %s", what, local->message);
      if (!kafka_error_is_retriable (local) || g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      (*retries)++;
      g_error_free (local);
      g_usleep (200 * 1000);
    }
}

static void
test_transactions (void)
{
  g_autoptr(GHashTable) config = base_config ();
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = kt_unique_topic ("failover-txn");
  g_autofree char *txn_id = kt_unique_topic ("failover-tid");
  KafkaProducer *producer;
  GSubprocess *restart = NULL;
  const guint max_txn = 200, per_txn = 300;
  gboolean committed[200] = { FALSE };
  guint n_txn = 0, restart_txn = 0;
  guint n_committed = 0, n_aborted = 0, forced_aborts = 0, retries = 0;
  TxnReports reports = { NULL, max_txn * per_txn };
  gint32 victim = -1;
  gint64 t0 = g_get_monotonic_time (), killed_at = 0, slowest = 0;

  create_topic (topic, N_PARTITIONS);
  reports.reports = g_new0 (guint8, reports.n);

  g_hash_table_insert (config, g_strdup ("transactional.id"), g_strdup (txn_id));
  g_hash_table_insert (config, g_strdup ("transaction.timeout.ms"), g_strdup ("60000"));
  g_hash_table_insert (config, g_strdup ("linger.ms"), g_strdup ("5"));
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery", G_CALLBACK (txn_on_delivery), &reports);
  g_assert_true (txn_retry (producer, kafka_producer_init_transactions, "init", &retries, &error));

  /* at least 30 transactions, and 8 more after the restart began */
  for (guint t = 0; t < 30 || restart == NULL || t < restart_txn + 8; t++)
    {
      gboolean want_commit = t % 3 != 2;
      gboolean ok;
      gint64 started = g_get_monotonic_time ();

      g_assert_cmpuint (t, <, max_txn);
      n_txn = t + 1;
      if (victim >= 0 && restart == NULL && started - killed_at > 6 * G_USEC_PER_SEC)
        {
          g_test_message ("transaction %u: restarting node %d", t, (int) victim);
          restart = broker_restart_start (victim);
          restart_txn = t;
        }

      g_assert_true (kafka_producer_begin_transaction (producer, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < per_txn; i++)
        {
          char value[16];
          guint number = t * per_txn + i;
          int len = g_snprintf (value, sizeof value, "%u", number);

          g_assert_true (kafka_producer_produce (producer, topic, (gint32) (i % N_PARTITIONS),
                                                 NULL, 0, (const guint8 *) value, (gsize) len,
                                                 NULL, 0, &error));
        }
      if (t == 7)
        {
          victim = coordinator_node (KAFKA_CLIENT (producer), "__transaction_state", txn_id);
          if (victim < 0)
            victim = partition_leader (KAFKA_CLIENT (producer), topic, 0);
          g_assert_cmpint (victim, >=, 0);
          g_test_message ("transaction %u, its messages in flight: SIGKILL node %d (the transaction coordinator)",
                          t, (int) victim);
          broker_command ("kill", victim);
          killed_at = g_get_monotonic_time ();
        }

      if (want_commit)
        ok = txn_retry (producer, kafka_producer_commit_transaction, "commit", &retries, &error);
      else
        {
          /* delivered first: see librdkafka #4849 in abort_transaction's docs */
          if (!kafka_producer_flush (producer, 60000, &error))
            {
              g_test_message ("flush before abort: %s", error->message);
              g_clear_error (&error);
            }
          ok = FALSE;
        }
      if (!ok)
        {
          if (want_commit)
            {
              g_assert_true (kafka_error_txn_requires_abort (error));
              forced_aborts++;
            }
          g_clear_error (&error);
          g_assert_true (txn_retry (producer, kafka_producer_abort_transaction, "abort",
                                    &retries, &error));
          n_aborted++;
        }
      else
        {
          committed[t] = TRUE;
          n_committed++;
        }
      if (g_get_monotonic_time () - started > slowest)
        {
          slowest = g_get_monotonic_time () - started;
          g_test_message ("transaction %u took %.1f s", t, slowest / 1e6);
        }
    }
  g_test_message ("%u transactions committed, %u aborted (%u of them because of the "
                  "failover), %u retried calls, in %.1f s",
                  n_committed, n_aborted, forced_aborts, retries,
                  (g_get_monotonic_time () - t0) / 1e6);
  broker_restart_wait (restart);
  g_object_unref (restart);

  /* one delivery signal per message, committed or aborted */
  reports.n = n_txn * per_txn;
  for (guint i = 0; i < reports.n; i++)
    g_assert_cmpuint (reports.reports[i], ==, 1);
  g_assert_cmpuint (n_committed, >=, n_txn / 2);
  g_object_unref (producer);

  /* read_committed: exactly the committed transactions; read_uncommitted:
   * the aborted ones are in the log too (so the filter did filter) */
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GHashTable) cconfig = base_config ();
      g_autoptr(KafkaConsumer) consumer = NULL;
      g_autoptr(GPtrArray) assignment = g_ptr_array_new_with_free_func (g_object_unref);
      guint8 *seen = g_new0 (guint8, reports.n);
      guint want = n_committed * per_txn, got = 0, aborted_seen = 0;
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
      gint64 quiet_until = 0;

      g_hash_table_insert (cconfig, g_strdup ("group.id"), kt_unique_topic ("failover-txn-reader"));
      g_hash_table_insert (cconfig, g_strdup ("isolation.level"),
                           g_strdup (pass == 0 ? "read_committed" : "read_uncommitted"));
      consumer = kafka_consumer_new (cconfig, &error);
      g_assert_no_error (error);
      for (int p = 0; p < N_PARTITIONS; p++)
        g_ptr_array_add (assignment, kafka_topic_partition_new (topic, p, KAFKA_OFFSET_BEGINNING));
      g_assert_true (kafka_consumer_assign (consumer, assignment, &error));
      while (g_get_monotonic_time () < deadline &&
             (got < want || quiet_until == 0 || g_get_monotonic_time () < quiet_until))
        {
          g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 1000, 200, &error);

          g_assert_no_error (error);
          for (guint i = 0; i < batch->len; i++)
            {
              KafkaMessage *m = g_ptr_array_index (batch, i);
              guint number;

              if (kafka_message_get_error (m) != NULL)
                continue;
              number = value_number (m);
              g_assert_cmpuint (number, <, reports.n);
              seen[number]++;
              if (committed[number / per_txn])
                got++;
              else
                aborted_seen++;
            }
          if (got >= want && quiet_until == 0)
            quiet_until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
        }
      g_test_message ("%s: %u messages of committed transactions (of %u), %u of aborted ones",
                      pass == 0 ? "read_committed" : "read_uncommitted", got, want, aborted_seen);
      for (guint i = 0; i < reports.n; i++)
        if (committed[i / per_txn])
          g_assert_cmpuint (seen[i], ==, 1);
        else if (pass == 0)
          g_assert_cmpuint (seen[i], ==, 0);
      if (pass == 1)
        g_assert_cmpuint (aborted_seen, >, 0);
      g_assert_true (kafka_consumer_close (consumer, &error));
      g_free (seen);
    }
  g_free (reports.reports);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/failover/idempotent-producer", test_idempotent_producer);
  g_test_add_func ("/failover/group-consumer", test_group_consumer);
  g_test_add_func ("/failover/transactions", test_transactions);

  return g_test_run ();
}
