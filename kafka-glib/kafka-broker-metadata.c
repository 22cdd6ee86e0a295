/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-broker-metadata.h"
#include "kafka-metadata-private.h"

/**
 * SECTION:kafka-broker-metadata
 * @Title: KafkaBrokerMetadata
 * @Short_description: a broker of the cluster
 *
 * A broker as cluster metadata describes it (see kafka_client_list_topics()):
 * its id, host and port. Read-only.
 */

struct _KafkaBrokerMetadata
{
  GObject parent_instance;

  gint32   id;
  guint16  port;
  char    *host;
};

G_DEFINE_FINAL_TYPE (KafkaBrokerMetadata, kafka_broker_metadata, G_TYPE_OBJECT)

static void
kafka_broker_metadata_finalize (GObject *object)
{
  KafkaBrokerMetadata *self = KAFKA_BROKER_METADATA (object);

  g_free (self->host);

  G_OBJECT_CLASS (kafka_broker_metadata_parent_class)->finalize (object);
}

static void
kafka_broker_metadata_class_init (KafkaBrokerMetadataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kafka_broker_metadata_finalize;
}

static void
kafka_broker_metadata_init (KafkaBrokerMetadata *self)
{
}

KafkaBrokerMetadata *
kafka_broker_metadata_new_from_rd (const rd_kafka_metadata_broker_t *md)
{
  KafkaBrokerMetadata *self = g_object_new (KAFKA_TYPE_BROKER_METADATA, NULL);

  self->id = md->id;
  self->host = g_strdup (md->host);
  self->port = (guint16) md->port;
  return self;
}

/**
 * kafka_broker_metadata_get_id:
 * @self: a #KafkaBrokerMetadata
 *
 * Gets the broker's id (its `node.id`).
 *
 * Returns: the broker id
 *
 * Since: 1.0
 */
gint32
kafka_broker_metadata_get_id (KafkaBrokerMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_BROKER_METADATA (self), -1);

  return self->id;
}

/**
 * kafka_broker_metadata_get_host:
 * @self: a #KafkaBrokerMetadata
 *
 * Gets the host name the broker advertises.
 *
 * Returns: (transfer none): the host
 *
 * Since: 1.0
 */
const char *
kafka_broker_metadata_get_host (KafkaBrokerMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_BROKER_METADATA (self), NULL);

  return self->host;
}

/**
 * kafka_broker_metadata_get_port:
 * @self: a #KafkaBrokerMetadata
 *
 * Gets the port the broker advertises.
 *
 * Returns: the port
 *
 * Since: 1.0
 */
guint16
kafka_broker_metadata_get_port (KafkaBrokerMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_BROKER_METADATA (self), 0);

  return self->port;
}
