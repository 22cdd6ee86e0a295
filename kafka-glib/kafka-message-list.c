/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-glib.h"
#include "kafka-message-list.h"

/**
 * SECTION:kafka-message-list
 * @Title: KafkaMessageList
 * @Short_description: the messages a consumer receives, as a GListModel
 *
 * A #KafkaMessageList is a #GListModel of #KafkaMessage<!-- -->s that
 * follows a #KafkaConsumer: a `GtkListView` or `GtkColumnView` shows it
 * directly, and the messages' properties (#KafkaMessage:partition,
 * #KafkaMessage:offset, #KafkaMessage:key…) feed the list item factories
 * and `GtkExpression`s.
 *
 * |[<!-- language="C" -->
 * KafkaMessageList *list = kafka_message_list_new (consumer, 10000);
 * GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (list)));
 * GtkWidget *view = gtk_column_view_new (selection);
 * ]|
 *
 * # Batches
 *
 * The list takes the consumer's messages through the
 * #KafkaConsumer::message-batch signal, and turns
 * #KafkaConsumer:emit-messages on (and off again when it goes, if it was
 * off before). Messages that arrive are added in updates: with
 * #KafkaMessageList:update-interval at 0, one update per emission of that
 * signal (what one wake-up of the consumer's source found, up to 512
 * messages); otherwise at most one update per interval, of everything that
 * arrived meanwhile (the default, 50 ms). An update is one
 * #GListModel::items-changed for the messages added, never one per
 * message. While a list follows a consumer, the consumer emits
 * #KafkaConsumer::message-batch and no #KafkaConsumer::message signals: code
 * that wants every message as well connects to
 * #KafkaConsumer::message-batch, or to the list's #GListModel::items-changed.
 *
 * Why an interval: a `GtkListView` rebinds its visible rows whenever items
 * before them change, which the drop of the oldest messages does. A
 * bounded view of a topic that receives some 35,000 messages a second,
 * updated per batch, keeps the main loop so busy that GTK stops drawing
 * (its frames run at a lower priority than the consumer's source); updated
 * every 50 ms, it draws at full rate (see the "GNOME apps" chapter).
 *
 * # Bounds
 *
 * The list keeps the newest #KafkaMessageList:max-items messages. When an
 * update would take it past that, the oldest messages go first, with one
 * #GListModel::items-changed for all of them (at position 0), then the new
 * ones are added with another: the list never holds more than
 * #KafkaMessageList:max-items messages, even for the length of a signal.
 * Messages waiting for an update are bounded the same way: of more than
 * #KafkaMessageList:max-items, only the newest are kept. A consumed message
 * keeps librdkafka's buffer alive (it is not copied): the bound is what
 * keeps the memory of a long-running view flat.
 *
 * # Pausing
 *
 * Setting #KafkaMessageList:paused stops the list from changing, so that
 * a user can read it. It also pauses the partitions the consumer is
 * assigned (kafka_consumer_pause()), so that new messages wait in Kafka
 * rather than in memory, and resumes them when unpaused: fetching goes on
 * from the first message not yet received, and nothing is lost however long
 * the pause. Messages that still arrive while paused (those received but
 * not yet added when the pause began, and those of partitions a rebalance
 * assigns during the pause, which librdkafka does not pause) wait,
 * up to #KafkaMessageList:max-items of them (#KafkaMessageList:n-pending),
 * and are added when the list is unpaused.
 * A program that pauses and resumes partitions of the same consumer itself
 * should not use this property, which resumes the whole assignment.
 *
 * # Errors
 *
 * A consumer error that comes among the messages (a fetch error, an
 * unknown topic or partition, the end of a partition with
 * `enable.partition.eof`) is not added to the list: it is emitted as
 * #KafkaMessageList::error, and logged if nothing is connected to that
 * signal. So is a failure to pause or resume. Errors of the client as a
 * whole (all brokers down, authentication failed) come as the consumer's
 * #KafkaClient::error signal, as always.
 *
 * # Threads
 *
 * The list changes and emits its signals on the consumer's main context
 * (see kafka_client_get_context()), and must be used from the thread that
 * runs it: in a GTK application, create the consumer on the main thread
 * with no thread-default context pushed, and the list updates between
 * frames like any other model.
 */

