#!/usr/bin/python3
# The Python face (gi/overrides/Kafka.py) without a cluster: construction and
# configuration, argument checking in produce(), the value classes
# (KafkaError, KafkaException, TopicPartition, Message), versions, BufferError,
# calls after close, and the GObject level kept reachable.
# SPDX-License-Identifier: LGPL-2.1-or-later
import logging
import os
import subprocess
import sys
import unittest
import time

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

from kafkatest import face_loaded  # noqa: E402

# nothing listens there: clients are created, nothing is delivered
NOWHERE = '127.0.0.1:1'


class FaceLoadedTest(unittest.TestCase):
    def test_face_is_the_override(self):
        self.assertTrue(face_loaded())
        self.assertEqual(Kafka.Producer.__module__, 'gi.overrides.Kafka')
        self.assertEqual(Kafka.Consumer.__module__, 'gi.overrides.Kafka')
        # the typelib's types keep their GTypes
        self.assertEqual(Kafka.Producer.__gtype__.name, 'KafkaProducer')
        self.assertEqual(Kafka.Consumer.__gtype__.name, 'KafkaConsumer')

    def test_seed_names(self):
        for name in ('Producer', 'Consumer', 'Message', 'TopicPartition', 'KafkaError',
                     'KafkaException', 'OFFSET_BEGINNING', 'OFFSET_END', 'OFFSET_STORED',
                     'OFFSET_INVALID', 'TIMESTAMP_NOT_AVAILABLE', 'TIMESTAMP_CREATE_TIME',
                     'TIMESTAMP_LOG_APPEND_TIME', 'libversion', 'version'):
            self.assertTrue(hasattr(Kafka, name), name)
        self.assertEqual((Kafka.OFFSET_BEGINNING, Kafka.OFFSET_END, Kafka.OFFSET_STORED,
                          Kafka.OFFSET_INVALID), (-2, -1, -1000, -1001))
        self.assertEqual((Kafka.TIMESTAMP_NOT_AVAILABLE, Kafka.TIMESTAMP_CREATE_TIME,
                          Kafka.TIMESTAMP_LOG_APPEND_TIME), (0, 1, 2))
        # from X import Y works, as code written for the seed does it
        from gi.repository.Kafka import Producer, TopicPartition  # noqa: F401
        self.assertIs(Producer, Kafka.Producer)

    def test_versions(self):
        s, n = Kafka.libversion()
        self.assertRegex(s, r'^\d+\.\d+\.\d+')
        self.assertEqual('%d.%d.%d' % (n >> 24, (n >> 16) & 0xff, (n >> 8) & 0xff), s[:len(s)])
        s, n = Kafka.version()
        self.assertEqual(s, '%d.%d.%d' % (Kafka.MAJOR_VERSION, Kafka.MINOR_VERSION,
                                          Kafka.MICRO_VERSION))
        self.assertEqual(n >> 24, Kafka.MAJOR_VERSION)


