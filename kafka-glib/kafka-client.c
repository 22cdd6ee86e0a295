/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib-unix.h>
#ifdef HAVE_EVENTFD
#include <sys/eventfd.h>
#endif

#include "kafka-client-private.h"
#include "kafka-client.h"
#include "kafka-topic-partition.h"
#include "kafka-error-private.h"

/**
 * SECTION:kafka-client
 * @Title: KafkaClient
 * @Short_description: what producers and consumers share
 *
 * #KafkaClient is the abstract base of #KafkaProducer, #KafkaConsumer and
 * #KafkaAdminClient. It owns the librdkafka handle built from the
 * configuration given at construction, and emits the signals every kind of
 * client has: #KafkaClient::error, #KafkaClient::stats and #KafkaClient::log.
 *
 * # Main context
 *
 * A client captures the thread-default #GMainContext of the thread that
 * creates it (g_main_context_ref_thread_default()). Every signal it emits and
 * every async callback it runs runs on that context, from a source the client
 * attaches there. The source sleeps on a file descriptor that librdkafka writes
 * only when one of the client's queues goes from empty to non-empty: an idle
 * client causes no wake-up at all. An application with no main loop running
 * gets the same signals, on its own thread, from the client's `poll()` and
 * `flush()` calls.
 *
 * # Configuration
 *
 * The configuration is a table of librdkafka's configuration properties (see
 * librdkafka's `CONFIGURATION.md`), names and values as strings. An unknown
 * name or a bad value fails construction with a %KAFKA_ERROR_INVALID_ARG
 * error that names the property.
 */

/* How many messages (or other events) one dispatch serves before it yields
 * to the rest of the main loop; it stays ready and goes on at the next
 * iteration. */
#define DISPATCH_BUDGET 1024

typedef struct {
  GSource   source;
  GWeakRef  client;
  gpointer  fd_tag;
  gboolean  more;
} KafkaSource;

typedef struct
{
  GHashTable             *config;
  rd_kafka_t             *rk;
  KafkaHandle            *handle;
  rd_kafka_queue_t       *main_queue;
  GPtrArray              *queues;       /* of rd_kafka_queue_t, main first */
  const KafkaClientHooks *hooks;
  GMainContext           *context;
  GSource                *source;
  int                     wake_read_fd;
  int                     wake_write_fd;
  guint                   dispatch_depth;
  guint                   held_refs;    /* references our own dispatch holds */
  gboolean                disposed;
  gboolean                torn_down;
  /* what kafka_client_check_open() says once the subclass closed the
   * client for good (a consumer's close()): NULL while open */
  const char             *closed_message;
  /* The last authentication or TLS failure the error signal reported: a
   * blocking call that timed out (librdkafka only says "transport failure")
   * tells it instead. Set on the client's context, read from any thread. */
  GMutex                  auth_error_lock;
  /* the waits started and not cleared (KafkaWait), which a cancellation
   * looks its wait up in; started and cleared from any thread */
  GMutex                  waits_lock;
  GList                  *waits;
  GError                 *auth_error;
} KafkaClientPrivate;

enum {
  PROP_0,
  PROP_CONFIG,
  PROP_NAME,
  N_PROPS
};

enum {
  SIGNAL_ERROR,
  SIGNAL_STATS,
  SIGNAL_LOG,
  SIGNAL_THROTTLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KafkaClient, kafka_client, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* The source */

static gboolean
kafka_source_prepare (GSource *source,
                      int     *timeout)
{
  *timeout = -1;
  return ((KafkaSource *) source)->more;
}

static gboolean
kafka_source_check (GSource *source)
{
  KafkaSource *ks = (KafkaSource *) source;

  return ks->more || (g_source_query_unix_fd (source, ks->fd_tag) & G_IO_IN) != 0;
}

static void client_drain_wakeups (KafkaClientPrivate *priv);
static gboolean client_drain (KafkaClient *self, int budget);

static gboolean
kafka_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  KafkaSource *ks = (KafkaSource *) source;
  g_autoptr(KafkaClient) client = g_weak_ref_get (&ks->client);
  KafkaClientPrivate *priv;

  if (client == NULL)
    return G_SOURCE_REMOVE;

  priv = kafka_client_get_instance_private (client);
  if (priv->disposed)
    return G_SOURCE_REMOVE;

