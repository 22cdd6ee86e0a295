#!/usr/bin/python3
# The Python face (gi/overrides/Kafka.py) against the real broker
# (KAFKA_BOOTSTRAP_SERVERS): interoperability both ways with
# confluent-kafka-python, the offsets committed after taking one message of a
# large batch (on close and on a rebalance), cooperative rebalances,
# transactions, and the migration example run unchanged on both libraries.
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import subprocess
import sys
import tempfile
import time
import unittest

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import Kafka  # noqa: E402

import confluent_kafka  # noqa: E402

from kafkatest import bootstrap, face_loaded, run_until, unique_topic  # noqa: E402

TIMEOUT = 60
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, '..', '..', 'examples', 'python', 'migrate.py')


def consume_n(consumer, n, timeout=TIMEOUT):
    """n messages (no events) with poll(), from either library."""
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


def records(n):
    """(key, value, headers, timestamp) of message i, for both directions."""
    return [(b'key-%d' % i if i % 3 else None,
             (b'value-%d-' % i) + bytes(range(256)) if i % 5 else None,
             [('trace', b'%d' % i), ('trace', b'\x00\xff'), ('null', None)] if i % 2 else None,
             1700000000000 + i)
            for i in range(n)]


def fields(m):
    return (m.key(), m.value(), m.headers() or None, m.timestamp())


class BrokerTestCase(unittest.TestCase):
    def setUp(self):
        self.assertTrue(face_loaded(), 'the face is not loaded: check PYTHONPATH')
        self.bootstrap = bootstrap()

    def conf(self, **extra):
        c = {'bootstrap.servers': self.bootstrap}
        c.update(extra)
        return c


class InteropTest(BrokerTestCase):
    def check(self, got, n):
        want = records(n)
        self.assertEqual(len(got), n)
        for i, m in enumerate(got):
            key, value, headers, ts = want[i]
            self.assertEqual(m.offset(), i)
            self.assertEqual(fields(m), (key, value, headers, (Kafka.TIMESTAMP_CREATE_TIME, ts)),
                             'message %d' % i)

    def test_confluent_kafka_writes_the_face_reads(self):
        topic = unique_topic('face-in')
        n = 200
        p = confluent_kafka.Producer(self.conf())
        for key, value, headers, ts in records(n):
            p.produce(topic, value, key, partition=0, headers=headers, timestamp=ts)
        self.assertEqual(p.flush(TIMEOUT), 0)

        c = Kafka.Consumer(self.conf(**{'group.id': unique_topic('g')}))
        c.assign([Kafka.TopicPartition(topic, 0, Kafka.OFFSET_BEGINNING)])
        self.check(consume_n(c, n), n)
        c.close()

    def test_the_face_writes_confluent_kafka_reads(self):
        topic = unique_topic('face-out')
        n = 200
        p = Kafka.Producer(self.conf())
        reports = []
        for key, value, headers, ts in records(n):
            p.produce(topic, value, key, partition=0, headers=headers, timestamp=ts,
                      on_delivery=lambda err, msg: reports.append((err, msg.offset())))
        self.assertEqual(p.flush(TIMEOUT), 0)
        self.assertEqual(sorted(reports), [(None, i) for i in range(n)])

        c = confluent_kafka.Consumer(self.conf(**{'group.id': unique_topic('g'),
                                                  'enable.auto.commit': False}))
        c.assign([confluent_kafka.TopicPartition(topic, 0, confluent_kafka.OFFSET_BEGINNING)])
        self.check(consume_n(c, n), n)
        c.close()