struct _KafkaMessageList
{
  GObject parent_instance;

  KafkaConsumer *consumer;
  gulong         batch_handler;
  gboolean       turned_on_emit;

  /* The items are items[start…len), each holding a reference (the array
   * has no free function): dropping the oldest moves start, and the array is
   * compacted once start passes half of it, so that a drop costs one unref
   * per message, amortized. */
  GPtrArray     *items;
  guint          start;
  guint          max_items;

  /* received, not yet in the list: the next update's */
  GPtrArray     *pending;    /* of KafkaMessage */
  guint          update_interval;
  GSource       *update_source;

  gboolean       paused;
  guint64        n_received;
};

enum {
  PROP_0,
  PROP_CONSUMER,
  PROP_MAX_ITEMS,
  PROP_PAUSED,
  PROP_N_ITEMS,
  PROP_N_PENDING,
  PROP_UPDATE_INTERVAL,
  PROP_N_RECEIVED,
  PROP_ITEM_TYPE,
  N_PROPS
};

enum {
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kafka_message_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaMessageList, kafka_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kafka_message_list_model_iface_init))

static inline guint
list_n_items (KafkaMessageList *self)
{
  return self->items->len - self->start;
}

/* ------------------------------------------------------------------------ */
/* GListModel */

static GType
kafka_message_list_get_item_type (GListModel *model)
{
  return KAFKA_TYPE_MESSAGE;
}

static guint
kafka_message_list_get_n_items (GListModel *model)
{
  return list_n_items (KAFKA_MESSAGE_LIST (model));
}

static gpointer
kafka_message_list_get_item (GListModel *model,
                             guint       position)
{
  KafkaMessageList *self = KAFKA_MESSAGE_LIST (model);

  if (position >= list_n_items (self))
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, self->start + position));
}

static void
kafka_message_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kafka_message_list_get_item_type;
  iface->get_n_items = kafka_message_list_get_n_items;
  iface->get_item = kafka_message_list_get_item;
}

/* ------------------------------------------------------------------------ */
/* Changes */

static void
report_error (KafkaMessageList *self,
              const GError     *error)
{
  if (g_signal_has_handler_pending (self, signals[SIGNAL_ERROR], 0, FALSE))
    g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
  else
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                      "MESSAGE", "KafkaMessageList: %s", error->message);
}

/* Removes the @n oldest items, with no signal. */
static void
drop_oldest (KafkaMessageList *self,
             guint             n)
{
  for (guint i = 0; i < n; i++)
    g_object_unref (g_ptr_array_index (self->items, self->start + i));
  self->start += n;
  if (self->start == self->items->len)
    {
      g_ptr_array_set_size (self->items, 0);
      self->start = 0;
    }
  else if (self->start > self->items->len / 2)
    {
      g_ptr_array_remove_range (self->items, 0, self->start);
      self->start = 0;
    }
}

