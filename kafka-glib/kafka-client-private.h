/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What producer and consumer share: the librdkafka handle, the configuration,
 * the GMainContext captured at construction and the one GSource that serves
 * the client's queues there.
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-client-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-client.h"
#include "kafka-handle-private.h"

G_BEGIN_DECLS

typedef struct {
  /* librdkafka events enabled beyond ERROR, LOG and STATS */
  int events;
  /* Called on the configuration before the handle is created (callbacks
   * that librdkafka serves from our own poll calls, such as rebalance_cb). */
  void (*configure)    (KafkaClient *client, rd_kafka_conf_t *conf);
  /* Serves a watched queue other than the main one, once, without waiting;
   * returns how many things it served (0: the queue is empty). */
  int  (*serve_queue)  (KafkaClient *client, rd_kafka_queue_t *queue);
  /* rd_kafka_destroy_flags() flags */
  int destroy_flags;
  /* Called for each event the base class does not handle itself (DR,
   * REBALANCE, OFFSET_COMMIT, FETCH…), on the thread that serves the queue.
   * The event is destroyed by the caller afterwards. Returns how many things
   * it served (messages of a delivery report, say). */
  int  (*handle_event) (KafkaClient *client, rd_kafka_event_t *event);
  /* Called from dispose before librdkafka is torn down, with no dispatch
   * running: a chance to purge, close, and fail pending tasks. */
  void (*shutdown)     (KafkaClient *client);
} KafkaClientHooks;

/* A new reference to the client's librdkafka handle (kafka-handle-private.h). */
KafkaHandle      *kafka_client_ref_handle       (KafkaClient             *self);

/* Builds the librdkafka handle from the "config" property and attaches the
 * source to the captured context. For a subclass's GInitable.init. */
gboolean          kafka_client_start            (KafkaClient             *self,
                                                 rd_kafka_type_t          type,
                                                 const KafkaClientHooks  *hooks,
                                                 GError                 **error);

rd_kafka_t       *kafka_client_get_handle       (KafkaClient             *self);

/* The value of @key in the configuration the client was built from, as
 * given (secrets included), or NULL: for the library's own reads, without
 * kafka_client_get_config()'s redacted copy. The configuration is fixed at
 * construction, so the string lives as long as the client. */
const char       *kafka_client_lookup_config    (KafkaClient             *self,
                                                 const char              *key);

/* librdkafka is busy with something it will only give up after its own
 * timeouts (a consumer's close with an unreachable coordinator): when the
 * handle goes, destroy it on a thread of its own rather than block the
 * thread that drops it. */
void              kafka_client_destroy_in_background (KafkaClient        *self);

/* Adds a queue that the source serves, through hooks->serve_queue (the
 * main queue is always there), or stops serving it. The caller keeps it. */
void              kafka_client_watch_queue      (KafkaClient             *self,
                                                 rd_kafka_queue_t        *queue);
void              kafka_client_unwatch_queue    (KafkaClient             *self,
                                                 rd_kafka_queue_t        *queue);

/* Serves a watched queue once through hooks->serve_queue, as a dispatch. */
int               kafka_client_serve_queue      (KafkaClient             *self,
                                                 rd_kafka_queue_t        *queue);

/* Serves @queue on the calling thread: waits up to @timeout_ms for a first
 * event, then drains what is there without waiting. Returns the number of
 * events served. */
int               kafka_client_serve            (KafkaClient             *self,
                                                 rd_kafka_queue_t        *queue,
                                                 int                      timeout_ms);

rd_kafka_queue_t *kafka_client_get_main_queue   (KafkaClient             *self);

/* TRUE once dispose started: stop emitting. */
gboolean          kafka_client_is_disposed      (KafkaClient             *self);

/* TRUE once nobody but a running dispatch holds the client (a handler
 * dropped the last reference) or it is disposed: emit nothing more. */
gboolean          kafka_client_should_stop      (KafkaClient             *self);

/* TRUE if the calling thread may use the client's main context: it runs
 * it, or nobody does (g_main_context_acquire() succeeds). For the calls
 * that must start on that context (flush_async, consume_async,
 * close_async): a g_return_if_fail() check. */
gboolean          kafka_client_is_context_thread (KafkaClient            *self);

/* Sets @error (%KAFKA_ERROR_STATE) if the handle is gone or the client was
 * closed for good. */
gboolean          kafka_client_check_open       (KafkaClient             *self,
                                                 GError                 **error);

/* From now on, every call that kafka_client_check_open() guards fails at
 * once with @message (a static string saying what to do). */
void              kafka_client_mark_closed      (KafkaClient             *self,
                                                 const char              *message);

/* Sets @error for a request to the cluster (kafka-client-cluster.c) that
 * failed with @err: the client's authentication or TLS failure instead,
 * when that is why no broker answered. Serves the client's queued error
 * events first when @may_serve (the calling thread may run the client's
 * context). */
void              kafka_client_set_request_error (KafkaClient          *self,
                                                  GError              **error,
                                                  rd_kafka_resp_err_t   err,
                                                  gboolean              may_serve,
                                                  const char           *context);

/* A request reached the cluster: forget the last authentication failure. */
void              kafka_client_clear_auth_error (KafkaClient            *self);

/* A GTask that waits for something the client's source will see (reports,
 * messages, an admin answer), with a timeout and a cancellable both
 * delivered on the client's context: the one waiter mechanism of the
 * flush_async(), consume_async() and admin calls. @on_timeout gets the
 * wait; @on_cancelled gets the wait and the cancellation's error (to
 * return) if the wait is still going when the cancellation is served,
 * never after kafka_wait_clear(). Embed it first in a waiter struct. */
typedef struct _KafkaWait KafkaWait;
typedef void (*KafkaWaitCancelled) (KafkaWait *wait,
                                    GError    *error);

struct _KafkaWait {
  KafkaClient        *client;
  GTask              *task;
  GSource            *timeout;
  gulong              cancel_id;
  KafkaWaitCancelled  on_cancelled;
};

void              kafka_wait_start              (KafkaWait               *wait,
                                                 KafkaClient             *client,
                                                 GTask                   *task,
                                                 int                      timeout_ms,
                                                 GSourceFunc              on_timeout,
                                                 KafkaWaitCancelled       on_cancelled);
/* Stops the timeout and the cancellable handler and drops the task. */
void              kafka_wait_clear              (KafkaWait               *wait);
/* The one way a wait ends with its task to return: stops it as
 * kafka_wait_clear() does and hands over the task (transfer full), which
 * the caller returns, with the result of its kind, once it has forgotten
 * the waiter: the task's callback may run right there and do anything
 * (start another wait, drop the client). */
GTask            *kafka_wait_finish             (KafkaWait               *wait);

/* The va_marshaller of the signals emitted per message with one object
 * argument (VOID:OBJECT): as GLib's, without a reference of its own on the
 * argument, which the emitter holds through the emission. */
void              kafka_marshal_VOID__OBJECTv   (GClosure                *closure,
                                                 GValue                  *return_value,
                                                 gpointer                 instance,
                                                 va_list                  args,
                                                 gpointer                 marshal_data,
                                                 int                      n_params,
                                                 GType                   *param_types);

G_END_DECLS
