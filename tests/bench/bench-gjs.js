// Contender J: kafka-glib from GJS. produce: produce() per message from an
// idle callback on a GLib.MainLoop, `delivery` signal handler counting the
// reports (same in-flight window as the others); consume: consume(n, timeout)
// lists after assign().
// Contender JB (--variant batch): the way to write fast GJS code. produce:
// produce_batch() of 1000 messages (values end to end in one Uint8Array,
// lengths in an Int32Array) from an idle callback, `delivery-batch` counting
// the reports; consume: consume_batch() of up to 1000, read by columns. No
// System.gc(): the batch paths make one JS wrapper per batch (see below),
// and each batch is disposed of when read (batch.run_dispose()), so that
// its librdkafka buffers go before GJS collects the wrapper.
// GJS has no getrusage(): CPU time comes from /proc/self/stat (clock ticks,
// 10 ms resolution), peak RSS from VmHWM in /proc/self/status.
//
// GJS 1.74 blocks JS callbacks, signal handlers included, while an
// incremental GC is sweeping ("Attempting to call back into JSAPI during the
// sweeping phase of GC ... the JS callback not invoked"): at high rates some
// `delivery` / `message` emissions never reach the handler. So the in-flight
// window here is the producer's out-queue length, the run also ends when
// everything was sent and the out queue is empty (or, for latency, nothing
// came for 2 s), and the result reports the lost emissions as
// lost_signals; the runner lists them. Worse, in a 400k-message produce run
// the sweeping never ended: every callback stayed blocked and the run hung.
// A full System.gc() every 20,000 messages (produce and consume) avoids
// that, and made produce 3x faster with a third of the peak RSS: the
// J figures include it. The cause is GJS's own (before 1.82 it refuses
// callbacks for the whole of an incremental collection, sweep slices and
// the program between them: gjs commit 4e53510f); a JS wrapper per message
// makes those sweeps long. tests/gjs/test-sustained.js runs 400,000
// messages each way on the batch signals with no System.gc().
// Same command line and result line as the C contenders (bench-common.h).
imports.gi.versions.Kafka = '1.0';
const {GLib, Kafka} = imports.gi;
const System = imports.system;

const a = {mode: ARGV[0], variant: '', count: 10000, size: 100, partitions: 1, rate: 10000, seconds: 10};
for (let i = 1; i + 1 < ARGV.length; i += 2) {
    const k = ARGV[i].replace(/^--/, '');
    const v = ARGV[i + 1];
    a[k] = ['count', 'size', 'partitions', 'rate'].includes(k) ? parseInt(v) : v;
}
a.size = Math.max(a.size, 24);
if (!a.bootstrap || !a.topic)
    throw new Error('usage: bench-gjs.js MODE --bootstrap HOST:PORT --topic T [--count N] ...');

function procFile(path) {
    const [, data] = GLib.file_get_contents(path);
    return new TextDecoder().decode(data);
}

function mark() {
    const stat = procFile('/proc/self/stat');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15
    return {wall: GLib.get_monotonic_time() / 1e6, cpu: (parseInt(fields[11]) + parseInt(fields[12])) / 100};
}

function report(count, bytes, start, end, extra = {}) {
    const hwm = /VmHWM:\s+(\d+)/.exec(procFile('/proc/self/status'));
    print(JSON.stringify(Object.assign({
        bench: 1, contender: a.variant === 'batch' ? 'JB' : 'J', mode: a.mode, variant: a.variant, size: a.size, count, bytes,
        seconds: end.wall - start.wall, cpu_s: end.cpu - start.cpu, maxrss_kb: parseInt(hwm[1]),
    }, extra)));
}

function payload() {
    const v = new Uint8Array(a.size).fill(120);
    v.fill(48, 0, 20);
    return v;
}

const loop = new GLib.MainLoop(null, false);