/* Removes the @n oldest items with one items-changed. */
static void
drop_oldest_notify (KafkaMessageList *self,
                    guint             n)
{
  if (n == 0)
    return;
  drop_oldest (self, n);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Adds @messages at the end (only the newest max_items of them, if there
 * are more), dropping the oldest items first so that no more than max_items
 * are ever there: at most two items-changed. */
static void
append_messages (KafkaMessageList *self,
                 GPtrArray        *messages)
{
  guint n_new, first, n_items, position;

  if (messages->len == 0)
    return;

  n_new = MIN (messages->len, self->max_items);

  g_object_freeze_notify (G_OBJECT (self));

  n_items = list_n_items (self);
  if (n_items + n_new > self->max_items)
    drop_oldest_notify (self, n_items + n_new - self->max_items);

  /* a handler of the drop may have changed the list: read it again */
  position = list_n_items (self);
  n_new = MIN (n_new, self->max_items - MIN (position, self->max_items));
  first = messages->len - n_new;
  for (guint i = first; i < messages->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (messages, i)));
  if (n_new > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_new);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Adds what is pending to the list. */
static void
publish_pending (KafkaMessageList *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (self->update_source != NULL)
    {
      g_source_destroy (self->update_source);
      g_clear_pointer (&self->update_source, g_source_unref);
    }
  if (self->pending->len == 0)
    return;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  append_messages (self, pending);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
on_update_due (gpointer data)
{
  KafkaMessageList *self = data;

  g_clear_pointer (&self->update_source, g_source_unref);
  g_object_ref (self);
  publish_pending (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* Queues messages for the next update, keeping the newest max_items. */
static void
queue_messages (KafkaMessageList *self,
                GPtrArray        *messages)
{
  guint before = self->pending->len;

  for (guint i = 0; i < messages->len; i++)
    g_ptr_array_add (self->pending, g_object_ref (g_ptr_array_index (messages, i)));
  if (self->pending->len > self->max_items)
    g_ptr_array_remove_range (self->pending, 0, self->pending->len - self->max_items);
  if (self->pending->len != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

/* Publishes now, or at the end of the interval, unless paused. */
static void
schedule_update (KafkaMessageList *self)
{
  if (self->paused || self->pending->len == 0)
    return;
  if (self->update_interval == 0)
    {
      publish_pending (self);
      return;
    }
  if (self->update_source != NULL)
    return;
  /* on the consumer's context, where the list lives */
  self->update_source = g_timeout_source_new (self->update_interval);
  g_source_set_static_name (self->update_source, "KafkaMessageList update");
  g_source_set_callback (self->update_source, on_update_due, self, NULL);
  g_source_attach (self->update_source, kafka_client_get_context (KAFKA_CLIENT (self->consumer)));
}

static void
on_message_batch (KafkaConsumer     *consumer,
                  KafkaMessageBatch *batch,
                  gpointer           user_data)
{
  KafkaMessageList *self = user_data;
  guint n = kafka_message_batch_get_length (batch);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) errors = NULL;

  for (guint i = 0; i < n; i++)
    {
      /* (transfer full) */
      KafkaMessage *message = kafka_message_batch_get_message (batch, i);
      const GError *error = kafka_message_get_error (message);

      if (error != NULL)
        {
          if (errors == NULL)
            errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
          g_ptr_array_add (errors, g_error_copy (error));
          g_object_unref (message);
        }
      else
        g_ptr_array_add (messages, message);
    }

  g_object_ref (self);
  if (messages->len > 0)
    {
      g_object_freeze_notify (G_OBJECT (self));
      self->n_received += messages->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RECEIVED]);
      queue_messages (self, messages);
      g_object_thaw_notify (G_OBJECT (self));
      schedule_update (self);
    }
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    report_error (self, g_ptr_array_index (errors, i));
  g_object_unref (self);
}

/* Pauses or resumes the consumer's whole assignment. */
static void
pause_assignment (KafkaMessageList *self,
                  gboolean          pause)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assignment = NULL;

  if (kafka_consumer_is_closed (self->consumer))
    return;

  assignment = kafka_consumer_get_assignment (self->consumer, &error);
  if (assignment != NULL && assignment->len > 0)
    {
      if (pause)
        kafka_consumer_pause (self->consumer, assignment, &error);
      else
        kafka_consumer_resume (self->consumer, assignment, &error);
    }
  if (error != NULL)
    report_error (self, error);
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
kafka_message_list_constructed (GObject *object)
{
  KafkaMessageList *self = KAFKA_MESSAGE_LIST (object);

  G_OBJECT_CLASS (kafka_message_list_parent_class)->constructed (object);

  g_return_if_fail (KAFKA_IS_CONSUMER (self->consumer));

  self->batch_handler = g_signal_connect (self->consumer, "message-batch",
                                          G_CALLBACK (on_message_batch), self);
  if (!kafka_consumer_get_emit_messages (self->consumer))
    {
      self->turned_on_emit = TRUE;
      kafka_consumer_set_emit_messages (self->consumer, TRUE);
    }
}

static void
kafka_message_list_dispose (GObject *object)
{
  KafkaMessageList *self = KAFKA_MESSAGE_LIST (object);

  if (self->update_source != NULL)
    {
      g_source_destroy (self->update_source);
      g_clear_pointer (&self->update_source, g_source_unref);
    }
  if (self->consumer != NULL)
    {
      g_clear_signal_handler (&self->batch_handler, self->consumer);
      if (self->turned_on_emit)
        kafka_consumer_set_emit_messages (self->consumer, FALSE);
      g_clear_object (&self->consumer);
    }

  G_OBJECT_CLASS (kafka_message_list_parent_class)->dispose (object);
}

static void
kafka_message_list_finalize (GObject *object)
{
  KafkaMessageList *self = KAFKA_MESSAGE_LIST (object);

  drop_oldest (self, list_n_items (self));
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (kafka_message_list_parent_class)->finalize (object);
}

static void
kafka_message_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KafkaMessageList *self = KAFKA_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONSUMER:
      g_value_set_object (value, self->consumer);
      break;
    case PROP_MAX_ITEMS:
      g_value_set_uint (value, self->max_items);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, list_n_items (self));
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->pending->len);
      break;
    case PROP_UPDATE_INTERVAL:
      g_value_set_uint (value, self->update_interval);
      break;
    case PROP_N_RECEIVED:
      g_value_set_uint64 (value, self->n_received);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, KAFKA_TYPE_MESSAGE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_message_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KafkaMessageList *self = KAFKA_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONSUMER:
      self->consumer = g_value_dup_object (value);
      break;
    case PROP_MAX_ITEMS:
      kafka_message_list_set_max_items (self, g_value_get_uint (value));
      break;
    case PROP_PAUSED:
      kafka_message_list_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_UPDATE_INTERVAL:
      kafka_message_list_set_update_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_message_list_class_init (KafkaMessageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = kafka_message_list_constructed;
  object_class->dispose = kafka_message_list_dispose;
  object_class->finalize = kafka_message_list_finalize;
  object_class->get_property = kafka_message_list_get_property;
  object_class->set_property = kafka_message_list_set_property;

  /**
   * KafkaMessageList:consumer:
   *
   * The consumer whose messages the list shows.
   *
   * Since: 1.0
   */
  properties[PROP_CONSUMER] =
    g_param_spec_object ("consumer", NULL, NULL, KAFKA_TYPE_CONSUMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaMessageList:max-items:
   *
   * The most messages the list keeps; the oldest go first. Lowering it
   * below #KafkaMessageList:n-items drops the oldest at once.
   *
   * Since: 1.0
   */
  properties[PROP_MAX_ITEMS] =
    g_param_spec_uint ("max-items", NULL, NULL, 1, G_MAXUINT, 10000,
                       rw | G_PARAM_CONSTRUCT);

  /**
   * KafkaMessageList:paused:
   *
   * Whether the list is paused: it does not change, and the consumer's
   * assigned partitions are paused (see the description above).
   *
   * Since: 1.0
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE, rw);

  /**
   * KafkaMessageList:n-items:
   *
   * The number of messages in the list, as g_list_model_get_n_items()
   * returns it; notified once per change.
   *
   * Since: 1.0
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);

  /**
   * KafkaMessageList:n-pending:
   *
   * The number of messages received and not yet added: those waiting for
   * the next update, or for the list to be unpaused. At most
   * #KafkaMessageList:max-items.
   *
   * Since: 1.0
   */
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, ro);

  /**
   * KafkaMessageList:update-interval:
   *
   * The least time between two updates of the list, in milliseconds:
   * messages that arrive meanwhile are added together, with one
   * #GListModel::items-changed (two when the oldest must go). 0 adds each
   * batch as it comes.
   *
   * Since: 1.0
   */
  properties[PROP_UPDATE_INTERVAL] =
    g_param_spec_uint ("update-interval", NULL, NULL, 0, G_MAXUINT, 50,
                       rw | G_PARAM_CONSTRUCT);

  /**
   * KafkaMessageList:n-received:
   *
   * How many messages the list has received since it was created, dropped
   * ones included (and consumer errors not): what a status line shows next
   * to #KafkaMessageList:n-items.
   *
   * Since: 1.0
   */
  properties[PROP_N_RECEIVED] =
    g_param_spec_uint64 ("n-received", NULL, NULL, 0, G_MAXUINT64, 0, ro);

  /**
   * KafkaMessageList:item-type:
   *
   * The type of the items, #KAFKA_TYPE_MESSAGE, as
   * g_list_model_get_item_type() returns it.
   *
   * Since: 1.0
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KafkaMessageList::error:
   * @self: the list
   * @error: the error
   *
   * Emitted for a consumer error that came among the messages (which the
   * list does not show), and when pausing or resuming the consumer's
   * partitions failed. When nothing is connected, the error is logged.
   *
   * Since: 1.0
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kafka_message_list_init (KafkaMessageList *self)
{
  self->items = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_items = 10000;
  self->update_interval = 50;
}

/* ------------------------------------------------------------------------ */
/* Public API */

/**
 * kafka_message_list_new:
 * @consumer: the consumer to follow
 * @max_items: the most messages to keep (at least 1)
 *
 * Creates a list of the messages @consumer receives from now on. It turns
 * #KafkaConsumer:emit-messages on; subscribe or assign as usual.
 *
 * Returns: (transfer full): a new #KafkaMessageList
 *
 * Since: 1.0
 */
KafkaMessageList *
kafka_message_list_new (KafkaConsumer *consumer,
                        guint          max_items)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (consumer), NULL);
  g_return_val_if_fail (max_items >= 1, NULL);

  return g_object_new (KAFKA_TYPE_MESSAGE_LIST,
                       "consumer", consumer,
                       "max-items", max_items,
                       NULL);
}

