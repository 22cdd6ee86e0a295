/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <kafka-glib/kafka-client.h>
#include <kafka-glib/kafka-acl-binding.h>
#include <kafka-glib/kafka-admin-options.h>
#include <kafka-glib/kafka-admin-result.h>
#include <kafka-glib/kafka-config-resource.h>
#include <kafka-glib/kafka-consumer-group-description.h>
#include <kafka-glib/kafka-delete-acls-result.h>
#include <kafka-glib/kafka-list-consumer-groups-result.h>
#include <kafka-glib/kafka-new-partitions.h>
#include <kafka-glib/kafka-new-topic.h>
#include <kafka-glib/kafka-partition-lag.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_ADMIN_CLIENT:
 *
 * The #GType of #KafkaAdminClient.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_ADMIN_CLIENT (kafka_admin_client_get_type ())

/**
 * KafkaAdminClient:
 *
 * A client that administers a Kafka cluster: topics, partitions,
 * configurations, records, consumer groups and their offsets, ACLs. The
 * structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaAdminClient, kafka_admin_client, KAFKA, ADMIN_CLIENT, KafkaClient)

KAFKA_AVAILABLE_IN_1_0
KafkaAdminClient *kafka_admin_client_new (GHashTable           *config,
                                          GError              **error);
KAFKA_AVAILABLE_IN_1_0
int kafka_admin_client_poll (KafkaAdminClient     *self,
                             int                   timeout_ms);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_create_topics (KafkaAdminClient     *self,
                                             GPtrArray            *new_topics,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_create_topics_async (KafkaAdminClient     *self,
                                             GPtrArray            *new_topics,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_create_topics_finish (KafkaAdminClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_topics (KafkaAdminClient     *self,
                                             const char * const   *topics,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_delete_topics_async (KafkaAdminClient     *self,
                                             const char * const   *topics,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_topics_finish (KafkaAdminClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_create_partitions (KafkaAdminClient     *self,
                                                 GPtrArray            *new_partitions,
                                                 KafkaAdminOptions    *options,
                                                 int                   timeout_ms,
                                                 GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_create_partitions_async (KafkaAdminClient     *self,
                                                 GPtrArray            *new_partitions,
                                                 KafkaAdminOptions    *options,
                                                 int                   timeout_ms,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_create_partitions_finish (KafkaAdminClient     *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_describe_configs (KafkaAdminClient     *self,
                                                GPtrArray            *resources,
                                                KafkaAdminOptions    *options,
                                                int                   timeout_ms,
                                                GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_describe_configs_async (KafkaAdminClient     *self,
                                                GPtrArray            *resources,
                                                KafkaAdminOptions    *options,
                                                int                   timeout_ms,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_describe_configs_finish (KafkaAdminClient     *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_alter_configs (KafkaAdminClient     *self,
                                             GPtrArray            *resources,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_alter_configs_async (KafkaAdminClient     *self,
                                             GPtrArray            *resources,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_alter_configs_finish (KafkaAdminClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_records (KafkaAdminClient     *self,
                                              GPtrArray            *before_offsets,
                                              KafkaAdminOptions    *options,
                                              int                   timeout_ms,
                                              GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_delete_records_async (KafkaAdminClient     *self,
                                              GPtrArray            *before_offsets,
                                              KafkaAdminOptions    *options,
                                              int                   timeout_ms,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_records_finish (KafkaAdminClient     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

KAFKA_AVAILABLE_IN_1_0
KafkaListConsumerGroupsResult *kafka_admin_client_list_consumer_groups (KafkaAdminClient     *self,
                                                                        KafkaAdminOptions    *options,
                                                                        int                   timeout_ms,
                                                                        GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_list_consumer_groups_async (KafkaAdminClient     *self,
                                                    KafkaAdminOptions    *options,
                                                    int                   timeout_ms,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
KafkaListConsumerGroupsResult *kafka_admin_client_list_consumer_groups_finish (KafkaAdminClient     *self,
                                                                               GAsyncResult         *result,
                                                                               GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_describe_consumer_groups (KafkaAdminClient     *self,
                                                        const char * const   *groups,
                                                        KafkaAdminOptions    *options,
                                                        int                   timeout_ms,
                                                        GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_describe_consumer_groups_async (KafkaAdminClient     *self,
                                                        const char * const   *groups,
                                                        KafkaAdminOptions    *options,
                                                        int                   timeout_ms,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_describe_consumer_groups_finish (KafkaAdminClient     *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_groups (KafkaAdminClient     *self,
                                             const char * const   *groups,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_delete_groups_async (KafkaAdminClient     *self,
                                             const char * const   *groups,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_groups_finish (KafkaAdminClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_list_consumer_group_offsets (KafkaAdminClient     *self,
                                                           const char           *group,
                                                           GPtrArray            *partitions,
                                                           KafkaAdminOptions    *options,
                                                           int                   timeout_ms,
                                                           GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_list_consumer_group_offsets_async (KafkaAdminClient     *self,
                                                           const char           *group,
                                                           GPtrArray            *partitions,
                                                           KafkaAdminOptions    *options,
                                                           int                   timeout_ms,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_list_consumer_group_offsets_finish (KafkaAdminClient     *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_list_consumer_group_lag (KafkaAdminClient     *self,
                                                       const char           *group,
                                                       GPtrArray            *partitions,
                                                       KafkaAdminOptions    *options,
                                                       int                   timeout_ms,
                                                       GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_list_consumer_group_lag_async (KafkaAdminClient     *self,
                                                       const char           *group,
                                                       GPtrArray            *partitions,
                                                       KafkaAdminOptions    *options,
                                                       int                   timeout_ms,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_list_consumer_group_lag_finish (KafkaAdminClient     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_alter_consumer_group_offsets (KafkaAdminClient     *self,
                                                            const char           *group,
                                                            GPtrArray            *offsets,
                                                            KafkaAdminOptions    *options,
                                                            int                   timeout_ms,
                                                            GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_alter_consumer_group_offsets_async (KafkaAdminClient     *self,
                                                            const char           *group,
                                                            GPtrArray            *offsets,
                                                            KafkaAdminOptions    *options,
                                                            int                   timeout_ms,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_alter_consumer_group_offsets_finish (KafkaAdminClient     *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_consumer_group_offsets (KafkaAdminClient     *self,
                                                             const char           *group,
                                                             GPtrArray            *partitions,
                                                             KafkaAdminOptions    *options,
                                                             int                   timeout_ms,
                                                             GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_delete_consumer_group_offsets_async (KafkaAdminClient     *self,
                                                             const char           *group,
                                                             GPtrArray            *partitions,
                                                             KafkaAdminOptions    *options,
                                                             int                   timeout_ms,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_consumer_group_offsets_finish (KafkaAdminClient     *self,
                                                                    GAsyncResult         *result,
                                                                    GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_create_acls (KafkaAdminClient     *self,
                                           GPtrArray            *acls,
                                           KafkaAdminOptions    *options,
                                           int                   timeout_ms,
                                           GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_create_acls_async (KafkaAdminClient     *self,
                                           GPtrArray            *acls,
                                           KafkaAdminOptions    *options,
                                           int                   timeout_ms,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_create_acls_finish (KafkaAdminClient     *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_describe_acls (KafkaAdminClient     *self,
                                             KafkaAclBinding      *filter,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_describe_acls_async (KafkaAdminClient     *self,
                                             KafkaAclBinding      *filter,
                                             KafkaAdminOptions    *options,
                                             int                   timeout_ms,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_describe_acls_finish (KafkaAdminClient     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_acls (KafkaAdminClient     *self,
                                           GPtrArray            *filters,
                                           KafkaAdminOptions    *options,
                                           int                   timeout_ms,
                                           GError              **error);
KAFKA_AVAILABLE_IN_1_0
void kafka_admin_client_delete_acls_async (KafkaAdminClient     *self,
                                           GPtrArray            *filters,
                                           KafkaAdminOptions    *options,
                                           int                   timeout_ms,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_admin_client_delete_acls_finish (KafkaAdminClient     *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
