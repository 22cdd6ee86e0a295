#!/usr/bin/python3
# KafkaConsumer from Python through the built typelib, against the real
# broker (KAFKA_BOOTSTRAP_SERVERS); and interoperability with other clients:
# kcat and confluent-kafka-python (Debian's) write what kafka-glib reads, and
# read what kafka-glib writes, headers included.
# SPDX-License-Identifier: LGPL-2.1-or-later
import subprocess
import time
import unittest

import bare_typelib  # noqa: F401 (the typelib with no Python face)
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import Gio, GLib, Kafka  # noqa: E402

import confluent_kafka  # noqa: E402

from kafkatest import bootstrap, run_until, unique_topic as unique  # noqa: E402


def new_consumer(group, **extra):
    config = {'bootstrap.servers': bootstrap(), 'group.id': group,
              'auto.offset.reset': 'earliest', 'enable.auto.commit': 'false'}
    config.update(extra)
    return Kafka.Consumer.new(config)


def consume_all(consumer, n, timeout_s=60):
    got = []
    deadline = time.monotonic() + timeout_s
    while len(got) < n and time.monotonic() < deadline:
        for m in consumer.consume(100, 200):
            if m.get_error() is not None:
                raise AssertionError('consumer error: %s' % m.get_error().message)
            got.append(m)
    if len(got) < n:
        raise AssertionError('consumed %d of %d' % (len(got), n))
    return got


def glib_produce(topic, records):
    """records: (key, value, [(name, value)]) tuples, all to partition 0, at
    offsets in this order (idempotent: a retried batch cannot land after a
    later one)."""
    producer = Kafka.Producer.new({'bootstrap.servers': bootstrap(),
                                   'enable.idempotence': 'true'})
    for key, value, headers in records:
        h = Kafka.Headers.new()
        for name, v in headers:
            h.add(name, v)
        producer.produce(topic, 0, key, value, h, 0)
    assert producer.flush(30000)


def headers_of(message):
    h = message.get_headers()
    if h is None:
        return []
    return [(h.get_name(i), h.get_value(i)) for i in range(h.get_length())]


class ConsumerTest(unittest.TestCase):
    def test_main_loop_signals_and_commit(self):
        topic, group = unique('c'), unique('g')
        glib_produce(topic, [(b'k%d' % i, b'v%d' % i, [('n', b'%d' % i)]) for i in range(50)])

        consumer = new_consumer(group)
        consumer.props.emit_messages = True
        assigned, messages = [], []
        consumer.connect('partitions-assigned', lambda c, parts: assigned.extend(parts))
        consumer.connect('message', lambda c, m: messages.append(m))
        consumer.subscribe([topic])
        run_until(lambda: len(messages) == 50, 60, 'messages as signals')

        self.assertTrue(all(isinstance(p, Kafka.TopicPartition) for p in assigned))
        self.assertEqual(sorted(p.get_partition() for p in assigned), [0, 1, 2, 3])
        for i, m in enumerate(messages):
            self.assertIsNone(m.get_error())
            self.assertEqual(m.get_offset(), i)
            self.assertEqual(m.get_key(), b'k%d' % i)
            self.assertEqual(m.get_value(), b'v%d' % i)
            self.assertEqual(headers_of(m), [('n', b'%d' % i)])

        committed = consumer.commit(None)
        by_partition = {p.get_partition(): p.get_offset() for p in committed}
        self.assertEqual(by_partition[0], 50)
        stored = consumer.committed([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_INVALID)], 10000)
        self.assertEqual(stored[0].get_offset(), 50)
        self.assertTrue(consumer.close())
        with self.assertRaises(GLib.Error) as cm:
            consumer.poll(0)
        self.assertEqual(cm.exception.code, Kafka.Error.STATE)

    def test_poll_and_batches(self):
        topic, group = unique('c'), unique('g')
        glib_produce(topic, [(None, b'x%d' % i, []) for i in range(20)])
        consumer = new_consumer(group)
        consumer.assign([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_BEGINNING)])
        first = None
        deadline = time.monotonic() + 30
        while first is None and time.monotonic() < deadline:
            first = consumer.poll(500)
        self.assertIsNotNone(first)
        self.assertEqual(first.get_value(), b'x0')
        self.assertIsNone(first.get_key_bytes())
        rest = consume_all(consumer, 19)
        self.assertEqual([m.get_value() for m in rest], [b'x%d' % i for i in range(1, 20)])
        self.assertEqual(consumer.consume(10, 300), [])
        self.assertIsNone(consumer.poll(100))

    def test_async_with_callbacks(self):
        topic, group = unique('c'), unique('g')
        glib_produce(topic, [(None, b'a%d' % i, []) for i in range(8)])
        consumer = new_consumer(group)

        outcomes = []

        def record(c, result, finish):
            try:
                outcomes.append(finish(result))
            except GLib.Error as e:
                outcomes.append(e)

        # a cancelled wait completes with CANCELLED (nothing assigned yet, no
        # time limit: only the cancellation can complete it), and loses
        # nothing
        cancellable = Gio.Cancellable()
        consumer.consume_async(5, -1, cancellable, record, consumer.consume_finish)
        cancellable.cancel()
        run_until(lambda: outcomes, 30, 'the cancelled consume')
        self.assertTrue(outcomes[0].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED))

        consumer.assign([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_BEGINNING)])
        got = []
        deadline = time.monotonic() + 60
        while len(got) < 8 and time.monotonic() < deadline:
            outcomes.clear()
            consumer.consume_async(100, 10000, None, record, consumer.consume_finish)
            run_until(lambda: outcomes, 30, 'consume_async')
            got.extend(outcomes[0])
        self.assertEqual([m.get_value() for m in got], [b'a%d' % i for i in range(8)])

        outcomes.clear()
        consumer.commit_async(None, None, record, consumer.commit_finish)
        run_until(lambda: outcomes, 30, 'commit_async')
        self.assertEqual({p.get_partition(): p.get_offset() for p in outcomes[0]}[0], 8)

        outcomes.clear()
        consumer.get_watermark_offsets_async(topic, 0, 10000, None, record,
                                             consumer.get_watermark_offsets_finish)
        run_until(lambda: outcomes, 30, 'watermarks')
        ok, low, high = outcomes[0]
        self.assertEqual((ok, low, high), (True, 0, 8))

        outcomes.clear()
        consumer.close_async(None, record, consumer.close_finish)
        run_until(lambda: outcomes, 30, 'close_async')
        self.assertIs(outcomes[0], True)
        self.assertTrue(consumer.is_closed())

    def test_bad_input(self):
        consumer = new_consumer(unique('g'))
        with self.assertRaises(GLib.Error) as cm:
            consumer.subscribe(['not a topic'])
        self.assertEqual(cm.exception.code, Kafka.Error.INVALID_ARG)
        with self.assertRaises(GLib.Error) as cm:
            consumer.commit(None)
        self.assertEqual(cm.exception.code, Kafka.Error.NO_OFFSET)
        with self.assertRaises(GLib.Error) as cm:
            Kafka.Consumer.new({'bootstrap.servers': bootstrap()})
        self.assertIn('group.id', cm.exception.message)


