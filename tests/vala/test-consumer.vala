/* KafkaConsumer from Vala, compiled against kafka-glib-1.0.vapi, against the
 * real broker (KAFKA_BOOTSTRAP_SERVERS): messages as signals on the main
 * loop, a synchronous commit, close.
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

string text (uint8[] data) {
    return ((string) data).substring (0, data.length);
}

int index_of (Message m) {
    var key = text (m.get_key ());
    assert (key.has_prefix ("key-"));
    return int.parse (key.substring (4));
}

const int N = 20;
const int PARTITIONS = 4;

/* Produces N messages "key-I" / "value-I" with a header "seq" = I, to the
 * partitioner's choice of partition, and returns the delivery reports,
 * indexed by I. */
GenericArray<Message> produce_numbered (string topic) {
    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap ();
    config["linger.ms"] = "5";
    /* idempotent: production order within a partition, even across a retry */
    config["enable.idempotence"] = "true";
    var reports = new GenericArray<Message> ();
    try {
        var producer = new Producer (config);
        producer.delivery.connect ((m) => { reports.add (m); });
        for (int i = 0; i < N; i++) {
            var headers = new Headers ();
            headers.add ("seq", "%d".printf (i).data);
            producer.produce (topic, PARTITION_UA, "key-%d".printf (i).data, "value-%d".printf (i).data, headers, 0);
        }
        assert (producer.flush (30000));
    } catch (GLib.Error e) {
        error ("produce: %s", e.message);
    }
    assert (reports.length == N);

    var by_index = new GenericArray<Message> ();
    by_index.length = N;
    for (int j = 0; j < reports.length; j++) {
        var m = reports[j];
        assert (m.get_error () == null);
        by_index[index_of (m)] = m;
    }
    return by_index;
}

void test_messages_on_main_loop () {
    var topic = "kg-vala-c-" + Uuid.string_random ().substring (0, 12);
    var group = "kg-vala-g-" + Uuid.string_random ().substring (0, 12);
    var delivered = produce_numbered (topic);

    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap ();
    config["group.id"] = group;
    config["auto.offset.reset"] = "earliest";
    config["enable.auto.commit"] = "false";
    Consumer consumer;
    try {
        consumer = new Consumer (config);
    } catch (GLib.Error e) {
        error ("new Consumer: %s", e.message);
    }
    consumer.emit_messages = true;
    assert (consumer.get_emit_messages ());

    var assigned = new GenericArray<TopicPartition> ();
    var messages = new GenericArray<Message> ();
    consumer.partitions_assigned.connect ((partitions) => {
        for (int i = 0; i < partitions.length; i++)
            assigned.add (partitions[i]);
    });
    consumer.message.connect ((m) => { messages.add (m); });
    try {
        consumer.subscribe ({ topic });
    } catch (GLib.Error e) {
        error ("subscribe: %s", e.message);
    }

    /* nothing polls: the consumer's source on the default main context brings
     * the rebalance and the messages */
    run_until (() => messages.length >= N, 60000, "messages as signals");
    assert (messages.length == N);

    assert (assigned.length == PARTITIONS);
    bool[] partition_seen = new bool[PARTITIONS];
    for (int i = 0; i < assigned.length; i++) {
        var tp = assigned[i];
        assert (tp.get_topic () == topic);
        assert (tp.get_partition () >= 0 && tp.get_partition () < PARTITIONS);
        assert (!partition_seen[tp.get_partition ()]);
        partition_seen[tp.get_partition ()] = true;
    }

    int64[] counts = new int64[PARTITIONS];
    int[] last_index = { -1, -1, -1, -1 };
    bool[] seen = new bool[N];
    for (int j = 0; j < messages.length; j++) {
        var m = messages[j];
        assert (m.get_error () == null);
        assert (m.get_topic () == topic);
        int i = index_of (m);
        assert (i >= 0 && i < N);
        assert (!seen[i]);
        seen[i] = true;
        var p = m.get_partition ();
        /* where the producer's delivery report said, in production order */
        assert (p == delivered[i].get_partition ());
        assert (m.get_offset () == delivered[i].get_offset ());
        assert (m.get_offset () == counts[p]);
        assert (i > last_index[p]);
        counts[p]++;
        last_index[p] = i;
        assert (text (m.get_value ()) == "value-%d".printf (i));
        var h = m.get_headers ();
        assert (h != null);
        assert (h.get_length () == 1);
        assert (h.get_name (0) == "seq");
        assert (text (h.get_value (0)) == "%d".printf (i));
    }

    /* commit (null): the consumer's positions, synchronously */
    try {
        var committed = consumer.commit (null);
        int64 sum = 0;
        bool[] committed_seen = new bool[PARTITIONS];
        for (int j = 0; j < committed.length; j++) {
            var tp = committed[j];
            var p = tp.get_partition ();
            assert (tp.get_topic () == topic);
            assert (tp.get_error () == null);
            if (counts[p] > 0) {
                assert (tp.get_offset () == counts[p]);
                committed_seen[p] = true;
            }
            if (tp.get_offset () >= 0)
                sum += tp.get_offset ();
        }
        assert (sum == N);
        for (int p = 0; p < PARTITIONS; p++)
            assert (committed_seen[p] || counts[p] == 0);

        /* the group coordinator agrees */
        var asked = new GenericArray<TopicPartition> ();
        for (int p = 0; p < PARTITIONS; p++)
            asked.add (new TopicPartition (topic, p, OFFSET_INVALID));
        var stored = consumer.committed (asked, 10000);
        assert (stored.length == PARTITIONS);
        for (int j = 0; j < stored.length; j++) {
            var p = stored[j].get_partition ();
            assert (stored[j].get_offset () == (counts[p] > 0 ? counts[p] : OFFSET_INVALID));
        }

        assert (consumer.close ());
        assert (consumer.is_closed ());
    } catch (GLib.Error e) {
        error ("commit, committed, close: %s", e.message);
    }

    try {
        consumer.poll (0);
        error ("poll after close must throw");
    } catch (GLib.Error e) {
        assert (e is Kafka.Error.STATE);
    }
    print ("ok - messages on the main loop, commit, close\n");
}