/**
 * kafka_message_list_get_consumer:
 * @self: a #KafkaMessageList
 *
 * Gets #KafkaMessageList:consumer.
 *
 * Returns: (transfer none): the consumer
 *
 * Since: 1.0
 */
KafkaConsumer *
kafka_message_list_get_consumer (KafkaMessageList *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_LIST (self), NULL);

  return self->consumer;
}

/**
 * kafka_message_list_get_max_items:
 * @self: a #KafkaMessageList
 *
 * Gets #KafkaMessageList:max-items.
 *
 * Returns: the most messages the list keeps
 *
 * Since: 1.0
 */
guint
kafka_message_list_get_max_items (KafkaMessageList *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_LIST (self), 0);

  return self->max_items;
}

/**
 * kafka_message_list_set_max_items:
 * @self: a #KafkaMessageList
 * @max_items: the most messages to keep (at least 1)
 *
 * Sets #KafkaMessageList:max-items, dropping the oldest messages at once if
 * there are more (one #GListModel::items-changed).
 *
 * Since: 1.0
 */
void
kafka_message_list_set_max_items (KafkaMessageList *self,
                                  guint             max_items)
{
  guint n_items;

  g_return_if_fail (KAFKA_IS_MESSAGE_LIST (self));
  g_return_if_fail (max_items >= 1);

  if (self->max_items == max_items)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->max_items = max_items;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ITEMS]);
  if (self->pending->len > max_items)
    {
      g_ptr_array_remove_range (self->pending, 0, self->pending->len - max_items);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
    }
  n_items = list_n_items (self);
  if (n_items > max_items)
    drop_oldest_notify (self, n_items - max_items);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * kafka_message_list_get_paused:
 * @self: a #KafkaMessageList
 *
 * Gets #KafkaMessageList:paused.
 *
 * Returns: %TRUE if the list is paused
 *
 * Since: 1.0
 */
