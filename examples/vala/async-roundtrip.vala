/* kafka-glib example in Vala: a round trip with async methods and `yield`.
 *
 * One coroutine on the main loop produces --count messages, each awaited
 * with `yield producer.produce_async ()` (which gives back its delivery
 * report), then reads them back as a group consumer with
 * `yield consumer.consume_async ()`, commits with `yield commit_async ()`
 * and closes with `yield close_async ()`. Nothing blocks the main loop.
 *
 * With no --bootstrap-servers it runs on an embedded mock cluster; with a
 * broker of yours it uses a fresh topic and group each run.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
using Kafka;

string? opt_bootstrap = null;
int opt_count = 5;

const OptionEntry[] OPTIONS = {
    { "bootstrap-servers", 'b', OptionFlags.NONE, OptionArg.STRING, ref opt_bootstrap,
      "Brokers to connect to (default: an embedded mock cluster)", "HOST:PORT" },
    { "count", 'n', OptionFlags.NONE, OptionArg.INT, ref opt_count, "Number of messages", "N" },
    { null }
};

string text (uint8[]? data) {
    if (data == null)
        return "(null)";
    return ((string) data).substring (0, data.length);
}

async void round_trip (string bootstrap, int count) throws GLib.Error {
    var suffix = Uuid.string_random ().substring (0, 8);
    var topic = "kafka-glib-roundtrip-" + suffix;

    var pconfig = new HashTable<string, string> (str_hash, str_equal);
    pconfig["bootstrap.servers"] = bootstrap;
    var producer = new Producer (pconfig);
    for (int i = 0; i < count; i++) {
        /* resumes when this message's delivery report is in */
        var report = yield producer.produce_async (topic, 0, "key-%d".printf (i).data,
                                                   "value-%d".printf (i).data, null, 0, null);
        print ("produced %s [%d] at offset %lld\n", report.get_topic (),
               report.get_partition (), report.get_offset ());
    }

    var cconfig = new HashTable<string, string> (str_hash, str_equal);
    cconfig["bootstrap.servers"] = bootstrap;
    cconfig["group.id"] = "kafka-glib-roundtrip-" + suffix;
    cconfig["auto.offset.reset"] = "earliest";
    cconfig["enable.auto.commit"] = "false";
    var consumer = new Consumer (cconfig);
    consumer.subscribe ({ topic });

    int got = 0;
    var deadline = get_monotonic_time () + 30 * TimeSpan.SECOND;
    while (got < count) {
        if (get_monotonic_time () > deadline)
            throw new IOError.TIMED_OUT ("only %d of %d messages came back", got, count);
        /* up to 100 messages, waiting at most 5 s for the first one */
        var batch = yield consumer.consume_async (100, 5000, null);
        for (int i = 0; i < batch.length; i++) {
            var m = batch[i];
            if (m.get_error () != null) {
                printerr ("consumer error: %s\n", m.get_error ().message);
                continue;
            }
            print ("consumed %s [%d] at offset %lld: key=%s value=%s\n", m.get_topic (),
                   m.get_partition (), m.get_offset (), text (m.get_key ()), text (m.get_value ()));
            got++;
        }
    }

    /* null: commit the consumer's positions; partitions it read nothing
     * from come back with OFFSET_INVALID */
    var committed = yield consumer.commit_async (null, null);
    for (int i = 0; i < committed.length; i++) {
        var tp = committed[i];
        if (tp.get_error () != null)
            printerr ("commit of %s [%d] failed: %s\n", tp.get_topic (), tp.get_partition (),
                      tp.get_error ().message);
        else if (tp.get_offset () >= 0)
            print ("committed %s [%d] at offset %lld\n", tp.get_topic (),
                   tp.get_partition (), tp.get_offset ());
    }
    yield consumer.close_async (null);
    print ("round trip of %d messages done\n", count);
}

int main (string[] args) {
    try {
        var context = new OptionContext ("- produce and consume with async methods, from Vala");
        context.add_main_entries (OPTIONS, null);
        context.parse (ref args);
    } catch (GLib.Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }

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

    var loop = new MainLoop ();
    int status = 0;
    round_trip.begin (bootstrap, opt_count, (obj, res) => {
        try {
            round_trip.end (res);
        } catch (GLib.Error e) {   /* GLib.Error: `using Kafka` brings Kafka.Error too */
            printerr ("round trip failed: %s\n", e.message);
            status = 1;
        }
        loop.quit ();
    });
    loop.run ();
    return status;
}
