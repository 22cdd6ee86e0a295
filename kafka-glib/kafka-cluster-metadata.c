/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-cluster-metadata.h"
#include "kafka-metadata-private.h"

/**
 * SECTION:kafka-cluster-metadata
 * @Title: KafkaClusterMetadata
 * @Short_description: the brokers and topics of a cluster
 *
 * What kafka_client_list_topics() returns, as confluent-kafka-python's
 * `ClusterMetadata`: the cluster id, the controller, the brokers, and the
 * topics with their partitions, leaders, replicas and in-sync replicas. A
 * snapshot: it does not change after it was read.
 *
 * It is also a #GListModel of its topics (#KafkaTopicMetadata, in the
 * order of kafka_cluster_metadata_get_topics()), each of them a #GListModel
 * of its partitions: a sidebar shows the topics of a cluster and, with a
 * `GtkTreeListModel` whose children are the topics themselves, their
 * partitions. For a newer view of the cluster, call
 * kafka_client_list_topics_async() again and show the new snapshot.
 *
 * |[<!-- language="C" -->
 * static GListModel *
 * partitions_of (gpointer item, gpointer user_data)
 * {
 *   return KAFKA_IS_TOPIC_METADATA (item) ? g_object_ref (item) : NULL;
 * }
 *
 * tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (metadata)), FALSE, FALSE,
 *                                 partitions_of, NULL, NULL);
 * ]|
 */

struct _KafkaClusterMetadata
{
  GObject parent_instance;

  char      *cluster_id;
  gint32     controller_id;
  gint32     orig_broker_id;
  char      *orig_broker_name;
  GPtrArray *brokers;  /* of KafkaBrokerMetadata */
  GPtrArray *topics;   /* of KafkaTopicMetadata */
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_ITEM_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kafka_cluster_metadata_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaClusterMetadata, kafka_cluster_metadata, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kafka_cluster_metadata_model_iface_init))

static GType
kafka_cluster_metadata_get_item_type (GListModel *model)
{
  return KAFKA_TYPE_TOPIC_METADATA;
}

static guint
kafka_cluster_metadata_get_n_items (GListModel *model)
{
  return KAFKA_CLUSTER_METADATA (model)->topics->len;
}

static gpointer
kafka_cluster_metadata_get_item (GListModel *model,
                                 guint       position)
{
  KafkaClusterMetadata *self = KAFKA_CLUSTER_METADATA (model);

  if (position >= self->topics->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->topics, position));
}

static void
kafka_cluster_metadata_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kafka_cluster_metadata_get_item_type;
  iface->get_n_items = kafka_cluster_metadata_get_n_items;
  iface->get_item = kafka_cluster_metadata_get_item;
}

static void
kafka_cluster_metadata_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KafkaClusterMetadata *self = KAFKA_CLUSTER_METADATA (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->topics->len);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, KAFKA_TYPE_TOPIC_METADATA);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_cluster_metadata_finalize (GObject *object)
{
  KafkaClusterMetadata *self = KAFKA_CLUSTER_METADATA (object);

  g_free (self->cluster_id);
  g_free (self->orig_broker_name);
  g_ptr_array_unref (self->brokers);
  g_ptr_array_unref (self->topics);

  G_OBJECT_CLASS (kafka_cluster_metadata_parent_class)->finalize (object);
}

static void
kafka_cluster_metadata_class_init (KafkaClusterMetadataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_cluster_metadata_finalize;
  object_class->get_property = kafka_cluster_metadata_get_property;

  /**
   * KafkaClusterMetadata:n-items:
   *
   * The number of topics, as g_list_model_get_n_items() returns it.
   *
   * Since: 1.0
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaClusterMetadata:item-type:
   *
   * The type of the items, #KAFKA_TYPE_TOPIC_METADATA.
   *
   * Since: 1.0
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_cluster_metadata_init (KafkaClusterMetadata *self)
{
}

KafkaClusterMetadata *
kafka_cluster_metadata_new_from_rd (const rd_kafka_metadata_t *md,
                                    const char                *cluster_id,
                                    gint32                     controller_id)
{
  KafkaClusterMetadata *self = g_object_new (KAFKA_TYPE_CLUSTER_METADATA, NULL);

  self->cluster_id = g_strdup (cluster_id);
  self->controller_id = controller_id;
  self->orig_broker_id = md->orig_broker_id;
  self->orig_broker_name = g_strdup (md->orig_broker_name);
  self->brokers = g_ptr_array_new_full (md->broker_cnt, g_object_unref);
  for (int i = 0; i < md->broker_cnt; i++)
    g_ptr_array_add (self->brokers, kafka_broker_metadata_new_from_rd (&md->brokers[i]));
  self->topics = g_ptr_array_new_full (md->topic_cnt, g_object_unref);
  for (int i = 0; i < md->topic_cnt; i++)
    g_ptr_array_add (self->topics, kafka_topic_metadata_new_from_rd (&md->topics[i]));
  return self;
}

/**
 * kafka_cluster_metadata_get_cluster_id:
 * @self: a #KafkaClusterMetadata
 *
 * Gets the cluster id.
 *
 * Returns: (transfer none) (nullable): the cluster id, or %NULL if the broker
 *   did not tell it
 *
 * Since: 1.0
 */
const char *
kafka_cluster_metadata_get_cluster_id (KafkaClusterMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), NULL);

  return self->cluster_id;
}

