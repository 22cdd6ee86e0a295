/* Kafka Viewer, the GTK 4 example app of kafka-glib: the window.
 *
 * On the left, the cluster's topics and their partitions, straight from
 * Kafka.ClusterMetadata, which is a GListModel of topics, each a GListModel
 * of partitions (a Gtk.TreeListModel makes the tree). On the right, the
 * messages of the topic or partition picked there, in a Gtk.ColumnView over
 * a Kafka.MessageList: the library's list model, which follows a consumer,
 * grows by one items-changed per batch of messages and drops the oldest
 * past --max-items. Its cells read Kafka.Message's properties, two of them
 * through Gtk.PropertyExpressions. Under the view, a form produces a message.
 *
 * Nothing here blocks: metadata and offsets come with `yield`, messages and
 * errors as signals on the main loop. Every error (a broker out of reach,
 * an authentication refused, a failed delivery) goes to the bar at the top
 * of the window.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
namespace KafkaViewer {

public class Window : Adw.ApplicationWindow {
    /* Public for the Xvfb test (tests/gtk/test-viewer.vala), which drives the
     * window as a user would and reads what it shows. */
    public Gtk.SearchEntry key_filter_entry;
    public Gtk.Entry key_entry;
    public Gtk.Entry value_entry;
    public Gtk.Entry headers_entry;
    public Gtk.Button send_button;
    public Gtk.ColumnView column_view;
    public Gtk.ScrolledWindow messages_scroll;
    public Gtk.InfoBar error_bar;
    public Gtk.Label error_title;
    public Gtk.Label error_detail;
    public Gtk.Label status_label;
    public Gtk.ListView sidebar;

    /* what the view shows now */
    public Kafka.MessageList? messages { get; private set; default = null; }
    public string? watched_topic { get; private set; default = null; }
    public Kafka.ClusterMetadata? metadata { get; private set; default = null; }
    /* messages delivered from the form */
    public uint n_sent { get; private set; default = 0; }

    unowned Application app;
    Kafka.Producer? producer = null;
    Kafka.Consumer? consumer = null;
    string? watched_key = null;
    Cancellable? watch_cancellable = null;

    Gtk.FilterListModel filtered;
    Gtk.CustomFilter key_filter;
    Gtk.SingleSelection sidebar_selection;
    Gtk.Stack content_stack;
    Adw.ToastOverlay toasts;
    Adw.WindowTitle window_title;
    SimpleAction pause_action;
    bool follow_tail = true;
    uint demo_source = 0;
    uint64 demo_seq = 0;
    /* the toast of the form's last delivery, updated while it shows */
    Adw.Toast? sent_toast = null;
    uint sent_in_toast = 0;

    public Window (Application application) {
        Object (application: application, default_width: 1100, default_height: 680,
                title: "Kafka Viewer");
        app = application;

        build_actions ();
        build_ui ();
        start_producer ();
        if (app.startup_error != null)
            show_error (app.startup_error);
        refresh_topics.begin ();
        if (app.mock_cluster != null && app.demo_interval_ms > 0) {
            /* some history to look at, then a message now and then */
            for (int i = 0; i < 24; i++)
                produce_demo_message ();
            demo_source = Timeout.add (app.demo_interval_ms, produce_demo_message);
        }
    }

    /* ------------------------------------------------------------------ */
    /* Building the window */

    void build_actions () {
        var refresh = new SimpleAction ("refresh", null);
        refresh.activate.connect (() => refresh_topics.begin ());
        add_action (refresh);

        var clear = new SimpleAction ("clear", null);
        clear.activate.connect (() => {
            if (messages != null)
                messages.clear ();
        });
        add_action (clear);

        /* the list model's "paused" property, as a toggle */
        pause_action = new SimpleAction.stateful ("pause", null, new Variant.boolean (false));
        pause_action.change_state.connect ((action, state) => {
            action.set_state (state);
            if (messages != null)
                messages.paused = state.get_boolean ();
            update_status ();
        });
        add_action (pause_action);
    }

    void build_ui () {
        window_title = new Adw.WindowTitle ("Kafka Viewer", app.cluster_description ());

        var header = new Adw.HeaderBar () { title_widget = window_title };
        header.pack_start (new Gtk.Button.from_icon_name ("view-refresh-symbolic") {
            action_name = "win.refresh", tooltip_text = "Refresh the topics (F5)"
        });

        var menu = new Menu ();
        if (app.mock_cluster != null)
            menu.append ("Simulate a Broker Outage", "app.broker-outage");
        menu.append ("About Kafka Viewer", "app.about");
        menu.append ("Quit", "app.quit");
        header.pack_end (new Gtk.MenuButton () {
            icon_name = "open-menu-symbolic", menu_model = menu, tooltip_text = "Menu"
        });
        header.pack_end (new Gtk.ToggleButton () {
            icon_name = "media-playback-pause-symbolic", action_name = "win.pause",
            tooltip_text = "Pause the view; the partitions stop fetching (Ctrl+P)"
        });
        header.pack_end (new Gtk.Button.from_icon_name ("edit-clear-all-symbolic") {
            action_name = "win.clear", tooltip_text = "Clear the view (Ctrl+L)"
        });
        app.set_accels_for_action ("win.pause", { "<Control>p" });

        /* errors: a bar over everything, until closed */
        error_title = new Gtk.Label (null) { xalign = 0 };
        error_title.add_css_class ("heading");
        error_detail = new Gtk.Label (null) { xalign = 0, wrap = true, selectable = true };
        var error_box = new Gtk.Box (Gtk.Orientation.VERTICAL, 2);
        error_box.append (error_title);
        error_box.append (error_detail);
        error_bar = new Gtk.InfoBar () {
            message_type = Gtk.MessageType.ERROR, show_close_button = true, revealed = false
        };
        error_bar.add_child (error_box);
        error_bar.response.connect (() => error_bar.revealed = false);

        var paned = new Gtk.Paned (Gtk.Orientation.HORIZONTAL) {
            position = 240, shrink_start_child = false, vexpand = true
        };
        paned.start_child = build_sidebar ();
        paned.end_child = build_messages ();

        var content = new Gtk.Box (Gtk.Orientation.VERTICAL, 0);
        content.append (header);
        content.append (error_bar);
        content.append (paned);
        toasts = new Adw.ToastOverlay () { child = content };
        this.content = toasts;
    }

    Gtk.Widget build_sidebar () {
        var factory = new Gtk.SignalListItemFactory ();
        factory.setup.connect ((item) => {
            var label = new Gtk.Label (null) { xalign = 0, ellipsize = Pango.EllipsizeMode.END };
            item.child = new Gtk.TreeExpander () { child = label };
        });
        factory.bind.connect ((item) => {
            var row = (Gtk.TreeListRow) item.item;
            var expander = (Gtk.TreeExpander) item.child;
            var label = (Gtk.Label) expander.child;
            expander.list_row = row;
            var topic = row.item as Kafka.TopicMetadata;
            if (topic != null) {
                label.label = topic.name;
                label.tooltip_text = topic.get_error () != null
                    ? topic.get_error ().message
                    : "%u partitions".printf (topic.get_n_items ());
            } else {
                var partition = (Kafka.PartitionMetadata) row.item;
                label.label = "Partition %d".printf (partition.id);
                label.tooltip_text = "Leader: broker %d".printf (partition.leader);
            }
        });

        sidebar_selection = new Gtk.SingleSelection (null) { autoselect = false, can_unselect = true };
        sidebar_selection.notify["selected-item"].connect (on_sidebar_selected);
        sidebar = new Gtk.ListView (sidebar_selection, factory);
        sidebar.add_css_class ("navigation-sidebar");

        var heading = new Gtk.Label ("Topics") { xalign = 0, margin_start = 12, margin_top = 8, margin_bottom = 4 };
        heading.add_css_class ("heading");
        var box = new Gtk.Box (Gtk.Orientation.VERTICAL, 0);
        box.append (heading);
        box.append (new Gtk.ScrolledWindow () {
            child = sidebar, vexpand = true, hscrollbar_policy = Gtk.PolicyType.NEVER
        });
        return box;
    }

    Gtk.Widget build_messages () {
        key_filter_entry = new Gtk.SearchEntry () { placeholder_text = "Filter by key", hexpand = true };
        status_label = new Gtk.Label (null) { xalign = 1 };
        status_label.add_css_class ("dim-label");
        status_label.add_css_class ("numeric");
        var filter_row = new Gtk.Box (Gtk.Orientation.HORIZONTAL, 12) {
            margin_start = 12, margin_end = 12, margin_top = 6, margin_bottom = 6
        };
        filter_row.append (key_filter_entry);
        filter_row.append (status_label);

        /* Kafka.MessageList → filter by key → sort by column → view */
        key_filter = new Gtk.CustomFilter ((item) => {
            var needle = key_filter_entry.text;
            if (needle == "")
                return true;
            var key = ((Kafka.Message) item).key;
            return key != null && text_of (key).casefold ().contains (needle.casefold ());
        });
        key_filter_entry.search_changed.connect (() => key_filter.changed (Gtk.FilterChange.DIFFERENT));
        filtered = new Gtk.FilterListModel (null, key_filter);
        filtered.items_changed.connect (() => update_status ());

        column_view = new Gtk.ColumnView (null) { show_column_separators = true };
        column_view.add_css_class ("data-table");
        column_view.append_column (expression_column ("Partition", "partition"));
        column_view.append_column (expression_column ("Offset", "offset"));
        column_view.append_column (text_column ("Time", (m, label) => {
            label.label = time_of (m.timestamp);
        }, new Gtk.NumericSorter (new Gtk.PropertyExpression (typeof (Kafka.Message), null, "timestamp"))));
        column_view.append_column (text_column ("Key", (m, label) => show_bytes (label, m.key)));
        var value_column = text_column ("Value", (m, label) => show_bytes (label, m.value));
        value_column.expand = true;
        column_view.append_column (value_column);
        column_view.append_column (text_column ("Headers", (m, label) => {
            label.label = headers_text (m.headers);
        }));
        var sorted = new Gtk.SortListModel (filtered, column_view.sorter);
        column_view.model = new Gtk.NoSelection (sorted);

        messages_scroll = new Gtk.ScrolledWindow () { child = column_view, vexpand = true };
        /* stay at the newest message unless the user scrolled away from it */
        var adjustment = messages_scroll.vadjustment;
        adjustment.value_changed.connect (() => {
            follow_tail = adjustment.value + adjustment.page_size >= adjustment.upper - 4;
        });
        adjustment.notify["upper"].connect (() => {
            if (follow_tail)
                adjustment.value = adjustment.upper - adjustment.page_size;
        });

        content_stack = new Gtk.Stack ();
        content_stack.add_named (new Adw.StatusPage () {
            icon_name = "view-list-symbolic", title = "No Topic",
            description = "Pick a topic or a partition on the left to watch it live."
        }, "empty");
        content_stack.add_named (messages_scroll, "messages");

        /* the produce form */
        key_entry = new Gtk.Entry () { placeholder_text = "Key (optional)", width_chars = 14 };
        value_entry = new Gtk.Entry () { placeholder_text = "Value", hexpand = true };
        headers_entry = new Gtk.Entry () { placeholder_text = "Headers: name=value, …", width_chars = 22 };
        send_button = new Gtk.Button.with_label ("Produce");
        send_button.add_css_class ("suggested-action");
        send_button.clicked.connect (send);
        value_entry.activate.connect (send);
        var form = new Gtk.Box (Gtk.Orientation.HORIZONTAL, 6) {
            margin_start = 12, margin_end = 12, margin_top = 6, margin_bottom = 6
        };
        form.append (key_entry);
        form.append (value_entry);
        form.append (headers_entry);
        form.append (send_button);

        var box = new Gtk.Box (Gtk.Orientation.VERTICAL, 0);
        box.append (filter_row);
        box.append (content_stack);
        box.append (new Gtk.Separator (Gtk.Orientation.HORIZONTAL));
        box.append (form);
        update_status ();
        return box;
    }

    /* A numeric column whose label follows a property of the row's message
     * through a GtkExpression (ListItem:item → Message:<property>): no code
     * runs per row. The same expression sorts the column. */
    Gtk.ColumnViewColumn expression_column (string title, string property) {
        var factory = new Gtk.SignalListItemFactory ();
        factory.setup.connect ((item) => {
            var label = new Gtk.Label (null) { xalign = 1 };
            label.add_css_class ("numeric");
            item.child = label;
            var expression = new Gtk.PropertyExpression (
                typeof (Kafka.Message),
                new Gtk.PropertyExpression (typeof (Gtk.ListItem), null, "item"),
                property);
            expression.bind (label, "label", item);
        });
        return new Gtk.ColumnViewColumn (title, factory) {
            sorter = new Gtk.NumericSorter (new Gtk.PropertyExpression (typeof (Kafka.Message), null, property))
        };
    }

    delegate void BindMessage (Kafka.Message message, Gtk.Label label);

    Gtk.ColumnViewColumn text_column (string title, owned BindMessage bind, Gtk.Sorter? sorter = null) {
        var factory = new Gtk.SignalListItemFactory ();
        factory.setup.connect ((item) => {
            item.child = new Gtk.Label (null) {
                xalign = 0, ellipsize = Pango.EllipsizeMode.END, single_line_mode = true,
                max_width_chars = 60
            };
        });
        factory.bind.connect ((item) => bind ((Kafka.Message) item.item, (Gtk.Label) item.child));
        return new Gtk.ColumnViewColumn (title, factory) { sorter = sorter, resizable = true };
    }

    /* ------------------------------------------------------------------ */
    /* Clients */

    void start_producer () {
        try {
            producer = new Kafka.Producer (app.client_config ());
        } catch (GLib.Error e) {
            show_error (e);
            return;
        }
        producer.error.connect ((client, e) => show_error (e));
        producer.delivery.connect (on_delivery);
    }

    /* Cluster metadata, without blocking the window. */
    async void refresh_topics () {
        if (producer == null)
            return;
        try {
            show_metadata (yield producer.list_topics_async (null, 10000, null));
        } catch (GLib.Error e) {
            show_error (e);
        }
    }

    /* Topics (internal ones hidden), sorted by name, each expanding to its
     * partitions. */
    void show_metadata (Kafka.ClusterMetadata md) {
        metadata = md;
        var visible = new Gtk.FilterListModel (md, new Gtk.CustomFilter ((item) => {
            return !((Kafka.TopicMetadata) item).name.has_prefix ("__");
        }));
        var by_name = new Gtk.SortListModel (visible, new Gtk.StringSorter (
            new Gtk.PropertyExpression (typeof (Kafka.TopicMetadata), null, "name")));
        var tree = new Gtk.TreeListModel (by_name, false, false, (item) => item as Kafka.TopicMetadata);
        sidebar_selection.model = tree;

        /* keep showing what was shown, or show the topic asked for */
        var wanted = watched_topic ?? app.initial_topic;
        for (uint i = 0; wanted != null && i < tree.get_n_items (); i++) {
            var row = (Gtk.TreeListRow) tree.get_item (i);
            var topic = row.item as Kafka.TopicMetadata;
            if (topic != null && topic.name == wanted) {
                sidebar_selection.selected = i;
                break;
            }
        }
    }

    void on_sidebar_selected () {
        var row = sidebar_selection.selected_item as Gtk.TreeListRow;
        if (row == null)
            return;
        var topic = row.item as Kafka.TopicMetadata;
        int32[] partitions = {};
        if (topic != null) {
            for (uint i = 0; i < topic.get_n_items (); i++)
                partitions += ((Kafka.PartitionMetadata) topic.get_item (i)).id;
        } else {
            topic = (Kafka.TopicMetadata) row.get_parent ().item;
            partitions += ((Kafka.PartitionMetadata) row.item).id;
        }
        watch.begin (topic.name, partitions);
    }

    /* Follows @partitions of @topic, from --tail messages before their end,
     * with a consumer of its own (assigned, so no group to join). */
    async void watch (string topic, int32[] partition_ids) {
        /* the caller's array goes when it returns, at the first yield */
        int32[] partitions = partition_ids.copy ();
        var key = topic + string.joinv (",", int_strings (partitions));
        if (key == watched_key)
            return;
        watched_key = key;
        if (watch_cancellable != null)
            watch_cancellable.cancel ();
        var cancellable = watch_cancellable = new Cancellable ();

        stop_watching ();
        watched_topic = topic;
        window_title.subtitle = partitions.length == 1 && metadata != null &&
                                metadata.get_topic (topic) != null &&
                                metadata.get_topic (topic).get_n_items () > 1
            ? "%s [%d] · %s".printf (topic, partitions[0], app.cluster_description ())
            : "%s · %s".printf (topic, app.cluster_description ());

        var assignment = new GenericArray<Kafka.TopicPartition> ();
        bool offsets_known = app.tail > 0;
        foreach (var p in partitions) {
            int64 start = Kafka.OFFSET_END;
            if (offsets_known) {
                try {
                    int64 low, high;
                    yield producer.get_watermark_offsets_async (topic, p, 5000, cancellable,
                                                                out low, out high);
                    start = int64.max (low, high - app.tail);
                } catch (IOError.CANCELLED e) {
                    return;
                } catch (GLib.Error e) {
                    /* from the end, then, for this and the other partitions */
                    show_error (e);
                    offsets_known = false;
                }
            }
            assignment.add (new Kafka.TopicPartition (topic, p, start));
        }
        if (cancellable.is_cancelled ())
            return;

        try {
            var config = app.client_config ();
            /* required by librdkafka; nothing is committed */
            config["group.id"] = "kafka-viewer-" + Uuid.string_random ();
            config["enable.auto.commit"] = "false";
            config["enable.auto.offset.store"] = "false";
            consumer = new Kafka.Consumer (config);
            consumer.error.connect ((client, e) => show_error (e));

            messages = new Kafka.MessageList (consumer, app.max_items);
            messages.error.connect ((list, e) => show_error (e));
            messages.notify["n-received"].connect (() => update_status ());
            messages.notify["n-pending"].connect (() => update_status ());
            filtered.model = messages;
            follow_tail = true;

            consumer.assign (assignment);
            /* after the assignment: pausing pauses the assigned partitions */
            messages.paused = pause_action.state.get_boolean ();
            content_stack.visible_child_name = "messages";
        } catch (GLib.Error e) {
            show_error (e);
        }
        update_status ();
    }

    void stop_watching () {
        filtered.model = null;
        messages = null;
        if (consumer != null) {
            /* closing waits for the brokers: not on the window's time */
            var old = consumer;
            consumer = null;
            old.close_async.begin (null, (obj, res) => {
                try {
                    old.close_async.end (res);
                } catch (GLib.Error e) {
                    debug ("closing the previous consumer: %s", e.message);
                }
            });
        }
    }

    /* ------------------------------------------------------------------ */
    /* Producing */

    void send () {
        if (watched_topic == null || producer == null) {
            toasts.add_toast (new Adw.Toast ("Pick a topic first"));
            return;
        }
        var headers = parse_headers (headers_entry.text);
        if (headers == null)
            return;
        uint8[]? key = key_entry.text != "" ? key_entry.text.data : null;
        try {
            producer.produce (watched_topic, -1, key, value_entry.text.data, headers, 0);
            value_entry.text = "";
        } catch (GLib.Error e) {
            show_error (e);
        }
    }

    bool produce_demo_message () {
        string[] sensors = { "boiler", "attic", "garden", "cellar" };
        var sensor = sensors[demo_seq % sensors.length];
        var celsius = 18.0 + 6.0 * Math.sin (demo_seq / 7.0) + (demo_seq % sensors.length);
        var headers = new Kafka.Headers ();
        headers.add ("source", "demo".data);
        var value = "{\"sensor\": \"%s\", \"celsius\": %.1f, \"seq\": %llu}".printf (sensor, celsius, demo_seq);
        try {
            producer.produce (Application.DEMO_TOPIC, -1, sensor.data, value.data, headers, 0);
            demo_seq++;
        } catch (GLib.Error e) {
            show_error (e);
        }
        return Source.CONTINUE;
    }

    void on_delivery (Kafka.Producer p, Kafka.Message m) {
        if (m.get_error () != null) {
            show_error (m.get_error ());
            return;
        }
        if (m.headers != null) {
            bool demo;
            m.headers.get_last ("source", out demo);
            if (demo)
                return;
        }
        n_sent++;
        var where = "%s [%d] at offset %lld".printf (m.topic, m.partition, m.offset);
        if (sent_toast == null) {
            sent_in_toast = 0;
            sent_toast = new Adw.Toast ("") { timeout = 3 };
            sent_toast.dismissed.connect (() => sent_toast = null);
            toasts.add_toast (sent_toast);
        }
        sent_in_toast++;
        sent_toast.title = sent_in_toast == 1 ? "Produced to " + where
                                              : "Produced %u messages, the last to %s".printf (sent_in_toast, where);
    }

    /* "a=1, b=2" → headers; null (and an error shown) if malformed */
    Kafka.Headers? parse_headers (string text) {
        var headers = new Kafka.Headers ();
        foreach (var part in text.split (",")) {
            var item = part.strip ();
            if (item == "")
                continue;
            var eq = item.index_of_char ('=');
            if (eq <= 0) {
                show_error (new IOError.INVALID_ARGUMENT (
                    "A header is written name=value; “%s” is not", item));
                return null;
            }
            headers.add (item.substring (0, eq).strip (), item.substring (eq + 1).strip ().data);
        }
        return headers;
    }

    /* ------------------------------------------------------------------ */
    /* Showing things */

    /* Every error of the app ends here, in the bar at the top. */
    public void show_error (GLib.Error e) {
        error_title.label = title_of (e);
        error_detail.label = e.message;
        error_bar.revealed = true;
    }

    /* (`is` rather than comparing codes: valac 0.56 crashes on
     * Kafka.Error.quark () and the domain's other static functions) */
    static string title_of (GLib.Error e) {
        if (e is Kafka.Error.TRANSPORT || e is Kafka.Error.ALL_BROKERS_DOWN ||
            e is Kafka.Error.RESOLVE || e is Kafka.Error.TIMED_OUT)
            return "Cannot reach the cluster";
        if (e is Kafka.Error.AUTHENTICATION || e is Kafka.Error.SASL_AUTHENTICATION_FAILED ||
            e is Kafka.Error.SSL)
            return "Authentication failed";
        if (e is Kafka.Error.TOPIC_AUTHORIZATION_FAILED || e is Kafka.Error.GROUP_AUTHORIZATION_FAILED ||
            e is Kafka.Error.CLUSTER_AUTHORIZATION_FAILED)
            return "Not authorized";
        if (e is Kafka.Error.FATAL)
            return "Fatal Kafka error";
        if (e is Kafka.Error)
            return "Kafka error";
        return "Error";
    }

    void update_status () {
        if (messages == null) {
            status_label.label = "";
            return;
        }
        var text = "%u shown · %llu received".printf (filtered.get_n_items (), messages.n_received);
        if (messages.paused)
            text += messages.n_pending > 0 ? " · paused, %u waiting".printf (messages.n_pending) : " · paused";
        status_label.label = text;
    }

    static void show_bytes (Gtk.Label label, Bytes? bytes) {
        if (bytes == null) {
            label.label = "null";
            label.add_css_class ("dim-label");
        } else {
            label.label = text_of (bytes);
            label.remove_css_class ("dim-label");
        }
    }

    /* UTF-8 text as it is (one line), anything else in hex */
    static string text_of (Bytes bytes) {
        unowned uint8[] data = bytes.get_data ();
        var size = bytes.get_size ();
        var text = (string) data;
        if (size == 0)
            return "";
        /* (validate() also refuses a NUL byte within the length) */
        if (text.validate ((ssize_t) size)) {
            var s = text.substring (0, (long) size);
            return s.replace ("\n", "⏎");
        }
        var hex = new StringBuilder ();
        for (size_t i = 0; i < size && i < 32; i++)
            hex.append_printf ("%02x ", data[i]);
        return "%s… (%zu bytes)".printf (hex.str, size);
    }

    static string headers_text (Kafka.Headers? headers) {
        if (headers == null)
            return "";
        string[] parts = {};
        for (uint i = 0; i < headers.get_length (); i++) {
            var value = headers.get_value_bytes (i);
            parts += "%s=%s".printf (headers.get_name (i), value != null ? text_of (value) : "null");
        }
        return string.joinv (", ", parts);
    }

    static string time_of (int64 ms) {
        if (ms < 0)
            return "—";
        var t = new DateTime.from_unix_local (ms / 1000);
        var now = new DateTime.now_local ();
        var format = t.get_year () == now.get_year () && t.get_day_of_year () == now.get_day_of_year ()
            ? "%H:%M:%S" : "%Y-%m-%d %H:%M:%S";
        return "%s.%03d".printf (t.format (format), (int) (ms % 1000));
    }

    static string[] int_strings (int32[] values) {
        string[] strings = {};
        foreach (var v in values)
            strings += v.to_string ();
        return strings;
    }

    protected override void dispose () {
        if (demo_source != 0) {
            Source.remove (demo_source);
            demo_source = 0;
        }
        if (watch_cancellable != null)
            watch_cancellable.cancel ();
        base.dispose ();
    }
}

}