class ConfigTest(unittest.TestCase):
    def test_values_of_every_type(self):
        p = Kafka.Producer({'bootstrap.servers': NOWHERE, 'linger.ms': 5, 'batch.size': 1000,
                            'enable.idempotence': False, 'socket.keepalive.enable': True,
                            'retry.backoff.ms': 100.0,
                            'default.topic.config': {'message.timeout.ms': 3000}})
        conf = p.core.get_config()
        self.assertEqual(conf['linger.ms'], '5')
        self.assertEqual(conf['enable.idempotence'], 'false')
        self.assertEqual(conf['socket.keepalive.enable'], 'true')
        self.assertEqual(conf['retry.backoff.ms'], '100.0')
        # nested default.topic.config is flattened
        self.assertEqual(conf['message.timeout.ms'], '3000')

    def test_kwargs_join_the_config(self):
        p = Kafka.Producer({'bootstrap.servers': NOWHERE}, **{'linger.ms': 7})
        self.assertEqual(p.core.get_config()['linger.ms'], '7')
        # only kwargs, as the seed allows
        c = Kafka.Consumer(**{'bootstrap.servers': NOWHERE, 'group.id': 'g'})
        self.assertEqual(c.core.get_config()['group.id'], 'g')
        c.close()

    def test_bad_key_names_the_key(self):
        with self.assertRaises(Kafka.KafkaException) as cm:
            Kafka.Producer({'bogus.key': 1})
        err = cm.exception.args[0]
        self.assertIsInstance(err, Kafka.KafkaError)
        self.assertEqual(err.code(), Kafka.KafkaError._INVALID_ARG)
        self.assertIn('bogus.key', err.str())

    def test_bad_value_names_the_key(self):
        for value in ('abc', [1], {'a': 1}, None, object()):
            with self.assertRaises(Kafka.KafkaException) as cm:
                Kafka.Producer({'linger.ms': value})
            self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError._INVALID_ARG)
            self.assertIn('linger.ms', str(cm.exception))

    def test_nul_in_key_or_value_is_refused(self):
        # PyGObject would cut both at the NUL: the face refuses them
        with self.assertRaises(Kafka.KafkaException) as cm:
            Kafka.Producer({'bootstrap.servers': NOWHERE, 'sasl.password': 'se\0cret'})
        self.assertIn('sasl.password', str(cm.exception))
        self.assertIn('NUL', str(cm.exception))
        with self.assertRaises(Kafka.KafkaException):
            Kafka.Producer({'linger.ms\0junk': '5'})

    def test_callbacks_must_be_callable(self):
        for key in ('error_cb', 'stats_cb', 'on_delivery'):
            with self.assertRaises(TypeError):
                Kafka.Producer({'bootstrap.servers': NOWHERE, key: 5})
        with self.assertRaises(TypeError):
            Kafka.Consumer({'group.id': 'g', 'on_commit': 'no'})
        with self.assertRaises(TypeError):
            Kafka.Producer({'logger': 'not a logger'})

    def test_construction_forms(self):
        with self.assertRaises(TypeError):
            Kafka.Producer()
        with self.assertRaises(TypeError):
            Kafka.Producer('bootstrap.servers=x')
        # the typelib's constructor name builds the same thing
        p = Kafka.Producer.new({'bootstrap.servers': NOWHERE, 'linger.ms': 1})
        self.assertIsInstance(p, Kafka.Producer)
        self.assertEqual(len(p), 0)

    def test_consumer_needs_group_id(self):
        with self.assertRaises(Kafka.KafkaException) as cm:
            Kafka.Consumer({'bootstrap.servers': NOWHERE})
        self.assertIn('group.id', str(cm.exception))

    def test_rebalance_callbacks_belong_to_subscribe(self):
        with self.assertRaises(Kafka.KafkaException) as cm:
            Kafka.Consumer({'group.id': 'g', 'on_assign': lambda c, p: None})
        self.assertIn('subscribe', str(cm.exception))


