// KafkaConsumer from GJS through the built typelib, against the real broker
// (KAFKA_BOOTSTRAP_SERVERS): messages as signals on the main loop, a
// synchronous commit, a second member of the group, and errors. Exits
// non-zero on the first failed check.
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

function unique(prefix) {
    return `kg-gjs-${prefix}-${GLib.uuid_string_random().slice(0, 12)}`;
}

function newConsumer(group) {
    return Kafka.Consumer.new({
        'bootstrap.servers': bootstrap,
        'group.id': group,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': 'false',
    });
}

// Produces `n` messages "key-I" / "value-I" with a header "seq" = I, to the
// partitioner's choice of partition, and returns the delivery reports
// indexed by I.
function produceNumbered(topic, first, n) {
    // idempotent: production order within a partition, even across a retry
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5',
        'enable.idempotence': 'true'});
    const reports = [];
    producer.connect('delivery', (_p, m) => reports.push(m));
    for (let i = first; i < first + n; i++) {
        const headers = Kafka.Headers.new();
        headers.add('seq', encoder.encode(`${i}`));
        producer.produce(topic, Kafka.PARTITION_UA, `key-${i}`, encoder.encode(`value-${i}`), headers, 0);
    }
    check(producer.flush(30000), 'flush');
    check(reports.length === n, `${reports.length} delivery reports of ${n}`);
    const byIndex = {};
    for (const m of reports) {
        check(m.get_error() === null, 'delivered without error');
        byIndex[Number(decoder.decode(m.get_key()).slice(4))] = m;
    }
    return byIndex;
}

// state shared by the tests, in order: the first one fills it
const shared = {topic: null, group: null, counts: null, total: 0};