  /* Clear the wake-up before draining: librdkafka writes again only when a
   * queue goes from empty to non-empty, so whatever arrives after the drain
   * below finds an empty queue and wakes us anew. */
  client_drain_wakeups (priv);
  priv->held_refs++;
  ks->more = !client_drain (client, DISPATCH_BUDGET);
  priv->held_refs--;

  /* the strong reference is dropped here: if a handler let go of the last
   * other one, the client is finalized now, after the dispatch */
  return G_SOURCE_CONTINUE;
}

static void
kafka_source_finalize (GSource *source)
{
  g_weak_ref_clear (&((KafkaSource *) source)->client);
}

static GSourceFuncs kafka_source_funcs = {
  kafka_source_prepare,
  kafka_source_check,
  kafka_source_dispatch,
  kafka_source_finalize,
  NULL, NULL
};

/* ------------------------------------------------------------------------ */
/* Events */

static GLogLevelFlags
syslog_to_glib (int level)
{
  /* librdkafka logs connection failures at "error": they are worth a line on
   * stderr, but not g_warning(), which tests and G_DEBUG=fatal-warnings make
   * fatal. */
  if (level <= 4)
    return G_LOG_LEVEL_MESSAGE;
  if (level <= 6)
    return G_LOG_LEVEL_INFO;
  return G_LOG_LEVEL_DEBUG;
}

static void
handle_log (KafkaClient      *self,
            rd_kafka_event_t *event)
{
  const char *fac = NULL, *str = NULL;
  int level = 6;

  if (rd_kafka_event_log (event, &fac, &str, &level) != 0)
    return;

  /* a connected handler takes the lines over: GLib's log would print each
   * one a second time (Python's logging, say, is where it goes) */
  if (g_signal_has_handler_pending (self, signals[SIGNAL_LOG], 0, FALSE))
    {
      g_signal_emit (self, signals[SIGNAL_LOG], 0, level, fac, str);
      return;
    }

  /* MESSAGE comes last: the arguments after it are its format's */
  g_log_structured ("Kafka", syslog_to_glib (level),
                    "KAFKA_FACILITY", fac,
                    "KAFKA_CLIENT", kafka_client_get_name (self),
                    "MESSAGE", "%s: %s: %s", kafka_client_get_name (self), fac, str);
}

static GError *
fatal_error_new (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);
  char errstr[512] = "";
  rd_kafka_resp_err_t err;

  err = rd_kafka_fatal_error (priv->rk, errstr, sizeof errstr);
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    return NULL;

  return g_error_new (KAFKA_ERROR, KAFKA_ERROR_FATAL,
                      "Fatal error (%s): %s; the client cannot be used any "
                      "more: dispose of it and create a new one",
                      rd_kafka_err2name (err), errstr);
}

static void
handle_error (KafkaClient      *self,
              rd_kafka_event_t *event)
{
  g_autoptr(GError) error = NULL;
  rd_kafka_resp_err_t err = rd_kafka_event_error (event);

  if (rd_kafka_event_error_is_fatal (event))
    error = fatal_error_new (self);
  if (error == NULL)
    error = kafka_error_new_rd_text (err, rd_kafka_event_error_string (event));

  if (g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_AUTHENTICATION) ||
      g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_SSL))
    {
      KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

      g_mutex_lock (&priv->auth_error_lock);
      g_clear_error (&priv->auth_error);
      priv->auth_error = g_error_copy (error);
      g_mutex_unlock (&priv->auth_error_lock);
    }

  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

/* Sets @error for a request to the cluster that failed with @err (the
 * requests are in kafka-client-cluster.c). When no
 * broker could be reached (librdkafka says "transport failure" or "timed
 * out") because the client failed to authenticate or to verify the broker's
 * certificate, the error is that failure instead, with its code
 * (%KAFKA_ERROR_AUTHENTICATION, %KAFKA_ERROR_SSL) and librdkafka's
 * explanation. The error events librdkafka queued are served first when
 * @may_serve (the calling thread may run the client's context: not a worker
 * thread of an async call, whose error events the context's own dispatch
 * serves while it waits). The queue is served as kafka_producer_poll()
 * serves it: only if this thread can acquire the client's context. */