class ProduceArgumentsTest(unittest.TestCase):
    def setUp(self):
        self.p = Kafka.Producer({'bootstrap.servers': NOWHERE, 'message.max.bytes': 2000})

    def tearDown(self):
        self.p.purge()

    def test_accepted_forms(self):
        p = self.p
        p.produce('t', b'bytes')
        p.produce('t', 'str')
        p.produce('t')
        p.produce('t', value=None, key='k', partition=0, timestamp=1700000000000)
        p.produce('t', b'v', b'k', 1, lambda e, m: None)
        p.produce(topic='t', value=b'v', callback=lambda e, m: None)
        p.produce('t', b'v', headers={'a': b'1', 'b': 'two', 'c': None})
        p.produce('t', b'v', headers=[('a', b'1'), ('a', b'2'), ('n', None)])
        self.assertEqual(len(p), 8)

    def test_empty_is_not_none(self):
        # b'' and None are different values, alone and beside other messages
        # (an empty value queued alone came back as None: a tombstone)
        reports = []

        def on_delivery(err, msg):
            reports.append((msg.value(), msg.key()))

        self.p.produce('t', value=b'', key=b'', on_delivery=on_delivery)
        self.p.poll(0)
        self.p.produce('t', value=b'', key=None, partition=0, on_delivery=on_delivery)
        self.p.produce('t', value=None, key=b'', partition=0, on_delivery=on_delivery)
        self.p.produce('t', value=b'v', key=b'', partition=0, on_delivery=on_delivery)
        self.p.purge()
        deadline = time.monotonic() + 30
        while len(reports) < 4 and time.monotonic() < deadline:
            self.p.poll(0.1)
        self.assertEqual(len(reports), 4)
        self.assertEqual(reports[0], (b'', b''))
        self.assertEqual(sorted(reports[1:], key=repr),
                         sorted([(b'', None), (None, b''), (b'v', b'')], key=repr))

    def test_type_errors(self):
        p = self.p
        for kwargs in ({'value': 123}, {'key': 1.5}, {'value': bytearray(b'x')},
                       {'partition': '1'}, {'timestamp': 'now'}, {'on_delivery': 5},
                       {'headers': 5}, {'headers': [('a',)]}, {'headers': [(1, b'x')]},
                       {'headers': [('a', 1)]}, {'headers': {'a': 1}}, {'headers': ['ab']}):
            with self.assertRaises(TypeError, msg=repr(kwargs)):
                p.produce('t', **kwargs)
        with self.assertRaises(TypeError):
            p.produce(b'topic', b'v')
        with self.assertRaises(TypeError):
            p.produce(None, b'v')
        with self.assertRaises(TypeError):
            p.produce('t', b'v', bogus=1)
        self.assertEqual(len(p), 0)

    def test_nul_is_refused_where_pygobject_would_cut(self):
        with self.assertRaises(ValueError):
            self.p.produce('ok\0junk', b'v')
        with self.assertRaises(ValueError):
            self.p.produce('t', b'v', headers={'a\0b': b'v'})
        # NUL bytes in values and keys are data
        self.p.produce('t', 'a\0b', key=b'\0')
        self.assertEqual(len(self.p), 1)

    def test_bad_topic_and_partition_raise_kafka_exception(self):
        for topic in ('', 'bad topic!', '.', 'x' * 250):
            with self.assertRaises(Kafka.KafkaException) as cm:
                self.p.produce(topic, b'v')
            self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError._INVALID_ARG)
        with self.assertRaises(Kafka.KafkaException) as cm:
            self.p.produce('t', b'v', partition=-2)
        self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError._INVALID_ARG)

    def test_too_large(self):
        # 36 bytes of overhead + key + value + headers, as librdkafka counts
        self.p.produce('t', b'x' * (2000 - 36))
        with self.assertRaises(Kafka.KafkaException) as cm:
            self.p.produce('t', b'x' * (2000 - 35))
        self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError.MSG_SIZE_TOO_LARGE)
        with self.assertRaises(Kafka.KafkaException):
            self.p.produce('t', b'x' * 1000, key=b'k' * 1000)
        with self.assertRaises(Kafka.KafkaException):
            self.p.produce('t', b'x' * 1900, headers={'h': b'x' * 100})
        # what the face let through, the core takes: all of it is queued
        self.assertEqual(len(self.p), 1)

    def test_buffer_error_when_the_queue_is_full(self):
        p = Kafka.Producer({'bootstrap.servers': NOWHERE, 'queue.buffering.max.messages': 10})
        for i in range(10):
            p.produce('t', b'%d' % i)
        with self.assertRaises(BufferError):
            p.produce('t', b'one too many')
        self.assertEqual(len(p), 10)
        # the refused message was not queued; purging makes room again
        p.purge()
        p.flush(5)
        p.produce('t', b'room again')
        self.assertEqual(len(p), 1)
        p.purge()

    def test_timeouts_are_seconds(self):
        # an embedded cluster: a connected, idle producer has nothing to serve
        cluster = Kafka.MockCluster.new(1)
        p = Kafka.Producer({'bootstrap.servers': cluster.get_bootstrap_servers()})
        p.list_topics(timeout=10)
        while p.poll(0):
            pass
        t = GLib.get_monotonic_time()
        self.assertEqual(p.poll(0.3), 0)
        elapsed = (GLib.get_monotonic_time() - t) / 1e6
        # the typelib's poll(1.5) returned after 1 ms: this one waits 0.3 s
        # at least (a lower bound: a loaded machine only makes it longer)
        self.assertGreaterEqual(elapsed, 0.29)
        with self.assertRaises(TypeError):
            p.poll('1')