class OffsetsTest(BrokerTestCase):
    """librdkafka stores offsets when it hands a batch out: the face, which
    takes a batch and hands messages out one by one, must store (and so
    commit) only those it handed out."""

    def fill(self, topic, n):
        p = Kafka.Producer(self.conf(**{'linger.ms': 50}))
        for i in range(n):
            p.produce(topic, b'%d' % i, partition=0)
        self.assertEqual(p.flush(TIMEOUT), 0)

    def test_poll_one_close_resume(self):
        topic, group = unique_topic('face-off'), unique_topic('g')
        self.fill(topic, 5000)
        c = Kafka.Consumer(self.conf(**{'group.id': group, 'auto.offset.reset': 'earliest'}))
        c.subscribe([topic])
        first = consume_n(c, 1)[0]
        self.assertEqual(first.offset(), 0)
        # the face took a large batch from librdkafka and handed out one
        self.assertGreater(len(c._cache), 100)
        c.close()
        c = Kafka.Consumer(self.conf(**{'group.id': group, 'auto.offset.reset': 'earliest'}))
        c.subscribe([topic])
        self.assertEqual(consume_n(c, 1)[0].offset(), 1)
        c.close()
        # and the group's committed offset says the same to another client
        ck = confluent_kafka.Consumer(self.conf(**{'group.id': group}))
        committed = ck.committed([confluent_kafka.TopicPartition(topic, 0)], timeout=10)
        self.assertEqual(committed[0].offset, 2)
        ck.close()

    def test_consume_some_close_resume(self):
        topic, group = unique_topic('face-off'), unique_topic('g')
        self.fill(topic, 5000)
        c = Kafka.Consumer(self.conf(**{'group.id': group, 'auto.offset.reset': 'earliest'}))
        c.subscribe([topic])
        got = []
        deadline = time.monotonic() + TIMEOUT
        while not got and time.monotonic() < deadline:
            got = c.consume(5, 0.5)
        self.assertEqual([m.offset() for m in got], [0, 1, 2, 3, 4])
        c.close()
        c = Kafka.Consumer(self.conf(**{'group.id': group, 'auto.offset.reset': 'earliest'}))
        c.assign([Kafka.TopicPartition(topic, 0, Kafka.OFFSET_STORED)])
        self.assertEqual(consume_n(c, 1)[0].offset(), 5)
        c.close()

    def test_a_rebalance_commits_what_was_handed_out(self):
        topic, group = unique_topic('face-off'), unique_topic('g')
        self.fill(topic, 5000)
        conf = self.conf(**{'group.id': group, 'auto.offset.reset': 'earliest'})
        a = Kafka.Consumer(conf)
        a.subscribe([topic])
        self.assertEqual(consume_n(a, 1)[0].offset(), 0)
        b = Kafka.Consumer(conf)
        firsts = {}

        def watch(name, consumer):
            m = consumer.poll(0.1)
            if m is not None and name not in firsts:
                firsts[name] = m.offset()

        b.subscribe([topic])
        deadline = time.monotonic() + TIMEOUT
        # one partition: after the rebalance one of the two reads it, from
        # right after the message a handed out, whichever it is
        while not firsts and time.monotonic() < deadline:
            watch('a', a)
            watch('b', b)
        self.assertEqual(list(firsts.values()), [1], firsts)
        a.close()
        b.close()


class RebalanceTest(BrokerTestCase):
    def test_cooperative_sticky(self):
        topic, group = unique_topic('face-coop'), unique_topic('g')
        p = Kafka.Producer(self.conf())
        for part in (0, 1, 2, 3):
            for i in range(20):
                p.produce(topic, b'x', partition=part)
        self.assertEqual(p.flush(TIMEOUT), 0)
        events = []

        def record(name, what):
            return lambda consumer, parts: events.append(
                (name, what, sorted(tp.partition for tp in parts)))

        conf = self.conf(**{'group.id': group, 'auto.offset.reset': 'earliest',
                            'partition.assignment.strategy': 'cooperative-sticky'})
        a = Kafka.Consumer(conf)
        a.subscribe([topic], on_assign=record('a', 'assign'), on_revoke=record('a', 'revoke'))
        consume_n(a, 10)
        b = Kafka.Consumer(conf)
        b.subscribe([topic], on_assign=record('b', 'assign'), on_revoke=record('b', 'revoke'))
        deadline = time.monotonic() + TIMEOUT
        while not any(e[:2] == ('b', 'assign') and e[2] for e in events):
            self.assertLess(time.monotonic(), deadline, 'b got no partition: %r' % events)
            a.poll(0.1)
            b.poll(0.1)
        # incremental: a gave up two partitions and kept two, b got those two
        revoked = [e[2] for e in events if e[:2] == ('a', 'revoke')]
        self.assertEqual([len(r) for r in revoked], [2])
        self.assertEqual({tp.partition for tp in a.assignment()} |
                         {tp.partition for tp in b.assignment()}, {0, 1, 2, 3})
        a_now = {tp.partition for tp in a.assignment()}
        self.assertEqual(a_now & set(revoked[0]), set())
        for m in a.consume(200, 1.0):
            self.assertIn(m.partition(), a_now)
        b.close()
        a.close()


