#!/usr/bin/python3
# Contenders P and PB: kafka-glib from Python through PyGObject.
#   P  produce: Producer.produce() per message from an idle callback on a
#      GLib.MainLoop, a `delivery` signal handler counting the reports;
#      consume: consumer.consume(n, timeout) lists (--variant signal: the
#      `message` signal in emit-messages mode on the main loop).
#   PB (--variant batch) produce: produce_batch() of 1000 values joined in
#      one bytes, `delivery-batch` signal; consume: consume_batch(n, timeout)
#      and batch.get_values().
# Same command line and result line as the C contenders (bench-common.h).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

import gi  # noqa: E402
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

a = bc.parse_args()
loop = GLib.MainLoop()
batch_mode = a.variant.startswith('batch')
contender = 'PB' if batch_mode else 'P'


def new_producer():
    return Kafka.Producer.new({'bootstrap.servers': a.bootstrap, 'acks': 'all',
                               'linger.ms': '5', 'compression.type': 'none'})


def new_consumer(what):
    return Kafka.Consumer.new({'bootstrap.servers': a.bootstrap,
                               'group.id': 'bench-py-%s-%d' % (what, os.getpid()),
                               'auto.offset.reset': 'earliest'})


def assign_beginning(consumer):
    consumer.assign([Kafka.TopicPartition.new(a.topic, p, Kafka.OFFSET_BEGINNING)
                     for p in range(a.partitions)])


def do_produce():
    producer = new_producer()
    win = bc.window(a.size)
    value = bc.payload(a.size)
    st = {'sent': 0, 'delivered': 0, 'errors': 0, 'idle': 0}
    count = a.count
    topic = a.topic

    def chunk():
        sent = st['sent']
        limit = min(count, sent + 1000, st['delivered'] + win)
        produce = producer.produce
        try:
            while sent < limit:
                produce(topic, -1, None, value, None, 0)
                sent += 1
        except GLib.Error as e:
            if not e.matches(Kafka.error_quark(), Kafka.Error.QUEUE_FULL):
                raise
        st['sent'] = sent
        if sent < count and sent == limit and sent - st['delivered'] < win:
            return True
        st['idle'] = 0
        return False

    data = value * 1000
    lengths = [a.size] * 1000

    def batch_chunk():
        sent = st['sent']
        n = min(1000, count - sent)
        if sent - st['delivered'] >= win:
            st['idle'] = 0
            return False
        queued = producer.produce_batch(topic, -1, data if n == 1000 else data[:n * a.size],
                                        lengths[:n], None, None)
        st['sent'] = sent + queued
        if st['sent'] < count and queued == n:
            return True
        st['idle'] = 0
        return False

    produce_fn = batch_chunk if batch_mode else chunk

    def after():
        if st['delivered'] == count:
            loop.quit()
        elif st['idle'] == 0 and st['sent'] < count and st['sent'] - st['delivered'] <= win // 2:
            st['idle'] = GLib.idle_add(produce_fn)

    def on_delivery(p, m):
        if m.get_error() is not None:
            st['errors'] += 1
        st['delivered'] += 1
        after()

    def on_delivery_batch(p, batch):
        st['errors'] += batch.get_n_errors()
        st['delivered'] += batch.get_length()
        after()

    if batch_mode:
        producer.connect('delivery-batch', on_delivery_batch)
    else:
        producer.connect('delivery', on_delivery)
    start = bc.Mark()
    st['idle'] = GLib.idle_add(produce_fn)
    loop.run()
    end = bc.Mark()
    ok = st['delivered'] - st['errors']
    bc.report(contender, a, ok, ok * a.size, start, end, errors=st['errors'])
    return 1 if st['errors'] else 0


def do_consume():
    consumer = new_consumer('consume')
    received = 0
    nbytes = 0
    if batch_mode:
        start = bc.Mark()
        assign_beginning(consumer)
        while received < a.count:
            batch = consumer.consume_batch(min(1000, a.count - received), 1000)
            codes = batch.get_error_codes()
            data, lengths = batch.get_values()
            for c, n in zip(codes, lengths):
                if c == 0:
                    received += 1
                    nbytes += n
    elif a.variant == 'signal':
        st = [0, 0]

        def on_message(c, m):
            if m.get_error() is None:
                st[0] += 1
                st[1] += len(m.get_value())
                if st[0] == a.count:
                    loop.quit()
        consumer.props.emit_messages = True
        consumer.connect('message', on_message)
        start = bc.Mark()
        assign_beginning(consumer)
        loop.run()
        received, nbytes = st
    else:
        a.variant = 'list'
        start = bc.Mark()
        assign_beginning(consumer)
        while received < a.count:
            for m in consumer.consume(min(1000, a.count - received), 1000):
                if m.get_error() is None:
                    received += 1
                    nbytes += len(m.get_value())
    end = bc.Mark()
    bc.report(contender, a, received, nbytes, start, end)
    consumer.close()
    return 0


def do_latency():
    producer = new_producer()
    consumer = new_consumer('latency')
    warmup = bc.latency_warmup(a.count, a.rate)
    value = bc.payload(a.size)
    lat = []
    st = {'sent': 0, 'received': 0}
    producer.connect('delivery', lambda p, m: None)

    def on_message(c, m):
        if m.get_error() is not None:
            return
        if st['received'] >= warmup:
            lat.append(bc.now_us() - bc.read_stamp(m.get_value()))
        st['received'] += 1
        if st['received'] == a.count:
            loop.quit()

    consumer.props.emit_messages = True
    consumer.connect('message', on_message)
    assign_beginning(consumer)
    start = bc.Mark()
    t0 = bc.now_us()

    def tick():
        due = min(a.count, (bc.now_us() - t0) * a.rate // 1000000 + 1)
        while st['sent'] < due:
            producer.produce(a.topic, -1, None, bc.stamp(value, bc.now_us()), None, 0)
            st['sent'] += 1
        return st['sent'] < a.count

    GLib.timeout_add(1, tick)
    loop.run()
    end = bc.Mark()
    bc.report(contender, a, st['received'], st['received'] * a.size, start, end,
              **bc.latency_extra(lat))
    producer.flush(10000)
    consumer.close()
    return 0


modes = {'produce': do_produce, 'consume': do_consume, 'latency': do_latency}
if a.mode not in modes:
    bc.die('unknown mode ' + a.mode)
sys.exit(modes[a.mode]())