class InteropTest(unittest.TestCase):
    def test_kcat_writes_kafka_glib_reads(self):
        topic = unique('kcat-in')
        lines = ''.join('key%d:value %d\n' % (i, i) for i in range(10))
        subprocess.run(['kcat', '-P', '-b', bootstrap(), '-t', topic, '-p', '0', '-K:',
                        '-H', 'origin=kcat', '-H', 'trace=a b'],
                       input=lines.encode(), check=True, timeout=60)
        consumer = new_consumer(unique('g'))
        consumer.assign([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_BEGINNING)])
        got = consume_all(consumer, 10)
        for i, m in enumerate(got):
            self.assertEqual(m.get_key(), b'key%d' % i)
            self.assertEqual(m.get_value(), b'value %d' % i)
            self.assertEqual(headers_of(m), [('origin', b'kcat'), ('trace', b'a b')])

    def test_confluent_kafka_writes_kafka_glib_reads(self):
        topic = unique('ck-in')
        p = confluent_kafka.Producer({'bootstrap.servers': bootstrap()})
        for i in range(10):
            p.produce(topic, key=b'k%d' % i, value=bytes([i, 0, 255]), partition=0,
                      headers=[('a', b'\x00\x01'), ('a', b'second'), ('empty', b'')],
                      timestamp=1700000000000 + i)
        self.assertEqual(p.flush(30), 0)
        consumer = new_consumer(unique('g'))
        consumer.assign([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_BEGINNING)])
        for i, m in enumerate(consume_all(consumer, 10)):
            self.assertEqual(m.get_key(), b'k%d' % i)
            self.assertEqual(m.get_value(), bytes([i, 0, 255]))
            self.assertEqual(m.get_timestamp(), 1700000000000 + i)
            self.assertEqual(headers_of(m), [('a', b'\x00\x01'), ('a', b'second'), ('empty', b'')])

    def test_kafka_glib_writes_kcat_reads(self):
        topic = unique('kcat-out')
        glib_produce(topic, [(b'k%d' % i, b'value-%d' % i, [('h', b'x%d' % i)]) for i in range(5)])
        out = subprocess.run(['kcat', '-C', '-b', bootstrap(), '-t', topic, '-p', '0',
                              '-o', 'beginning', '-e', '-f', '%k|%s|%h\\n'],
                             capture_output=True, check=True, timeout=60).stdout.decode()
        self.assertEqual(out.splitlines(),
                         ['k%d|value-%d|h=x%d' % (i, i, i) for i in range(5)])

    def test_kafka_glib_writes_confluent_kafka_reads(self):
        topic = unique('ck-out')
        glib_produce(topic, [(b'k%d' % i, bytes(range(i + 1)), [('bin', b'\x00\xff'), ('bin', b'2')])
                             for i in range(5)])
        c = confluent_kafka.Consumer({'bootstrap.servers': bootstrap(), 'group.id': unique('g'),
                                      'auto.offset.reset': 'earliest'})
        c.assign([confluent_kafka.TopicPartition(topic, 0, confluent_kafka.OFFSET_BEGINNING)])
        got = []
        deadline = time.monotonic() + 30
        while len(got) < 5 and time.monotonic() < deadline:
            m = c.poll(0.5)
            if m is not None and m.error() is None:
                got.append(m)
        c.close()
        self.assertEqual(len(got), 5)
        for i, m in enumerate(got):
            self.assertEqual(m.key(), b'k%d' % i)
            self.assertEqual(m.value(), bytes(range(i + 1)))
            self.assertEqual(m.headers(), [('bin', b'\x00\xff'), ('bin', b'2')])


if __name__ == '__main__':
    unittest.main(verbosity=2)
