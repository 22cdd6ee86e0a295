// KafkaProducer from GJS through the built typelib, against the real broker
// (KAFKA_BOOTSTRAP_SERVERS) and the embedded mock cluster. Exits non-zero on
// the first failed check.
// SPDX-License-Identifier: LGPL-2.1-or-later
imports.gi.versions.Kafka = '1.0';
const {GLib, Kafka} = imports.gi;
const System = imports.system;

let failures = 0;
function check(cond, what) {
    if (!cond) {
        printerr(`FAIL: ${what}`);
        failures++;
    }
}

function runUntil(predicate, timeoutMs, what) {
    const ctx = GLib.MainContext.default();
    let timedOut = false;
    const id = GLib.timeout_add(GLib.PRIORITY_DEFAULT, timeoutMs, () => {
        timedOut = true;
        return GLib.SOURCE_REMOVE;
    });
    while (!predicate() && !timedOut)
        ctx.iteration(true);
    if (!timedOut)
        GLib.source_remove(id);
    if (!predicate())
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const bootstrap = GLib.getenv('KAFKA_BOOTSTRAP_SERVERS');
if (!bootstrap)
    throw new Error('KAFKA_BOOTSTRAP_SERVERS is not set: run tests/run-tests.sh, which starts the broker');

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function testDeliveryOnMainLoop() {
    const topic = `kg-gjs-${GLib.uuid_string_random().slice(0, 12)}`;
    // idempotent: offsets in production order, even across a retried batch
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5',
        'enable.idempotence': 'true'});
    const reports = [];
    producer.connect('delivery', (_p, message) => reports.push(message));

    const headers = Kafka.Headers.new();
    headers.add('origin', encoder.encode('gjs'));
    headers.add('bin', new Uint8Array([0, 1, 255]));
    const n = 50;
    for (let i = 0; i < n; i++) {
        // the key as a string, the value as a Uint8Array: both are taken
        producer.produce(topic, 0, `key-${i}`, encoder.encode(`value-${i}`), headers, 0);
    }
    runUntil(() => reports.length === n, 30000, 'delivery reports');

    reports.forEach((m, i) => {
        check(m.get_error() === null, `report ${i} has no error`);
        check(m.get_topic() === topic, 'topic');
        check(m.get_partition() === 0, 'partition');
        check(m.get_offset() === i, `offset ${m.get_offset()} == ${i}`);
        const key = m.get_key();
        check(key instanceof Uint8Array, 'key is a Uint8Array');
        check(decoder.decode(key) === `key-${i}`, 'key');
        check(decoder.decode(m.get_value()) === `value-${i}`, 'value');
        const h = m.get_headers();
        check(h.get_length() === 2, 'two headers');
        check(decoder.decode(h.get_value(0)) === 'gjs', 'header value');
        const [bin, found] = h.get_last('bin');
        check(found && bin.length === 3 && bin[2] === 255, 'binary header');
    });
    check(producer.get_out_queue_length() === 0, 'out queue empty');

    const md = producer.list_topics(topic, 10000);
    check(md.get_topic(topic) !== null, 'list_topics knows the topic');
    check(md.get_brokers().length >= 1, 'list_topics lists brokers');
}

function testErrors() {
    try {
        Kafka.Producer.new({'bootstrap.servers': '127.0.0.1:1', 'no.such.key': 'x'});
        check(false, 'bad config throws');
    } catch (e) {
        check(e instanceof GLib.Error, 'a GLib.Error');
        check(e.matches(Kafka.error_quark(), Kafka.Error.INVALID_ARG), 'INVALID_ARG');
        check(e.message.includes('no.such.key'), 'names the key');
    }

    const producer = Kafka.Producer.new({'bootstrap.servers': '127.0.0.1:1',
        'queue.buffering.max.messages': '2'});
    producer.produce('t', -1, null, 'a', null, 0);
    producer.produce('t', -1, null, 'b', null, 0);
    try {
        producer.produce('t', -1, null, 'c', null, 0);
        check(false, 'a full queue throws');
    } catch (e) {
        check(e.code === Kafka.Error.QUEUE_FULL, 'QUEUE_FULL');
        check(Kafka.error_is_retriable(e), 'retriable through the binding');
    }
}

function testMockCluster() {
    const cluster = Kafka.MockCluster.new(1);
    cluster.create_topic('gjs-mock', 2, 1);
    const producer = Kafka.Producer.new({'bootstrap.servers': cluster.get_bootstrap_servers()});
    const reports = [];
    producer.connect('delivery', (_p, m) => reports.push(m));
    producer.produce('gjs-mock', 1, null, 'x', null, 0);
    check(producer.flush(30000), 'flush');
    check(reports.length === 1 && reports[0].get_partition() === 1, 'delivered to partition 1');
}

