/* Shared helpers of kafka-glib's C tests.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdarg.h>

#include <kafka-glib/kafka-glib.h>

G_BEGIN_DECLS

/* The real broker's bootstrap servers, from KAFKA_BOOTSTRAP_SERVERS, which
 * tests/run-tests.sh sets after starting it. Aborts the test loudly when it
 * is not set: a broker test never skips itself. */
const char *kt_broker_bootstrap  (void);

/* A topic name no other test or run uses. */
char       *kt_unique_topic      (const char *prefix);

/* A config table (owning its strings) from NULL-terminated key, value pairs. */
GHashTable *kt_config            (const char *first_key, ...) G_GNUC_NULL_TERMINATED;

/* Adds NULL-terminated key, value pairs to a config table of kt_config(). */
void        kt_config_add_valist (GHashTable *config,
                                  const char *first_key,
                                  va_list     args);

/* Creates @topic on the real broker (KafkaAdminClient) with @partitions
 * partitions of @replication_factor replicas and the NULL-terminated topic
 * configuration pairs, and waits until the cluster's metadata shows every
 * partition with a leader. Fails the test if any of it fails. */
void        kt_create_topic      (const char *topic,
                                  int         partitions,
                                  int         replication_factor,
                                  ...) G_GNUC_NULL_TERMINATED;

/* Waits until the metadata of @client shows @topic with @partitions
 * partitions, each with a leader (and @replicas replicas, if > 0). */
void        kt_wait_for_topic    (KafkaClient *client,
                                  const char  *topic,
                                  int          partitions,
                                  int          replicas);

/* A mock cluster of @n_brokers holding a new topic (named from @prefix,
 * returned in *@topic) of @partitions partitions, with one replica. */
KafkaMockCluster *kt_mock_cluster_with_topic (guint        n_brokers,
                                              const char  *prefix,
                                              int          partitions,
                                              char       **topic);

/* The fixture of most tests on the mock cluster: a cluster of one broker
 * holding a new topic, and a consumer group name no other test uses. */
typedef struct {
  KafkaMockCluster *cluster;
  char             *topic;
  char             *group;
} KtMockFixture;

/* Starts the cluster, with a topic named from @prefix of @partitions
 * partitions. */
void        kt_mock_fixture_setup    (KtMockFixture *fx,
                                      const char    *prefix,
                                      int            partitions);
void        kt_mock_fixture_teardown (KtMockFixture *fx,
                                      gconstpointer  data);
/* Produces @n messages to the fixture's topic (message i, with the value
 * @prefix followed by i, to partition i % @partitions) and waits until
 * every one is delivered. */
void        kt_mock_fixture_fill     (KtMockFixture *fx,
                                      guint          n,
                                      int            partitions,
                                      const char    *prefix);

/* Iterates @context (NULL: the default) until *@flag is TRUE; fails the test
 * if @timeout_ms passes first. */
void        kt_wait_for_flag     (GMainContext *context,
                                  gboolean     *flag,
                                  guint         timeout_ms,
                                  const char   *what);
/* Same for *@counter >= @target. */
void        kt_wait_for_count    (GMainContext *context,
                                  guint        *counter,
                                  guint         target,
                                  guint         timeout_ms,
                                  const char   *what);

/* Consumes with kafka_consumer_consume() (which also serves the
 * rebalances) until @n messages came or 60 s passed, asserting that no call
 * and no message carries an error; returns how many came (more than @n if
 * the last call brought more). */
guint       kt_consume           (KafkaConsumer *consumer,
                                  guint          n);

/* Collects delivery reports. */
typedef struct {
  GPtrArray *messages;  /* of KafkaMessage, in report order */
  GThread   *thread;    /* the thread of the last emission */
} KtDeliveries;

void        kt_deliveries_init    (KtDeliveries *d);
void        kt_deliveries_clear   (KtDeliveries *d);
void        kt_on_delivery        (KafkaProducer *producer,
                                   KafkaMessage  *message,
                                   KtDeliveries  *d);

G_END_DECLS
