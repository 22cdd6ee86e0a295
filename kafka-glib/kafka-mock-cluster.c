/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <gio/gio.h>

#include "kafka-error-private.h"
#include "kafka-mock-cluster.h"

/**
 * SECTION:kafka-mock-cluster
 * @Title: KafkaMockCluster
 * @Short_description: an embedded Kafka cluster for tests and examples
 *
 * librdkafka's mock cluster: a small Kafka cluster that runs inside the
 * process, on threads of its own, listening on loopback. Point a client's
 * `bootstrap.servers` at kafka_mock_cluster_get_bootstrap_servers(), and it
 * produces, consumes (with consumer groups and commits) and can be made to
 * fail on purpose: brokers down, slow brokers, request errors. Other
 * processes can connect to it too.
 *
 * It serves tests and examples, not production: it keeps messages in memory,
 * has no admin API, TLS or SASL, and auto-creates topics (with 4 partitions
 * unless kafka_mock_cluster_create_topic() said otherwise). librdkafka marks
 * its API experimental.
 *
 * |[<!-- language="Python" -->
 * cluster = Kafka.MockCluster.new(3)
 * producer = Kafka.Producer.new({'bootstrap.servers': cluster.get_bootstrap_servers()})
 * ]|
 */

struct _KafkaMockCluster
{
  GObject parent_instance;

  guint                    n_brokers;
  rd_kafka_t              *rk;
  rd_kafka_mock_cluster_t *mcluster;
};

enum {
  PROP_0,
  PROP_N_BROKERS,
  PROP_BOOTSTRAP_SERVERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kafka_mock_cluster_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaMockCluster, kafka_mock_cluster, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_mock_cluster_initable_iface_init))

static gboolean
kafka_mock_cluster_initable_init (GInitable     *initable,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  KafkaMockCluster *self = KAFKA_MOCK_CLUSTER (initable);
  rd_kafka_conf_t *conf = rd_kafka_conf_new ();
  char errstr[512];

  if (self->n_brokers == 0)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "A mock cluster needs at least one broker");
      rd_kafka_conf_destroy (conf);
      return FALSE;
    }

  /* The cluster lives on a handle of its own, which never produces. */
  rd_kafka_conf_set (conf, "client.id", "kafka-glib-mock-cluster", NULL, 0);
  rd_kafka_conf_set (conf, "log_level", "3", NULL, 0);
  self->rk = rd_kafka_new (RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (self->rk == NULL)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_FAIL,
                   "Could not create the mock cluster's handle: %s", errstr);
      rd_kafka_conf_destroy (conf);
      return FALSE;
    }

  self->mcluster = rd_kafka_mock_cluster_new (self->rk, (int) self->n_brokers);
  if (self->mcluster == NULL)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_FAIL,
                   "Could not start a mock cluster of %u brokers", self->n_brokers);
      g_clear_pointer (&self->rk, rd_kafka_destroy);
      return FALSE;
    }

  return TRUE;
}

static void
kafka_mock_cluster_initable_iface_init (GInitableIface *iface)
{
  iface->init = kafka_mock_cluster_initable_init;
}

static void
kafka_mock_cluster_finalize (GObject *object)
{
  KafkaMockCluster *self = KAFKA_MOCK_CLUSTER (object);

  g_clear_pointer (&self->mcluster, rd_kafka_mock_cluster_destroy);
  g_clear_pointer (&self->rk, rd_kafka_destroy);

  G_OBJECT_CLASS (kafka_mock_cluster_parent_class)->finalize (object);
}

