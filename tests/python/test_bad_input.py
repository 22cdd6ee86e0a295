#!/usr/bin/python3
# Bad input from Python (PyGObject), on the embedded mock cluster: each is a
# clear exception, GLib.Error with a message that says what to fix or a
# TypeError from the bindings, and never a crash.
# SPDX-License-Identifier: LGPL-2.1-or-later
import unittest

import bare_typelib  # noqa: F401 (the typelib with no Python face)
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

from kafkatest import unique_topic as unique  # noqa: E402


class BadInputTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = Kafka.MockCluster.new(1)
        cls.bootstrap = cls.cluster.get_bootstrap_servers()
        cls.topic = unique('bad')
        cls.cluster.create_topic(cls.topic, 1, 1)

    def assertKafkaError(self, cm, code, *words):
        e = cm.exception
        self.assertTrue(e.matches(Kafka.error_quark(), code),
                        '%s (code %d) is not %s' % (e.message, e.code, code))
        for w in words:
            self.assertIn(w, e.message)

    def producer(self, **extra):
        config = {'bootstrap.servers': self.bootstrap, 'linger.ms': '1'}
        config.update(extra)
        return Kafka.Producer.new(config)

    # -- configuration ------------------------------------------------------

    def test_config_value_not_a_string(self):
        # the config is a GHashTable of strings: an int, a bool or bytes where
        # a string is expected is refused by the bindings, naming the type
        for value in (5, True, b'5', 1.5):
            with self.assertRaises(TypeError) as cm:
                self.producer(**{'linger.ms': value})
            self.assertIn('Must be string', str(cm.exception))
            self.assertIn(type(value).__name__, str(cm.exception))
        # str() of it is what to pass
        p = self.producer(**{'linger.ms': str(5)})
        self.assertEqual(p.get_config()['linger.ms'], '5')

    def test_config_unknown_or_mistyped(self):
        cases = [('no.such.property', '1'), ('linger.msec', '5'), ('linger.ms', 'five'),
                 ('acks', 'most'), ('enable.idempotence', 'maybe')]
        for key, value in cases:
            with self.assertRaises(GLib.Error) as cm:
                self.producer(**{key: value})
            self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, key)
        with self.assertRaises(GLib.Error) as cm:
            Kafka.Consumer.new({'bootstrap.servers': self.bootstrap})
        self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, 'group.id')

    def test_config_none(self):
        with self.assertRaises(TypeError):
            Kafka.Producer.new(None)

    # -- produce --------------------------------------------------------------

    def test_topic_names(self):
        p = self.producer()
        with self.assertRaises(TypeError):
            p.produce(None, -1, None, b'v', None, 0)
        with self.assertRaises(GLib.Error) as cm:
            p.produce('', -1, None, b'v', None, 0)
        self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, 'empty')
        for bad in ('a b', 'x/y', 'café', '..', 'a:b'):
            with self.assertRaises(GLib.Error) as cm:
                p.produce(bad, -1, None, b'v', None, 0)
            self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, bad, 'letters, digits')
        with self.assertRaises(GLib.Error) as cm:
            p.produce('t' * 250, -1, None, b'v', None, 0)
        self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, '249')
        self.assertTrue(p.produce('t' * 249, -1, None, b'v', None, 0))

    def test_partition(self):
        p = self.producer()
        with self.assertRaises(GLib.Error) as cm:
            p.produce(self.topic, -2, None, b'v', None, 0)
        self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, 'KAFKA_PARTITION_UA')
        with self.assertRaises((OverflowError, TypeError, ValueError)):
            p.produce(self.topic, 2 ** 40, None, b'v', None, 0)

    def test_value_types(self):
        p = self.producer()
        with self.assertRaises(TypeError):
            p.produce(self.topic, -1, None, 'a str, not bytes', None, 0)
        with self.assertRaises(TypeError):
            p.produce(self.topic, -1, 42, b'v', None, 0)

    def test_oversized(self):
        p = self.producer(**{'message.max.bytes': '10000'})
        for key, value in ((None, b'x' * 20000), (b'k' * 20000, None)):
            with self.assertRaises(GLib.Error) as cm:
                p.produce(self.topic, 0, key, value, None, 0)
            self.assertKafkaError(cm, Kafka.Error.MSG_SIZE_TOO_LARGE, 'message.max.bytes')
        headers = Kafka.Headers.new()
        headers.add('big', b'h' * 20000)
        with self.assertRaises(GLib.Error) as cm:
            p.produce(self.topic, 0, None, b'v', headers, 0)
        self.assertKafkaError(cm, Kafka.Error.MSG_SIZE_TOO_LARGE, 'message.max.bytes', 'headers')
        self.assertEqual(p.get_out_queue_length(), 0)

    def test_null_header_round_trip(self):
        topic = unique('hdr')
        self.cluster.create_topic(topic, 1, 1)
        p = self.producer()
        headers = Kafka.Headers.new()
        headers.add('null', None)
        headers.add('empty', b'')
        with self.assertRaises(TypeError):
            headers.add(None, b'x')
        p.produce(topic, 0, None, b'v', headers, 0)
        p.flush(30000)

        c = Kafka.Consumer.new({'bootstrap.servers': self.bootstrap, 'group.id': unique('g')})
        c.assign([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_BEGINNING)])
        m = None
        for _ in range(150):
            m = c.poll(200)
            if m is not None:
                break
        self.assertIsNotNone(m)
        got = m.get_headers()
        self.assertEqual(got.get_length(), 2)
        self.assertIsNone(got.get_value_bytes(0))
        self.assertEqual(got.get_value_bytes(1).get_data(), b'')
        c.close()

    # -- after close ----------------------------------------------------------

    def test_calls_after_close(self):
        c = Kafka.Consumer.new({'bootstrap.servers': self.bootstrap, 'group.id': unique('g')})
        c.subscribe([self.topic])
        c.close()
        calls = [lambda: c.poll(0), lambda: c.consume(10, 0), lambda: c.subscribe([self.topic]),
                 lambda: c.unsubscribe(), lambda: c.commit(None), lambda: c.assign([]),
                 lambda: c.position([]), lambda: c.close()]
        for call in calls:
            with self.assertRaises(GLib.Error) as cm:
                call()
            self.assertKafkaError(cm, Kafka.Error.STATE, 'closed')

        p = self.producer()
        p.run_dispose()
        with self.assertRaises(GLib.Error) as cm:
            p.produce(self.topic, 0, None, b'v', None, 0)
        self.assertKafkaError(cm, Kafka.Error.STATE, 'closed')

    # -- None in a partition list ---------------------------------------------

    def test_none_in_partition_list(self):
        # every call that takes a list refuses a None element with a GError
        # naming it (they crashed the process with SIGSEGV)
        c = Kafka.Consumer.new({'bootstrap.servers': self.bootstrap, 'group.id': unique('g'),
                                'enable.auto.commit': 'false'})
        p = self.producer(**{'transactional.id': unique('txn')})
        tp = Kafka.TopicPartition.new(self.topic, 0, 0)
        calls = {
            'position': lambda: c.position([None]),
            'commit': lambda: c.commit([tp, None]),
            'commit_in_background': lambda: c.commit_in_background([None]),
            'committed': lambda: c.committed([None], 1000),
            'pause': lambda: c.pause([None]),
            'resume': lambda: c.resume([None]),
            'store_offsets': lambda: c.store_offsets([None]),
            'offsets_for_times': lambda: c.offsets_for_times([None], 1000),
            'assign': lambda: c.assign([None]),
            'incremental_assign': lambda: c.incremental_assign([None]),
            'incremental_unassign': lambda: c.incremental_unassign([None]),
            'send_offsets_to_transaction': lambda: p.send_offsets_to_transaction([None], c, 1000),
        }
        for name, call in calls.items():
            with self.subTest(call=name):
                with self.assertRaises(GLib.Error) as cm:
                    call()
                self.assertKafkaError(cm, Kafka.Error.INVALID_ARG, 'partition list is NULL')

        # the async form answers through its callback
        results = []
        c.committed_async([None], 1000, None,
                          lambda src, res: results.append(self._finish_error(src.committed_finish, res)))
        ctx = GLib.MainContext.default()
        while not results:
            ctx.iteration(True)
        self.assertTrue(results[0].matches(Kafka.error_quark(), Kafka.Error.INVALID_ARG))
        c.close()

    @staticmethod
    def _finish_error(finish, res):
        try:
            finish(res)
        except GLib.Error as e:
            return e
        return None

    # -- a pending call keeps its client alive ---------------------------------

    def test_consume_async_after_del(self):
        # the consumer's last reference goes while consume_async() waits; it
        # times out and calls back with the consumer still alive (it read
        # freed memory: "invalid unclassed pointer in cast to 'KafkaClient'")
        c = Kafka.Consumer.new({'bootstrap.servers': self.bootstrap, 'group.id': unique('g')})
        results = []

        def on_consumed(source, res):
            results.append(source.consume_finish(res))

        c.consume_async(10, 200, None, on_consumed)
        del c
        ctx = GLib.MainContext.default()
        while not results:
            ctx.iteration(True)
        self.assertEqual(results, [[]])


if __name__ == '__main__':
    unittest.main(verbosity=2)