void
kafka_client_set_request_error (KafkaClient          *self,
                                GError              **error,
                                rd_kafka_resp_err_t   err,
                                gboolean              may_serve,
                                const char           *context)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);
  GError *auth_error = NULL;

  if (err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__TIMED_OUT ||
      err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
    {
      gboolean served = may_serve && g_main_context_acquire (priv->context);

      if (served)
        {
          /* A handler may drop the caller's reference: hold one, counted
           * as the dispatch's own (so that nothing more is emitted then),
           * until the error is read; the callers return right after. */
          g_object_ref (self);
          priv->held_refs++;
          kafka_client_serve (self, priv->main_queue, 0);
          priv->held_refs--;
          g_main_context_release (priv->context);
        }
      g_mutex_lock (&priv->auth_error_lock);
      if (priv->auth_error != NULL)
        auth_error = g_error_copy (priv->auth_error);
      g_mutex_unlock (&priv->auth_error_lock);
      if (served)
        g_object_unref (self);
    }

  if (auth_error == NULL)
    kafka_set_error (error, err, "%s", context);
  else if (auth_error->code == KAFKA_ERROR_AUTHENTICATION)
    g_set_error (error, KAFKA_ERROR, auth_error->code,
                 "%s: %s (check sasl.mechanisms, sasl.username and sasl.password)",
                 context, auth_error->message);
  else
    g_set_error (error, KAFKA_ERROR, auth_error->code, "%s: %s",
                 context, auth_error->message);
  g_clear_error (&auth_error);
}

void
kafka_client_clear_auth_error (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  g_mutex_lock (&priv->auth_error_lock);
  g_clear_error (&priv->auth_error);
  g_mutex_unlock (&priv->auth_error_lock);
}

/* Serves one event; returns how many things it served. */
static int
client_handle_event (KafkaClient      *self,
                     rd_kafka_event_t *event)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  switch (rd_kafka_event_type (event))
    {
    case RD_KAFKA_EVENT_LOG:
      handle_log (self, event);
      return 1;
    case RD_KAFKA_EVENT_ERROR:
      handle_error (self, event);
      return 1;
    case RD_KAFKA_EVENT_STATS:
      g_signal_emit (self, signals[SIGNAL_STATS], 0, rd_kafka_event_stats (event));
      return 1;
    default:
      if (priv->hooks->handle_event != NULL)
        return priv->hooks->handle_event (self, event);
      return 0;
    }
}

static void client_teardown (KafkaClient *self);

/* librdkafka 2.0.2 has no throttle event: the throttle callback is served
 * from the same polls of the main queue as the events are, on our threads
 * (rd_kafka_queue_poll() hands it the operations that are no event). */
static void
client_throttle_cb (rd_kafka_t *rk,
                    const char *broker_name,
                    int32_t     broker_id,
                    int         throttle_time_ms,
                    void       *opaque)
{
  KafkaClient *self = opaque;

  if (!kafka_client_should_stop (self))
    g_signal_emit (self, signals[SIGNAL_THROTTLE], 0, broker_name, (gint) broker_id,
                   (gint) throttle_time_ms);
}

/* Every dispatch holds a reference, so that a handler may drop the app's
 * last one: the client then lives until the dispatch ends, emitting nothing
 * more (see kafka_client_should_stop()). */
static void
client_dispatch_enter (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  g_object_ref (self);
  priv->held_refs++;
  priv->dispatch_depth++;
}

static void
client_dispatch_leave (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  priv->held_refs--;
  /* dispose ran inside a handler: librdkafka is torn down only now, with no
   * event of it still in our hands */
  if (--priv->dispatch_depth == 0 && priv->disposed)
    client_teardown (self);
  g_object_unref (self);
}

gboolean
kafka_client_should_stop (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  return priv->disposed ||
         /* (per message: no checked cast) */
         g_atomic_int_get (&((GObject *) self)->ref_count) <= (int) priv->held_refs;
}

/* Drains every watched queue; FALSE if the budget ran out first. */
static gboolean
client_drain (KafkaClient *self,
              int          budget)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);
  gboolean drained = TRUE;

  client_dispatch_enter (self);
  for (guint i = 0; i < priv->queues->len && !kafka_client_should_stop (self); i++)
    {
      rd_kafka_queue_t *queue = g_ptr_array_index (priv->queues, i);
      rd_kafka_event_t *event;

      while (!kafka_client_should_stop (self))
        {
          int served;

          if (budget <= 0)
            {
              drained = FALSE;
              break;
            }
          if (queue != priv->main_queue)
            {
              served = priv->hooks->serve_queue (self, queue);
              if (served <= 0)
                break;
            }
          else
            {
              event = rd_kafka_queue_poll (queue, 0);
              if (event == NULL)
                break;
              served = client_handle_event (self, event);
              rd_kafka_event_destroy (event);
            }
          /* a delivery report or a batch counts what it emitted */
          budget -= MAX (served, 1);
        }
    }
  client_dispatch_leave (self);

  return drained;
}