static void
kafka_mock_cluster_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KafkaMockCluster *self = KAFKA_MOCK_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_N_BROKERS:
      g_value_set_uint (value, self->n_brokers);
      break;
    case PROP_BOOTSTRAP_SERVERS:
      g_value_set_string (value, kafka_mock_cluster_get_bootstrap_servers (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_mock_cluster_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KafkaMockCluster *self = KAFKA_MOCK_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_N_BROKERS:
      self->n_brokers = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_mock_cluster_class_init (KafkaMockClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_mock_cluster_finalize;
  object_class->get_property = kafka_mock_cluster_get_property;
  object_class->set_property = kafka_mock_cluster_set_property;

  /**
   * KafkaMockCluster:n-brokers:
   *
   * The number of brokers, 1 to 64, with ids 1 to n-brokers; 0 makes
   * kafka_mock_cluster_new() fail with %KAFKA_ERROR_INVALID_ARG.
   *
   * Since: 1.0
   */
  properties[PROP_N_BROKERS] =
    g_param_spec_uint ("n-brokers", NULL, NULL, 0, 64, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * KafkaMockCluster:bootstrap-servers:
   *
   * The brokers' addresses, for a client's `bootstrap.servers`.
   *
   * Since: 1.0
   */
  properties[PROP_BOOTSTRAP_SERVERS] =
    g_param_spec_string ("bootstrap-servers", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_mock_cluster_init (KafkaMockCluster *self)
{
  self->n_brokers = 1;
}

/**
 * kafka_mock_cluster_new:
 * @n_brokers: the number of brokers (ids 1 to @n_brokers)
 * @error: return location for a #GError
 *
 * Starts a mock cluster. It listens on loopback at once, and stops when the
 * last reference is dropped.
 *
 * Returns: (transfer full): a new #KafkaMockCluster, or %NULL with @error set
 *
 * Since: 1.0
 */
KafkaMockCluster *
kafka_mock_cluster_new (guint    n_brokers,
                        GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KAFKA_TYPE_MOCK_CLUSTER, NULL, error,
                         "n-brokers", n_brokers, NULL);
}

/**
 * kafka_mock_cluster_get_bootstrap_servers:
 * @self: a #KafkaMockCluster
 *
 * Gets the brokers' addresses (`127.0.0.1:PORT,…`), for a client's
 * `bootstrap.servers`.
 *
 * Returns: (transfer none): the bootstrap servers
 *
 * Since: 1.0
 */
const char *
kafka_mock_cluster_get_bootstrap_servers (KafkaMockCluster *self)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), NULL);

  return self->mcluster ? rd_kafka_mock_cluster_bootstraps (self->mcluster) : NULL;
}

/**
 * kafka_mock_cluster_get_n_brokers:
 * @self: a #KafkaMockCluster
 *
 * Gets the number of brokers.
 *
 * Returns: the number of brokers
 *
 * Since: 1.0
 */
guint
kafka_mock_cluster_get_n_brokers (KafkaMockCluster *self)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), 0);

  return self->n_brokers;
}

static gboolean
check_result (rd_kafka_resp_err_t   err,
              GError              **error,
              const char           *what)
{
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    return TRUE;
  kafka_set_error (error, err, "%s", what);
  return FALSE;
}

/**
 * kafka_mock_cluster_create_topic:
 * @self: a #KafkaMockCluster
 * @topic: the topic name
 * @partitions: the number of partitions
 * @replication_factor: the number of replicas of each partition, at most the
 *   number of brokers
 * @error: return location for a #GError
 *
 * Creates a topic.
 *
 * Returns: %TRUE on success, %FALSE with @error set (the topic exists, say)
 *
 * Since: 1.0
 */
gboolean
kafka_mock_cluster_create_topic (KafkaMockCluster  *self,
                                 const char        *topic,
                                 int                partitions,
                                 int                replication_factor,
                                 GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);

  return check_result (rd_kafka_mock_topic_create (self->mcluster, topic, partitions,
                                                   replication_factor),
                       error, "Could not create the topic");
}

/**
 * kafka_mock_cluster_set_broker_down:
 * @self: a #KafkaMockCluster
 * @broker_id: a broker id, from 1
 * @error: return location for a #GError
 *
 * Takes a broker down: it closes its connections and refuses new ones, as a
 * crashed broker would, until kafka_mock_cluster_set_broker_up().
 *
 * Returns: %TRUE on success, %FALSE with @error set (no such broker)
 *
 * Since: 1.0
 */
gboolean
kafka_mock_cluster_set_broker_down (KafkaMockCluster  *self,
                                    gint32             broker_id,
                                    GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), FALSE);

  return check_result (rd_kafka_mock_broker_set_down (self->mcluster, broker_id),
                       error, "Could not take the broker down");
}

/**
 * kafka_mock_cluster_set_broker_up:
 * @self: a #KafkaMockCluster
 * @broker_id: a broker id, from 1
 * @error: return location for a #GError
 *
 * Brings a broker taken down back up.
 *
 * Returns: %TRUE on success, %FALSE with @error set (no such broker)
 *
 * Since: 1.0
 */
gboolean
kafka_mock_cluster_set_broker_up (KafkaMockCluster  *self,
                                  gint32             broker_id,
                                  GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), FALSE);

  return check_result (rd_kafka_mock_broker_set_up (self->mcluster, broker_id),
                       error, "Could not bring the broker up");
}

/**
 * kafka_mock_cluster_set_broker_rtt:
 * @self: a #KafkaMockCluster
 * @broker_id: a broker id, from 1
 * @rtt_ms: the round-trip time to add to each of its answers, in milliseconds
 * @error: return location for a #GError
 *
 * Makes a broker slow.
 *
 * Returns: %TRUE on success, %FALSE with @error set (no such broker)
 *
 * Since: 1.0
 */
