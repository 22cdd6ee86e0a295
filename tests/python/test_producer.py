#!/usr/bin/python3
# KafkaProducer from Python through the built typelib (PyGObject), against
# the real broker (KAFKA_BOOTSTRAP_SERVERS) and the embedded mock cluster.
# SPDX-License-Identifier: LGPL-2.1-or-later
import unittest

import bare_typelib  # noqa: F401 (the typelib with no Python face)
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

from kafkatest import bootstrap, run_until, unique_topic  # noqa: E402


class ProducerBrokerTest(unittest.TestCase):
    def test_produce_and_deliver_on_main_loop(self):
        topic = unique_topic('deliver')
        producer = Kafka.Producer.new({'bootstrap.servers': bootstrap(),
                                       'linger.ms': '5', 'acks': 'all'})
        reports = []
        producer.connect('delivery', lambda p, m: reports.append(m))
        headers = Kafka.Headers.new()
        headers.add('trace', b'\x00\x01\xff')
        headers.add('trace', b'second')
        n = 100
        for i in range(n):
            # plain bytes for key and value, None allowed
            producer.produce(topic, i % 2, b'key-%d' % i, b'value-%d' % i, headers,
                             1700000000000 + i)
        producer.produce(topic, 0, None, None, None, 0)

        run_until(lambda: len(reports) == n + 1, 30, 'delivery reports')

        offsets = {0: -1, 1: -1}
        tombstone = [m for m in reports if m.get_value_bytes() is None]
        self.assertEqual(len(tombstone), 1)
        self.assertIsNone(tombstone[0].get_key_bytes())
        for m in reports:
            self.assertIsNone(m.get_error())
            self.assertEqual(m.get_topic(), topic)
            self.assertEqual(m.get_offset(), offsets[m.get_partition()] + 1)
            offsets[m.get_partition()] = m.get_offset()
            if m is tombstone[0]:
                continue
            key = m.get_key()
            self.assertIsInstance(key, bytes)
            i = int(key.split(b'-')[1])
            self.assertEqual(m.get_value(), b'value-%d' % i)
            self.assertEqual(m.get_partition(), i % 2)
            self.assertEqual(m.get_timestamp(), 1700000000000 + i)
            self.assertEqual(m.get_timestamp_type(), Kafka.TimestampType.CREATE_TIME)
            h = m.get_headers()
            self.assertEqual(h.get_length(), 2)
            self.assertEqual(h.get_name(0), 'trace')
            self.assertEqual(h.get_value(0), b'\x00\x01\xff')
            value, found = h.get_last('trace')
            self.assertTrue(found)
            self.assertEqual(value, b'second')
        self.assertEqual(producer.get_out_queue_length(), 0)

        md = producer.list_topics(topic, 10000)
        t = md.get_topic(topic)
        self.assertIsNotNone(t)
        self.assertEqual(t.get_partitions()[0].get_id(), 0)
        self.assertTrue(md.get_brokers())

        ok, low, high = producer.get_watermark_offsets(topic, 0, False, 10000)
        self.assertTrue(ok)
        self.assertEqual(high - low, offsets[0] + 1)

    def test_flush_without_main_loop(self):
        topic = unique_topic('flush')
        producer = Kafka.Producer.new({'bootstrap.servers': bootstrap()})
        reports = []
        producer.connect('delivery', lambda p, m: reports.append(m.get_offset()))
        for i in range(50):
            producer.produce(topic, 0, None, b'x' * 100, None, 0)
        self.assertTrue(producer.flush(30000))
        self.assertEqual(sorted(reports), list(range(50)))


class ProducerAsyncTest(unittest.TestCase):
    def test_produce_async_and_flush_async_with_callbacks(self):
        topic = unique_topic('async')
        # idempotent: offsets in production order, even across a retry
        producer = Kafka.Producer.new({'bootstrap.servers': bootstrap(),
                                       'enable.idempotence': 'true'})
        results, flushed = [], []

        def done(p, result, i):
            results.append((i, p.produce_finish(result)))

        for i in range(5):
            producer.produce_async(topic, 0, b'k%d' % i, b'v%d' % i, None, 0, None, done, i)
        producer.flush_async(10000, None, lambda p, r: flushed.append(p.flush_finish(r)))
        run_until(lambda: len(results) == 5 and flushed, 30, 'async results')
        self.assertEqual(flushed, [True])
        for i, m in sorted(results, key=lambda r: r[0]):
            self.assertEqual(m.get_key(), b'k%d' % i)
            self.assertEqual(m.get_offset(), i)

        listed = []
        producer.list_topics_async(topic, 10000, None,
                                   lambda p, r: listed.append(p.list_topics_finish(r)))
        run_until(lambda: listed, 30, 'list_topics_async')
        self.assertIsNotNone(listed[0].get_topic(topic))

    def test_produce_async_error_raises_in_finish(self):
        producer = Kafka.Producer.new({'bootstrap.servers': bootstrap()})
        errors = []

        def done(p, result, _):
            try:
                p.produce_finish(result)
            except GLib.Error as e:
                errors.append(e)

        producer.produce_async('', -1, None, b'v', None, 0, None, done, None)
        run_until(lambda: errors, 10, 'the error')
        self.assertEqual(errors[0].code, Kafka.Error.INVALID_ARG)


