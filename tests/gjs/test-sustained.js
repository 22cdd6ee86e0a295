// A sustained run from GJS (400,000 messages each way), written the way the
// reference's GJS chapter tells GJS programs to receive reports and
// messages: the batch signals, delivery-batch and message-batch. No
// System.gc().
//
// GJS before 1.82 refuses every callback into JavaScript (signal handlers,
// GLib.idle_add and timeout callbacks) while an incremental garbage
// collection is sweeping: it marks the sweep from its start to the end of
// the whole collection, and SpiderMonkey runs the rest of the program in
// between (fixed by gjs commit 4e53510f, "callbacks: fix sweeping check for
// incremental GC"). A refused idle or timeout callback returns false, which
// removes its source. A signal per message makes a JavaScript wrapper per
// message, and sweeping hundreds of thousands of them outlasts a slice:
// reports were lost (387,000 of 400,000 in one run) and the program's own
// idle callback, which produced, was removed with them: it stalled. The
// batch signals make one wrapper per batch. This test checks that every
// report and every message comes, exactly once, and that the program's own
// callbacks keep running.
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

const bootstrap = GLib.getenv('KAFKA_BOOTSTRAP_SERVERS');
if (!bootstrap)
    throw new Error('KAFKA_BOOTSTRAP_SERVERS is not set: run tests/run-tests.sh, which starts the broker');

const N = 400000;
const PARTITIONS = 4;
const topic = `kg-gjs-sustained-${GLib.uuid_string_random().slice(0, 12)}`;
const loop = new GLib.MainLoop(null, false);

// The program's own timer: a refused callback would remove it.
let ticks = 0;
const ticker = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 50, () => {
    ticks++;
    return GLib.SOURCE_CONTINUE;
});

function runUntil(predicate, timeoutMs, what) {
    let timedOut = false;
    const id = GLib.timeout_add(GLib.PRIORITY_DEFAULT, timeoutMs, () => {
        timedOut = true;
        loop.quit();
        return GLib.SOURCE_REMOVE;
    });
    const check = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 100, () => {
        if (predicate())
            loop.quit();
        return GLib.SOURCE_CONTINUE;
    });
    if (!predicate())
        loop.run();
    GLib.source_remove(check);
    if (!timedOut)
        GLib.source_remove(id);
    if (!predicate())
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function produceAll() {
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'});
    const value = new Uint8Array(100).fill(120);
    const window = 50000;
    let sent = 0, delivered = 0, errors = 0, idle = 0, batches = 0;

    // produce() per message from an idle callback, as ordinary code does
    function chunk() {
        for (let i = 0; i < 1000 && sent < N && sent - delivered < window; i++) {
            producer.produce(topic, sent % PARTITIONS, null, value, null, 0);
            sent++;
        }
        if (sent < N && sent - delivered < window)
            return GLib.SOURCE_CONTINUE;
        idle = 0;
        return GLib.SOURCE_REMOVE;
    }
    producer.connect('delivery-batch', (_p, batch) => {
        batches++;
        delivered += batch.get_length();
        errors += batch.get_n_errors();
        batch.run_dispose();    // let go of it now, not at the next collection
        if (idle === 0 && sent < N && sent - delivered <= window / 2)
            idle = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, chunk);
    });
    idle = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, chunk);
    runUntil(() => delivered >= N, 240000, 'every delivery report');
    check(sent === N, `sent ${sent} of ${N}`);
    check(delivered === N, `${delivered} reports for ${N} messages`);
    check(errors === 0, `${errors} failed deliveries`);
    check(batches < N / 10, `${batches} delivery-batch emissions: batches, not messages`);
    check(producer.get_out_queue_length() === 0, 'nothing left unreported');
}

function consumeAll() {
    const consumer = Kafka.Consumer.new({'bootstrap.servers': bootstrap,
        'group.id': `kg-gjs-sustained-${GLib.uuid_string_random()}`, 'enable.auto.commit': 'false'});
    const next = new Array(PARTITIONS).fill(0);
    let received = 0, outOfOrder = 0;

    consumer.connect('message-batch', (_c, batch) => {
        const partitions = batch.get_partitions();
        const offsets = batch.get_offsets();
        const codes = batch.get_error_codes();
        const [, lengths] = batch.get_values();
        for (let i = 0; i < partitions.length; i++) {
            check(codes[i] === 0, `message error ${codes[i]}`);
            check(lengths[i] === 100, `value length ${lengths[i]}`);
            if (offsets[i] !== next[partitions[i]])
                outOfOrder++;
            next[partitions[i]] = offsets[i] + 1;
            received++;
        }
        batch.run_dispose();    // librdkafka's buffers go now
    });
    consumer.assign([...Array(PARTITIONS).keys()].map(
        p => Kafka.TopicPartition.new(topic, p, Kafka.OFFSET_BEGINNING)));
    consumer.emit_messages = true;
    runUntil(() => received >= N, 240000, 'every message');
    consumer.emit_messages = false;
    check(received === N, `received ${received} of ${N}`);
    check(outOfOrder === 0, `${outOfOrder} messages out of order or repeated`);
    next.forEach((n, p) => check(n === N / PARTITIONS, `partition ${p} read to ${n}`));
    consumer.close();
}

produceAll();
consumeAll();
const ticksBefore = ticks;
runUntil(() => ticks > ticksBefore, 10000, 'the program\'s own timer');
check(GLib.MainContext.default().find_source_by_id(ticker) !== null, 'the program\'s own timer still runs');
GLib.source_remove(ticker);

if (failures > 0) {
    printerr(`${failures} check(s) failed`);
    System.exit(1);
}
print('ok: sustained run from GJS');