gboolean
kafka_message_list_get_paused (KafkaMessageList *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_LIST (self), FALSE);

  return self->paused;
}

/**
 * kafka_message_list_set_paused:
 * @self: a #KafkaMessageList
 * @paused: %TRUE to pause, %FALSE to resume
 *
 * Pauses the list and the consumer's assigned partitions, or resumes them
 * and adds the messages that waited meanwhile, at once (see #KafkaMessageList:paused). A
 * failure to pause or resume the partitions is emitted as
 * #KafkaMessageList::error; the list is paused or resumed all the same.
 *
 * Since: 1.0
 */
void
kafka_message_list_set_paused (KafkaMessageList *self,
                               gboolean          paused)
{
  g_return_if_fail (KAFKA_IS_MESSAGE_LIST (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));
  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);

  if (self->consumer != NULL)
    pause_assignment (self, paused);

  if (paused)
    {
      /* what waits for an update waits for the resume now */
      if (self->update_source != NULL)
        {
          g_source_destroy (self->update_source);
          g_clear_pointer (&self->update_source, g_source_unref);
        }
    }
  else
    publish_pending (self);
  g_object_thaw_notify (G_OBJECT (self));
  g_object_unref (self);
}

/**
 * kafka_message_list_get_n_pending:
 * @self: a #KafkaMessageList
 *
 * Gets #KafkaMessageList:n-pending.
 *
 * Returns: the number of messages received and not yet added
 *
 * Since: 1.0
 */