class LostTest(BrokerTestCase):
    def test_on_lost_and_its_fallback_to_on_revoke(self):
        topic = unique_topic('face-lost')
        p = Kafka.Producer(self.conf())
        for i in range(5):
            p.produce(topic, b'x', partition=0)
        self.assertEqual(p.flush(TIMEOUT), 0)
        for own_on_lost in (True, False):
            lost, revoked = [], []
            # the broker's smallest session timeout (group.min.session.timeout.ms)
            c = Kafka.Consumer(self.conf(**{'group.id': unique_topic('g'),
                                            'auto.offset.reset': 'earliest',
                                            'session.timeout.ms': 6000,
                                            'max.poll.interval.ms': 6000}))
            c.subscribe([topic], on_revoke=lambda consumer, parts: revoked.append(parts),
                        on_lost=(lambda consumer, parts: lost.append(parts)) if own_on_lost else None)
            consume_n(c, 5)
            member = c.memberid()
            self.assertTrue(member)
            # nothing polls: past max.poll.interval.ms librdkafka leaves the
            # group by itself (memberid() is no poll)
            deadline = time.monotonic() + TIMEOUT
            while c.memberid() == member:
                self.assertLess(time.monotonic(), deadline, 'the consumer never left its group')
                time.sleep(0.1)
            while not (lost if own_on_lost else revoked):
                self.assertLess(time.monotonic(), deadline, 'no lost partitions served')
                c.poll(0.1)
            got = lost[0] if own_on_lost else revoked[0]
            self.assertIn(0, [tp.partition for tp in got])
            if own_on_lost:
                self.assertEqual(revoked, [])
            c.close()


class TransactionTest(BrokerTestCase):
    def test_consume_transform_produce(self):
        src, dst, group = unique_topic('face-src'), unique_topic('face-dst'), unique_topic('g')
        p = Kafka.Producer(self.conf())
        for i in range(10):
            p.produce(src, b'%d' % i, partition=0)
        self.assertEqual(p.flush(TIMEOUT), 0)

        c = Kafka.Consumer(self.conf(**{'group.id': group, 'enable.auto.commit': False,
                                        'auto.offset.reset': 'earliest'}))
        c.assign([Kafka.TopicPartition(src, 0, Kafka.OFFSET_BEGINNING)])
        t = Kafka.Producer(self.conf(**{'transactional.id': unique_topic('txn')}))
        t.init_transactions(30)

        # the first half committed with its offsets, the second aborted
        msgs = consume_n(c, 10)
        t.begin_transaction()
        for m in msgs[:5]:
            t.produce(dst, m.value() * 2, partition=0)
        t.send_offsets_to_transaction([Kafka.TopicPartition(src, 0, msgs[4].offset() + 1)],
                                      c.consumer_group_metadata(), 30)
        t.commit_transaction(30)
        t.begin_transaction()
        for m in msgs[5:]:
            t.produce(dst, m.value() * 2, partition=0)
        t.flush(30)
        t.send_offsets_to_transaction([Kafka.TopicPartition(src, 0, 10)],
                                      c.consumer_group_metadata(), 30)
        t.abort_transaction(30)

        self.assertEqual(c.committed([Kafka.TopicPartition(src, 0)], timeout=10)[0].offset, 5)
        r = Kafka.Consumer(self.conf(**{'group.id': unique_topic('g'),
                                        'isolation.level': 'read_committed',
                                        'enable.partition.eof': True}))
        r.assign([Kafka.TopicPartition(dst, 0, Kafka.OFFSET_BEGINNING)])
        values = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            m = r.poll(0.2)
            if m is None:
                continue
            if m.error() is not None:
                self.assertEqual(m.error().code(), Kafka.KafkaError._PARTITION_EOF)
                break
            values.append(m.value())
        self.assertEqual(values, [b'%d' % i * 2 for i in range(5)])
        c.close()
        r.close()

    def test_offsets_for_times(self):
        topic = unique_topic('face-times')
        p = Kafka.Producer(self.conf())
        for i in range(10):
            p.produce(topic, b'%d' % i, partition=0, timestamp=1700000000000 + 1000 * i)
        self.assertEqual(p.flush(TIMEOUT), 0)
        c = Kafka.Consumer(self.conf(**{'group.id': unique_topic('g')}))
        found = c.offsets_for_times([Kafka.TopicPartition(topic, 0, 1700000004500)], timeout=10)
        self.assertEqual((found[0].topic, found[0].partition, found[0].offset), (topic, 0, 5))
        self.assertIsNone(found[0].error)
        c.close()


