/* kafka-glib example in Vala: produce messages and print each delivery report.
 *
 * With no --bootstrap-servers it starts an embedded mock cluster, so it runs
 * with no broker installed. The delivery reports come as `delivery` signals
 * from the main loop; nothing calls poll ().
 *
 * Build: valac --pkg kafka-glib-1.0 produce.vala (meson builds it with the
 * library as examples/kafka-glib-produce-vala).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
using Kafka;

string? opt_bootstrap = null;
string? opt_topic = null;
int opt_count = 10;

const OptionEntry[] OPTIONS = {
    { "bootstrap-servers", 'b', OptionFlags.NONE, OptionArg.STRING, ref opt_bootstrap,
      "Brokers to connect to (default: an embedded mock cluster)", "HOST:PORT" },
    { "topic", 't', OptionFlags.NONE, OptionArg.STRING, ref opt_topic,
      "Topic to produce to (default: kafka-glib-example)", "NAME" },
    { "count", 'n', OptionFlags.NONE, OptionArg.INT, ref opt_count, "Number of messages", "N" },
    { null }
};

/* Bytes as text, for printing: a Kafka key or value need not end in a NUL. */
string text (uint8[]? data) {
    if (data == null)
        return "(null)";
    return ((string) data).substring (0, data.length);
}

int main (string[] args) {
    try {
        var context = new OptionContext ("- produce messages with kafka-glib, from Vala");
        context.add_main_entries (OPTIONS, null);
        context.parse (ref args);
    } catch (GLib.Error e) {   /* GLib.Error: `using Kafka` brings Kafka.Error too */
        printerr ("%s\n", e.message);
        return 1;
    }
    var topic = opt_topic ?? "kafka-glib-example";

    MockCluster? cluster = null;
    var bootstrap = opt_bootstrap;
    if (bootstrap == null) {
        try {
            cluster = new MockCluster (1);
        } catch (GLib.Error e) {
            printerr ("Could not start the mock cluster: %s\n", e.message);
            return 1;
        }
        bootstrap = cluster.get_bootstrap_servers ();
        print ("started an embedded mock cluster at %s\n", bootstrap);
    }

    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap;
    config["linger.ms"] = "5";

    var loop = new MainLoop ();
    int pending = 0, failed = 0;
    Producer producer;
    try {
        producer = new Producer (config);
    } catch (GLib.Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }

    producer.delivery.connect ((m) => {
        if (m.get_error () != null) {
            printerr ("delivery failed: %s\n", m.get_error ().message);
            failed++;
        } else {
            var line = new StringBuilder ();
            line.append_printf ("delivered to %s [%d] at offset %lld: key=%s value=%s",
                                m.get_topic (), m.get_partition (), m.get_offset (),
                                text (m.get_key ()), text (m.get_value ()));
            var h = m.get_headers ();
            for (uint i = 0; h != null && i < h.get_length (); i++)
                line.append_printf (" %s=%s", h.get_name (i), text (h.get_value (i)));
            print ("%s\n", line.str);
        }
        if (--pending == 0)
            loop.quit ();
    });
    producer.error.connect ((e) => printerr ("client error: %s\n", e.message));

    var headers = new Headers ();
    headers.add ("source", "kafka-glib-vala-example".data);
    try {
        for (int i = 0; i < opt_count; i++) {
            producer.produce (topic, PARTITION_UA, "key-%d".printf (i).data,
                              "hello #%d from Vala".printf (i).data, headers, 0);
            pending++;
        }
    } catch (GLib.Error e) {
        printerr ("produce: %s\n", e.message);
        return 1;
    }

    if (pending > 0)
        loop.run ();
    print ("%d delivered, %d failed\n", opt_count - failed, failed);
    return failed == 0 ? 0 : 1;
}