guint
kafka_message_list_get_n_pending (KafkaMessageList *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_LIST (self), 0);

  return self->pending->len;
}

/**
 * kafka_message_list_get_update_interval:
 * @self: a #KafkaMessageList
 *
 * Gets #KafkaMessageList:update-interval.
 *
 * Returns: the least time between two updates, in milliseconds
 *
 * Since: 1.0
 */
guint
kafka_message_list_get_update_interval (KafkaMessageList *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_LIST (self), 0);

  return self->update_interval;
}

/**
 * kafka_message_list_set_update_interval:
 * @self: a #KafkaMessageList
 * @interval_ms: the least time between two updates, in milliseconds; 0 to
 *   add each batch as it comes
 *
 * Sets #KafkaMessageList:update-interval. Messages waiting for an update
 * are added at once.
 *
 * Since: 1.0
 */
void
kafka_message_list_set_update_interval (KafkaMessageList *self,
                                        guint             interval_ms)
{
  g_return_if_fail (KAFKA_IS_MESSAGE_LIST (self));

  if (self->update_interval == interval_ms)
    return;
  self->update_interval = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATE_INTERVAL]);
  /* during construction there is no consumer to publish for yet */
  if (self->consumer != NULL && !self->paused)
    publish_pending (self);
}

/**
 * kafka_message_list_get_n_received:
 * @self: a #KafkaMessageList
 *
 * Gets #KafkaMessageList:n-received.
 *
 * Returns: the number of messages received since the list was created
 *
 * Since: 1.0
 */
guint64
kafka_message_list_get_n_received (KafkaMessageList *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_LIST (self), 0);

  return self->n_received;
}

/**
 * kafka_message_list_clear:
 * @self: a #KafkaMessageList
 *
 * Removes every message from the list (one #GListModel::items-changed),
 * and those waiting to be added. The list goes on following its consumer.
 *
 * Since: 1.0
 */
void
kafka_message_list_clear (KafkaMessageList *self)
{
  g_return_if_fail (KAFKA_IS_MESSAGE_LIST (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->update_source != NULL)
    {
      g_source_destroy (self->update_source);
      g_clear_pointer (&self->update_source, g_source_unref);
    }
  if (self->pending->len > 0)
    {
      g_ptr_array_set_size (self->pending, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
    }
  drop_oldest_notify (self, list_n_items (self));
  g_object_thaw_notify (G_OBJECT (self));
}