function doProduce() {
    const producer = Kafka.Producer.new({'bootstrap.servers': a.bootstrap, 'acks': 'all',
        'linger.ms': '5', 'compression.type': 'none'});
    const win = Math.max(100, Math.min(50000, Math.floor((64 << 20) / a.size)));
    const value = payload();
    let sent = 0, delivered = 0, errors = 0, idle = 0, gcAt = 0;

    function inFlight() {
        return producer.get_out_queue_length();
    }

    function chunk() {
        if (Math.floor(sent / 20000) !== gcAt) {
            gcAt = Math.floor(sent / 20000);
            System.gc();
        }
        const limit = Math.min(a.count, sent + 1000, sent + win - inFlight());
        try {
            while (sent < limit) {
                producer.produce(a.topic, -1, null, value, null, 0);
                sent++;
            }
        } catch (e) {
            if (!e.matches || !e.matches(Kafka.error_quark(), Kafka.Error.QUEUE_FULL))
                throw e;
        }
        if (sent < a.count && sent === limit && inFlight() < win)
            return GLib.SOURCE_CONTINUE;
        idle = 0;
        return GLib.SOURCE_REMOVE;
    }

    function maybeResume() {
        if (idle === 0 && sent < a.count && inFlight() <= win / 2)
            idle = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, chunk);
    }

    producer.connect('delivery', (_p, m) => {
        if (m.get_error() !== null)
            errors++;
        delivered++;
        if (delivered === a.count)
            loop.quit();
        else
            maybeResume();
    });
    // what the lost emissions would have done
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 100, () => {
        maybeResume();
        if (sent === a.count && inFlight() === 0)
            loop.quit();
        return GLib.SOURCE_CONTINUE;
    });
    const start = mark();
    idle = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, chunk);
    loop.run();
    const end = mark();
    const lost = a.count - delivered;
    if (lost > 0)
        printerr(`bench-gjs: ${lost} delivery signal(s) not run by GJS (GC sweeping), out queue empty`);
    report(delivered - errors + lost, (delivered - errors + lost) * a.size, start, end,
        {errors, lost_signals: lost});
    return errors ? 1 : 0;
}

function doProduceBatch() {
    const producer = Kafka.Producer.new({'bootstrap.servers': a.bootstrap, 'acks': 'all',
        'linger.ms': '5', 'compression.type': 'none'});
    const win = Math.max(1000, Math.min(50000, Math.floor((64 << 20) / a.size)));
    const one = payload();
    const values = new Uint8Array(1000 * a.size);
    for (let i = 0; i < 1000; i++)
        values.set(one, i * a.size);
    const lengths = new Int32Array(1000).fill(a.size);
    let sent = 0, delivered = 0, errors = 0, idle = 0;

    function chunk() {
        const n = Math.min(1000, a.count - sent);
        if (sent - delivered >= win) {
            idle = 0;
            return GLib.SOURCE_REMOVE;
        }
        // queues what fits; the rest once reports drained the queue
        const queued = producer.produce_batch(a.topic, -1,
            n === 1000 ? values : values.subarray(0, n * a.size),
            n === 1000 ? lengths : lengths.subarray(0, n), null, null);
        sent += queued;
        if (sent < a.count && queued === n)
            return GLib.SOURCE_CONTINUE;
        idle = 0;
        return GLib.SOURCE_REMOVE;
    }

    producer.connect('delivery-batch', (_p, batch) => {
        errors += batch.get_n_errors();
        delivered += batch.get_length();
        batch.run_dispose();
        if (delivered === a.count)
            loop.quit();
        else if (idle === 0 && sent < a.count && sent - delivered <= win / 2)
            idle = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, chunk);
    });
    const start = mark();
    idle = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, chunk);
    loop.run();
    const end = mark();
    report(delivered - errors, (delivered - errors) * a.size, start, end, {errors});
    return errors ? 1 : 0;
}

function doConsumeBatch() {
    const consumer = Kafka.Consumer.new({'bootstrap.servers': a.bootstrap,
        'group.id': `bench-gjs-${GLib.uuid_string_random()}`, 'auto.offset.reset': 'earliest'});
    let received = 0, bytes = 0;
    const start = mark();
    const parts = [];
    for (let p = 0; p < a.partitions; p++)
        parts.push(Kafka.TopicPartition.new(a.topic, p, Kafka.OFFSET_BEGINNING));
    consumer.assign(parts);
    while (received < a.count) {
        const batch = consumer.consume_batch(Math.min(1000, a.count - received), 1000);
        const n = batch.get_length();
        if (n > 0 && batch.get_n_errors() === 0) {
            // every value, end to end: their total is the bytes received
            const [data] = batch.get_values();
            received += n;
            bytes += data.length;
        } else if (n > 0) {
            const [, lengths] = batch.get_values();
            const codes = batch.get_error_codes();
            for (let i = 0; i < n; i++) {
                if (codes[i] === 0) {
                    received++;
                    bytes += lengths[i];
                }
            }
        }
        // librdkafka's buffers go now, not when GJS collects the wrapper
        batch.run_dispose();
    }
    const end = mark();
    report(received, bytes, start, end);
    consumer.close();
    return 0;
}

