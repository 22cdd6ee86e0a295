#!/usr/bin/python3
# The Python face's AdminClient (gi/overrides/Kafka.py), the seed's shape:
# its types and enums, each call on the real broker (KAFKA_BOOTSTRAP_SERVERS)
# with a success and a per-item failure, Futures completed with and without a
# running GLib main loop, cancelled, timed out; interop with
# confluent-kafka-python's AdminClient, and examples/python/admin.py, a seed
# program, running unchanged on both libraries but for its import.
# SPDX-License-Identifier: LGPL-2.1-or-later
import concurrent.futures
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402
from gi.module import get_introspection_module  # noqa: E402

import confluent_kafka  # noqa: E402
import confluent_kafka.admin  # noqa: E402

from kafkatest import bootstrap, face_loaded, unique_topic as unique  # noqa: E402

TIMEOUT = 60
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, '..', '..', 'examples', 'python', 'admin.py')
_K = get_introspection_module('Kafka')


def until(call, ok, what, timeout_s=60):
    """call() again until ok(result): the broker learns of new topics, ACLs
    and configuration values from its metadata log a moment after the
    controller answered."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = call()
        if ok(result):
            return result
        if time.monotonic() > deadline:
            raise AssertionError('%s: still %r after %ss' % (what, result, timeout_s))
        time.sleep(0.1)


def produce(topic, partitions):
    """partitions[i] messages into partition i, delivered; the producer is
    destroyed before the test deletes the topic (librdkafka 2.0.2 may hang
    destroying a client whose topic was deleted meanwhile)."""
    p = Kafka.Producer({'bootstrap.servers': bootstrap()})
    for partition, n in enumerate(partitions):
        for _ in range(n):
            p.produce(topic, b'v', partition=partition)
    left = p.flush(TIMEOUT)
    del p
    gc.collect()  # the face's producer holds a cycle (its buffer)
    assert left == 0, '%d messages not delivered' % left


class FaceTestCase(unittest.TestCase):
    def setUp(self):
        self.assertTrue(face_loaded(), 'the face is not loaded: check PYTHONPATH')

    def assertFails(self, future, code, says=None):
        """The Future's result() raises KafkaException(KafkaError(code))."""
        with self.assertRaises(Kafka.KafkaException) as cm:
            future.result(TIMEOUT)
        err = cm.exception.args[0]
        self.assertIsInstance(err, Kafka.KafkaError)
        self.assertEqual(err.code(), code, str(err))
        if says is not None:
            self.assertIn(says, err.str())
        return err