int
kafka_client_serve (KafkaClient      *self,
                    rd_kafka_queue_t *queue,
                    int               timeout_ms)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);
  rd_kafka_event_t *event;
  int served = 0;

  if (priv->disposed || priv->rk == NULL)
    return 0;
  /* poll() and consume() look here on every call: nothing to wait for and
   * nothing there costs no more than the look */
  if (timeout_ms == 0 && rd_kafka_queue_length (queue) == 0)
    return 0;

  /* While another thread runs the client's context, its source serves the
   * queues: serving them here too would race it (and emit signals on the
   * wrong thread). */
  if (!g_main_context_acquire (priv->context))
    {
      /* let the owner serve; wait a little so callers that loop (flush)
       * do not spin */
      if (timeout_ms != 0)
        g_usleep (1000 * (timeout_ms < 0 ? 10 : MIN (timeout_ms, 10)));
      return 0;
    }

  client_dispatch_enter (self);
  event = rd_kafka_queue_poll (queue, timeout_ms);
  while (event != NULL)
    {
      served += client_handle_event (self, event);
      rd_kafka_event_destroy (event);
      if (kafka_client_should_stop (self))
        break;
      event = rd_kafka_queue_poll (queue, 0);
    }
  client_dispatch_leave (self);
  g_main_context_release (priv->context);

  return served;
}

/* ------------------------------------------------------------------------ */
/* Marshalling */

void
kafka_marshal_VOID__OBJECTv (GClosure *closure,
                             GValue   *return_value,
                             gpointer  instance,
                             va_list   args,
                             gpointer  marshal_data,
                             int       n_params,
                             GType    *param_types)
{
  typedef void (*MarshalFunc) (gpointer data1, gpointer arg1, gpointer data2);
  GCClosure *cc = (GCClosure *) closure;
  gpointer data1, data2, arg1;
  MarshalFunc callback;
  va_list args_copy;

  G_VA_COPY (args_copy, args);
  arg1 = va_arg (args_copy, gpointer);
  va_end (args_copy);

  if (G_CCLOSURE_SWAP_DATA (closure))
    {
      data1 = closure->data;
      data2 = instance;
    }
  else
    {
      data1 = instance;
      data2 = closure->data;
    }
  callback = (MarshalFunc) (marshal_data != NULL ? marshal_data : cc->callback);
  callback (data1, arg1, data2);
}

/* ------------------------------------------------------------------------ */
/* Wake-up fd */

static void
client_drain_wakeups (KafkaClientPrivate *priv)
{
  char buf[64];

  while (read (priv->wake_read_fd, buf, sizeof buf) > 0)
    ;
}

static gboolean
client_open_wakeup (KafkaClientPrivate  *priv,
                    GError             **error)
{
#ifdef HAVE_EVENTFD
  int fd = eventfd (0, EFD_CLOEXEC | EFD_NONBLOCK);

  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not create an eventfd for the client: %s",
                   g_strerror (errsv));
      return FALSE;
    }
  priv->wake_read_fd = priv->wake_write_fd = fd;
#else
  int fds[2];

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error) ||
      !g_unix_set_fd_nonblocking (fds[0], TRUE, error) ||
      !g_unix_set_fd_nonblocking (fds[1], TRUE, error))
    return FALSE;
  priv->wake_read_fd = fds[0];
  priv->wake_write_fd = fds[1];
#endif
  return TRUE;
}

static void
client_enable_wakeup (KafkaClientPrivate *priv,
                      rd_kafka_queue_t   *queue)
{
  /* 8 bytes, as an eventfd needs; a pipe takes them as well */
  static const guint64 one = 1;

  rd_kafka_queue_io_event_enable (queue, priv->wake_write_fd, &one, sizeof one);
}

/* ------------------------------------------------------------------------ */
/* Waits */

/* A cancellation, served on the client's context: the wait of the task,
 * if it is still going (its event or its timeout may have finished it
 * meanwhile), is finished with the cancellation's error. */
