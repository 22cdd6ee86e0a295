#!/usr/bin/python3
# The Python face (gi/overrides/Kafka.py) on librdkafka's embedded mock
# cluster: produce and delivery reports, callbacks served by poll()/flush()/
# consume() and by a GLib main loop with nobody polling, exceptions raised in
# callbacks, the consumer's calls, offsets, rebalances and transactions.
# SPDX-License-Identifier: LGPL-2.1-or-later
import logging
import threading
import time
import unittest
import uuid

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import Kafka  # noqa: E402

from kafkatest import face_loaded, run_until  # noqa: E402

TIMEOUT = 60
# The mock cluster lets a group's next member in only once the last one's
# session has timed out, even after it left (confluent-kafka-python's
# consumer likewise): tests that hand a group over use the shortest session
# the mock accepts, instead of the default 45 s, which comes near TIMEOUT.
HANDOVER = {'session.timeout.ms': 6000}


def poll_until(client, predicate, what, timeout=TIMEOUT):
    """Serves a producer's callbacks with poll() until predicate() holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError('timed out after %s s waiting for %s' % (timeout, what))
        client.poll(0.1)


def consume_n(consumer, n, timeout=TIMEOUT):
    out = []
    deadline = time.monotonic() + timeout
    while len(out) < n:
        if time.monotonic() > deadline:
            raise AssertionError('consumed %d of %d messages' % (len(out), n))
        m = consumer.poll(0.2)
        if m is None:
            continue
        if m.error() is not None:
            raise AssertionError('consumer error: %s' % m.error())
        out.append(m)
    return out


class Boom(Exception):
    pass


class MockTestCase(unittest.TestCase):
    def setUp(self):
        self.assertTrue(face_loaded(), 'the face is not loaded: check PYTHONPATH')
        self.cluster = Kafka.MockCluster.new(1)
        self.bootstrap = self.cluster.get_bootstrap_servers()
        self.topic = 'kg-face-%s' % uuid.uuid4().hex[:10]
        self.cluster.create_topic(self.topic, 2, 1)

    def tearDown(self):
        self.cluster = None

    def producer(self, **conf):
        c = {'bootstrap.servers': self.bootstrap, 'linger.ms': 5}
        c.update(conf)
        return Kafka.Producer(c)

    def consumer(self, group=None, **conf):
        c = {'bootstrap.servers': self.bootstrap, 'group.id': group or uuid.uuid4().hex,
             'auto.offset.reset': 'earliest'}
        c.update(conf)
        return Kafka.Consumer(c)


class ProduceTest(MockTestCase):
    def test_delivery_reports_carry_every_field(self):
        p = self.producer()
        reports = []
        p.produce(self.topic, 'text', key='k', partition=1, timestamp=1700000000000,
                  headers=[('a', b'1'), ('a', '2'), ('n', None)],
                  on_delivery=lambda err, msg: reports.append((err, msg)))
        p.produce(self.topic, None, callback=lambda err, msg: reports.append((err, msg)))
        p.produce(self.topic, b'\x00\xff', partition=0,
                  on_delivery=lambda err, msg: reports.append((err, msg)))
        self.assertEqual(len(p), 3)
        self.assertEqual(p.flush(TIMEOUT), 0)
        self.assertEqual(len(p), 0)
        self.assertEqual(len(reports), 3)
        by_value = {msg.value(): (err, msg) for err, msg in reports}

        err, m = by_value[b'text']
        self.assertIsNone(err)
        self.assertIsNone(m.error())
        self.assertEqual(m.topic(), self.topic)
        self.assertEqual(m.partition(), 1)
        self.assertGreaterEqual(m.offset(), 0)
        self.assertEqual(m.key(), b'k')
        self.assertEqual(m.headers(), [('a', b'1'), ('a', b'2'), ('n', None)])
        self.assertEqual(len(m), 4)
        tstype, ts = m.timestamp()
        self.assertIn(tstype, (Kafka.TIMESTAMP_CREATE_TIME, Kafka.TIMESTAMP_LOG_APPEND_TIME))
        self.assertIsInstance(m.latency(), float)
        self.assertGreaterEqual(m.latency(), 0)

        err, m = by_value[None]
        self.assertIsNone(err)
        self.assertIsNone(m.key())
        self.assertIsNone(m.headers())
        self.assertEqual(len(m), 0)
        self.assertIn(m.partition(), (0, 1))

        err, m = by_value[b'\x00\xff']
        self.assertEqual(m.partition(), 0)

    def test_messages_kept_past_their_callback_stay_readable(self):
        p = self.producer()
        kept = []
        for i in range(2000):
            p.produce(self.topic, b'v%d' % i, key=b'k%d' % i, headers={'i': b'%d' % i},
                      on_delivery=lambda err, msg: kept.append(msg))
        p.flush(TIMEOUT)
        self.assertEqual(len(kept), 2000)
        seen = set()
        for m in kept:
            i = int(m.key()[1:])
            self.assertEqual(m.value(), b'v%d' % i)
            self.assertEqual(m.headers(), [('i', b'%d' % i)])
            seen.add(i)
        self.assertEqual(len(seen), 2000)

    def test_default_callback_and_per_message_override(self):
        default, own = [], []
        p = self.producer(on_delivery=lambda err, msg: default.append(msg.value()))
        p.produce(self.topic, b'a')
        p.produce(self.topic, b'b', on_delivery=lambda err, msg: own.append(msg.value()))
        p.produce(self.topic, b'c')
        p.flush(TIMEOUT)
        self.assertEqual(sorted(default), [b'a', b'c'])
        self.assertEqual(own, [b'b'])

    def test_poll_returns_events_served(self):
        p = self.producer()
        got = []
        for i in range(10):
            p.produce(self.topic, b'%d' % i, on_delivery=lambda e, m: got.append(m))
        served = 0
        deadline = time.monotonic() + TIMEOUT
        while len(got) < 10 and time.monotonic() < deadline:
            served += p.poll(0.5)
        self.assertEqual(len(got), 10)
        self.assertGreaterEqual(served, 10)
        self.assertEqual(p.poll(0), 0)

    def test_failed_deliveries_report_the_error(self):
        p = self.producer()
        self.cluster.set_broker_down(1)
        got = []
        for i in range(5):
            p.produce(self.topic, b'%d' % i, on_delivery=lambda e, m: got.append((e, m)))
        self.assertEqual(len(p), 5)
        p.purge()
        poll_until(p, lambda: len(got) == 5, 'purged reports')
        for err, m in got:
            self.assertIsInstance(err, Kafka.KafkaError)
            self.assertEqual(err.code(), Kafka.KafkaError._PURGE_QUEUE)
            self.assertEqual(m.error(), err)
            self.assertIsNone(m.offset())
        self.assertEqual(len(p), 0)

    def test_delivery_report_only_error(self):
        got = []
        p = self.producer(**{'delivery.report.only.error': True,
                             'on_delivery': lambda e, m: got.append(e)})
        for i in range(20):
            p.produce(self.topic, b'ok')
        p.flush(TIMEOUT)
        self.assertEqual(got, [])
        self.cluster.set_broker_down(1)
        p.produce(self.topic, b'purged')
        p.purge()
        poll_until(p, lambda: got, 'the failed report')
        self.assertEqual([e.code() for e in got], [Kafka.KafkaError._PURGE_QUEUE])
        # the callbacks of the successful ones were released too
        self.assertEqual(p._buf.pending_callbacks, 0)

    def test_threads_produce_concurrently(self):
        p = self.producer()
        got = []
        lock = threading.Lock()

        def on_delivery(err, msg):
            with lock:
                got.append(msg.value())

        def work(t):
            for i in range(3000):
                p.produce(self.topic, b'%d-%d' % (t, i), on_delivery=on_delivery)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(p.flush(TIMEOUT), 0)
        self.assertEqual(len(got), 12000)
        self.assertEqual(len(set(got)), 12000)


class MainLoopTest(MockTestCase):
    def test_callbacks_come_from_the_main_loop_with_nobody_polling(self):
        p = self.producer()
        got = []
        for i in range(100):
            p.produce(self.topic, b'%d' % i, on_delivery=lambda e, m: got.append(e))
        # no poll(), no flush(): the buffer goes out from an idle source and
        # the reports come from the producer's source, on the main context
        run_until(lambda: len(got) == 100, TIMEOUT, 'callbacks from the main loop')
        self.assertEqual(got, [None] * 100)

    def test_an_exception_on_the_main_loop_is_logged_then_raised(self):
        lines = []

        class Handler(logging.Handler):
            def emit(self, record):
                lines.append(record)

        log = logging.getLogger('face-main-loop-%s' % uuid.uuid4().hex)
        log.addHandler(Handler())
        log.propagate = False
        got = []
        p = self.producer(logger=log)

        def on_delivery(err, msg):
            got.append(msg.value())
            if msg.value() == b'boom':
                raise Boom('from the main loop')

        for v in (b'a', b'boom', b'c'):
            p.produce(self.topic, v, on_delivery=on_delivery)
        run_until(lambda: len(got) == 3, TIMEOUT, 'callbacks from the main loop')
        # nobody polled: the other callbacks ran, the exception was logged at
        # once with its traceback...
        self.assertEqual(sorted(got), [b'a', b'boom', b'c'])
        errors = [r for r in lines if r.levelno == logging.ERROR]
        self.assertEqual(len(errors), 1)
        self.assertIs(errors[0].exc_info[0], Boom)
        # ...and the next call that serves callbacks raises it
        with self.assertRaises(Boom):
            p.poll(0)
        self.assertEqual(p.poll(0), 0)


class ExceptionTest(MockTestCase):
    def test_exception_propagates_from_poll_and_the_rest_waits(self):
        p = self.producer()
        got = []

        def on_delivery(err, msg):
            got.append(msg.value())
            if msg.value() == b'1':
                raise Boom()

        for i in range(5):
            p.produce(self.topic, b'%d' % i, partition=0, on_delivery=on_delivery)
        with self.assertRaises(Boom):
            poll_until(p, lambda: len(got) == 5, 'reports')
        # the rest of that batch was not served: they wait, in order, and
        # count as not yet delivered
        self.assertEqual(got, [b'0', b'1'])
        self.assertEqual(len(p), 3)
        poll_until(p, lambda: len(got) == 5, 'the remaining reports')
        self.assertEqual(got, [b'0', b'1', b'2', b'3', b'4'])
        self.assertEqual(len(p), 0)

    def test_exception_propagates_from_flush(self):
        p = self.producer()
        got = []

        def on_delivery(err, msg):
            got.append(msg.value())
            raise Boom(msg.value())

        for i in range(3):
            p.produce(self.topic, b'%d' % i, partition=1, on_delivery=on_delivery)
        for expected in (b'0', b'1', b'2'):
            with self.assertRaises(Boom) as cm:
                p.flush(TIMEOUT)
            self.assertEqual(cm.exception.args[0], expected)
        self.assertEqual(p.flush(TIMEOUT), 0)
        self.assertEqual(got, [b'0', b'1', b'2'])

    def test_error_cb_and_stats_cb(self):
        errors, stats = [], []
        p = self.producer(error_cb=errors.append, stats_cb=stats.append,
                          **{'statistics.interval.ms': 100})
        poll_until(p, lambda: len(stats) >= 2, 'stats')
        self.assertIn('"type": "producer"', stats[0].replace('":"', '": "'))
        self.cluster.set_broker_down(1)
        poll_until(p, lambda: errors, 'an error callback')
        self.assertIsInstance(errors[0], Kafka.KafkaError)
        self.assertIn(errors[0].code(), (Kafka.KafkaError._TRANSPORT,
                                         Kafka.KafkaError._ALL_BROKERS_DOWN))

    def test_exception_in_stats_cb_propagates(self):
        def stats_cb(json):
            raise Boom('stats')

        p = self.producer(stats_cb=stats_cb, **{'statistics.interval.ms': 50})
        with self.assertRaises(Boom):
            poll_until(p, lambda: False, 'the exception', timeout=30)


class ConsumerTest(MockTestCase):
    def produce(self, n, partition=0, **kw):
        # one record batch (flush() sends it at once): the mock cluster
        # answers a fetch with one batch, and the tests of what the face
        # takes but does not hand out need a first take of many messages
        p = self.producer(**{'linger.ms': 1000})
        for i in range(n):
            p.produce(self.topic, b'v%d' % i, key=b'k%d' % i, partition=partition,
                      headers={'i': b'%d' % i}, timestamp=1700000000000 + i, **kw)
        self.assertEqual(p.flush(TIMEOUT), 0)

    def test_subscribe_poll_and_fields(self):
        self.produce(20)
        c = self.consumer()
        assigned = []
        c.subscribe([self.topic], on_assign=lambda cons, parts: assigned.append((cons, parts)))
        msgs = consume_n(c, 20)
        self.assertEqual(len(assigned), 1)
        self.assertIs(assigned[0][0], c)
        self.assertEqual(sorted((tp.topic, tp.partition) for tp in assigned[0][1]),
                         [(self.topic, 0), (self.topic, 1)])
        for i, m in enumerate(msgs):
            self.assertIsInstance(m, Kafka.Message)
            self.assertIsNone(m.error())
            self.assertEqual((m.topic(), m.partition(), m.offset()), (self.topic, 0, i))
            self.assertEqual(m.key(), b'k%d' % i)
            self.assertEqual(m.value(), b'v%d' % i)
            self.assertEqual(m.headers(), [('i', b'%d' % i)])
            self.assertEqual(m.timestamp(), (Kafka.TIMESTAMP_CREATE_TIME, 1700000000000 + i))
            self.assertIsNone(m.latency())
            self.assertEqual(len(m), len(b'v%d' % i))
        self.assertEqual(c.assignment(), [Kafka.TopicPartition(self.topic, 0),
                                          Kafka.TopicPartition(self.topic, 1)])
        self.assertTrue(c.memberid())
        c.close()

    def test_consume_lists(self):
        self.produce(50)
        c = self.consumer()
        c.assign([Kafka.TopicPartition(self.topic, 0, Kafka.OFFSET_BEGINNING)])
        got = []
        deadline = time.monotonic() + TIMEOUT
        while len(got) < 50 and time.monotonic() < deadline:
            batch = c.consume(num_messages=7, timeout=0.5)
            self.assertLessEqual(len(batch), 7)
            got += batch
        self.assertEqual([m.offset() for m in got], list(range(50)))
        self.assertEqual(c.consume(10, 0.1), [])
        with self.assertRaises(ValueError):
            c.consume(1000001)
        c.close()

    def test_message_setters(self):
        self.produce(1)
        c = self.consumer()
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        m = consume_n(c, 1)[0]
        m.set_value(b'new')
        m.set_key('newkey')
        m.set_headers([('x', b'y')])
        self.assertEqual((m.value(), m.key(), m.headers()), (b'new', 'newkey', [('x', b'y')]))
        self.assertEqual(m.offset(), 0)
        c.close()

    def test_partition_eof_events(self):
        self.produce(3)
        c = self.consumer(**{'enable.partition.eof': True})
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        msgs = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            m = c.poll(0.2)
            if m is not None:
                msgs.append(m)
                if m.error() is not None:
                    break
        self.assertEqual([m.offset() for m in msgs[:3]], [0, 1, 2])
        eof = msgs[-1]
        self.assertEqual(eof.error().code(), Kafka.KafkaError._PARTITION_EOF)
        self.assertEqual((eof.topic(), eof.partition(), eof.offset()), (self.topic, 0, 3))
        self.assertIsInstance(eof.value(), bytes)  # the event's text, as the seed gives it
        # an event has no offset of its own to commit
        with self.assertRaises(Kafka.KafkaException) as cm:
            c.commit(eof, asynchronous=False)
        self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError._INVALID_ARG)
        c.close()

    def test_commits_committed_and_on_commit(self):
        self.produce(10)
        commits = []
        group = uuid.uuid4().hex
        c = self.consumer(group, **{'enable.auto.commit': False,
                                    'on_commit': lambda err, parts: commits.append((err, parts))})
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        msgs = consume_n(c, 10)
        done = c.commit(message=msgs[3], asynchronous=False)
        self.assertEqual([(tp.topic, tp.partition, tp.offset) for tp in done],
                         [(self.topic, 0, 4)])
        tp0 = Kafka.TopicPartition(self.topic, 0)
        self.assertEqual(c.committed([tp0], timeout=10)[0].offset, 4)
        c.commit(offsets=[Kafka.TopicPartition(self.topic, 0, 6, 'meta')], asynchronous=False)
        got = c.committed([tp0], timeout=10)[0]
        self.assertEqual((got.offset, got.metadata), (6, 'meta'))
        # without arguments: the position of what was handed out
        self.assertIsNone(c.commit())
        poll_until(c, lambda: commits, 'on_commit')
        err, parts = commits[0]
        self.assertIsNone(err)
        self.assertIn((self.topic, 0, 10), [(tp.topic, tp.partition, tp.offset) for tp in parts])
        self.assertEqual(c.committed([tp0], timeout=10)[0].offset, 10)
        with self.assertRaises(ValueError):
            c.commit(message=msgs[0], offsets=[tp0])
        c.close()

    def test_store_offsets(self):
        self.produce(5)
        c = self.consumer(**{'enable.auto.offset.store': False, 'enable.auto.commit': False})
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        msgs = consume_n(c, 5)
        c.store_offsets(msgs[1])
        c.commit(asynchronous=False)
        tp0 = Kafka.TopicPartition(self.topic, 0)
        self.assertEqual(c.committed([tp0], timeout=10)[0].offset, 2)
        c.store_offsets(offsets=[Kafka.TopicPartition(self.topic, 0, 4)])
        c.commit(asynchronous=False)
        self.assertEqual(c.committed([tp0], timeout=10)[0].offset, 4)
        c.close()
        # with the automatic store on, storing by hand is refused, as by the seed
        c = self.consumer()
        with self.assertRaises(Kafka.KafkaException) as cm:
            c.store_offsets(offsets=[tp0])
        self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError._INVALID_ARG)
        c.close()

    def test_position_counts_what_was_handed_out(self):
        self.produce(100)
        c = self.consumer()
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        # the face takes from librdkafka what is there, which can be more
        # than it hands out; the position counts only what was handed out.
        # How much the first takes find depends on how far the fetch got (on
        # a loaded machine, the first take may find one message): each step
        # is checked, and the face must have held more than it handed out at
        # least once.
        held_more = 0
        for handed in range(1, 11):
            consume_n(c, 1)
            held_more = max(held_more, len(c._cache) - c._pos)
            self.assertEqual(c.position([Kafka.TopicPartition(self.topic, 0)])[0].offset, handed)
        self.assertGreater(held_more, 0)
        c.close()

    def test_seek_pause_resume(self):
        self.produce(30)
        c = self.consumer()
        tp = Kafka.TopicPartition(self.topic, 0, 0)
        c.assign([tp])
        self.assertEqual([m.offset() for m in consume_n(c, 5)], [0, 1, 2, 3, 4])
        c.seek(Kafka.TopicPartition(self.topic, 0, 20))
        self.assertEqual([m.offset() for m in consume_n(c, 3)], [20, 21, 22])
        c.pause([tp])
        # paused: nothing comes, not even what the face had taken already
        self.assertIsNone(c.poll(0.5))
        c.resume([tp])
        self.assertEqual([m.offset() for m in consume_n(c, 7)], list(range(23, 30)))
        c.close()

    def test_watermarks_and_list_topics(self):
        self.produce(10)
        c = self.consumer()
        tp = Kafka.TopicPartition(self.topic, 0)
        self.assertEqual(c.get_watermark_offsets(tp, timeout=10), (0, 10))
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        consume_n(c, 10)
        low, high = c.get_watermark_offsets(tp, cached=True)
        self.assertEqual(high, 10)
        # offsets_for_times: the mock cluster answers -1; see test_face_broker.py
        md = c.list_topics(self.topic, timeout=10)
        self.assertEqual(sorted(md.topics[self.topic].partitions), [0, 1])
        self.assertEqual(md.topics[self.topic].partitions[0].leader, 1)
        self.assertEqual(list(md.brokers), [1])
        self.assertIsNone(md.topics[self.topic].error)
        c.close()

    def test_exception_in_on_assign_propagates_from_poll(self):
        self.produce(3)
        c = self.consumer()

        def on_assign(consumer, partitions):
            raise Boom('on_assign')

        c.subscribe([self.topic], on_assign=on_assign)
        with self.assertRaises(Boom):
            consume_n(c, 3)
        # the assignment went ahead: the messages come
        self.assertEqual(len(consume_n(c, 3)), 3)
        c.close()

    def test_on_assign_chooses_offsets(self):
        self.produce(10)
        c = self.consumer()

        def on_assign(consumer, partitions):
            for tp in partitions:
                tp.offset = 7 if tp.partition == 0 else Kafka.OFFSET_END

        c.subscribe([self.topic], on_assign=on_assign)
        self.assertEqual([m.offset() for m in consume_n(c, 3)], [7, 8, 9])
        c.close()

    def test_incremental_assign_by_hand(self):
        self.produce(5, partition=0)
        self.produce(5, partition=1)
        c = self.consumer()
        c.incremental_assign([Kafka.TopicPartition(self.topic, 0, 0)])
        self.assertEqual({m.partition() for m in consume_n(c, 5)}, {0})
        c.incremental_assign([Kafka.TopicPartition(self.topic, 1, 0)])
        self.assertEqual({m.partition() for m in consume_n(c, 5)}, {1})
        c.incremental_unassign([Kafka.TopicPartition(self.topic, 0)])
        self.assertEqual([tp.partition for tp in c.assignment()], [1])
        c.unassign()
        self.assertEqual(c.assignment(), [])
        c.close()

    def test_unsubscribe_revokes(self):
        self.produce(5)
        revoked = []
        c = self.consumer()
        c.subscribe([self.topic], on_revoke=lambda consumer, parts: revoked.append(parts))
        consume_n(c, 5)
        c.unsubscribe()
        deadline = time.monotonic() + TIMEOUT
        while not revoked:
            self.assertLess(time.monotonic(), deadline, 'no revoke after unsubscribe')
            c.poll(0.1)
        self.assertEqual(sorted(tp.partition for tp in revoked[0]), [0, 1])
        self.assertEqual(c.assignment(), [])
        c.close()

    def test_handed_out_offsets_only_are_committed_on_close(self):
        self.produce(500)
        group = uuid.uuid4().hex
        c = self.consumer(group, **HANDOVER)
        c.subscribe([self.topic])
        first = consume_n(c, 1)[0]
        self.assertEqual(first.offset(), 0)
        # one message handed out of many taken
        self.assertGreater(len(c._cache), 100)
        c.close()
        c = self.consumer(group, **HANDOVER)
        c.subscribe([self.topic])
        self.assertEqual(consume_n(c, 1)[0].offset(), 1)
        c.close()


class OnMessageTest(MockTestCase):
    """kafka-glib's own: on_message, messages from the main loop."""

    def produce(self, n):
        p = self.producer()
        for i in range(n):
            p.produce(self.topic, b'%d' % i, partition=0)
        self.assertEqual(p.flush(TIMEOUT), 0)

    def test_messages_from_the_main_loop(self):
        self.produce(50)
        group = uuid.uuid4().hex
        got, assigned = [], []
        c = self.consumer(group, on_message=lambda consumer, m: got.append((consumer, m)))
        c.subscribe([self.topic], on_assign=lambda consumer, parts: assigned.append(parts))
        run_until(lambda: len(got) == 50, TIMEOUT, 'messages from the main loop')
        self.assertEqual(len(assigned), 1)
        self.assertTrue(all(consumer is c for consumer, m in got))
        self.assertEqual([m.value() for _, m in got], [b'%d' % i for i in range(50)])
        c.close()
        # closing committed what was handed out
        c = self.consumer(group)
        self.assertEqual(c.committed([Kafka.TopicPartition(self.topic, 0)], timeout=10)[0].offset, 50)
        c.close()

    def test_closing_from_the_callback_commits_what_was_handed_out(self):
        self.produce(300)
        group = uuid.uuid4().hex
        got = []

        def on_message(consumer, m):
            got.append(m.offset())
            if len(got) == 3:
                consumer.close()

        c = self.consumer(group, on_message=on_message, **HANDOVER)
        c.subscribe([self.topic])
        run_until(lambda: len(got) >= 3, TIMEOUT, 'three messages')
        self.assertEqual(got, [0, 1, 2])
        c = self.consumer(group, **HANDOVER)
        c.subscribe([self.topic])
        self.assertEqual(consume_n(c, 1)[0].offset(), 3)
        c.close()

    def test_an_exception_in_on_message_is_logged_then_raised(self):
        self.produce(5)

        def on_message(consumer, m):
            if m.offset() == 2:
                raise Boom('on_message')

        seen = []
        c = self.consumer(on_message=lambda consumer, m: (seen.append(m), on_message(consumer, m)))
        c.subscribe([self.topic])
        run_until(lambda: len(seen) == 5, TIMEOUT, 'the messages')
        with self.assertRaises(Boom):
            c.poll(0)
        c.close()