class TypesTest(FaceTestCase):
    """The seed's types and enums, with no broker."""

    def test_enums_are_the_typelibs(self):
        for name, gi_name in (('ResourceType', 'ResourceType'),
                              ('ResourcePatternType', 'ResourcePatternType'),
                              ('AclOperation', 'AclOperation'),
                              ('AclPermissionType', 'AclPermissionType'),
                              ('ConfigSource', 'ConfigSource'),
                              ('ConsumerGroupState', 'ConsumerGroupState')):
            face = getattr(Kafka, name)
            core = getattr(_K, gi_name)
            core_values = {int(v) for v in core.__enum_values__.values()}
            self.assertEqual({m.value for m in face}, core_values, name)
        # the seed's names where they differ from librdkafka's
        self.assertEqual(Kafka.ConsumerGroupState.PREPARING_REBALANCING.value,
                         int(_K.ConsumerGroupState.PREPARING_REBALANCE))
        self.assertIs(Kafka.ConsumerGroupState.UNKOWN, Kafka.ConsumerGroupState.UNKNOWN)
        self.assertIs(Kafka.ConfigResource.Type, Kafka.ResourceType)
        self.assertLess(Kafka.AclOperation.READ, Kafka.AclOperation.WRITE)
        # the seed's names and values, for what its 1.x module has
        seed = confluent_kafka.admin
        for m in seed.ConfigSource:
            self.assertEqual(Kafka.ConfigSource[m.name].value, m.value)
        for m in seed.ConfigResource.Type:
            self.assertEqual(Kafka.ResourceType[m.name].value, m.value)

    def test_new_topic_and_partitions(self):
        t = Kafka.NewTopic('t', 3, 1, config={'retention.ms': 1000, 'compression.type': 'lz4'})
        self.assertEqual((t.topic, t.num_partitions, t.replication_factor, t.replica_assignment),
                         ('t', 3, 1, None))
        core = t._to_core()
        self.assertEqual(core.get_config()['retention.ms'], '1000')
        t = Kafka.NewTopic('a', num_partitions=2, replica_assignment=[[1, 2], [2, 1]])
        self.assertEqual(list(t._to_core().get_replica_assignment(1)), [2, 1])
        self.assertEqual(Kafka.NewTopic('t'), Kafka.NewTopic('t', 5))
        self.assertEqual(Kafka.NewTopic('x').num_partitions, -1)
        with self.assertRaises(TypeError):
            Kafka.NewTopic(b't', 1, 1)
        with self.assertRaises(ValueError):
            Kafka.NewTopic('t\0junk', 1, 1)
        with self.assertRaises(TypeError):
            Kafka.NewTopic('t', '3', 1)
        with self.assertRaises(TypeError):
            Kafka.NewTopic('t', 1, replica_assignment=[1, 2])
        p = Kafka.NewPartitions('t', 5, replica_assignment=[[1], [1]])
        self.assertEqual((p.topic, p.new_total_count), ('t', 5))
        self.assertEqual(list(p._to_core().get_replica_assignment(0)), [1])

    def test_config_resource(self):
        a = Kafka.ConfigResource('topic', 'x')
        b = Kafka.ConfigResource(Kafka.ResourceType.TOPIC, 'x', set_config={'k': 'v'})
        c = Kafka.ConfigResource(2, 'x')
        self.assertEqual(a, b)
        self.assertEqual(a, c)
        self.assertEqual(len({a, b, c}), 1)
        self.assertEqual(a.restype, Kafka.ResourceType.TOPIC)
        self.assertEqual(len(b), 1)
        b.set_config('k', 'w', overwrite=False)
        self.assertEqual(b.set_config_dict, {'k': 'v'})
        b.set_config('k', 'w')
        self.assertEqual(b.set_config_dict, {'k': 'w'})
        self.assertLess(Kafka.ConfigResource('topic', 'a'), Kafka.ConfigResource('broker', '0'))
        with self.assertRaises(ValueError):
            Kafka.ConfigResource('table', 'x')
        with self.assertRaises(ValueError):
            Kafka.ConfigResource('topic', None)

    def test_acl_bindings(self):
        b = Kafka.AclBinding(Kafka.ResourceType.TOPIC, 't', Kafka.ResourcePatternType.LITERAL,
                             'User:u', '*', Kafka.AclOperation.READ, Kafka.AclPermissionType.ALLOW)
        same = Kafka.AclBinding('topic', 't', 'literal', 'User:u', '*', 'READ', 'allow')
        self.assertEqual(b, same)
        self.assertEqual(hash(b), hash(same))
        self.assertEqual(b.restype_int, 2)
        self.assertEqual(repr(b), 'AclBinding(TOPIC,t,LITERAL,User:u,*,READ,ALLOW)')
        # a binding names everything; a filter may match any
        with self.assertRaises(ValueError):
            Kafka.AclBinding('any', 't', 'literal', 'User:u', '*', 'read', 'allow')
        with self.assertRaises(ValueError):
            Kafka.AclBinding('topic', 't', 'match', 'User:u', '*', 'read', 'allow')
        with self.assertRaises(TypeError):
            Kafka.AclBinding('topic', None, 'literal', 'User:u', '*', 'read', 'allow')
        f = Kafka.AclBindingFilter('any', None, 'match', None, None, 'any', 'any')
        self.assertIsNone(f.name)
        with self.assertRaises(ValueError):
            Kafka.AclBindingFilter('unknown', None, 'any', None, None, 'any', 'any')
        self.assertEqual(sorted([same, Kafka.AclBinding('topic', 'a', 'literal', 'User:u', '*',
                                                        'read', 'allow')])[0].name, 'a')

    def test_bad_calls_raise_at_once(self):
        admin = Kafka.AdminClient({'bootstrap.servers': '127.0.0.1:1'})
        with self.assertRaises(TypeError):
            admin.create_topics(['t'])
        with self.assertRaises(ValueError):
            admin.create_topics([])
        with self.assertRaises(TypeError):
            admin.delete_topics('topic')
        with self.assertRaises(TypeError):  # a keyword the seed's call does not take
            admin.delete_topics(['t'], validate_only=True)
        with self.assertRaises(TypeError):
            admin.describe_configs([Kafka.ConfigResource('topic', 't')], operation_timeout=1)
        with self.assertRaises(TypeError):
            admin.describe_acls(Kafka.AclBinding('topic', 't', 'literal', 'User:u', '*',
                                                 'read', 'allow'))
        with self.assertRaises(ValueError):
            admin.list_consumer_group_offsets([Kafka.ConsumerGroupTopicPartitions('a'),
                                               Kafka.ConsumerGroupTopicPartitions('b')])
        with self.assertRaises(ValueError):
            admin.alter_consumer_group_offsets([Kafka.ConsumerGroupTopicPartitions('a')])
        with self.assertRaises(TypeError):
            Kafka.ConsumerGroupTopicPartitions('g', [('t', 0)])
        with self.assertRaises(Kafka.KafkaException):
            Kafka.AdminClient({'bootstrap.servers': 'x', 'no.such.property': 1})