class ValueClassesTest(unittest.TestCase):
    def test_kafka_error(self):
        e = Kafka.KafkaError(Kafka.KafkaError._MSG_TIMED_OUT)
        self.assertEqual(e.code(), -192)
        self.assertEqual(e.name(), '_MSG_TIMED_OUT')
        self.assertEqual(e.str(), 'Local: Message timed out')
        self.assertFalse(e.fatal())
        self.assertFalse(e.txn_requires_abort())
        self.assertEqual(str(e), 'KafkaError{code=_MSG_TIMED_OUT,val=-192,str="Local: Message timed out"}')
        self.assertEqual(e, -192)
        self.assertEqual(e, Kafka.KafkaError(-192, 'other text'))
        self.assertNotEqual(e, Kafka.KafkaError.UNKNOWN_TOPIC_OR_PART)
        self.assertEqual(hash(e), hash(-192))
        f = Kafka.KafkaError(3, 'reason', fatal=True, retriable=True, txn_requires_abort=True)
        self.assertTrue(f.fatal() and f.retriable() and f.txn_requires_abort())
        self.assertEqual(str(f), 'KafkaError{FATAL,code=UNKNOWN_TOPIC_OR_PART,val=3,str="reason"}')
        self.assertEqual(Kafka.KafkaError.NO_ERROR, 0)
        self.assertEqual(Kafka.KafkaError(12345).name(), 'ERR_12345?')

    def test_every_librdkafka_code_is_a_constant(self):
        for value in Kafka.Error.__enum_values__.values():
            name = Kafka.error_code_get_name(value)
            self.assertEqual(getattr(Kafka.KafkaError, name), int(value), name)

    def test_kafka_exception(self):
        e = Kafka.KafkaException(Kafka.KafkaError(Kafka.KafkaError._STATE, 'closed'))
        self.assertIsInstance(e, Exception)
        self.assertEqual(e.args[0].code(), Kafka.KafkaError._STATE)
        self.assertEqual(str(e), 'KafkaError{code=_STATE,val=-172,str="closed"}')

    def test_topic_partition(self):
        tp = Kafka.TopicPartition('t')
        self.assertEqual((tp.topic, tp.partition, tp.offset, tp.metadata, tp.error),
                         ('t', -1, Kafka.OFFSET_INVALID, None, None))
        tp = Kafka.TopicPartition('t', 2, 5, 'meta')
        self.assertEqual((tp.partition, tp.offset, tp.metadata), (2, 5, 'meta'))
        tp.offset = 7
        tp.partition = 3
        self.assertEqual((tp.partition, tp.offset), (3, 7))
        with self.assertRaises(AttributeError):
            tp.topic = 'u'
        kw = Kafka.TopicPartition(topic='t', partition=1, offset=2, metadata='m')
        self.assertEqual(kw.metadata, 'm')
        # compared, hashed and sorted by topic and partition, as the seed does
        self.assertEqual(Kafka.TopicPartition('t', 1, 5), Kafka.TopicPartition('t', 1, 6))
        self.assertNotEqual(Kafka.TopicPartition('t', 1), Kafka.TopicPartition('t', 2))
        self.assertEqual(len({Kafka.TopicPartition('t', 1, 5), Kafka.TopicPartition('t', 1, 9)}), 1)
        self.assertEqual([(p.topic, p.partition) for p in sorted(
            [Kafka.TopicPartition('b', 0), Kafka.TopicPartition('a', 2), Kafka.TopicPartition('a', 1)])],
            [('a', 1), ('a', 2), ('b', 0)])
        self.assertEqual(str(Kafka.TopicPartition('t', 1, 5)),
                         'TopicPartition{topic=t,partition=1,offset=5,error=None}')
        for bad in ((None,), ('t', '1'), ('t', 1, 'x'), ('a\0b',)):
            with self.assertRaises((TypeError, ValueError)):
                Kafka.TopicPartition(*bad)

    def test_message_is_not_user_instantiable(self):
        with self.assertRaises(TypeError):
            Kafka.Message()


class CModuleTest(unittest.TestCase):
    def test_tag_ring(self):
        # the callbacks of messages in flight, by the tag librdkafka carries:
        # across the 31-bit wrap, out of order, growing
        from gi.overrides import _kafkaface
        _kafkaface._selftest_tags()

    def test_message_type(self):
        from gi.overrides import _kafkaface
        m = _kafkaface.message(None, 't', 1, 5, b'k', b'value', [('h', None)], 1, 1700000000000, None)
        self.assertIsInstance(m, Kafka.Message)
        self.assertEqual((m.error(), m.topic(), m.partition(), m.offset(), m.key(), m.value(),
                          m.headers(), m.timestamp(), m.latency(), len(m)),
                         (None, 't', 1, 5, b'k', b'value', [('h', None)], (1, 1700000000000),
                          None, 5))
        empty = _kafkaface.message(None, 't', -1, -1001, None, None, None, 0, -1, None)
        self.assertTrue(empty)          # true even with no value, unlike len()
        self.assertEqual(len(empty), 0)
        self.assertIsNone(empty.partition())
        self.assertIsNone(empty.offset())
        self.assertNotEqual(m, empty)
        self.assertEqual(m, m)
        with self.assertRaises(TypeError):
            import pickle
            pickle.dumps(m)