class TransactionTest(MockTestCase):
    def test_commit_and_abort(self):
        p = self.producer(**{'transactional.id': uuid.uuid4().hex})
        with self.assertRaises(Kafka.KafkaException) as cm:
            p.produce(self.topic, b'outside')
        self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError._STATE)
        p.init_transactions(30)
        got = []
        p.begin_transaction()
        for i in range(5):
            p.produce(self.topic, b'c%d' % i, partition=0, on_delivery=lambda e, m: got.append(e))
        p.commit_transaction(30)
        self.assertEqual(got, [None] * 5)
        p.begin_transaction()
        p.produce(self.topic, b'committed-first', partition=0,
                  on_delivery=lambda e, m: got.append(e))
        p.flush(30)
        for i in range(3):
            p.produce(self.topic, b'a%d' % i, partition=0, on_delivery=lambda e, m: got.append(e))
        p.abort_transaction(30)
        self.assertEqual(len(got), 9)
        self.assertTrue(all(e.code() in (Kafka.KafkaError._PURGE_QUEUE, Kafka.KafkaError._PURGE_INFLIGHT)
                            for e in got[6:] if e is not None))
        with self.assertRaises(Kafka.KafkaException):
            p.produce(self.topic, b'outside again')

        c = self.consumer(**{'isolation.level': 'read_committed'})
        c.assign([Kafka.TopicPartition(self.topic, 0, 0)])
        values = [m.value() for m in consume_n(c, 5)]
        self.assertEqual(values, [b'c%d' % i for i in range(5)])
        c.close()


if __name__ == '__main__':
    unittest.main(verbosity=2)