/* The same without blocking: produce, consume and commit with yield. */
async void round_trip_with_yield (MainLoop loop) {
    var topic = "kg-vala-await-" + Uuid.string_random ().substring (0, 12);
    var pconfig = new HashTable<string, string> (str_hash, str_equal);
    pconfig["bootstrap.servers"] = bootstrap ();
    var cconfig = new HashTable<string, string> (str_hash, str_equal);
    cconfig["bootstrap.servers"] = bootstrap ();
    cconfig["group.id"] = "kg-vala-g-" + Uuid.string_random ().substring (0, 12);
    cconfig["auto.offset.reset"] = "earliest";
    cconfig["enable.auto.commit"] = "false";
    try {
        var producer = new Producer (pconfig);
        for (int i = 0; i < 6; i++)
            yield producer.produce_async (topic, 0, null, "y%d".printf (i).data, null, 0, null);

        var consumer = new Consumer (cconfig);
        consumer.subscribe ({ topic });
        var got = new GenericArray<Message> ();
        /* a wait may end empty while the group is being joined (a loaded
         * machine): read on until all six came */
        var deadline = get_monotonic_time () + 60 * TimeSpan.SECOND;
        while (got.length < 6 && get_monotonic_time () < deadline) {
            var batch = yield consumer.consume_async (100, 15000, null);
            for (int j = 0; j < batch.length; j++)
                got.add (batch[j]);
        }
        assert (got.length == 6);
        for (int i = 0; i < 6; i++)
            assert ((string) got[i].get_value () == "y%d".printf (i) || got[i].get_value ().length == 2);
        var committed = yield consumer.commit_async (null, null);
        bool found = false;
        for (int j = 0; j < committed.length; j++)
            if (committed[j].get_partition () == 0) {
                assert (committed[j].get_offset () == 6);
                found = true;
            }
        assert (found);
        assert (yield consumer.close_async (null));
    } catch (GLib.Error e) {
        error ("yield round trip: %s", e.message);
    }
    loop.quit ();
}

void test_yield_round_trip () {
    var loop = new MainLoop ();
    round_trip_with_yield.begin (loop);
    loop.run ();
    print ("ok - produce, consume, commit and close with yield\n");
}

int main () {
    test_messages_on_main_loop ();
    test_yield_round_trip ();
    print ("all Vala consumer tests passed\n");
    return 0;
}
