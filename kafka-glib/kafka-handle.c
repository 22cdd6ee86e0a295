/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-handle-private.h"

struct _KafkaHandle
{
  gatomicrefcount  ref;
  rd_kafka_t      *rk;
  int              destroy_flags;
  gboolean         destroy_in_background;  /* atomic */
};

KafkaHandle *
kafka_handle_new (rd_kafka_t *rk,
                  int         destroy_flags)
{
  KafkaHandle *handle = g_new0 (KafkaHandle, 1);

  g_atomic_ref_count_init (&handle->ref);
  handle->rk = rk;
  handle->destroy_flags = destroy_flags;
  return handle;
}

static gpointer
handle_destroy_thread (gpointer data)
{
  KafkaHandle *handle = data;

  rd_kafka_destroy_flags (handle->rk, handle->destroy_flags);
  g_free (handle);
  return NULL;
}

KafkaHandle *
kafka_handle_ref (KafkaHandle *handle)
{
  g_atomic_ref_count_inc (&handle->ref);
  return handle;
}

void
kafka_handle_unref (KafkaHandle *handle)
{
  if (!g_atomic_ref_count_dec (&handle->ref))
    return;

  if (g_atomic_int_get (&handle->destroy_in_background))
    {
      /* librdkafka would block the caller until it gives up by itself */
      g_thread_unref (g_thread_new ("kafka-destroy", handle_destroy_thread, handle));
      return;
    }
  rd_kafka_destroy_flags (handle->rk, handle->destroy_flags);
  g_free (handle);
}

void
kafka_handle_destroy_in_background (KafkaHandle *handle)
{
  g_atomic_int_set (&handle->destroy_in_background, TRUE);
}