static gboolean
wait_cancelled_idle (gpointer data)
{
  GTask *task = data;
  KafkaClient *client = g_task_get_source_object (task);
  KafkaClientPrivate *priv = kafka_client_get_instance_private (client);
  KafkaWait *wait = NULL;
  GError *error = NULL;

  g_mutex_lock (&priv->waits_lock);
  for (GList *l = priv->waits; l != NULL; l = l->next)
    {
      if (((KafkaWait *) l->data)->task == task)
        {
          wait = l->data;
          break;
        }
    }
  g_mutex_unlock (&priv->waits_lock);

  if (wait != NULL &&
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    wait->on_cancelled (wait, error);
  return G_SOURCE_REMOVE;
}

static void
wait_cancelled (GCancellable *cancellable,
                KafkaWait    *wait)
{
  /* May run on any thread, and must not disconnect itself: finish from an
   * idle on the client's context (g_main_context_invoke() could run it right
   * here). The idle holds the task, not the wait, which may be gone by then. */
  GSource *idle = g_idle_source_new ();

  g_source_set_static_name (idle, "KafkaClient wait cancelled");
  g_source_set_callback (idle, wait_cancelled_idle, g_object_ref (wait->task), g_object_unref);
  g_source_attach (idle, kafka_client_get_context (wait->client));
  g_source_unref (idle);
}

void
kafka_wait_start (KafkaWait          *wait,
                  KafkaClient        *client,
                  GTask              *task,
                  int                 timeout_ms,
                  GSourceFunc         on_timeout,
                  KafkaWaitCancelled  on_cancelled)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (client);
  GCancellable *cancellable = g_task_get_cancellable (task);

  wait->client = client;
  wait->task = task;
  wait->on_cancelled = on_cancelled;
  g_mutex_lock (&priv->waits_lock);
  priv->waits = g_list_prepend (priv->waits, wait);
  g_mutex_unlock (&priv->waits_lock);
  if (timeout_ms >= 0)
    {
      wait->timeout = g_timeout_source_new (timeout_ms);
      g_source_set_callback (wait->timeout, on_timeout, wait, NULL);
      g_source_attach (wait->timeout, kafka_client_get_context (client));
    }
  if (cancellable != NULL)
    wait->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (wait_cancelled), wait, NULL);
}

void
kafka_wait_clear (KafkaWait *wait)
{
  /* destroying the timeout from its own callback is fine */
  if (wait->timeout != NULL)
    {
      g_source_destroy (wait->timeout);
      g_clear_pointer (&wait->timeout, g_source_unref);
    }
  if (wait->cancel_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (wait->task), wait->cancel_id);
  wait->cancel_id = 0;
  /* the task holds the client */
  if (wait->task != NULL)
    {
      KafkaClientPrivate *priv = kafka_client_get_instance_private (wait->client);

      g_mutex_lock (&priv->waits_lock);
      priv->waits = g_list_remove (priv->waits, wait);
      g_mutex_unlock (&priv->waits_lock);
    }
  g_clear_object (&wait->task);
}

GTask *
kafka_wait_finish (KafkaWait *wait)
{
  GTask *task = g_object_ref (wait->task);

  kafka_wait_clear (wait);
  return task;
}

/* ------------------------------------------------------------------------ */
/* Construction */

