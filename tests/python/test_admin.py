#!/usr/bin/python3
# KafkaAdminClient from Python through the plain GI bindings (PyGObject, the
# built typelib), against the real broker (KAFKA_BOOTSTRAP_SERVERS): each
# call's result objects and per-item GLib.Errors as Python sees them, the
# async forms with callbacks on the main loop, cancellation, and what the
# mock cluster answers.
# SPDX-License-Identifier: LGPL-2.1-or-later
import time
import unittest

import bare_typelib  # noqa: F401 (the typelib with no Python face)
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import Gio, GLib, Kafka  # noqa: E402

from kafkatest import bootstrap, run_until, unique_topic as unique  # noqa: E402

TIMEOUT_MS = 30000


def admin():
    return Kafka.AdminClient.new({'bootstrap.servers': bootstrap()})


def produce(topic, partition, n):
    producer = Kafka.Producer.new({'bootstrap.servers': bootstrap(), 'linger.ms': '5'})
    for _ in range(n):
        producer.produce(topic, partition, None, b'value', None, 0)
    producer.flush(TIMEOUT_MS)
    assert producer.get_out_queue_length() == 0


def wait_for_topic(client, topic, partitions):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        md = client.list_topics(topic, 10000).get_topic(topic)
        if md is not None and md.get_error() is None and len(md.get_partitions()) == partitions \
                and all(p.get_leader() >= 0 for p in md.get_partitions()):
            return
        time.sleep(0.1)
    raise AssertionError('%s has no %d partitions with leaders after 60 s' % (topic, partitions))


