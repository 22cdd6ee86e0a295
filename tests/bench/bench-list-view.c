/* Does a busy topic keep a GTK window drawing? A measurement, not a test.
 *
 * A KafkaMessageList shown in a GtkListView (each row's label bound to the
 * message's offset with a GtkExpression), fed by a consumer of a
 * three-partition topic on an embedded mock cluster, while a thread of the
 * same process produces --rate messages a second (100 bytes each) for
 * --seconds. Every second it prints the frames GTK drew (counted by a tick
 * callback, which runs once per frame) and the messages the list received;
 * at the end the medians. It then waits until the list has received every
 * message produced, and fails if it does not within a minute.
 *
 *   tests/gtk/run-in-xvfb.sh _build/tests/bench/bench-list-view --rate 35000 --update-interval 0
 *
 * Options: --rate N (messages/s, default 35000), --seconds S (8),
 * --max-items N (10000), --update-interval MS (the list's, default 50),
 * --no-view (the same list, not shown: what the view itself costs).
 *
 * The measurements quoted in docs/reference/gnome-apps.xml come from here.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <gtk/gtk.h>
#include <kafka-glib/kafka-glib.h>

#define TOPIC "bench-list-view"

static int opt_rate = 35000;
static int opt_seconds = 8;
static int opt_max_items = 10000;
static int opt_interval = 50;
static gboolean opt_no_view = FALSE;

static const GOptionEntry entries[] = {
  { "rate", 0, 0, G_OPTION_ARG_INT, &opt_rate, "Messages a second to produce", "N" },
  { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds, "How long to produce", "S" },
  { "max-items", 0, 0, G_OPTION_ARG_INT, &opt_max_items, "The list's max-items", "N" },
  { "update-interval", 0, 0, G_OPTION_ARG_INT, &opt_interval, "The list's update-interval", "MS" },
  { "no-view", 0, 0, G_OPTION_ARG_NONE, &opt_no_view, "Do not show the list", NULL },
  { NULL }
};

typedef struct {
  const char *bootstrap;
  gint        stop;
  guint64     produced;
} Load;

/* Produces opt_rate messages a second, in slices of 10 ms, on a context of
 * its own (delivery reports served there). */
static gpointer
produce_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GHashTable) config = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  guint8 value[100];
  gint64 start = g_get_monotonic_time ();

  memset (value, 'v', sizeof value);
  g_main_context_push_thread_default (context);
  g_hash_table_insert (config, "bootstrap.servers", (char *) load->bootstrap);
  g_hash_table_insert (config, "linger.ms", "10");
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);

  while (!g_atomic_int_get (&load->stop))
    {
      gint64 due = (g_get_monotonic_time () - start) * opt_rate / G_USEC_PER_SEC;

      while ((gint64) load->produced < due)
        {
          if (!kafka_producer_produce (producer, TOPIC, -1, (guint8 *) "key", 3,
                                       value, sizeof value, NULL, 0, &error))
            {
              g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL);
              g_clear_error (&error);
              break;
            }
          load->produced++;
        }
      kafka_producer_poll (producer, 10);
      while (g_main_context_iteration (context, FALSE))
        ;
    }
  if (!kafka_producer_flush (producer, 60000, &error))
    g_error ("flush: %s", error->message);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static guint frames;

static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  frames++;
  return G_SOURCE_CONTINUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *offset =
    gtk_property_expression_new (KAFKA_TYPE_MESSAGE,
                                 gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                 "offset");

  gtk_list_item_set_child (item, label);
  gtk_expression_bind (offset, label, "label", item);
}

typedef struct {
  KafkaMessageList *list;
  GArray           *frames_per_s;
  GArray           *messages_per_s;
  guint             last_frames;
  guint64           last_received;
  int               seconds_left;
} Report;

static gboolean
on_second (gpointer data)
{
  Report *r = data;
  guint64 received = kafka_message_list_get_n_received (r->list);
  guint f = frames - r->last_frames;
  guint m = (guint) (received - r->last_received);

  g_print ("second %2u: %3u frames, %6u messages, %u in the list\n",
           r->frames_per_s->len + 1, f, m, g_list_model_get_n_items (G_LIST_MODEL (r->list)));
  g_array_append_val (r->frames_per_s, f);
  g_array_append_val (r->messages_per_s, m);
  r->last_frames = frames;
  r->last_received = received;
  return --r->seconds_left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static int
cmp_uint (gconstpointer a,
          gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static guint
median (GArray *values)
{
  /* the first second is start-up: leave it out when there are more */
  guint skip = values->len > 2 ? 1 : 0;
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), values->len);

  g_array_append_vals (sorted, (guint *) values->data + skip, values->len - skip);
  g_array_sort (sorted, cmp_uint);
  return sorted->len > 0 ? g_array_index (sorted, guint, sorted->len / 2) : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("— a busy topic in a GtkListView");
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaMockCluster) cluster = NULL;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  g_autoptr(GHashTable) config = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *window = NULL;
  Load load = { 0 };
  Report report = { 0 };
  GThread *thread;
  gint64 deadline;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  gtk_init ();

  cluster = kafka_mock_cluster_new (1, &error);
  g_assert_no_error (error);
  g_assert_true (kafka_mock_cluster_create_topic (cluster, TOPIC, 3, 1, &error));
  load.bootstrap = kafka_mock_cluster_get_bootstrap_servers (cluster);

  g_hash_table_insert (config, "bootstrap.servers", (char *) load.bootstrap);
  g_hash_table_insert (config, "group.id", "bench-list-view");
  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  list = kafka_message_list_new (consumer, opt_max_items);
  kafka_message_list_set_update_interval (list, opt_interval);
  for (int p = 0; p < 3; p++)
    g_ptr_array_add (partitions, kafka_topic_partition_new (TOPIC, p, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, partitions, &error));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  if (!opt_no_view)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkSelectionModel *model = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (list))));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), gtk_list_view_new (model, factory));
      gtk_window_set_child (GTK_WINDOW (window), scrolled);
    }
  gtk_widget_add_tick_callback (window, on_tick, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));

  report.list = list;
  report.frames_per_s = g_array_new (FALSE, FALSE, sizeof (guint));
  report.messages_per_s = g_array_new (FALSE, FALSE, sizeof (guint));
  report.seconds_left = opt_seconds;
  g_timeout_add_seconds (1, on_second, &report);

  thread = g_thread_new ("producer", produce_thread, &load);
  while (report.seconds_left > 0)
    g_main_context_iteration (NULL, TRUE);
  g_atomic_int_set (&load.stop, 1);
  g_thread_join (thread);

  g_print ("median: %u frames/s, %u messages/s (rate %d, max-items %d, update-interval %d ms%s)\n",
           median (report.frames_per_s), median (report.messages_per_s),
           opt_rate, opt_max_items, opt_interval, opt_no_view ? ", no view" : "");

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_timeout_add (100, keep_waking, NULL);
  while (kafka_message_list_get_n_received (list) < load.produced &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (kafka_message_list_get_n_received (list) != load.produced)
    {
      g_printerr ("received %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " messages\n",
                  kafka_message_list_get_n_received (list), load.produced);
      return 1;
    }
  g_print ("all %" G_GUINT64_FORMAT " messages received\n", load.produced);

  g_array_unref (report.frames_per_s);
  g_array_unref (report.messages_per_s);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