function testMessagesOnMainLoop() {
    const topic = unique('c');
    const group = unique('g');
    const n = 30;
    const delivered = produceNumbered(topic, 0, n);

    const consumer = newConsumer(group);
    consumer.emit_messages = true;
    check(consumer.get_emit_messages(), 'emit-messages is set');
    const assigned = [];
    const messages = [];
    consumer.connect('partitions-assigned', (_c, partitions) => {
        assigned.push(...partitions);
    });
    consumer.connect('message', (_c, m) => messages.push(m));
    consumer.subscribe([topic]);
    check(consumer.get_subscription().join() === topic, 'get_subscription');

    // nothing polls: the consumer's source on the default main context
    // brings the rebalance and the messages
    runUntil(() => messages.length >= n, 60000, 'messages as signals');
    check(messages.length === n, `${messages.length} messages, not more than ${n}`);

    check(assigned.length === 4, `${assigned.length} partitions assigned`);
    check(assigned.every(p => p instanceof Kafka.TopicPartition), 'assigned TopicPartitions');
    check(assigned.map(p => p.get_partition()).sort().join() === '0,1,2,3', 'partitions 0-3');
    check(assigned.every(p => p.get_topic() === topic), 'assigned topic');

    const counts = [0, 0, 0, 0];
    const lastIndex = [-1, -1, -1, -1];
    const seen = new Set();
    for (const m of messages) {
        check(m.get_error() === null, 'no consumer error');
        check(m.get_topic() === topic, 'topic');
        const p = m.get_partition();
        const key = m.get_key();
        check(key instanceof Uint8Array, 'key is a Uint8Array');
        const i = Number(decoder.decode(key).slice(4));
        check(!seen.has(i), `message ${i} once`);
        seen.add(i);
        check(delivered[i] !== undefined, `message ${i} was produced`);
        check(p === delivered[i].get_partition(), `message ${i} in partition ${p}, as delivered`);
        check(m.get_offset() === delivered[i].get_offset(), `message ${i} at its delivered offset`);
        // per partition: consecutive offsets from 0, in production order
        check(m.get_offset() === counts[p], `partition ${p}: offset ${m.get_offset()} == ${counts[p]}`);
        check(i > lastIndex[p], `partition ${p}: message ${i} after ${lastIndex[p]}`);
        counts[p]++;
        lastIndex[p] = i;
        check(decoder.decode(m.get_value()) === `value-${i}`, 'value');
        const h = m.get_headers();
        check(h !== null && h.get_length() === 1, 'one header');
        check(h.get_name(0) === 'seq', 'header name');
        const [seq, found] = h.get_last('seq');
        check(found && decoder.decode(seq) === `${i}`, 'header value');
    }
    check(seen.size === n, `${seen.size} distinct messages`);

    // null (GJS passes an empty array) commits the current positions
    const committed = consumer.commit(null);
    check(Array.isArray(committed), 'commit returns an array');
    let sum = 0;
    for (const tp of committed) {
        check(tp instanceof Kafka.TopicPartition, 'committed TopicPartition');
        check(tp.get_topic() === topic, 'committed topic');
        check(tp.get_error() === null, `partition ${tp.get_partition()} committed without error`);
        const p = tp.get_partition();
        if (counts[p] > 0)
            check(tp.get_offset() === counts[p], `commit: partition ${p} at ${tp.get_offset()}, ${counts[p]} messages`);
        if (tp.get_offset() >= 0)
            sum += tp.get_offset();
    }
    check(sum === n, `committed offsets sum to ${sum}, not ${n}`);
    for (let p = 0; p < 4; p++) {
        if (counts[p] > 0)
            check(committed.some(tp => tp.get_partition() === p), `partition ${p} committed`);
    }

    // the group coordinator agrees
    const asked = [0, 1, 2, 3].map(p => Kafka.TopicPartition.new(topic, p, Kafka.OFFSET_INVALID));
    const stored = consumer.committed(asked, 10000);
    check(stored.length === 4, 'committed() answers for 4 partitions');
    for (const tp of stored) {
        const p = tp.get_partition();
        const expected = counts[p] > 0 ? counts[p] : Kafka.OFFSET_INVALID;
        check(tp.get_offset() === expected, `committed(): partition ${p} at ${tp.get_offset()}, expected ${expected}`);
    }

    check(consumer.close(), 'close');
    check(consumer.is_closed(), 'is_closed');
    try {
        consumer.poll(0);
        check(false, 'poll after close throws');
    } catch (e) {
        check(e instanceof GLib.Error, 'a GLib.Error');
        check(e.matches(Kafka.error_quark(), Kafka.Error.STATE), `STATE after close (${e})`);
    }

    Object.assign(shared, {topic, group, counts, total: n});
}

// A second member of the same group, polling: everything was committed, so
// nothing comes until a new message is produced.
function testSecondMemberPolling() {
    if (shared.topic === null)
        throw new Error('needs testMessagesOnMainLoop');
    const {topic, group, counts, total} = shared;
    const consumer = newConsumer(group);
    let assigned = [];
    consumer.connect('partitions-assigned', (_c, partitions) => {
        assigned = partitions.map(p => p.get_partition());
    });
    consumer.subscribe([topic]);

    // consume(100, 500) until `done` or `ms` passed; rebalances are served
    // from it
    const got = [];
    const consumeUntil = (done, ms) => {
        const deadline = GLib.get_monotonic_time() + ms * 1000;
        while (!done() && GLib.get_monotonic_time() < deadline) {
            for (const m of consumer.consume(100, 500)) {
                check(m.get_error() === null, `no consumer error (${m.get_error()})`);
                got.push(m);
            }
        }
    };
    // wait for the assignment, then ~3 s more
    consumeUntil(() => assigned.length > 0, 30000);
    check(assigned.sort().join() === '0,1,2,3', `second member assigned [${assigned}]`);
    consumeUntil(() => false, 3000);
    check(got.length === 0, `nothing after the commit, got ${got.length} (first ${got.length ? got[0].get_offset() : ''})`);

    // the group's offsets, as this member sees them
    const stored = consumer.committed(consumer.get_assignment(), 10000);
    check(stored.length === 4, 'committed() of the assignment');
    for (const tp of stored) {
        const p = tp.get_partition();
        const expected = counts[p] > 0 ? counts[p] : Kafka.OFFSET_INVALID;
        check(tp.get_offset() === expected, `committed(): partition ${p} at ${tp.get_offset()}, expected ${expected}`);
    }

    // and the member is live: a new message comes, and only it
    produceNumbered(topic, total, 1);
    consumeUntil(() => got.length > 0, 30000);
    check(got.length === 1, `${got.length} messages after one more was produced`);
    if (got.length > 0)
        check(decoder.decode(got[0].get_key()) === `key-${total}`, 'the new message');
    check(consumer.close(), 'close the second member');
}