class TimeoutTest(FaceTestCase):
    """Futures without a broker: a whole call that times out fails every
    Future of the call; a cancelled Future stays cancelled."""

    def setUp(self):
        super().setUp()
        self.admin = Kafka.AdminClient({'bootstrap.servers': '127.0.0.1:1'})

    def test_timeout_fails_every_future(self):
        fs = self.admin.create_topics([Kafka.NewTopic('a', 1, 1), Kafka.NewTopic('b', 1, 1)],
                                      request_timeout=0.5)
        self.assertEqual(set(fs), {'a', 'b'})
        for f in fs.values():
            self.assertFails(f, Kafka.KafkaError._TIMED_OUT)
        one = self.admin.list_consumer_groups(request_timeout=0.5)
        self.assertIsInstance(one, concurrent.futures.Future)
        # the listing answers for each broker: the one that did not answer
        # is an error of the result, not of the call
        try:
            result = one.result(TIMEOUT)
        except Kafka.KafkaException as e:
            self.assertEqual(e.args[0].code(), Kafka.KafkaError._TIMED_OUT)
        else:
            self.assertEqual(result.valid, [])
            self.assertTrue(result.errors)
            self.assertIsInstance(result.errors[0], Kafka.KafkaException)

    def test_cancel(self):
        fs = self.admin.delete_topics(['a', 'b', 'c'], request_timeout=1)
        self.assertTrue(fs['a'].cancel())
        done, not_done = concurrent.futures.wait(fs.values(), timeout=TIMEOUT)
        self.assertEqual(not_done, set())
        self.assertTrue(fs['a'].cancelled())
        with self.assertRaises(concurrent.futures.CancelledError):
            fs['a'].result()
        for t in 'bc':
            self.assertFails(fs[t], Kafka.KafkaError._TIMED_OUT)
        # once an answer came, cancel() is too late
        self.assertFalse(fs['b'].cancel())