function doConsume() {
    a.variant = 'list';
    const consumer = Kafka.Consumer.new({'bootstrap.servers': a.bootstrap,
        'group.id': `bench-gjs-${GLib.uuid_string_random()}`, 'auto.offset.reset': 'earliest'});
    let received = 0, bytes = 0;
    const start = mark();
    const parts = [];
    for (let p = 0; p < a.partitions; p++)
        parts.push(Kafka.TopicPartition.new(a.topic, p, Kafka.OFFSET_BEGINNING));
    consumer.assign(parts);
    let gcAt = 0;
    while (received < a.count) {
        if (Math.floor(received / 20000) !== gcAt) {
            gcAt = Math.floor(received / 20000);
            System.gc();
        }
        for (const m of consumer.consume(Math.min(1000, a.count - received), 1000)) {
            if (m.get_error() === null) {
                received++;
                bytes += m.get_value().length;
            }
        }
    }
    const end = mark();
    report(received, bytes, start, end);
    consumer.close();
    return 0;
}

// A GLib.MainLoop: a 1 ms timeout source produces what is due at --rate,
// each value stamped with CLOCK_MONOTONIC (µs); the consumer, in
// emit-messages mode, reads the stamps back from `message` signals.
function doLatency() {
    const producer = Kafka.Producer.new({'bootstrap.servers': a.bootstrap, 'acks': 'all',
        'linger.ms': '5', 'compression.type': 'none'});
    const consumer = Kafka.Consumer.new({'bootstrap.servers': a.bootstrap,
        'group.id': `bench-gjs-lat-${GLib.uuid_string_random()}`, 'auto.offset.reset': 'earliest'});
    const warmup = Math.min(Math.floor(a.count / 3), a.rate);
    const value = payload();
    const encoder = new TextEncoder();
    const lat = [];
    let sent = 0, received = 0, lastReceived = 0, stalled = 0;
    producer.connect('delivery', () => {});
    consumer.emit_messages = true;
    consumer.connect('message', (_c, m) => {
        if (m.get_error() !== null)
            return;
        if (received >= warmup) {
            const v = m.get_value();
            let stamp = 0;
            for (let i = 0; i < 20; i++)
                stamp = stamp * 10 + (v[i] - 48);
            lat.push(GLib.get_monotonic_time() - stamp);
        }
        received++;
        if (received === a.count)
            loop.quit();
    });
    consumer.assign([Kafka.TopicPartition.new(a.topic, 0, Kafka.OFFSET_BEGINNING)]);
    const start = mark();
    const t0 = GLib.get_monotonic_time();
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 1, () => {
        const due = Math.min(a.count, Math.floor((GLib.get_monotonic_time() - t0) * a.rate / 1e6) + 1);
        for (; sent < due; sent++) {
            value.set(encoder.encode(String(GLib.get_monotonic_time()).padStart(20, '0')), 0);
            producer.produce(a.topic, -1, null, value, null, 0);
        }
        return sent < a.count ? GLib.SOURCE_CONTINUE : GLib.SOURCE_REMOVE;
    });
    // signals lost to GC sweeping: end when nothing came for 2 s after the last send
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 100, () => {
        stalled = received === lastReceived && sent === a.count ? stalled + 1 : 0;
        lastReceived = received;
        if (stalled >= 20)
            loop.quit();
        return GLib.SOURCE_CONTINUE;
    });
    loop.run();
    const end = mark();
    lat.sort((x, y) => x - y);
    const n = lat.length;
    const lost = a.count - received;
    if (lost > 0)
        printerr(`bench-gjs: ${lost} message signal(s) not run by GJS (GC sweeping)`);
    report(received + lost, received * a.size, start, end, Object.assign({lost_signals: lost}, n === 0 ? {lat_n: 0} : {
        lat_n: n, lat_p50_us: lat[Math.floor(n / 2)], lat_p99_us: lat[Math.min(Math.floor(n * 0.99), n - 1)],
        lat_max_us: lat[n - 1],
    }));
    producer.flush(10000);
    consumer.close();
    return 0;
}

const modes = a.variant === 'batch'
    ? {produce: doProduceBatch, consume: doConsumeBatch}
    : {produce: doProduce, consume: doConsume, latency: doLatency};
if (!(a.mode in modes))
    throw new Error(`unknown mode ${a.mode}`);
System.exit(modes[a.mode]());
