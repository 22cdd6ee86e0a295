/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-handle-private.h is private to kafka-glib"
#endif

#include <glib.h>
#include <librdkafka/rdkafka.h>

G_BEGIN_DECLS

/* The librdkafka handle with a reference count: the client holds one, and
 * so does every consumed message that points into librdkafka's buffers
 * (rd_kafka_destroy() waits for all of them to be destroyed first, so the
 * handle is destroyed with the last of them), and every call that runs
 * on another thread (a transaction, an admin request). */
typedef struct _KafkaHandle KafkaHandle;

/* Takes @rk, destroyed with @destroy_flags (rd_kafka_destroy_flags()) when
 * the last reference goes: on a thread of its own, which the thread that
 * dropped the reference waits for at most 10 s (then a warning says that
 * librdkafka goes on in the background). */
KafkaHandle *kafka_handle_new                   (rd_kafka_t  *rk,
                                                 int          destroy_flags);
KafkaHandle *kafka_handle_ref                   (KafkaHandle *handle);
void         kafka_handle_unref                 (KafkaHandle *handle);

/* librdkafka is busy with something it will only give up after its own
 * timeouts (a consumer's close with an unreachable coordinator): when the
 * last reference goes, destroy it on a thread of its own rather than block
 * the thread that drops it. Thread-safe. */
void         kafka_handle_destroy_in_background (KafkaHandle *handle);

G_END_DECLS