class AdminTest(FaceTestCase):
    """Each call on the real broker; result() with no GLib main loop."""

    @classmethod
    def setUpClass(cls):
        cls.admin = Kafka.AdminClient({'bootstrap.servers': bootstrap()})

    def create(self, topic, partitions=1):
        fs = self.admin.create_topics([Kafka.NewTopic(topic, partitions, 1)],
                                      operation_timeout=TIMEOUT)
        self.assertIsNone(fs[topic].result(TIMEOUT))
        self.wait_for_topic(topic, partitions)

    def wait_for_topic(self, topic, partitions):
        until(lambda: self.admin.list_topics(topic, timeout=10).topics.get(topic),
              lambda t: t is not None and t.error is None and len(t.partitions) == partitions
              and all(p.leader >= 0 for p in t.partitions.values()),
              '%s with %d partitions' % (topic, partitions))

    def test_topics(self):
        good, bad, exists = unique('fa-ok'), unique('fa-rf'), unique('fa-ex')
        self.create(exists)
        fs = self.admin.create_topics(
            [Kafka.NewTopic(good, 2, 1, config={'retention.ms': 7654321}),
             Kafka.NewTopic(bad, 1, 9), Kafka.NewTopic(exists, 1, 1)],
            operation_timeout=TIMEOUT, request_timeout=TIMEOUT)
        self.assertEqual(list(fs), [good, bad, exists])
        for f in fs.values():
            self.assertIsInstance(f, concurrent.futures.Future)
        self.assertIsNone(fs[good].result(TIMEOUT))
        self.assertFails(fs[bad], Kafka.KafkaError.INVALID_REPLICATION_FACTOR)
        self.assertFails(fs[exists], Kafka.KafkaError.TOPIC_ALREADY_EXISTS)
        self.wait_for_topic(good, 2)

        # validate_only: checked, not created
        checked = unique('fa-val')
        fs = self.admin.create_topics([Kafka.NewTopic(checked, 1, 1)], validate_only=True)
        self.assertIsNone(fs[checked].result(TIMEOUT))
        fs = self.admin.create_topics([Kafka.NewTopic(checked, 1, 9)], validate_only=True)
        self.assertFails(fs[checked], Kafka.KafkaError.INVALID_REPLICATION_FACTOR)
        self.assertNotIn(checked, self.admin.list_topics(timeout=10).topics)

        # the replicas given partition by partition
        broker = next(iter(self.admin.list_topics(timeout=10).brokers))
        assigned = unique('fa-ra')
        fs = self.admin.create_topics([Kafka.NewTopic(assigned, 2,
                                                      replica_assignment=[[broker], [broker]])])
        self.assertIsNone(fs[assigned].result(TIMEOUT))
        self.wait_for_topic(assigned, 2)

        gone = unique('fa-none')
        fs = self.admin.delete_topics([good, gone, assigned, exists], operation_timeout=TIMEOUT)
        self.assertIsNone(fs[good].result(TIMEOUT))
        self.assertFails(fs[gone], Kafka.KafkaError.UNKNOWN_TOPIC_OR_PART, gone)
        self.assertIsNone(fs[assigned].result(TIMEOUT))
        self.assertIsNone(fs[exists].result(TIMEOUT))

    def test_partitions(self):
        topic, gone = unique('fa-parts'), unique('fa-none')
        self.create(topic)
        fs = self.admin.create_partitions([Kafka.NewPartitions(topic, 3),
                                           Kafka.NewPartitions(gone, 3)],
                                          operation_timeout=TIMEOUT)
        self.assertIsNone(fs[topic].result(TIMEOUT))
        self.assertFails(fs[gone], Kafka.KafkaError.UNKNOWN_TOPIC_OR_PART)
        self.wait_for_topic(topic, 3)
        # fewer than it has; and validate_only
        fs = self.admin.create_partitions([Kafka.NewPartitions(topic, 2)])
        self.assertFails(fs[topic], Kafka.KafkaError.INVALID_PARTITIONS)
        fs = self.admin.create_partitions([Kafka.NewPartitions(topic, 5)], validate_only=True)
        self.assertIsNone(fs[topic].result(TIMEOUT))
        self.assertEqual(len(self.admin.list_topics(topic, timeout=10).topics[topic].partitions), 3)
        self.admin.delete_topics([topic])[topic].result(TIMEOUT)

    def test_configs(self):
        topic, gone = unique('fa-cfg'), unique('fa-none')
        self.assertIsNone(self.admin.create_topics(
            [Kafka.NewTopic(topic, 1, 1, config={'retention.ms': '7654321'})])[topic].result(TIMEOUT))
        res, missing = Kafka.ConfigResource('topic', topic), Kafka.ConfigResource('topic', gone)
        broker = Kafka.ConfigResource(Kafka.ResourceType.BROKER,
                                      str(next(iter(self.admin.list_topics(timeout=10).brokers))))
        configs = until(lambda: self.admin.describe_configs([res])[res].result(TIMEOUT),
                        lambda c: c['retention.ms'].value == '7654321', 'the configuration')
        fs = self.admin.describe_configs([res, missing, broker], request_timeout=TIMEOUT)
        self.assertEqual(list(fs), [res, missing, broker])
        self.assertFails(fs[missing], Kafka.KafkaError.UNKNOWN_TOPIC_OR_PART)
        configs = fs[res].result(TIMEOUT)
        entry = configs['retention.ms']
        self.assertIsInstance(entry, Kafka.ConfigEntry)
        self.assertEqual((entry.name, entry.value), ('retention.ms', '7654321'))
        self.assertIs(entry.source, Kafka.ConfigSource.DYNAMIC_TOPIC_CONFIG)
        self.assertEqual(entry.source, confluent_kafka.admin.CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG)
        self.assertFalse(entry.is_read_only)
        self.assertFalse(entry.is_default)
        self.assertIsInstance(entry.synonyms, dict)
        self.assertGreater(len(configs), 10)
        self.assertTrue(all(isinstance(e, Kafka.ConfigEntry) for e in configs.values()))
        self.assertIn('log.retention.hours', fs[broker].result(TIMEOUT))

        fs = self.admin.alter_configs([Kafka.ConfigResource('topic', topic,
                                                            set_config={'retention.ms': '-5x'}),
                                       Kafka.ConfigResource('topic', gone,
                                                            set_config={'retention.ms': '1'})])
        self.assertFails(fs[res], Kafka.KafkaError.INVALID_CONFIG, '-5x')
        self.assertFails(fs[missing], Kafka.KafkaError.UNKNOWN_TOPIC_OR_PART)
        change = Kafka.ConfigResource('topic', topic)
        change.set_config('retention.ms', 3600000)
        fs = self.admin.alter_configs([change], validate_only=True)
        self.assertIsNone(fs[change].result(TIMEOUT))
        self.assertEqual(self.admin.describe_configs([res])[res].result(TIMEOUT)
                         ['retention.ms'].value, '7654321')
        self.assertIsNone(self.admin.alter_configs([change])[change].result(TIMEOUT))
        until(lambda: self.admin.describe_configs([res])[res].result(TIMEOUT),
              lambda c: c['retention.ms'].value == '3600000', 'the altered configuration')
        self.admin.delete_topics([topic])[topic].result(TIMEOUT)

    def test_records(self):
        topic = unique('fa-rec')
        self.create(topic, 2)
        produce(topic, [6, 2])
        tp0, tp1 = Kafka.TopicPartition(topic, 0, 4), Kafka.TopicPartition(topic, 1, 50)
        fs = self.admin.delete_records([tp0, tp1], request_timeout=TIMEOUT)
        deleted = fs[tp0].result(TIMEOUT)
        self.assertIsInstance(deleted, Kafka.DeletedRecords)
        self.assertEqual(deleted.low_watermark, 4)
        self.assertFails(fs[tp1], Kafka.KafkaError.OFFSET_OUT_OF_RANGE)
        self.admin.delete_topics([topic])[topic].result(TIMEOUT)

    def test_groups_and_offsets(self):
        topic, group, nogroup = unique('fa-grp'), unique('fa-g'), unique('fa-nog')
        self.create(topic, 2)
        produce(topic, [8, 3])

        request = Kafka.ConsumerGroupTopicPartitions(
            group, [Kafka.TopicPartition(topic, 0, 5), Kafka.TopicPartition(topic, 1, 3)])
        fs = self.admin.alter_consumer_group_offsets([request], request_timeout=TIMEOUT)
        self.assertEqual(list(fs), [group])
        altered = fs[group].result(TIMEOUT)
        self.assertIsInstance(altered, Kafka.ConsumerGroupTopicPartitions)
        self.assertEqual(altered.group_id, group)
        self.assertEqual([(tp.partition, tp.offset, tp.error) for tp in altered.topic_partitions],
                         [(0, 5, None), (1, 3, None)])
        # a partition that does not exist fails on its own
        fs = self.admin.alter_consumer_group_offsets([Kafka.ConsumerGroupTopicPartitions(
            group, [Kafka.TopicPartition(topic, 0, 5), Kafka.TopicPartition(topic, 7, 1)])])
        errors = [(tp.partition, tp.error is not None) for tp in fs[group].result(TIMEOUT)
                  .topic_partitions]
        self.assertEqual(errors, [(0, False), (7, True)])

        fs = self.admin.list_consumer_group_offsets(
            [Kafka.ConsumerGroupTopicPartitions(group)], require_stable=True)
        listed = fs[group].result(TIMEOUT)
        self.assertEqual(sorted((tp.topic, tp.partition, tp.offset)
                                for tp in listed.topic_partitions),
                         [(topic, 0, 5), (topic, 1, 3)])
        # a group that committed nothing: no offset, not an error
        fs = self.admin.list_consumer_group_offsets([Kafka.ConsumerGroupTopicPartitions(
            nogroup, [Kafka.TopicPartition(topic, 0)])])
        self.assertEqual([(tp.offset, tp.error) for tp in fs[nogroup].result(TIMEOUT).topic_partitions],
                         [(Kafka.OFFSET_INVALID, None)])
        fs = self.admin.list_consumer_group_lag([Kafka.ConsumerGroupTopicPartitions(group)])
        lags = sorted(fs[group].result(TIMEOUT), key=lambda x: x.partition)
        self.assertEqual([(x.partition, x.committed_offset, x.high_watermark, x.lag, x.error)
                          for x in lags], [(0, 5, 8, 3, None), (1, 3, 3, 0, None)])

        result = self.admin.list_consumer_groups(request_timeout=TIMEOUT).result(TIMEOUT)
        self.assertIsInstance(result, Kafka.ListConsumerGroupsResult)
        self.assertEqual(result.errors, [])
        mine = [g for g in result.valid if g.group_id == group]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0].state, Kafka.ConsumerGroupState.EMPTY)
        stable = self.admin.list_consumer_groups(
            states={Kafka.ConsumerGroupState.STABLE}).result(TIMEOUT)
        self.assertNotIn(group, [g.group_id for g in stable.valid])
        empty = self.admin.list_consumer_groups(
            states={Kafka.ConsumerGroupState.EMPTY}).result(TIMEOUT)
        self.assertIn(group, [g.group_id for g in empty.valid])

        legacy = [g for g in self.admin.list_groups(timeout=TIMEOUT) if g.id == group]
        self.assertEqual([(g.id, g.state, g.members, g.error) for g in legacy],
                         [(group, 'Empty', [], None)])
        self.assertGreaterEqual(legacy[0].broker.id, 0)
        self.assertEqual([g.id for g in self.admin.list_groups(group)], [group])

        fs = self.admin.describe_consumer_groups([group, nogroup], request_timeout=TIMEOUT)
        # a group the broker does not know: its answer is a dead group
        unknown = fs[nogroup].result(TIMEOUT)
        self.assertEqual((unknown.group_id, unknown.state, unknown.members),
                         (nogroup, Kafka.ConsumerGroupState.DEAD, []))
        described = fs[group].result(TIMEOUT)
        self.assertIsInstance(described, Kafka.ConsumerGroupDescription)
        self.assertEqual((described.group_id, described.state, described.members),
                         (group, Kafka.ConsumerGroupState.EMPTY, []))
        self.assertIsInstance(described.coordinator, Kafka.Node)
        self.assertGreaterEqual(described.coordinator.id, 0)

        fs = self.admin.delete_consumer_group_offsets([Kafka.ConsumerGroupTopicPartitions(
            group, [Kafka.TopicPartition(topic, 1)])])
        self.assertEqual([tp.error for tp in fs[group].result(TIMEOUT).topic_partitions], [None])
        fs = self.admin.delete_consumer_group_offsets([Kafka.ConsumerGroupTopicPartitions(
            nogroup, [Kafka.TopicPartition(topic, 1)])])
        self.assertFails(fs[nogroup], Kafka.KafkaError.GROUP_ID_NOT_FOUND)

        fs = self.admin.delete_consumer_groups([group, nogroup], request_timeout=TIMEOUT)
        self.assertIsNone(fs[group].result(TIMEOUT))
        self.assertFails(fs[nogroup], Kafka.KafkaError.GROUP_ID_NOT_FOUND)
        self.admin.delete_topics([topic])[topic].result(TIMEOUT)

    def test_group_with_a_member(self):
        topic, group = unique('fa-mem'), unique('fa-gm')
        self.create(topic, 2)
        c = Kafka.Consumer({'bootstrap.servers': bootstrap(), 'group.id': group,
                            'client.id': 'face-admin-test'})
        assigned = []
        c.subscribe([topic], on_assign=lambda consumer, parts: assigned.append(parts))
        deadline = time.monotonic() + TIMEOUT
        while not assigned and time.monotonic() < deadline:
            c.poll(0.2)
        self.assertTrue(assigned, 'no assignment')
        try:
            described = until(lambda: self.admin.describe_consumer_groups([group])[group]
                              .result(TIMEOUT), lambda d: d.state == Kafka.ConsumerGroupState.STABLE,
                              'the group stable')
            self.assertEqual(len(described.members), 1)
            member = described.members[0]
            self.assertEqual(member.client_id, 'face-admin-test')
            self.assertEqual(member.member_id, c.memberid())
            self.assertEqual(sorted(tp.partition for tp in member.assignment.topic_partitions),
                             [0, 1])
            self.assertEqual(described.partition_assignor, 'range')
            # a group with a member cannot be deleted: that group's error
            fs = self.admin.delete_consumer_groups([group])
            self.assertFails(fs[group], Kafka.KafkaError.NON_EMPTY_GROUP)
        finally:
            c.close()
        # destroyed before its topic goes: with librdkafka 2.0.2, destroying
        # a closed consumer whose topic was deleted meanwhile hangs at times
        del c
        self.admin.delete_topics([topic])[topic].result(TIMEOUT)

    def test_acls(self):
        topic, user = unique('fa-acl'), 'User:' + unique('u')
        binding = Kafka.AclBinding(Kafka.ResourceType.TOPIC, topic,
                                   Kafka.ResourcePatternType.LITERAL, user, '*',
                                   Kafka.AclOperation.DESCRIBE, Kafka.AclPermissionType.ALLOW)
        bad = Kafka.AclBinding('topic', topic, 'literal', 'no-colon', '*', 'read', 'allow')
        fs = self.admin.create_acls([binding, bad], request_timeout=TIMEOUT)
        self.assertEqual(list(fs), [binding, bad])
        self.assertIsNone(fs[binding].result(TIMEOUT))
        self.assertFails(fs[bad], Kafka.KafkaError.INVALID_REQUEST)

        by_topic = Kafka.AclBindingFilter(Kafka.ResourceType.TOPIC, topic,
                                          Kafka.ResourcePatternType.ANY, None, None,
                                          Kafka.AclOperation.ANY, Kafka.AclPermissionType.ANY)
        found = until(lambda: self.admin.describe_acls(by_topic).result(TIMEOUT),
                      lambda r: len(r) == 1, 'the created ACL')
        self.assertIsInstance(found[0], Kafka.AclBinding)
        self.assertEqual(found, [binding])
        nobody = Kafka.AclBindingFilter('topic', None, 'any', 'User:' + unique('none'), None,
                                        'any', 'any')
        self.assertEqual(self.admin.describe_acls(nobody).result(TIMEOUT), [])

        fs = self.admin.delete_acls([by_topic, nobody], request_timeout=TIMEOUT)
        self.assertEqual(fs[by_topic].result(TIMEOUT), [binding])
        self.assertEqual(fs[nobody].result(TIMEOUT), [])
        until(lambda: self.admin.describe_acls(by_topic).result(TIMEOUT), lambda r: r == [],
              'the deleted ACL gone')

    def test_callbacks_of_the_client(self):
        # the client's own callbacks: served by poll(), as the seed's
        stats = []
        admin = Kafka.AdminClient({'bootstrap.servers': bootstrap(), 'statistics.interval.ms': 100,
                                   'stats_cb': stats.append})
        admin.list_topics(timeout=10)
        deadline = time.monotonic() + TIMEOUT
        while not stats and time.monotonic() < deadline:
            admin.poll(0.2)
        self.assertTrue(stats)
        self.assertEqual(json.loads(stats[0])['client_id'], 'rdkafka')


