/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-admin-client-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-admin-client.h"
#include "kafka-client-private.h"

G_BEGIN_DECLS

/* What the parts of KafkaAdminClient share: kafka-admin-client.c (the
 * object and its events), kafka-admin-request.c (a request from its
 * options to its result, blocking or async), and the calls by concern:
 * kafka-admin-client-topics.c, kafka-admin-client-groups.c and
 * kafka-admin-client-acls.c. */

/* librdkafka's own request timeout fires first: ours only catches a request
 * librdkafka never answers */
#define ADMIN_GRACE_MS 1000
/* the longest request timeout librdkafka takes */
#define ADMIN_MAX_TIMEOUT_MS (3600 * 1000)

typedef enum {
  OP_CREATE_TOPICS,
  OP_DELETE_TOPICS,
  OP_CREATE_PARTITIONS,
  OP_DESCRIBE_CONFIGS,
  OP_ALTER_CONFIGS,
  OP_DELETE_RECORDS,
  OP_LIST_GROUPS,
  OP_DESCRIBE_GROUPS,
  OP_DELETE_GROUPS,
  OP_LIST_GROUP_OFFSETS,
  OP_LIST_GROUP_LAG,
  OP_ALTER_GROUP_OFFSETS,
  OP_DELETE_GROUP_OFFSETS,
  OP_CREATE_ACLS,
  OP_DESCRIBE_ACLS,
  OP_DELETE_ACLS,
} AdminOp;

/* One request: built on the caller's thread, sent once; librdkafka copies
 * what it is given, so the request's own objects go as soon as it is sent.
 * A request that could not be made holds its error, which the blocking or
 * async run of the call reports: each call is one admin_request_new*() into
 * admin_run_sync() or admin_run_async(), and admin_finish(). */
typedef struct {
  AdminOp                  op;
  KafkaHandle             *handle;   /* librdkafka stays while the request lives */
  rd_kafka_t              *rk;
  rd_kafka_AdminOptions_t *options;
  int                      timeout_ms;
  GPtrArray               *objects;  /* librdkafka's, with their destroy function */
  char                   **names;    /* the groups to describe */
  rd_kafka_AclBinding_t   *filter;   /* describe_acls */
  GPtrArray               *acls;     /* create_acls: the bindings given, for the results */
  char                    *group;    /* the group of a one-group call */
  GError                  *error;    /* why it could not be made: its run reports it */
} AdminRequest;

/* An async call, from the request to the task's return. The task holds a
 * reference (its task data), and so does the request librdkafka has (the
 * event's opaque) until its event is served or the client shuts down. */
typedef struct {
  KafkaWait        wait;     /* first: the task, timeout and cancellable */
  gatomicrefcount  ref;
  AdminRequest    *req;
  GMainContext    *context;  /* the client's */
} AdminCall;

struct _KafkaAdminClient
{
  KafkaClient parent_instance;

  /* async calls whose request librdkafka has not answered: each holds a
   * reference. Added to from any thread. */
  GMutex      calls_lock;
  GHashTable *calls;
};

void
admin_request_free (AdminRequest *req);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AdminRequest, admin_request_free)

/* Never NULL: check req->error before adding to the request. */
AdminRequest *
admin_request_new (KafkaAdminClient   *self,
                   AdminOp             op,
                   KafkaAdminOptions  *options,
                   int                 timeout_ms);

/* A call taking a list of objects: #KafkaNewTopic, #KafkaNewPartitions,
 * #KafkaConfigResource (describe or alter), #KafkaAclBinding (create, or
 * filters to delete). */
AdminRequest *
admin_request_new_items (KafkaAdminClient   *self,
                         AdminOp             op,
                         GPtrArray          *items,
                         KafkaAdminOptions  *options,
                         int                 timeout_ms);

/* A call taking names: delete topics, describe or delete groups. */
AdminRequest *
admin_request_new_names (KafkaAdminClient   *self,
                         AdminOp             op,
                         const char * const *names,
                         KafkaAdminOptions  *options,
                         int                 timeout_ms);

gpointer
admin_run_sync (AdminRequest  *req,
                GError       **error);

void
admin_call_unref (AdminCall *call);

void
admin_call_return (AdminCall *call,
                   gpointer   result,
                   GError    *error);

void
admin_call_answered (AdminCall        *call,
                     rd_kafka_event_t *event);

void
admin_run_async (KafkaAdminClient    *self,
                 AdminRequest        *req,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data);

gpointer
admin_finish (KafkaAdminClient  *self,
              GAsyncResult      *result,
              gpointer           source_tag,
              GError           **error);

gboolean
is_admin_result (rd_kafka_event_t *event);

G_END_DECLS
