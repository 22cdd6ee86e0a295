/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the admin client needs of its request and result classes: each builds
 * its librdkafka counterpart, or is built from librdkafka's result (copying
 * everything: results outlive librdkafka's event).
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-admin-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-acl-binding.h"
#include "kafka-admin-options.h"
#include "kafka-admin-result.h"
#include "kafka-config-entry.h"
#include "kafka-config-resource.h"
#include "kafka-consumer-group-description.h"
#include "kafka-consumer-group-listing.h"
#include "kafka-delete-acls-result.h"
#include "kafka-list-consumer-groups-result.h"
#include "kafka-member-description.h"
#include "kafka-new-partitions.h"
#include "kafka-new-topic.h"
#include "kafka-partition-lag.h"

G_BEGIN_DECLS

/* The replica assignment of a new topic or new partitions: broker ids by
 * (new) partition index, in a GPtrArray of GArrays with NULL holes. */
void                       kafka_replica_assignment_set (GPtrArray   **assignment,
                                                         gint32        index,
                                                         const gint32 *broker_ids,
                                                         gsize         n_broker_ids);
const gint32              *kafka_replica_assignment_get (GPtrArray    *assignment,
                                                         gint32        index,
                                                         gsize        *n_broker_ids);

/* Requests: a new librdkafka object (the caller destroys it), or NULL with
 * @error set (KAFKA_ERROR_INVALID_ARG, naming the item) */
rd_kafka_AdminOptions_t   *kafka_admin_options_to_rd   (KafkaAdminOptions   *self,
                                                        rd_kafka_t          *rk,
                                                        rd_kafka_admin_op_t  op,
                                                        const char          *op_name,
                                                        int                  timeout_ms,
                                                        GError             **error);
rd_kafka_NewTopic_t       *kafka_new_topic_to_rd       (KafkaNewTopic       *self,
                                                        GError             **error);
rd_kafka_NewPartitions_t  *kafka_new_partitions_to_rd  (KafkaNewPartitions  *self,
                                                        GError             **error);
/* with the entries set on it for AlterConfigs, without for DescribeConfigs */
rd_kafka_ConfigResource_t *kafka_config_resource_to_rd (KafkaConfigResource *self,
                                                        gboolean             with_entries,
                                                        GError             **error);
/* an AclBinding, or an AclBindingFilter if @filter */
rd_kafka_AclBinding_t     *kafka_acl_binding_to_rd     (KafkaAclBinding     *self,
                                                        gboolean             filter,
                                                        GError             **error);

/* Results: new objects; @error arguments are taken */
KafkaAdminResult              *kafka_admin_result_new                       (const char *name,
                                                                             GError     *error);
KafkaConfigEntry              *kafka_config_entry_new                       (const char *name,
                                                                             const char *value);
KafkaConfigEntry              *kafka_config_entry_new_from_rd               (const rd_kafka_ConfigEntry_t *entry);
KafkaConfigResource           *kafka_config_resource_new_from_rd            (const rd_kafka_ConfigResource_t *resource,
                                                                             const char                      *what);
KafkaAclBinding               *kafka_acl_binding_new_from_rd                (const rd_kafka_AclBinding_t *acl);
KafkaAclBinding               *kafka_acl_binding_copy_with_error            (KafkaAclBinding *self,
                                                                             GError          *error);
KafkaConsumerGroupListing     *kafka_consumer_group_listing_new_from_rd     (const rd_kafka_ConsumerGroupListing_t *listing);
KafkaListConsumerGroupsResult *kafka_list_consumer_groups_result_new        (GPtrArray *groups,
                                                                             GPtrArray *errors);
KafkaMemberDescription        *kafka_member_description_new_from_rd         (const rd_kafka_MemberDescription_t *member);
KafkaConsumerGroupDescription *kafka_consumer_group_description_new_from_rd (const rd_kafka_ConsumerGroupDescription_t *group);
KafkaPartitionLag             *kafka_partition_lag_new                      (const char *topic,
                                                                             gint32      partition,
                                                                             gint64      committed_offset,
                                                                             gint64      high_watermark,
                                                                             GError     *error);
KafkaDeleteAclsResult         *kafka_delete_acls_result_new_from_rd         (const rd_kafka_DeleteAcls_result_response_t *response);

G_END_DECLS