class MainLoopConsumerTest(BrokerTestCase):
    def test_on_commit_from_the_main_loop(self):
        topic = unique_topic('face-ml')
        p = Kafka.Producer(self.conf())
        p.produce(topic, b'x', partition=0)
        self.assertEqual(p.flush(TIMEOUT), 0)
        commits = []
        c = Kafka.Consumer(self.conf(**{'group.id': unique_topic('g'), 'enable.auto.commit': False,
                                        'on_commit': lambda err, parts: commits.append((err, parts))}))
        c.assign([Kafka.TopicPartition(topic, 0, 0)])
        m = consume_n(c, 1)[0]
        c.commit(m)
        # nobody polls: the result comes from the consumer's source
        run_until(lambda: commits, TIMEOUT, 'on_commit from the main loop')
        err, parts = commits[0]
        self.assertIsNone(err)
        self.assertEqual([(tp.topic, tp.partition, tp.offset) for tp in parts], [(topic, 0, 1)])
        c.close()


class ThrottleTest(BrokerTestCase):
    def set_quota(self, client_id, byte_rate):
        """A producer byte-rate quota for one client.id, with Kafka's own
        tool (the broker's jars, as tests/broker/kafka-broker.sh keeps them)."""
        cache = os.environ.get('KAFKA_GLIB_BROKER_CACHE',
                               os.path.join(os.environ.get('HOME', '/root'),
                                            '.cache', 'kafka-glib', 'kafka-3.9'))
        r = subprocess.run(['java', '-Xmx256m', '-XX:TieredStopAtLevel=1', '-cp',
                            os.path.join(cache, '*'), 'kafka.admin.ConfigCommand',
                            '--bootstrap-server', self.bootstrap, '--alter', '--add-config',
                            'producer_byte_rate=%d' % byte_rate, '--entity-type', 'clients',
                            '--entity-name', client_id],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_throttle_cb(self):
        client_id = unique_topic('throttled')
        self.set_quota(client_id, 10240)
        events = []
        p = Kafka.Producer(self.conf(**{'client.id': client_id, 'linger.ms': 5,
                                        'throttle_cb': events.append}))
        topic = unique_topic('face-throttle')
        value = b'x' * 10000
        deadline = time.monotonic() + TIMEOUT
        # well over 10 KB/s: the broker delays its answers and says so
        while not any(e.throttle_time > 0 for e in events):
            self.assertLess(time.monotonic(), deadline, 'no throttle event')
            for _ in range(20):
                p.produce(topic, value)
            p.poll(0.5)
        e = next(e for e in events if e.throttle_time > 0)
        self.assertIsInstance(e, Kafka.ThrottleEvent)
        self.assertIsInstance(e.throttle_time, float)
        self.assertGreaterEqual(e.broker_id, 0)
        self.assertIn(':', e.broker_name)
        p.purge()
        p.flush(TIMEOUT)


class MigrationTest(BrokerTestCase):
    """examples/python/migrate.py, a program written for confluent-kafka-python,
    runs on the face with only its import changed, and says the same."""

    def run_example(self, path, topic):
        r = subprocess.run([sys.executable, path, '--bootstrap-servers', self.bootstrap,
                            '--topic', topic, '--count', '300'],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=240, env=os.environ)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return r.stdout

    def test_same_program_both_libraries(self):
        with open(EXAMPLE) as f:
            source = f.read()
        face_import = ("import gi\ngi.require_version('Kafka', '1.0')\n"
                       "from gi.repository.Kafka import ")
        self.assertEqual(source.count(face_import), 1)
        seed = source.replace(face_import, 'from confluent_kafka import ')
        self.assertNotEqual(seed, source)
        with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
            f.write(seed)
        try:
            out_seed = self.run_example(f.name, unique_topic('migrate-ck'))
        finally:
            os.unlink(f.name)
        out_face = self.run_example(EXAMPLE, unique_topic('migrate-face'))
        self.assertIn('300 delivered, 0 failed, 0 left', out_face)
        self.assertIn('consumed 300, last offset committed for its partition: True', out_face)
        self.assertIn('committed 300 in all', out_face)
        self.assertEqual(out_face, out_seed)


if __name__ == '__main__':
    unittest.main(verbosity=2)