class MainLoopTest(FaceTestCase):
    """The Futures complete while a GLib main loop runs too: a GLib
    application hands their done callbacks (which run on the call's thread)
    to the loop with GLib.idle_add(). result() may also be called from a
    callback of the loop."""

    def test_done_callbacks_to_the_main_loop(self):
        admin = Kafka.AdminClient({'bootstrap.servers': bootstrap()})
        topic = unique('fa-loop')
        loop = GLib.MainLoop()
        seen = []
        main_thread = threading.current_thread()

        def done_on_loop(future):
            seen.append((threading.current_thread() is main_thread, future.exception()))
            if len(seen) == 2:
                loop.quit()
            return GLib.SOURCE_REMOVE

        def start():
            fs = admin.create_topics([Kafka.NewTopic(topic, 1, 1), Kafka.NewTopic(topic + '-rf', 1, 9)])
            for f in fs.values():
                f.add_done_callback(lambda f: GLib.idle_add(done_on_loop, f))
            return GLib.SOURCE_REMOVE

        GLib.idle_add(start)
        timeout = GLib.timeout_add_seconds(TIMEOUT, loop.quit)
        loop.run()
        GLib.source_remove(timeout)
        self.assertEqual(len(seen), 2, 'the done callbacks did not come')
        self.assertTrue(all(on_main for on_main, _ in seen))
        self.assertEqual(sorted(e.args[0].code() if e else 0 for _, e in seen),
                         sorted([0, Kafka.KafkaError.INVALID_REPLICATION_FACTOR]))

        # result() inside a callback of the running loop
        got = []

        def blocking():
            got.append(admin.delete_topics([topic])[topic].result(TIMEOUT))
            loop.quit()
            return GLib.SOURCE_REMOVE
        GLib.idle_add(blocking)
        timeout = GLib.timeout_add_seconds(TIMEOUT, loop.quit)
        loop.run()
        GLib.source_remove(timeout)
        self.assertEqual(got, [None])

    def test_from_other_threads(self):
        admin = Kafka.AdminClient({'bootstrap.servers': bootstrap()})
        topics = [unique('fa-thr') for _ in range(4)]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = list(pool.map(
                lambda t: admin.create_topics([Kafka.NewTopic(t, 1, 1)])[t].result(TIMEOUT), topics))
        self.assertEqual(results, [None] * 4)
        fs = admin.delete_topics(topics, operation_timeout=TIMEOUT)
        self.assertEqual([f.result(TIMEOUT) for f in concurrent.futures.as_completed(fs.values())],
                         [None] * 4)


