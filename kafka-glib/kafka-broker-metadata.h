/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_BROKER_METADATA:
 *
 * The #GType of #KafkaBrokerMetadata.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_BROKER_METADATA (kafka_broker_metadata_get_type ())

/**
 * KafkaBrokerMetadata:
 *
 * A broker of the cluster, as #KafkaClusterMetadata describes it. The
 * structure is opaque: read it with the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaBrokerMetadata, kafka_broker_metadata, KAFKA, BROKER_METADATA, GObject)

KAFKA_AVAILABLE_IN_1_0
gint32      kafka_broker_metadata_get_id   (KafkaBrokerMetadata *self);
KAFKA_AVAILABLE_IN_1_0
const char *kafka_broker_metadata_get_host (KafkaBrokerMetadata *self);
KAFKA_AVAILABLE_IN_1_0
guint16     kafka_broker_metadata_get_port (KafkaBrokerMetadata *self);

G_END_DECLS