class ProducerErrorTest(unittest.TestCase):
    def test_bad_config_names_the_key(self):
        with self.assertRaises(GLib.Error) as cm:
            Kafka.Producer.new({'bootstrap.servers': '127.0.0.1:1', 'linger.ms': 'soon'})
        self.assertEqual(cm.exception.domain, 'kafka-error-quark')
        self.assertEqual(cm.exception.code, Kafka.Error.INVALID_ARG)
        self.assertIn('linger.ms', cm.exception.message)
        self.assertTrue(cm.exception.matches(Kafka.error_quark(), Kafka.Error.INVALID_ARG))

    def test_non_string_config_value_is_refused(self):
        with self.assertRaises(TypeError):
            Kafka.Producer.new({'bootstrap.servers': '127.0.0.1:1', 'linger.ms': 5})

    def test_queue_full_and_helpers_survive_the_binding(self):
        producer = Kafka.Producer.new({'bootstrap.servers': '127.0.0.1:1',
                                       'queue.buffering.max.messages': '3'})
        for _ in range(3):
            producer.produce('t', -1, None, b'v', None, 0)
        with self.assertRaises(GLib.Error) as cm:
            producer.produce('t', -1, None, b'v', None, 0)
        e = cm.exception
        self.assertEqual(e.code, Kafka.Error.QUEUE_FULL)
        # the GError went through PyGObject and comes back rebuilt: the
        # helpers answer from domain and code alone
        self.assertTrue(Kafka.error_is_retriable(e))
        self.assertFalse(Kafka.error_is_fatal(e))
        self.assertFalse(Kafka.error_txn_requires_abort(e))
        self.assertEqual(Kafka.Error.code_get_name(Kafka.Error.QUEUE_FULL), '_QUEUE_FULL')

    def test_fatal_error_from_mock_cluster(self):
        cluster = Kafka.MockCluster.new(1)
        producer = Kafka.Producer.new({'bootstrap.servers': cluster.get_bootstrap_servers(),
                                       'enable.idempotence': 'true'})
        errors, reports = [], []
        producer.connect('error', lambda p, e: errors.append(e))
        producer.connect('delivery', lambda p, m: reports.append(m))
        producer.produce('t', 0, None, b'v', None, 0)
        run_until(lambda: reports, 30, 'first report')
        cluster.push_request_errors(Kafka.ApiKey.PRODUCE,
                                    [Kafka.Error.OUT_OF_ORDER_SEQUENCE_NUMBER])
        producer.produce('t', 0, None, b'v', None, 0)
        run_until(lambda: any(Kafka.error_is_fatal(e) for e in errors), 30, 'fatal error')
        fatal = producer.get_fatal_error()
        self.assertEqual(fatal.code, Kafka.Error.FATAL)
        self.assertTrue(Kafka.error_is_fatal(fatal))
        with self.assertRaises(GLib.Error) as cm:
            producer.produce('t', 0, None, b'v', None, 0)
        self.assertTrue(Kafka.error_is_fatal(cm.exception))

    def test_unreachable_broker_times_out(self):
        producer = Kafka.Producer.new({'bootstrap.servers': '127.0.0.1:1',
                                       'message.timeout.ms': '1000'})
        errors, reports = [], []
        producer.connect('error', lambda p, e: errors.append(e))
        producer.connect('delivery', lambda p, m: reports.append(m))
        producer.produce('t', -1, b'k', b'v', None, 0)
        run_until(lambda: reports, 30, 'the timed-out report')
        self.assertEqual(reports[0].get_error().code, Kafka.Error.MSG_TIMED_OUT)
        self.assertEqual(reports[0].get_status(), Kafka.MessageStatus.NOT_PERSISTED)
        # the error signal may come before or after the report
        run_until(lambda: errors, 30, 'an error signal')

    def test_purge(self):
        cluster = Kafka.MockCluster.new(1)
        cluster.set_broker_down(1)
        producer = Kafka.Producer.new({'bootstrap.servers': cluster.get_bootstrap_servers()})
        reports = []
        producer.connect('delivery', lambda p, m: reports.append(m.get_error().code))
        for _ in range(4):
            producer.produce('t', 0, None, b'v', None, 0)
        producer.purge(Kafka.PurgeFlags.QUEUE | Kafka.PurgeFlags.INFLIGHT)
        run_until(lambda: len(reports) == 4, 30, 'purged reports')
        self.assertEqual(set(reports), {Kafka.Error.PURGE_QUEUE})


if __name__ == '__main__':
    unittest.main(verbosity=2)