gboolean
kafka_client_start (KafkaClient             *self,
                    rd_kafka_type_t          type,
                    const KafkaClientHooks  *hooks,
                    GError                 **error)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);
  rd_kafka_conf_t *conf = rd_kafka_conf_new ();
  char errstr[512];
  GHashTableIter iter;
  gpointer key, value;
  KafkaSource *ks;

  g_return_val_if_fail (priv->rk == NULL, FALSE);

  priv->hooks = hooks;

  g_hash_table_iter_init (&iter, priv->config);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (rd_kafka_conf_set (conf, key, value, errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
        {
          /* some of librdkafka's messages end with a newline */
          g_strchomp (errstr);
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Invalid configuration property “%s”: %s",
                       (const char *) key, errstr);
          rd_kafka_conf_destroy (conf);
          return FALSE;
        }
    }

  /* Everything comes as events on queues the source watches: no callback
   * ever runs on a librdkafka thread. */
  rd_kafka_conf_set_events (conf, RD_KAFKA_EVENT_ERROR | RD_KAFKA_EVENT_LOG |
                                  RD_KAFKA_EVENT_STATS | hooks->events);
  rd_kafka_conf_set_opaque (conf, self);
  rd_kafka_conf_set_throttle_cb (conf, client_throttle_cb);
  if (hooks->configure != NULL)
    hooks->configure (self, conf);
  if (rd_kafka_conf_set (conf, "log.queue", "true", errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
    g_warn_if_reached ();

  /* rd_kafka_new takes the configuration only when it succeeds */
  priv->rk = rd_kafka_new (type, conf, errstr, sizeof errstr);
  if (priv->rk == NULL)
    {
      g_strchomp (errstr);
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "Could not create the %s: %s",
                   G_OBJECT_TYPE_NAME (self), errstr);
      rd_kafka_conf_destroy (conf);
      return FALSE;
    }

  if (!client_open_wakeup (priv, error))
    {
      g_clear_pointer (&priv->rk, rd_kafka_destroy);
      return FALSE;
    }

  priv->handle = kafka_handle_new (priv->rk, hooks->destroy_flags);

  priv->main_queue = rd_kafka_queue_get_main (priv->rk);
  rd_kafka_set_log_queue (priv->rk, priv->main_queue);
  g_ptr_array_add (priv->queues, priv->main_queue);
  client_enable_wakeup (priv, priv->main_queue);

  ks = (KafkaSource *) g_source_new (&kafka_source_funcs, sizeof (KafkaSource));
  g_weak_ref_init (&ks->client, self);
  ks->fd_tag = g_source_add_unix_fd ((GSource *) ks, priv->wake_read_fd, G_IO_IN);
  g_source_set_static_name ((GSource *) ks, "KafkaClient");
  g_source_set_priority ((GSource *) ks, G_PRIORITY_DEFAULT);
  /* librdkafka may have queued events (a log line, a connection error)
   * before the wake-up fd was set: those wrote nothing, and later ones will
   * not write either while the queue is non-empty. Drain once first. */
  ks->more = TRUE;
  priv->source = (GSource *) ks;
  g_source_attach (priv->source, priv->context);

  return TRUE;
}

void
kafka_client_watch_queue (KafkaClient      *self,
                          rd_kafka_queue_t *queue)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  if (g_ptr_array_find (priv->queues, queue, NULL))
    return;
  g_ptr_array_add (priv->queues, queue);
  client_enable_wakeup (priv, queue);
  /* events queued before the fd was set would wake nobody */
  ((KafkaSource *) priv->source)->more = TRUE;
  g_main_context_wakeup (priv->context);
}

void
kafka_client_unwatch_queue (KafkaClient      *self,
                            rd_kafka_queue_t *queue)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  if (g_ptr_array_remove (priv->queues, queue))
    rd_kafka_queue_io_event_enable (queue, -1, NULL, 0);
}

int
kafka_client_serve_queue (KafkaClient      *self,
                          rd_kafka_queue_t *queue)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);
  int served;

  if (priv->disposed || priv->rk == NULL)
    return 0;

  client_dispatch_enter (self);
  served = priv->hooks->serve_queue (self, queue);
  client_dispatch_leave (self);
  return served;
}

void
kafka_client_destroy_in_background (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  if (priv->handle != NULL)
    kafka_handle_destroy_in_background (priv->handle);
}

KafkaHandle *
kafka_client_ref_handle (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  return kafka_handle_ref (priv->handle);
}

rd_kafka_t *
kafka_client_get_handle (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  return priv->rk;
}

rd_kafka_queue_t *
kafka_client_get_main_queue (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  return priv->main_queue;
}

gboolean
kafka_client_is_disposed (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  return priv->disposed;
}

gboolean
kafka_client_is_context_thread (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  if (!g_main_context_acquire (priv->context))
    return FALSE;
  g_main_context_release (priv->context);
  return TRUE;
}

gboolean
kafka_client_check_open (KafkaClient  *self,
                         GError      **error)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  if (priv->closed_message != NULL)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_STATE, priv->closed_message);
      return FALSE;
    }
  if (priv->rk != NULL && !priv->disposed)
    return TRUE;

  g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_STATE,
                       "The client is closed (it was disposed of): create a new one");
  return FALSE;
}

void
kafka_client_mark_closed (KafkaClient *self,
                          const char  *message)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  priv->closed_message = message;
}

/* ------------------------------------------------------------------------ */
/* Teardown */