/**
 * kafka_cluster_metadata_get_controller_id:
 * @self: a #KafkaClusterMetadata
 *
 * Gets the id of the controller broker.
 *
 * Returns: the controller's broker id, or -1 if not known
 *
 * Since: 1.0
 */
gint32
kafka_cluster_metadata_get_controller_id (KafkaClusterMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), -1);

  return self->controller_id;
}

/**
 * kafka_cluster_metadata_get_orig_broker_id:
 * @self: a #KafkaClusterMetadata
 *
 * Gets the id of the broker that answered the metadata request.
 *
 * Returns: the broker id
 *
 * Since: 1.0
 */
gint32
kafka_cluster_metadata_get_orig_broker_id (KafkaClusterMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), -1);

  return self->orig_broker_id;
}

/**
 * kafka_cluster_metadata_get_orig_broker_name:
 * @self: a #KafkaClusterMetadata
 *
 * Gets the name of the broker that answered the metadata request.
 *
 * Returns: (transfer none) (nullable): the broker's name
 *
 * Since: 1.0
 */
const char *
kafka_cluster_metadata_get_orig_broker_name (KafkaClusterMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), NULL);

  return self->orig_broker_name;
}

/**
 * kafka_cluster_metadata_get_brokers:
 * @self: a #KafkaClusterMetadata
 *
 * Gets the brokers of the cluster.
 *
 * Returns: (transfer none) (element-type KafkaBrokerMetadata): the brokers
 *
 * Since: 1.0
 */
GPtrArray *
kafka_cluster_metadata_get_brokers (KafkaClusterMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), NULL);

  return self->brokers;
}

/**
 * kafka_cluster_metadata_get_broker:
 * @self: a #KafkaClusterMetadata
 * @id: a broker id
 *
 * Looks up the broker with id @id.
 *
 * Returns: (transfer none) (nullable): the broker, or %NULL if there is none
 *
 * Since: 1.0
 */
KafkaBrokerMetadata *
kafka_cluster_metadata_get_broker (KafkaClusterMetadata *self,
                                   gint32                id)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), NULL);

  for (guint i = 0; i < self->brokers->len; i++)
    {
      KafkaBrokerMetadata *b = g_ptr_array_index (self->brokers, i);

      if (kafka_broker_metadata_get_id (b) == id)
        return b;
    }
  return NULL;
}

/**
 * kafka_cluster_metadata_get_topics:
 * @self: a #KafkaClusterMetadata
 *
 * Gets the topics described.
 *
 * Returns: (transfer none) (element-type KafkaTopicMetadata): the topics
 *
 * Since: 1.0
 */
GPtrArray *
kafka_cluster_metadata_get_topics (KafkaClusterMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), NULL);

  return self->topics;
}

/**
 * kafka_cluster_metadata_get_topic:
 * @self: a #KafkaClusterMetadata
 * @name: a topic name
 *
 * Looks up the topic called @name.
 *
 * Returns: (transfer none) (nullable): the topic, or %NULL if it is not
 *   described
 *
 * Since: 1.0
 */
KafkaTopicMetadata *
kafka_cluster_metadata_get_topic (KafkaClusterMetadata *self,
                                  const char           *name)
{
  g_return_val_if_fail (KAFKA_IS_CLUSTER_METADATA (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->topics->len; i++)
    {
      KafkaTopicMetadata *t = g_ptr_array_index (self->topics, i);

      if (strcmp (kafka_topic_metadata_get_name (t), name) == 0)
        return t;
    }
  return NULL;
}
