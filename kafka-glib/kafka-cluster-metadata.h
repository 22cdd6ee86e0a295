/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-broker-metadata.h>
#include <kafka-glib/kafka-topic-metadata.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_CLUSTER_METADATA:
 *
 * The #GType of #KafkaClusterMetadata.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CLUSTER_METADATA (kafka_cluster_metadata_get_type ())

/**
 * KafkaClusterMetadata:
 *
 * The brokers and topics of a cluster, as kafka_client_list_topics() read
 * them. The structure is opaque: read it with the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaClusterMetadata, kafka_cluster_metadata, KAFKA, CLUSTER_METADATA, GObject)

KAFKA_AVAILABLE_IN_1_0
const char          *kafka_cluster_metadata_get_cluster_id       (KafkaClusterMetadata *self);
KAFKA_AVAILABLE_IN_1_0
gint32               kafka_cluster_metadata_get_controller_id    (KafkaClusterMetadata *self);
KAFKA_AVAILABLE_IN_1_0
gint32               kafka_cluster_metadata_get_orig_broker_id   (KafkaClusterMetadata *self);
KAFKA_AVAILABLE_IN_1_0
const char          *kafka_cluster_metadata_get_orig_broker_name (KafkaClusterMetadata *self);
KAFKA_AVAILABLE_IN_1_0
GPtrArray           *kafka_cluster_metadata_get_brokers          (KafkaClusterMetadata *self);
KAFKA_AVAILABLE_IN_1_0
KafkaBrokerMetadata *kafka_cluster_metadata_get_broker           (KafkaClusterMetadata *self,
                                                                  gint32                id);
KAFKA_AVAILABLE_IN_1_0
GPtrArray           *kafka_cluster_metadata_get_topics           (KafkaClusterMetadata *self);
KAFKA_AVAILABLE_IN_1_0
KafkaTopicMetadata  *kafka_cluster_metadata_get_topic            (KafkaClusterMetadata *self,
                                                                  const char           *name);

G_END_DECLS