static void
client_teardown (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  if (priv->torn_down)
    return;
  priv->torn_down = TRUE;

  if (priv->source != NULL)
    {
      g_source_destroy (priv->source);
      g_clear_pointer (&priv->source, g_source_unref);
    }

  if (priv->rk != NULL)
    {
      if (priv->hooks->shutdown != NULL)
        priv->hooks->shutdown (self);

      /* the other queues are the subclass's, released by its shutdown hook */
      if (priv->main_queue != NULL)
        {
          rd_kafka_event_t *event;

          rd_kafka_queue_io_event_enable (priv->main_queue, -1, NULL, 0);
          while ((event = rd_kafka_queue_poll (priv->main_queue, 0)) != NULL)
            rd_kafka_event_destroy (event);
          g_clear_pointer (&priv->main_queue, rd_kafka_queue_destroy);
        }
      g_ptr_array_set_size (priv->queues, 0);

      /* destroyed now, or with the last consumed message still alive */
      g_clear_pointer (&priv->handle, kafka_handle_unref);
      priv->rk = NULL;
    }

  if (priv->wake_read_fd >= 0)
    close (priv->wake_read_fd);
  if (priv->wake_write_fd >= 0 && priv->wake_write_fd != priv->wake_read_fd)
    close (priv->wake_write_fd);
  priv->wake_read_fd = priv->wake_write_fd = -1;
}

static void
kafka_client_dispose (GObject *object)
{
  KafkaClient *self = KAFKA_CLIENT (object);
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  priv->disposed = TRUE;
  if (priv->dispatch_depth == 0)
    client_teardown (self);

  G_OBJECT_CLASS (kafka_client_parent_class)->dispose (object);
}

static void
kafka_client_finalize (GObject *object)
{
  KafkaClient *self = KAFKA_CLIENT (object);
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  /* normally done in dispose; a dispose deferred by a running dispatch
   * cannot outlive the reference that dispatch holds */
  client_teardown (self);

  g_ptr_array_unref (priv->queues);
  g_clear_pointer (&priv->config, g_hash_table_unref);
  g_clear_error (&priv->auth_error);
  g_mutex_clear (&priv->auth_error_lock);
  g_mutex_clear (&priv->waits_lock);
  g_main_context_unref (priv->context);

  G_OBJECT_CLASS (kafka_client_parent_class)->finalize (object);
}

static gboolean
is_secret_key (const char *key)
{
  return strstr (key, "password") != NULL ||
         strstr (key, "secret") != NULL ||
         g_str_equal (key, "ssl.key.pem") ||
         g_str_equal (key, "sasl.oauthbearer.config");
}

static GHashTable *
copy_config (GHashTable *src,
             gboolean    redact)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (src == NULL)
    return copy;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key),
                         g_strdup (redact && is_secret_key (key) ? "[redacted]" : value));
  return copy;
}