const Gio = imports.gi.Gio;
Gio._promisify(Kafka.Producer.prototype, 'produce_async', 'produce_finish');
Gio._promisify(Kafka.Producer.prototype, 'flush_async', 'flush_finish');
Gio._promisify(Kafka.Client.prototype, 'list_topics_async', 'list_topics_finish');

async function testAwait() {
    const topic = `kg-gjs-async-${GLib.uuid_string_random().slice(0, 12)}`;
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap});
    const delivered = [];
    for (let i = 0; i < 5; i++)
        delivered.push(await producer.produce_async(topic, 0, `k${i}`, encoder.encode(`v${i}`), null, 0, null));
    delivered.forEach((m, i) => {
        check(m.get_offset() === i, `awaited offset ${m.get_offset()} == ${i}`);
        check(decoder.decode(m.get_value()) === `v${i}`, 'awaited value');
    });
    check(await producer.flush_async(10000, null) === true, 'awaited flush');
    const md = await producer.list_topics_async(topic, 10000, null);
    check(md.get_topic(topic) !== null, 'awaited list_topics');
    try {
        await producer.produce_async('', -1, null, 'x', null, 0, null);
        check(false, 'an empty topic rejects');
    } catch (e) {
        check(e.matches(Kafka.error_quark(), Kafka.Error.INVALID_ARG), 'INVALID_ARG from await');
    }
}

function runAsync(fn) {
    const loop = new GLib.MainLoop(null, false);
    let error = null;
    fn().catch(e => {
        error = e;
    }).finally(() => loop.quit());
    loop.run();
    if (error)
        throw error;
}

function testAwaitOnMainLoop() {
    runAsync(testAwait);
}

// The batch paths: produce a list, reports as a list, consume a list; the
// columns arrive as a Uint8Array and arrays of numbers.
function testBatches() {
    const cluster = Kafka.MockCluster.new(1);
    const topic = `kg-gjs-batch-${GLib.uuid_string_random().slice(0, 12)}`;
    cluster.create_topic(topic, 1, 1);
    const producer = Kafka.Producer.new({'bootstrap.servers': cluster.get_bootstrap_servers()});
    const values = ['one', '', 'three', null];
    const reported = [];
    producer.connect('delivery-batch', (p, batch) => {
        check(batch.get_n_errors() === 0, 'no failed delivery');
        const [data, lengths] = batch.get_values();
        check(data instanceof Uint8Array, 'values come as a Uint8Array');
        let pos = 0;
        for (const n of lengths) {
            reported.push(n < 0 ? null : decoder.decode(data.slice(pos, pos + n)));
            pos += Math.max(n, 0);
        }
        check(batch.get_offsets().every(o => o >= 0), 'offsets in the report');
    });
    const queued = producer.produce_batch(topic, 0, encoder.encode(values.join('')),
        values.map(v => (v === null ? -1 : v.length)), null, null);
    check(queued === values.length, `queued ${queued}`);
    runUntil(() => reported.length === values.length, 30000, 'delivery batch');
    check(JSON.stringify(reported) === JSON.stringify(values), `reported ${JSON.stringify(reported)}`);

    const consumer = Kafka.Consumer.new({
        'bootstrap.servers': cluster.get_bootstrap_servers(),
        'group.id': topic, 'auto.offset.reset': 'earliest',
    });
    consumer.subscribe([topic]);
    const consumed = [];
    const deadline = GLib.get_monotonic_time() + 60 * 1000000;
    while (consumed.length < values.length && GLib.get_monotonic_time() < deadline) {
        const batch = consumer.consume_batch(100, 500);
        for (let i = 0; i < batch.get_length(); i++) {
            // get_value() gives GJS an empty array for a null value;
            // get_value_bytes() tells a tombstone apart
            const value = batch.get_message(i).get_value_bytes();
            consumed.push(value === null ? null : decoder.decode(value.toArray()));
        }
    }
    check(JSON.stringify(consumed) === JSON.stringify(values), `consumed ${JSON.stringify(consumed)}`);
    consumer.close();
}

for (const test of [testDeliveryOnMainLoop, testErrors, testMockCluster, testAwaitOnMainLoop, testBatches]) {
    try {
        test();
        print(`ok - ${test.name}`);
    } catch (e) {
        printerr(`FAIL: ${test.name}: ${e}\n${e.stack}`);
        failures++;
    }
}
print(failures === 0 ? 'all GJS producer tests passed' : `${failures} failures`);
System.exit(failures === 0 ? 0 : 1);
