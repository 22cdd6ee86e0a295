/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-cluster-metadata.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_CLIENT:
 *
 * The #GType of #KafkaClient.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CLIENT (kafka_client_get_type ())

/**
 * KafkaClient:
 *
 * The abstract base of #KafkaProducer, #KafkaConsumer and #KafkaAdminClient.
 * The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE (KafkaClient, kafka_client, KAFKA, CLIENT, GObject)

/**
 * KafkaClientClass:
 * @parent_class: the parent class
 *
 * The class of #KafkaClient. Only kafka-glib derives from it.
 *
 * Since: 1.0
 */
struct _KafkaClientClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[12];
};

KAFKA_AVAILABLE_IN_1_0
const char           *kafka_client_get_name             (KafkaClient  *self);
KAFKA_AVAILABLE_IN_1_0
GHashTable           *kafka_client_get_config           (KafkaClient  *self);
KAFKA_AVAILABLE_IN_1_0
GMainContext         *kafka_client_get_context          (KafkaClient  *self);
KAFKA_AVAILABLE_IN_1_0
GError               *kafka_client_get_fatal_error      (KafkaClient  *self);
KAFKA_AVAILABLE_IN_1_0
KafkaClusterMetadata *kafka_client_list_topics          (KafkaClient  *self,
                                                         const char   *topic,
                                                         int           timeout_ms,
                                                         GError      **error);
KAFKA_AVAILABLE_IN_1_0
void                  kafka_client_list_topics_async    (KafkaClient         *self,
                                                         const char          *topic,
                                                         int                  timeout_ms,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
KafkaClusterMetadata *kafka_client_list_topics_finish   (KafkaClient         *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
KAFKA_AVAILABLE_IN_1_0
gboolean              kafka_client_get_watermark_offsets (KafkaClient *self,
                                                         const char   *topic,
                                                         gint32        partition,
                                                         gboolean      cached,
                                                         int           timeout_ms,
                                                         gint64       *low,
                                                         gint64       *high,
                                                         GError      **error);
KAFKA_AVAILABLE_IN_1_0
void                  kafka_client_get_watermark_offsets_async  (KafkaClient         *self,
                                                                 const char          *topic,
                                                                 gint32               partition,
                                                                 int                  timeout_ms,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean              kafka_client_get_watermark_offsets_finish (KafkaClient         *self,
                                                                 GAsyncResult        *result,
                                                                 gint64              *low,
                                                                 gint64              *high,
                                                                 GError             **error);

G_END_DECLS