function testErrors() {
    const consumer = newConsumer(unique('g'));
    try {
        consumer.subscribe(['bad name!']);
        check(false, 'an invalid topic name throws');
    } catch (e) {
        check(e instanceof GLib.Error, 'a GLib.Error');
        check(e.matches(Kafka.error_quark(), Kafka.Error.INVALID_ARG), `INVALID_ARG (${e})`);
        check(e.code === Kafka.Error.INVALID_ARG, 'code INVALID_ARG');
        check(e.message.includes('bad name!'), 'names the topic');
    }
    check(consumer.close(), 'close');
    try {
        consumer.poll(100);
        check(false, 'poll after close throws');
    } catch (e) {
        check(e instanceof GLib.Error, 'a GLib.Error');
        check(e.matches(Kafka.error_quark(), Kafka.Error.STATE), `STATE (${e})`);
    }
    try {
        Kafka.Consumer.new({'bootstrap.servers': bootstrap});
        check(false, 'no group.id throws');
    } catch (e) {
        check(e.code === Kafka.Error.INVALID_ARG, 'INVALID_ARG without group.id');
        check(e.message.includes('group.id'), 'names group.id');
    }
}

const Gio = imports.gi.Gio;
Gio._promisify(Kafka.Consumer.prototype, 'consume_async', 'consume_finish');
Gio._promisify(Kafka.Consumer.prototype, 'commit_async', 'commit_finish');
Gio._promisify(Kafka.Producer.prototype, 'produce_async', 'produce_finish');

async function awaitRoundTrip() {
    const topic = unique('await');
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap});
    for (let i = 0; i < 10; i++)
        await producer.produce_async(topic, 0, `k${i}`, `v${i}`, null, 0, null);

    const consumer = newConsumer(unique('g'));
    consumer.subscribe([topic]);
    // a cancelled wait returns at once and loses nothing
    const cancellable = new Gio.Cancellable();
    const pending = consumer.consume_async(5, -1, cancellable);
    cancellable.cancel();
    try {
        await pending;
        check(false, 'a cancelled consume rejects');
    } catch (e) {
        check(e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `CANCELLED (${e})`);
    }
    const got = [];
    const deadline = GLib.get_monotonic_time() + 60 * 1000000;
    while (got.length < 10 && GLib.get_monotonic_time() < deadline)
        got.push(...await consumer.consume_async(100, 10000, null));
    check(got.length === 10, `${got.length} awaited messages`);
    got.forEach((m, i) => check(new TextDecoder().decode(m.get_value()) === `v${i}`, 'awaited value'));
    const committed = await consumer.commit_async(null, null);
    check(committed.some(tp => tp.get_partition() === 0 && tp.get_offset() === 10), 'awaited commit');
    consumer.close();
}

function testAwaitRoundTrip() {
    const loop = new GLib.MainLoop(null, false);
    let error = null;
    awaitRoundTrip().catch(e => {
        error = e;
    }).finally(() => loop.quit());
    loop.run();
    if (error)
        throw error;
}

for (const test of [testMessagesOnMainLoop, testSecondMemberPolling, testErrors, testAwaitRoundTrip]) {
    try {
        test();
        print(`ok - ${test.name}`);
    } catch (e) {
        printerr(`FAIL: ${test.name}: ${e}\n${e.stack}`);
        failures++;
    }
}
print(failures === 0 ? 'all GJS consumer tests passed' : `${failures} failures`);
System.exit(failures === 0 ? 0 : 1);