class InteropTest(FaceTestCase):
    """The face's AdminClient and confluent-kafka-python's on one broker:
    what one does, the other sees, in the same shapes."""

    def test_both_ways(self):
        face = Kafka.AdminClient({'bootstrap.servers': bootstrap()})
        seed = confluent_kafka.admin.AdminClient({'bootstrap.servers': bootstrap()})
        by_face, by_seed = unique('fa-face'), unique('fa-seed')

        face.create_topics([Kafka.NewTopic(by_face, 2, 1, config={'retention.ms': '1234567'})]
                           )[by_face].result(TIMEOUT)
        seed.create_topics([confluent_kafka.admin.NewTopic(
            by_seed, 3, 1, config={'retention.ms': '7654321'})])[by_seed].result(TIMEOUT)

        for admin, lib in ((face, Kafka), (seed, confluent_kafka.admin)):
            for topic, n, value in ((by_face, 2, '1234567'), (by_seed, 3, '7654321')):
                md = until(lambda: admin.list_topics(topic, timeout=10).topics[topic],
                           lambda t: t.error is None and len(t.partitions) == n,
                           '%s seen by %s' % (topic, lib.__name__))
                self.assertEqual(sorted(md.partitions), list(range(n)))
                res = lib.ConfigResource('topic', topic)
                until(lambda: admin.describe_configs([res])[res].result(TIMEOUT),
                      lambda c: c['retention.ms'].value == value,
                      'the configuration of %s seen by %s' % (topic, lib.__name__))

        # the same answer, in the same shape
        seed_res = confluent_kafka.admin.ConfigResource('topic', by_seed)
        face_res = Kafka.ConfigResource('topic', by_seed)
        seed_configs = seed.describe_configs([seed_res])[seed_res].result(TIMEOUT)
        face_configs = face.describe_configs([face_res])[face_res].result(TIMEOUT)
        self.assertEqual(sorted(face_configs), sorted(seed_configs))
        for name, s in seed_configs.items():
            f = face_configs[name]
            self.assertEqual((f.name, f.value, f.is_read_only, f.is_default, f.is_sensitive,
                              f.is_synonym, sorted(f.synonyms)),
                             (s.name, s.value, s.is_read_only, s.is_default, s.is_sensitive,
                              s.is_synonym, sorted(s.synonyms)), name)
            source = s.source.value if hasattr(s.source, 'value') else s.source
            self.assertEqual(f.source.value, source, name)

        # the same per-item errors
        gone = unique('fa-none')
        for admin in (face, seed):
            fs = admin.delete_topics([gone], operation_timeout=10)
            with self.assertRaises((Kafka.KafkaException, confluent_kafka.KafkaException)) as cm:
                fs[gone].result(TIMEOUT)
            self.assertEqual(cm.exception.args[0].code(), Kafka.KafkaError.UNKNOWN_TOPIC_OR_PART)

        # each deletes the other's topic
        face.delete_topics([by_seed])[by_seed].result(TIMEOUT)
        seed.delete_topics([by_face])[by_face].result(TIMEOUT)
        for admin in (face, seed):
            until(lambda: admin.list_topics(timeout=10).topics,
                  lambda t: by_face not in t and by_seed not in t, 'both topics gone')