static void
kafka_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KafkaClient *self = KAFKA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      g_value_take_boxed (value, kafka_client_get_config (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, kafka_client_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KafkaClient *self = KAFKA_CLIENT (object);
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONFIG:
      g_clear_pointer (&priv->config, g_hash_table_unref);
      priv->config = copy_config (g_value_get_boxed (value), FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_client_class_init (KafkaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kafka_client_dispose;
  object_class->finalize = kafka_client_finalize;
  object_class->get_property = kafka_client_get_property;
  object_class->set_property = kafka_client_set_property;

  /**
   * KafkaClient:config: (type GLib.HashTable(utf8,utf8))
   *
   * The librdkafka configuration the client was built from, property names
   * to values. Read back, secrets (passwords, keys) are replaced by
   * `[redacted]`.
   *
   * Since: 1.0
   */
  properties[PROP_CONFIG] =
    g_param_spec_boxed ("config", NULL, NULL, G_TYPE_HASH_TABLE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS);

  /**
   * KafkaClient:name:
   *
   * The client's name, librdkafka's `client.id` with a serial number
   * (`rdkafka#producer-1`); %NULL once the client is disposed.
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KafkaClient::error:
   * @self: the client
   * @error: the error
   *
   * Emitted for an error of the client as a whole, rather than of one
   * message: all brokers down, an authentication failure, a fatal error.
   * Most are transient and librdkafka recovers by itself;
   * kafka_error_is_fatal() tells the ones it cannot recover from.
   *
   * Since: 1.0
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * KafkaClient::stats:
   * @self: the client
   * @json: librdkafka's statistics, as JSON
   *
   * Emitted every `statistics.interval.ms` (off by default) with librdkafka's
   * statistics (see librdkafka's `STATISTICS.md`).
   *
   * Since: 1.0
   */
  signals[SIGNAL_STATS] =
    g_signal_new ("stats", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * KafkaClient::log:
   * @self: the client
   * @level: the syslog level (0 emergency … 7 debug)
   * @facility: librdkafka's facility (`"FAIL"`, `"BROKER"`…)
   * @message: the log line
   *
   * Emitted for each line librdkafka logs (raise `log_level`, or set
   * `debug`, for more). While no handler is connected, the lines go to
   * GLib's structured log under the domain `Kafka` instead (with the fields
   * `KAFKA_FACILITY` and `KAFKA_CLIENT`); a connected handler takes them
   * over, so that a line routed elsewhere (to Python's `logging`, say) is
   * not printed a second time.
   *
   * Since: 1.0
   */
  signals[SIGNAL_LOG] =
    g_signal_new ("log", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * KafkaClient::throttle:
   * @self: the client
   * @broker_name: the broker that throttled the client (`host:port/id`)
   * @broker_id: its node id
   * @throttle_time_ms: how long the broker held the client's requests back,
   *   in milliseconds; 0 once it no longer does
   *
   * Emitted when a broker answers that it throttled the client, because the
   * client went over a quota (such as a `producer_byte_rate` set for its
   * `client.id`), and again with 0 once it no longer does, as
   * confluent-kafka-python's `throttle_cb` is called.
   *
   * Since: 1.0
   */
  signals[SIGNAL_THROTTLE] =
    g_signal_new ("throttle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT, G_TYPE_INT);
}

static void
kafka_client_init (KafkaClient *self)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  priv->context = g_main_context_ref_thread_default ();
  priv->queues = g_ptr_array_new ();
  priv->config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  priv->wake_read_fd = priv->wake_write_fd = -1;
  g_mutex_init (&priv->auth_error_lock);
  g_mutex_init (&priv->waits_lock);
}

/* ------------------------------------------------------------------------ */
/* Public API */

/**
 * kafka_client_get_name:
 * @self: a #KafkaClient
 *
 * Gets the client's name, librdkafka's `client.id` with a serial number.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL once the client is
 *   disposed
 *
 * Since: 1.0
 */
const char *
kafka_client_get_name (KafkaClient *self)
{
  KafkaClientPrivate *priv;

  g_return_val_if_fail (KAFKA_IS_CLIENT (self), NULL);

  priv = kafka_client_get_instance_private (self);
  return priv->rk ? rd_kafka_name (priv->rk) : NULL;
}

/**
 * kafka_client_get_config:
 * @self: a #KafkaClient
 *
 * Gets the configuration the client was built from, with secrets (passwords,
 * private keys) replaced by `[redacted]`.
 *
 * Returns: (transfer full) (element-type utf8 utf8): a new table of
 *   property names to values
 *
 * Since: 1.0
 */
GHashTable *
kafka_client_get_config (KafkaClient *self)
{
  KafkaClientPrivate *priv;

  g_return_val_if_fail (KAFKA_IS_CLIENT (self), NULL);

  priv = kafka_client_get_instance_private (self);
  return copy_config (priv->config, TRUE);
}

const char *
kafka_client_lookup_config (KafkaClient *self,
                            const char  *key)
{
  KafkaClientPrivate *priv = kafka_client_get_instance_private (self);

  return g_hash_table_lookup (priv->config, key);
}

/**
 * kafka_client_get_context:
 * @self: a #KafkaClient
 *
 * Gets the main context the client emits its signals on: the thread-default
 * one of the thread that created it.
 *
 * Returns: (transfer none): the #GMainContext
 *
 * Since: 1.0
 */
GMainContext *
kafka_client_get_context (KafkaClient *self)
{
  KafkaClientPrivate *priv;

  g_return_val_if_fail (KAFKA_IS_CLIENT (self), NULL);

  priv = kafka_client_get_instance_private (self);
  return priv->context;
}

/**
 * kafka_client_get_fatal_error:
 * @self: a #KafkaClient
 *
 * Gets the fatal error the client met, if any. After a fatal error (see
 * kafka_error_is_fatal()) the client cannot produce or consume any more.
 *
 * Returns: (transfer full) (nullable): a %KAFKA_ERROR_FATAL error whose
 *   message names the underlying error, or %NULL if there was none
 *
 * Since: 1.0
 */
GError *
kafka_client_get_fatal_error (KafkaClient *self)
{
  KafkaClientPrivate *priv;

  g_return_val_if_fail (KAFKA_IS_CLIENT (self), NULL);

  priv = kafka_client_get_instance_private (self);
  if (priv->rk == NULL)
    return NULL;
  return fatal_error_new (self);
}
