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

/* How long dropping the last reference may block: librdkafka 2.0.2 can
 * wait forever in rd_kafka_destroy() (its main thread joins a broker thread
 * that never ends, e.g. after a topic a closed consumer had was deleted). */
#define DESTROY_TIMEOUT_MS 10000

typedef struct {
  KafkaHandle *handle;
  GMutex       lock;
  GCond        cond;
  gboolean     done;       /* under lock */
  gboolean     abandoned;  /* under lock: the caller stopped waiting */
} Destroy;

static void
destroy_free (Destroy *d)
{
  g_mutex_clear (&d->lock);
  g_cond_clear (&d->cond);
  g_free (d->handle);
  g_free (d);
}

static gpointer
handle_destroy_thread (gpointer data)
{
  Destroy *d = data;
  gboolean abandoned;

  rd_kafka_destroy_flags (d->handle->rk, d->handle->destroy_flags);
  g_mutex_lock (&d->lock);
  d->done = TRUE;
  abandoned = d->abandoned;
  g_cond_signal (&d->cond);
  g_mutex_unlock (&d->lock);
  /* whoever is the last to look frees it */
  if (abandoned)
    destroy_free (d);
  return NULL;
}

/* Destroys on a thread of its own, waiting for it at most @timeout_ms
 * (0: not at all): the caller never blocks longer, whatever librdkafka
 * does. */
static void
handle_destroy (KafkaHandle *handle,
                int          timeout_ms)
{
  Destroy *d = g_new0 (Destroy, 1);
  GThread *thread;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean done;

  d->handle = handle;
  g_mutex_init (&d->lock);
  g_cond_init (&d->cond);
  thread = g_thread_new ("kafka-destroy", handle_destroy_thread, d);

  g_mutex_lock (&d->lock);
  while (!d->done && timeout_ms > 0)
    if (!g_cond_wait_until (&d->cond, &d->lock, deadline))
      break;
  done = d->done;
  d->abandoned = !done;
  g_mutex_unlock (&d->lock);

  if (done)
    {
      g_thread_join (thread);
      destroy_free (d);
      return;
    }
  g_thread_unref (thread);
  if (timeout_ms > 0)
    g_warning ("librdkafka did not finish destroying a client in %d s: it goes on "
               "in the background (librdkafka 2.0.2 can wait forever there, e.g. "
               "after a topic a consumer had was deleted)", timeout_ms / 1000);
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

  /* in the background at once when librdkafka is known to be still
   * waiting for something (it would block the caller until it gives up by
   * itself); otherwise waited for, up to the bound */
  handle_destroy (handle, g_atomic_int_get (&handle->destroy_in_background)
                          ? 0 : DESTROY_TIMEOUT_MS);
}

void
kafka_handle_destroy_in_background (KafkaHandle *handle)
{
  g_atomic_int_set (&handle->destroy_in_background, TRUE);
}
