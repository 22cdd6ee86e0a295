/* Kafka Viewer, the GTK 4 example app of kafka-glib: the application.
 *
 * It parses the command line, owns the embedded mock cluster (when no
 * --bootstrap-servers is given, so that anyone can try the app), and opens
 * the window (viewer-window.vala).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
namespace KafkaViewer {

public class Application : Adw.Application {
    /* the command line; null servers: the embedded mock cluster */
    public string? bootstrap_servers { get; set; default = null; }
    public string? initial_topic { get; set; default = null; }
    public uint max_items { get; set; default = 10000; }
    public uint tail { get; set; default = 100; }
    public uint demo_interval_ms { get; set; default = 1000; }
    /* -X name=value pairs, for security.protocol, sasl.* and the like */
    public HashTable<string, string> extra_config = new HashTable<string, string> (str_hash, str_equal);

    public Kafka.MockCluster? mock_cluster { get; private set; default = null; }
    /* why the mock cluster could not start, for the window to show */
    public GLib.Error? startup_error { get; private set; default = null; }

    public const string DEMO_TOPIC = "demo";

    public Application () {
        /* Non-unique: every run has a cluster (or a connection) of its own. */
        Object (application_id: "org.kafkaglib.Viewer",
                flags: ApplicationFlags.NON_UNIQUE);

        add_main_option ("bootstrap-servers", 'b', OptionFlags.NONE, OptionArg.STRING,
                         "Brokers to connect to (default: an embedded mock cluster)", "HOST:PORT");
        add_main_option ("topic", 't', OptionFlags.NONE, OptionArg.STRING,
                         "Topic to show first", "TOPIC");
        add_main_option ("config", 'X', OptionFlags.NONE, OptionArg.STRING_ARRAY,
                         "A librdkafka configuration property (repeatable)", "NAME=VALUE");
        add_main_option ("max-items", 0, OptionFlags.NONE, OptionArg.INT,
                         "Most messages kept in the view (default 10000)", "N");
        add_main_option ("tail", 0, OptionFlags.NONE, OptionArg.INT,
                         "Messages to show from before now, per partition (default 100)", "N");
        add_main_option ("demo-interval", 0, OptionFlags.NONE, OptionArg.INT,
                         "On the mock cluster, a demo message every N ms (default 1000; 0: none)", "MS");
    }

    protected override int handle_local_options (VariantDict options) {
        string? s = null;
        int n = 0;
        string[]? pairs = null;

        if (options.lookup ("bootstrap-servers", "s", out s))
            bootstrap_servers = s;
        if (options.lookup ("topic", "s", out s))
            initial_topic = s;
        if (options.lookup ("max-items", "i", out n)) {
            if (n < 1) {
                printerr ("--max-items must be at least 1\n");
                return 2;
            }
            max_items = n;
        }
        if (options.lookup ("tail", "i", out n))
            tail = (uint) int.max (n, 0);
        if (options.lookup ("demo-interval", "i", out n))
            demo_interval_ms = (uint) int.max (n, 0);
        if (options.lookup ("config", "^as", out pairs)) {
            foreach (var pair in pairs) {
                var eq = pair.index_of_char ('=');
                if (eq <= 0) {
                    printerr ("-X wants NAME=VALUE, not “%s”\n", pair);
                    return 2;
                }
                extra_config[pair.substring (0, eq)] = pair.substring (eq + 1);
            }
        }
        return -1;
    }

    protected override void startup () {
        base.startup ();

        var about = new SimpleAction ("about", null);
        about.activate.connect (show_about);
        add_action (about);

        var quit_action = new SimpleAction ("quit", null);
        quit_action.activate.connect (quit);
        add_action (quit_action);
        set_accels_for_action ("app.quit", { "<Control>q" });
        set_accels_for_action ("win.refresh", { "F5", "<Control>r" });
        set_accels_for_action ("win.clear", { "<Control>l" });
        set_accels_for_action ("win.pause", { "space" });

        if (bootstrap_servers == null)
            start_mock_cluster ();
    }

    protected override void activate () {
        var window = active_window ?? new Window (this);
        window.present ();
    }

    /* One broker, and a demo topic of three partitions. */
    void start_mock_cluster () {
        try {
            mock_cluster = new Kafka.MockCluster (1);
            mock_cluster.create_topic (DEMO_TOPIC, 3, 1);
            if (initial_topic == null)
                initial_topic = DEMO_TOPIC;
        } catch (GLib.Error e) {
            startup_error = e;
            return;
        }

        /* A broker outage at the flick of a menu item: the way to see how
         * the app shows a cluster it cannot reach. */
        var outage = new SimpleAction.stateful ("broker-outage", null, new Variant.boolean (false));
        outage.change_state.connect ((action, state) => {
            var down = state.get_boolean ();
            try {
                for (int32 id = 1; id <= (int32) mock_cluster.get_n_brokers (); id++) {
                    if (down)
                        mock_cluster.set_broker_down (id);
                    else
                        mock_cluster.set_broker_up (id);
                }
                action.set_state (state);
            } catch (GLib.Error e) {
                var window = active_window as Window;
                if (window != null)
                    window.show_error (e);
            }
        });
        add_action (outage);
    }

    /* What every client of the app is configured with. */
    public HashTable<string, string> client_config () {
        var config = new HashTable<string, string> (str_hash, str_equal);
        config["bootstrap.servers"] = mock_cluster != null
            ? mock_cluster.get_bootstrap_servers () : (bootstrap_servers ?? "");
        config["client.id"] = "kafka-viewer";
        extra_config.foreach ((k, v) => config[k] = v);
        return config;
    }

    public string cluster_description () {
        if (mock_cluster != null)
            return "embedded mock cluster";
        return bootstrap_servers ?? "";
    }

    void show_about () {
        var about = new Adw.AboutWindow () {
            transient_for = active_window,
            application_name = "Kafka Viewer",
            application_icon = "network-server-symbolic",
            developer_name = "kafka-glib",
            version = Kafka.VERSION_S,
            comments = "Watch Apache Kafka topics live: an example of kafka-glib, " +
                       "GObject bindings for librdkafka.",
            license_type = Gtk.License.LGPL_2_1,
        };
        about.present ();
    }
}

}