gboolean
kafka_mock_cluster_set_broker_rtt (KafkaMockCluster  *self,
                                   gint32             broker_id,
                                   int                rtt_ms,
                                   GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), FALSE);

  return check_result (rd_kafka_mock_broker_set_rtt (self->mcluster, broker_id, rtt_ms),
                       error, "Could not set the broker's round-trip time");
}

/**
 * kafka_mock_cluster_push_request_errors:
 * @self: a #KafkaMockCluster
 * @api_key: the request type to fail
 * @errors: (array length=n_errors): the errors, in order
 * @n_errors: the number of errors
 *
 * Makes the next @n_errors requests of type @api_key, to any broker, fail
 * with @errors, one each, in order.
 *
 * Since: 1.0
 */
void
kafka_mock_cluster_push_request_errors (KafkaMockCluster *self,
                                        KafkaApiKey       api_key,
                                        const KafkaError *errors,
                                        gsize             n_errors)
{
  g_autofree rd_kafka_resp_err_t *errs = NULL;

  g_return_if_fail (KAFKA_IS_MOCK_CLUSTER (self));
  g_return_if_fail (errors != NULL || n_errors == 0);

  errs = g_new (rd_kafka_resp_err_t, MAX (n_errors, 1));
  for (gsize i = 0; i < n_errors; i++)
    errs[i] = (rd_kafka_resp_err_t) errors[i];
  rd_kafka_mock_push_request_errors_array (self->mcluster, (int16_t) api_key,
                                           n_errors, errs);
}

/**
 * kafka_mock_cluster_clear_request_errors:
 * @self: a #KafkaMockCluster
 * @api_key: a request type
 *
 * Forgets the errors pushed for @api_key and not yet used.
 *
 * Since: 1.0
 */
void
kafka_mock_cluster_clear_request_errors (KafkaMockCluster *self,
                                         KafkaApiKey       api_key)
{
  g_return_if_fail (KAFKA_IS_MOCK_CLUSTER (self));

  rd_kafka_mock_clear_request_errors (self->mcluster, (int16_t) api_key);
}

/**
 * kafka_mock_cluster_set_topic_error:
 * @self: a #KafkaMockCluster
 * @topic: a topic name
 * @code: the error to report for it in metadata
 *
 * Makes the cluster report @code for @topic in its metadata answers
 * (%KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, %KAFKA_ERROR_TOPIC_AUTHORIZATION_FAILED…).
 *
 * Since: 1.0
 */
void
kafka_mock_cluster_set_topic_error (KafkaMockCluster *self,
                                    const char       *topic,
                                    KafkaError        code)
{
  g_return_if_fail (KAFKA_IS_MOCK_CLUSTER (self));
  g_return_if_fail (topic != NULL);

  rd_kafka_mock_topic_set_error (self->mcluster, topic, (rd_kafka_resp_err_t) code);
}

/**
 * kafka_mock_cluster_clear_topic_error:
 * @self: a #KafkaMockCluster
 * @topic: a topic name
 *
 * Stops reporting an error for @topic in metadata.
 *
 * Since: 1.0
 */
void
kafka_mock_cluster_clear_topic_error (KafkaMockCluster *self,
                                      const char       *topic)
{
  g_return_if_fail (KAFKA_IS_MOCK_CLUSTER (self));
  g_return_if_fail (topic != NULL);

  rd_kafka_mock_topic_set_error (self->mcluster, topic, RD_KAFKA_RESP_ERR_NO_ERROR);
}

/**
 * kafka_mock_cluster_set_partition_leader:
 * @self: a #KafkaMockCluster
 * @topic: a topic name
 * @partition: a partition number
 * @broker_id: the new leader's broker id, or -1 for no leader
 * @error: return location for a #GError
 *
 * Moves a partition's leadership, as a real cluster does when a broker fails.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_mock_cluster_set_partition_leader (KafkaMockCluster  *self,
                                         const char        *topic,
                                         gint32             partition,
                                         gint32             broker_id,
                                         GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);

  return check_result (rd_kafka_mock_partition_set_leader (self->mcluster, topic,
                                                           partition, broker_id),
                       error, "Could not set the partition's leader");
}

/**
 * kafka_mock_cluster_set_coordinator:
 * @self: a #KafkaMockCluster
 * @key_type: `"group"` or `"transaction"`
 * @key: the group id or transactional id
 * @broker_id: the coordinator's broker id
 * @error: return location for a #GError
 *
 * Sets which broker coordinates a consumer group or a transactional id.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_mock_cluster_set_coordinator (KafkaMockCluster  *self,
                                    const char        *key_type,
                                    const char        *key,
                                    gint32             broker_id,
                                    GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_MOCK_CLUSTER (self), FALSE);
  g_return_val_if_fail (key_type != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return check_result (rd_kafka_mock_coordinator_set (self->mcluster, key_type, key,
                                                      broker_id),
                       error, "Could not set the coordinator");
}