def until(call, ok, what, timeout_s=30):
    """call() again until ok(result): the broker learns of new ACLs and
    configuration values from the metadata log a moment after the
    controller answered the call that made them."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = call()
        if ok(result):
            return result
        if time.monotonic() > deadline:
            raise AssertionError('%s: still %r after %ss' % (what, result, timeout_s))
        time.sleep(0.1)


class AdminTest(unittest.TestCase):
    def setUp(self):
        self.admin = admin()

    def assertKafkaError(self, error, code, says=None):
        self.assertIsInstance(error, GLib.Error)
        self.assertEqual(error.domain, 'kafka-error-quark')
        self.assertEqual(error.code, int(code), error.message)
        if says is not None:
            self.assertIn(says, error.message)

    def test_topics_and_configs(self):
        good, bad, gone = unique('adm-ok'), unique('adm-rf'), unique('adm-none')
        # by properties, as Python builds objects
        topic = Kafka.NewTopic(name=good, num_partitions=2, replication_factor=1)
        topic.set_config('retention.ms', '7654321')
        results = self.admin.create_topics([topic, Kafka.NewTopic.new(bad, 1, 9)], None, TIMEOUT_MS)
        self.assertEqual([r.get_name() for r in results], [good, bad])
        self.assertIsNone(results[0].get_error())
        self.assertKafkaError(results[1].get_error(), Kafka.Error.INVALID_REPLICATION_FACTOR, bad)
        wait_for_topic(self.admin, good, 2)

        again = self.admin.create_topics([topic], None, TIMEOUT_MS)
        self.assertKafkaError(again[0].get_error(), Kafka.Error.TOPIC_ALREADY_EXISTS)

        resources = until(lambda: self.admin.describe_configs(
            [Kafka.ConfigResource.new(Kafka.ResourceType.TOPIC, good),
             Kafka.ConfigResource(resource_type=Kafka.ResourceType.TOPIC, name=gone)],
            None, TIMEOUT_MS), lambda r: r[0].get_entry('retention.ms').props.value == '7654321',
            'the configuration given at creation')
        entry = resources[0].get_entry('retention.ms')
        self.assertEqual(entry.props.value, '7654321')
        self.assertEqual(entry.get_source(), Kafka.ConfigSource.DYNAMIC_TOPIC_CONFIG)
        self.assertFalse(entry.props.is_read_only)
        self.assertGreater(len(resources[0].get_entries()), 10)
        self.assertKafkaError(resources[1].get_error(), Kafka.Error.UNKNOWN_TOPIC_OR_PART)

        change = Kafka.ConfigResource.new(Kafka.ResourceType.TOPIC, good)
        change.set_config('retention.ms', '-5x')
        altered = self.admin.alter_configs([change], None, TIMEOUT_MS)
        self.assertKafkaError(altered[0].get_error(), Kafka.Error.INVALID_CONFIG, '-5x')
        change.set_config('retention.ms', '3600000')
        altered = self.admin.alter_configs([change], None, TIMEOUT_MS)
        self.assertIsNone(altered[0].get_error())

        parts = self.admin.create_partitions([Kafka.NewPartitions.new(good, 3),
                                              Kafka.NewPartitions.new(gone, 3)], None, TIMEOUT_MS)
        self.assertIsNone(parts[0].get_error())
        self.assertKafkaError(parts[1].get_error(), Kafka.Error.UNKNOWN_TOPIC_OR_PART)

        deleted = self.admin.delete_topics([good, gone], None, TIMEOUT_MS)
        self.assertIsNone(deleted[0].get_error())
        self.assertKafkaError(deleted[1].get_error(), Kafka.Error.UNKNOWN_TOPIC_OR_PART, gone)

    def test_whole_call_errors(self):
        # a setting the call does not take: the call raises
        options = Kafka.AdminOptions(validate_only=True)
        with self.assertRaises(GLib.Error) as cm:
            self.admin.delete_groups(['g'], options, TIMEOUT_MS)
        self.assertKafkaError(cm.exception, Kafka.Error.INVALID_ARG, 'validate-only')
        # so does a group that does not exist, for the one-group calls
        with self.assertRaises(GLib.Error) as cm:
            self.admin.delete_consumer_group_offsets(unique('nogroup'),
                                                     [Kafka.TopicPartition.new('t', 0, 0)],
                                                     None, TIMEOUT_MS)
        self.assertKafkaError(cm.exception, Kafka.Error.GROUP_ID_NOT_FOUND)

    def test_records_groups_and_lag(self):
        topic, group = unique('adm-lag'), unique('adm-g')
        self.admin.create_topics([Kafka.NewTopic.new(topic, 2, 1)], None, TIMEOUT_MS)
        wait_for_topic(self.admin, topic, 2)
        produce(topic, 0, 8)
        produce(topic, 1, 3)

        records = self.admin.delete_records([Kafka.TopicPartition.new(topic, 0, 2),
                                             Kafka.TopicPartition.new(topic, 1, 50)],
                                            None, TIMEOUT_MS)
        self.assertEqual(records[0].get_offset(), 2)
        self.assertIsNone(records[0].get_error())
        self.assertKafkaError(records[1].get_error(), Kafka.Error.OFFSET_OUT_OF_RANGE)

        committed = self.admin.alter_consumer_group_offsets(
            group, [Kafka.TopicPartition.new(topic, 0, 5), Kafka.TopicPartition.new(topic, 1, 3)],
            None, TIMEOUT_MS)
        self.assertEqual([(p.get_partition(), p.get_offset(), p.get_error()) for p in committed],
                         [(0, 5, None), (1, 3, None)])

        offsets = self.admin.list_consumer_group_offsets(group, None, None, TIMEOUT_MS)
        self.assertEqual(sorted((p.get_partition(), p.get_offset()) for p in offsets),
                         [(0, 5), (1, 3)])
        lags = sorted(self.admin.list_consumer_group_lag(group, None, None, TIMEOUT_MS),
                      key=lambda lag: lag.props.partition)
        self.assertEqual([(lag.get_topic(), lag.props.committed_offset, lag.props.high_watermark,
                           lag.get_lag(), lag.get_error()) for lag in lags],
                         [(topic, 5, 8, 3, None), (topic, 3, 3, 0, None)])

        listed = self.admin.list_consumer_groups(None, TIMEOUT_MS)
        self.assertEqual(listed.get_errors(), [])
        mine = [g for g in listed.get_groups() if g.get_group_id() == group]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0].props.state, Kafka.ConsumerGroupState.EMPTY)
        stable_only = Kafka.AdminOptions.new()
        stable_only.set_match_consumer_group_states([Kafka.ConsumerGroupState.STABLE])
        self.assertNotIn(group, [g.get_group_id() for g in
                                 self.admin.list_consumer_groups(stable_only, TIMEOUT_MS).get_groups()])

        described = self.admin.describe_consumer_groups([group], None, TIMEOUT_MS)[0]
        self.assertEqual(described.get_state(), Kafka.ConsumerGroupState.EMPTY)
        self.assertEqual(described.get_members(), [])
        self.assertGreaterEqual(described.get_coordinator().get_id(), 0)

        dropped = self.admin.delete_consumer_group_offsets(
            group, [Kafka.TopicPartition.new(topic, 1, 0)], None, TIMEOUT_MS)
        self.assertIsNone(dropped[0].get_error())
        results = self.admin.delete_groups([group, group + '-none'], None, TIMEOUT_MS)
        self.assertIsNone(results[0].get_error())
        self.assertKafkaError(results[1].get_error(), Kafka.Error.GROUP_ID_NOT_FOUND)

    def test_acls(self):
        topic, user = unique('adm-acl'), 'User:' + unique('u')
        binding = Kafka.AclBinding(resource_type=Kafka.ResourceType.TOPIC, name=topic,
                                   pattern_type=Kafka.ResourcePatternType.LITERAL,
                                   principal=user, host='*',
                                   operation=Kafka.AclOperation.DESCRIBE,
                                   permission_type=Kafka.AclPermissionType.ALLOW)
        bad = Kafka.AclBinding.new(Kafka.ResourceType.TOPIC, topic, Kafka.ResourcePatternType.LITERAL,
                                   'no-colon', '*', Kafka.AclOperation.READ,
                                   Kafka.AclPermissionType.ALLOW)
        created = self.admin.create_acls([binding, bad], None, TIMEOUT_MS)
        self.assertIsNone(created[0].get_error())
        self.assertKafkaError(created[1].get_error(), Kafka.Error.INVALID_REQUEST)

        by_topic = Kafka.AclBinding(resource_type=Kafka.ResourceType.TOPIC, name=topic)
        found = until(lambda: self.admin.describe_acls(by_topic, None, TIMEOUT_MS),
                      lambda r: len(r) == 1, 'the created ACL')
        self.assertEqual([(a.get_principal(), a.props.operation) for a in found],
                         [(user, Kafka.AclOperation.DESCRIBE)])
        deleted = self.admin.delete_acls([by_topic], None, TIMEOUT_MS)
        self.assertIsNone(deleted[0].get_error())
        self.assertEqual([a.get_principal() for a in deleted[0].get_matching_acls()], [user])
        until(lambda: self.admin.describe_acls(by_topic, None, TIMEOUT_MS), lambda r: r == [],
              'the deleted ACL gone')

    def test_async(self):
        topic = unique('adm-async')
        done = []
        self.admin.create_topics_async([Kafka.NewTopic.new(topic, 1, 1)], None, TIMEOUT_MS, None,
                                       lambda a, res: done.append(a.create_topics_finish(res)))
        run_until(lambda: done, 60, 'create_topics_async')
        self.assertIsNone(done[0][0].get_error())

        # an error of the whole call comes from _finish
        failed = []

        def on_offsets(a, res):
            try:
                a.delete_consumer_group_offsets_finish(res)
            except GLib.Error as e:
                failed.append(e)
        self.admin.delete_consumer_group_offsets_async(unique('nogroup'),
                                                       [Kafka.TopicPartition.new(topic, 0, 0)],
                                                       None, TIMEOUT_MS, None, on_offsets)
        run_until(lambda: failed, 60, 'delete_consumer_group_offsets_async')
        self.assertKafkaError(failed[0], Kafka.Error.GROUP_ID_NOT_FOUND)

        # cancelled
        cancellable = Gio.Cancellable()
        cancelled = []

        def on_cancelled(a, res):
            try:
                a.list_consumer_groups_finish(res)
            except GLib.Error as e:
                cancelled.append(e)
        self.admin.list_consumer_groups_async(None, TIMEOUT_MS, cancellable, on_cancelled)
        cancellable.cancel()
        run_until(lambda: cancelled, 30, 'the cancelled call')
        self.assertTrue(cancelled[0].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED))

        # the lag of a group that committed nothing: unknown, not 0
        lag = []
        self.admin.list_consumer_group_lag_async(unique('g'), [Kafka.TopicPartition.new(topic, 0, -1001)],
                                                 None, TIMEOUT_MS, None,
                                                 lambda a, res: lag.append(a.list_consumer_group_lag_finish(res)))
        run_until(lambda: lag, 60, 'list_consumer_group_lag_async')
        self.assertEqual([(x.get_partition(), x.get_lag()) for x in lag[0]], [(0, -1)])

    def test_mock_cluster(self):
        # what librdkafka's mock cluster answers: group offsets and lag; a
        # broker error with the (empty) list of groups, a partition error
        # for deleting records (librdkafka 2.0.2 leaks a little on both:
        # checked here rather than in the C tests, which run under ASan)
        cluster = Kafka.MockCluster.new(1)
        cluster.create_topic('mock-t', 1, 1)
        client = Kafka.AdminClient.new({'bootstrap.servers': cluster.get_bootstrap_servers()})
        committed = client.alter_consumer_group_offsets('mock-g', [Kafka.TopicPartition.new('mock-t', 0, 0)],
                                                        None, TIMEOUT_MS)
        self.assertIsNone(committed[0].get_error())
        listed = client.list_consumer_groups(None, TIMEOUT_MS)
        self.assertEqual(listed.get_groups(), [])
        self.assertEqual(len(listed.get_errors()), 1)
        self.assertKafkaError(listed.get_errors()[0], Kafka.Error.UNSUPPORTED_FEATURE)
        records = client.delete_records([Kafka.TopicPartition.new('mock-t', 0, 0)], None, TIMEOUT_MS)
        self.assertKafkaError(records[0].get_error(), Kafka.Error.UNSUPPORTED_FEATURE)


if __name__ == '__main__':
    unittest.main(verbosity=2)