class MigrationTest(FaceTestCase):
    """examples/python/admin.py, a program written for confluent-kafka-python,
    runs on the face with only its import changed, and says the same."""

    def run_example(self, path, topic):
        r = subprocess.run([sys.executable, path, '--bootstrap-servers', bootstrap(),
                            '--topic', topic],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=240, env=os.environ)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return r.stdout.replace(topic, 'TOPIC')

    def test_same_program_both_libraries(self):
        with open(EXAMPLE) as f:
            source = f.read()
        face_import = re.search(r"import gi\ngi.require_version\('Kafka', '1.0'\)\n"
                                r"from gi.repository.Kafka import \(([^)]*)\)[^\n]*\n", source)
        self.assertIsNotNone(face_import)
        seed_import = ('from confluent_kafka import Consumer, KafkaException, Producer, '
                       'TopicPartition\nfrom confluent_kafka.admin import AdminClient, '
                       'ConfigResource, NewPartitions, NewTopic\n')
        seed = source.replace(face_import.group(0), seed_import)
        self.assertNotEqual(seed, source)
        with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
            f.write(seed)
        try:
            out_seed = self.run_example(f.name, unique('fa-mig-ck'))
        finally:
            os.unlink(f.name)
        out_face = self.run_example(EXAMPLE, unique('fa-mig-face'))
        self.assertIn('TOPIC-rf: INVALID_REPLICATION_FACTOR', out_face)
        self.assertIn('retention.ms=86400000', out_face)
        self.assertIn('group TOPIC-group (Empty, 0 members)', out_face)
        self.assertIn('TOPIC [1] committed 4, end 4, lag 0', out_face)
        self.assertIn('TOPIC-none: UNKNOWN_TOPIC_OR_PART', out_face)
        self.assertEqual(out_face, out_seed)


if __name__ == '__main__':
    unittest.main(verbosity=2)