class AfterCloseTest(unittest.TestCase):
    def test_every_consumer_method_raises_runtime_error(self):
        c = Kafka.Consumer({'bootstrap.servers': NOWHERE, 'group.id': 'g'})
        c.close()
        c.close()  # a second close is fine, as with the seed
        tp = Kafka.TopicPartition('t', 0, 0)
        calls = [
            lambda: c.poll(0), lambda: c.consume(1, 0), lambda: c.subscribe(['t']),
            lambda: c.unsubscribe(), lambda: c.assign([tp]), lambda: c.unassign(),
            lambda: c.assignment(), lambda: c.incremental_assign([tp]),
            lambda: c.incremental_unassign([tp]), lambda: c.commit(),
            lambda: c.commit(offsets=[tp], asynchronous=False), lambda: c.committed([tp]),
            lambda: c.position([tp]), lambda: c.seek(tp), lambda: c.pause([tp]),
            lambda: c.resume([tp]), lambda: c.get_watermark_offsets(tp),
            lambda: c.offsets_for_times([tp]), lambda: c.store_offsets(offsets=[tp]),
            lambda: c.memberid(), lambda: c.consumer_group_metadata(),
            lambda: c.list_topics(timeout=1),
        ]
        for i, call in enumerate(calls):
            with self.assertRaises(RuntimeError, msg='call %d' % i) as cm:
                call()
            self.assertEqual(str(cm.exception), 'Consumer closed')


class LifecycleTest(unittest.TestCase):
    def test_dropped_clients_are_freed(self):
        # callbacks that refer to their client, messages still in the face's
        # buffer and in librdkafka's queue: cycles through the C module, which
        # the garbage collector must see through
        import gc
        import weakref
        finalized = []
        p = Kafka.Producer({'bootstrap.servers': NOWHERE, 'error_cb': lambda e: p})
        for i in range(1500):
            p.produce('t', b'x', on_delivery=lambda err, msg: p)
        p.weak_ref(lambda: finalized.append('producer'))
        ref = weakref.ref(p)
        c = Kafka.Consumer({'bootstrap.servers': NOWHERE, 'group.id': 'g',
                            'on_commit': lambda err, parts: c})
        c.subscribe(['t'], on_assign=lambda consumer, parts: c)
        c.weak_ref(lambda: finalized.append('consumer'))
        cref = weakref.ref(c)
        del p, c
        gc.collect()
        self.assertIsNone(ref())
        self.assertIsNone(cref())
        self.assertEqual(sorted(finalized), ['consumer', 'producer'])


class GObjectLevelTest(unittest.TestCase):
    def test_core_reaches_the_typelib_methods(self):
        p = Kafka.Producer({'bootstrap.servers': NOWHERE})
        # the typelib's shapes: milliseconds, six positional arguments
        self.assertIsInstance(p.core.poll(0), int)
        self.assertTrue(p.core.produce('t', -1, None, b'v', None, 0))
        self.assertEqual(p.core.get_out_queue_length(), 1)
        with self.assertRaises(GLib.Error):
            p.core.produce('', -1, None, b'v', None, 0)
        self.assertIn('produce_batch_full', dir(p.core))
        p.purge()

    def test_signals_stay_connectable(self):
        p = Kafka.Producer({'bootstrap.servers': NOWHERE})
        ids = [p.connect('delivery', lambda *a: None), p.connect('error', lambda *a: None)]
        self.assertTrue(all(ids))


class LoggerTest(unittest.TestCase):
    def test_lines_go_to_the_logger_only(self):
        # A child process: whatever reaches its stderr, GLib's log included.
        code = r'''
import logging, sys
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import Kafka
lines = []
class H(logging.Handler):
    def emit(self, record):
        lines.append(record.getMessage())
log = logging.getLogger('kafka-test')
log.addHandler(H())
log.setLevel(logging.DEBUG)
log.propagate = False
p = Kafka.Producer({'bootstrap.servers': '127.0.0.1:1', 'debug': 'broker',
                    'logger': log})
for _ in range(30):
    p.poll(0.1)
    if len(lines) >= 3:
        break
print(len(lines))
print(lines[0])
'''
        r = subprocess.run([sys.executable, '-c', code], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=60, env=os.environ)
        self.assertEqual(r.returncode, 0, r.stderr)
        n, first = r.stdout.splitlines()[:2]
        self.assertGreaterEqual(int(n), 3)
        # the seed's format: FACILITY [client name] text
        self.assertRegex(first, r'^[A-Z]+ \[rdkafka#producer-\d+\] ')
        # and nothing on stderr: GLib's log did not print them too
        self.assertNotIn('rdkafka#producer', r.stderr)


if __name__ == '__main__':
    logging.basicConfig()
    unittest.main(verbosity=2)
