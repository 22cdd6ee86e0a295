/* KafkaProducer from Vala, compiled against kafka-glib-1.0.vapi, against the
 * real broker (KAFKA_BOOTSTRAP_SERVERS) and the embedded mock cluster.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
using Kafka;

string bootstrap () {
    var servers = Environment.get_variable ("KAFKA_BOOTSTRAP_SERVERS");
    if (servers == null || servers == "")
        error ("KAFKA_BOOTSTRAP_SERVERS is not set: run tests/run-tests.sh, which starts the broker");
    return servers;
}

void run_until (owned SourceFunc done, uint timeout_ms, string what) {
    var ctx = MainContext.default ();
    bool timed_out = false;
    var id = Timeout.add (timeout_ms, () => { timed_out = true; return Source.REMOVE; });
    while (!done () && !timed_out)
        ctx.iteration (true);
    if (!timed_out)
        Source.remove (id);
    if (!done ())
        error ("timed out after %u ms waiting for %s", timeout_ms, what);
}

void test_delivery () {
    var topic = "kg-vala-" + Uuid.string_random ().substring (0, 12);
    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap ();
    config["linger.ms"] = "5";
    /* idempotent: offsets in production order, even across a retried batch */
    config["enable.idempotence"] = "true";
    Producer producer;
    try {
        producer = new Producer (config);
    } catch (GLib.Error e) {
        error ("new Producer: %s", e.message);
    }

    var reports = new GenericArray<Message> ();
    producer.delivery.connect ((m) => { reports.add (m); });

    var headers = new Headers ();
    headers.add ("origin", "vala".data);
    int N = 20;
    for (int i = 0; i < N; i++) {
        try {
            producer.produce (topic, 0, "key-%d".printf (i).data, "value-%d".printf (i).data, headers, 0);
        } catch (GLib.Error e) {
            error ("produce: %s", e.message);
        }
    }
    run_until (() => reports.length == N, 30000, "delivery reports");

    for (int i = 0; i < N; i++) {
        var m = reports[i];
        assert (m.get_error () == null);
        assert (m.get_topic () == topic);
        assert (m.get_offset () == i);
        assert ((string) m.get_key () == "key-%d".printf (i) || m.get_key ().length == "key-%d".printf (i).length);
        var value = m.get_value ();
        assert (value.length == "value-%d".printf (i).length);
        assert (Memory.cmp (value, "value-%d".printf (i).data, value.length) == 0);
        var h = m.get_headers ();
        assert (h.get_length () == 1);
        assert (h.get_name (0) == "origin");
    }
    assert (producer.get_out_queue_length () == 0);
    print ("ok - delivery\n");
}

void test_errors () {
    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = "127.0.0.1:1";
    config["acks"] = "maybe";
    try {
        new Producer (config);
        error ("a bad value must throw");
    } catch (GLib.Error e) {
        assert (e is Kafka.Error);
        assert (e is Kafka.Error.INVALID_ARG);
        assert ("acks" in e.message);
    }
    print ("ok - errors\n");
}

void test_mock_flush () {
    try {
        var cluster = new MockCluster (1);
        var config = new HashTable<string, string> (str_hash, str_equal);
        config["bootstrap.servers"] = cluster.get_bootstrap_servers ();
        var producer = new Producer (config);
        int delivered = 0;
        producer.delivery.connect ((m) => { if (m.get_error () == null) delivered++; });
        for (int i = 0; i < 10; i++)
            producer.produce ("vala-mock", -1, null, "x".data, null, 0);
        assert (producer.flush (30000));
        assert (delivered == 10);
    } catch (GLib.Error e) {
        error ("mock: %s", e.message);
    }
    print ("ok - mock flush\n");
}

async void produce_with_yield (MainLoop loop) {
    var topic = "kg-vala-async-" + Uuid.string_random ().substring (0, 12);
    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap ();
    try {
        var producer = new Producer (config);
        for (int i = 0; i < 5; i++) {
            var m = yield producer.produce_async (topic, 0, "k%d".printf (i).data, "v%d".printf (i).data, null, 0, null);
            assert (m.get_offset () == i);
            assert (m.get_error () == null);
        }
        assert (yield producer.flush_async (10000, null));
        var md = yield producer.list_topics_async (topic, 10000, null);
        assert (md.get_topic (topic) != null);
        try {
            yield producer.produce_async ("", -1, null, "x".data, null, 0, null);
            error ("an empty topic must fail");
        } catch (GLib.Error e) {
            assert (e is Kafka.Error.INVALID_ARG);
        }
    } catch (GLib.Error e) {
        error ("async: %s", e.message);
    }
    loop.quit ();
}

void test_async () {
    var loop = new MainLoop ();
    produce_with_yield.begin (loop);
    loop.run ();
    print ("ok - async with yield\n");
}

int main () {
    test_delivery ();
    test_async ();
    test_errors ();
    test_mock_flush ();
    print ("all Vala producer tests passed\n");
    return 0;
}
