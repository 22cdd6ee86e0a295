#!/usr/bin/python3
# Contender C: confluent-kafka-python (Debian's python3-confluent-kafka, over
# the same librdkafka); with --variant face, contender F: the same code over
# kafka-glib's Python face, only the import changed. produce() with a
# per-message on_delivery callback, poll(0) every 1000 messages and when the in-flight window is full, flush()
# at the end; consume(num_messages=..., timeout=...) lists after assign()
# (--variant poll: poll() one message at a time).
# Same command line and result line as the C contenders (bench-common.h).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

a = bc.parse_args()

# Contender F runs this same file with only the import changed: kafka-glib's
# Python face (gi/overrides/Kafka.py) in place of confluent-kafka-python.
if a.variant.startswith('face'):
    import gi  # noqa: E402
    gi.require_version('Kafka', '1.0')
    from gi.repository.Kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING  # noqa: E402
    NAME = 'F'
else:
    from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING  # noqa: E402
    NAME = 'C'


def new_producer():
    return Producer({'bootstrap.servers': a.bootstrap, 'acks': 'all', 'linger.ms': 5,
                     'compression.type': 'none'})


def new_consumer(what):
    return Consumer({'bootstrap.servers': a.bootstrap,
                     'group.id': 'bench-ck-%s-%d' % (what, os.getpid()),
                     'auto.offset.reset': 'earliest'})


def assign_beginning(consumer):
    consumer.assign([TopicPartition(a.topic, p, OFFSET_BEGINNING) for p in range(a.partitions)])


def do_produce():
    producer = new_producer()
    win = bc.window(a.size)
    value = bc.payload(a.size)
    st = [0, 0]                 # delivered, errors

    def on_delivery(err, msg):
        if err is not None:
            st[1] += 1
        st[0] += 1

    produce = producer.produce
    poll = producer.poll
    topic = a.topic
    start = bc.Mark()
    sent = 0
    while sent < a.count:
        if sent - st[0] >= win:
            while sent - st[0] > win // 2:
                poll(0.1)
        try:
            produce(topic, value, on_delivery=on_delivery)
        except BufferError:
            poll(0.1)
            continue
        sent += 1
        if sent % 1000 == 0:
            poll(0)
    while st[0] < a.count:
        producer.flush(1.0)
    end = bc.Mark()
    ok = st[0] - st[1]
    bc.report(NAME, a, ok, ok * a.size, start, end, errors=st[1])
    return 1 if st[1] else 0


def do_consume():
    consumer = new_consumer('consume')
    received = 0
    nbytes = 0
    start = bc.Mark()
    assign_beginning(consumer)
    if a.variant.endswith('poll'):
        # C-poll and F-poll: one message at a time
        poll = consumer.poll
        while received < a.count:
            m = poll(1.0)
            if m is not None and m.error() is None:
                received += 1
                nbytes += len(m.value())
    while received < a.count:
        for m in consumer.consume(num_messages=min(1000, a.count - received), timeout=1.0):
            if m.error() is None:
                received += 1
                nbytes += len(m.value())
    end = bc.Mark()
    bc.report(NAME, a, received, nbytes, start, end)
    consumer.close()
    return 0


def do_latency():
    # One thread: produce what is due on a 1 ms tick, serve delivery
    # reports with poll(0), wait for a message with consumer.poll() until the
    # next tick (poll returns as soon as a message is there).
    producer = new_producer()
    consumer = new_consumer('latency')
    warmup = bc.latency_warmup(a.count, a.rate)
    value = bc.payload(a.size)
    lat = []
    sent = received = 0
    assign_beginning(consumer)
    start = bc.Mark()
    t0 = bc.now_us()
    while received < a.count:
        now = bc.now_us()
        due = min(a.count, (now - t0) * a.rate // 1000000 + 1)
        while sent < due:
            producer.produce(a.topic, bc.stamp(value, bc.now_us()))
            sent += 1
        producer.poll(0)
        now = bc.now_us()
        wait = (t0 + ((now - t0) // 1000 + 1) * 1000 - now) / 1e6 if sent < a.count else 0.1
        m = consumer.poll(wait)
        while m is not None:
            if m.error() is None:
                if received >= warmup:
                    lat.append(bc.now_us() - bc.read_stamp(m.value()))
                received += 1
            m = consumer.poll(0)
    end = bc.Mark()
    bc.report(NAME, a, received, received * a.size, start, end, **bc.latency_extra(lat))
    producer.flush(10)
    consumer.close()
    return 0


modes = {'produce': do_produce, 'consume': do_consume, 'latency': do_latency}
if a.mode not in modes:
    bc.die('unknown mode ' + a.mode)
sys.exit(modes[a.mode]())
