# kafka-glib: GObject bindings for Apache Kafka
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Python face of kafka-glib: confluent-kafka-python's API.

PyGObject loads this module over the Kafka typelib, so that

    from gi.repository import Kafka
    p = Kafka.Producer({'bootstrap.servers': 'localhost:9092'})
    p.produce('events', b'value', on_delivery=lambda err, msg: ...)
    p.flush()

reads like code written for confluent-kafka-python (the "seed"), and runs
over the same C core as every other language. The typelib's own calls stay
reachable: every GObject-level method of a client through its ``core``
attribute (``producer.core.poll(100)``, milliseconds, GLib.Error), and the
signals through ``connect()``.

The face is a thin, fast adapter, not a second client: it holds no socket,
thread or queue of its own beyond a producer's buffer, a consumer's batch
and the thread that waits for an admin call.
Speed comes from paying PyGObject per batch, not per message, and from a
small C module, _kafkaface, for what is done per message (it calls
kafka-glib's C API directly); every decision stays here:

- ``produce()`` (the C module's) checks its arguments and appends to a
  buffer; the buffer goes to the core in one ``produce_batch_full()`` call
  when it reaches a size, at ``poll()``, ``flush()``, ``len()``, and from an
  idle source on the producer's main context. Each message with a callback
  carries a tag through librdkafka and back in its delivery report.
- Delivery reports come as one ``delivery-batch`` signal per batch; the C
  module reads it message by message, finds each callback by its tag and
  calls it with a ``Message``.
- A consumer takes a ``consume_batch()`` from the core and hands out
  ``Message`` objects one by one (``poll()``) or in lists (``consume()``);
  offsets are stored for commits only for messages already handed out.
- ``AdminClient`` runs each call's blocking core call on a thread of its
  own and completes the seed's ``concurrent.futures.Future``s from there,
  so that ``result()`` needs no main loop.

Exceptions raised in callbacks (delivery, error, stats, throttle, log,
commit, rebalance) propagate out of the ``poll()``/``flush()``/``consume()``
(or other call) that served them, as with the seed. When a running GLib main
loop served them, with no such call on the stack, the face logs them at once
(with their traceback, to the client's ``logger`` or to the
``gi.overrides.Kafka`` logger) and raises the first of them from the next
call that serves callbacks.
"""

import concurrent.futures
import enum
import functools
import itertools
import logging
import math
import sys
import threading
import time
import weakref

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override
from . import _kafkaface

_K = get_introspection_module('Kafka')

# The typelib's classes whose names the face takes over: created (and
# registered for their GTypes) now, so that PyGObject wraps the GObjects it
# meets (a KafkaTopicPartition in a signal, say) with them, not with the
# face's classes of the same names.
for _name in ('Message', 'TopicPartition', 'MessageBatch', 'Headers', 'ClusterMetadata',
              'BrokerMetadata', 'TopicMetadata', 'PartitionMetadata', 'NewTopic',
              'NewPartitions', 'ConfigResource', 'ConfigEntry', 'ConfigSource', 'ResourceType',
              'ResourcePatternType', 'AclBinding', 'AclOperation', 'AclPermissionType',
              'ConsumerGroupState', 'ConsumerGroupListing', 'ConsumerGroupDescription',
              'MemberDescription', 'ListConsumerGroupsResult', 'PartitionLag'):
    getattr(_K, _name)
del _name

__all__ = [
    'Producer', 'Consumer', 'Message', 'TopicPartition', 'KafkaError',
    'KafkaException', 'ThrottleEvent', 'ConsumerGroupMetadata',
    'ClusterMetadata', 'BrokerMetadata', 'TopicMetadata', 'PartitionMetadata',
    'OFFSET_BEGINNING', 'OFFSET_END', 'OFFSET_STORED', 'OFFSET_INVALID',
    'TIMESTAMP_NOT_AVAILABLE', 'TIMESTAMP_CREATE_TIME',
    'TIMESTAMP_LOG_APPEND_TIME', 'libversion', 'version',
    # administration
    'AdminClient', 'NewTopic', 'NewPartitions', 'ConfigResource', 'ConfigEntry',
    'ConfigSource', 'ResourceType', 'ResourcePatternType', 'AclBinding',
    'AclBindingFilter', 'AclOperation', 'AclPermissionType',
    'ConsumerGroupTopicPartitions', 'ConsumerGroupState', 'ConsumerGroupListing',
    'ListConsumerGroupsResult', 'ConsumerGroupDescription', 'MemberDescription',
    'MemberAssignment', 'Node', 'GroupMetadata', 'GroupMember', 'DeletedRecords',
    'PartitionLag',
]

OFFSET_BEGINNING = _K.OFFSET_BEGINNING
OFFSET_END = _K.OFFSET_END
OFFSET_STORED = _K.OFFSET_STORED
OFFSET_INVALID = _K.OFFSET_INVALID
TIMESTAMP_NOT_AVAILABLE = int(_K.TimestampType.NOT_AVAILABLE)
TIMESTAMP_CREATE_TIME = int(_K.TimestampType.CREATE_TIME)
TIMESTAMP_LOG_APPEND_TIME = int(_K.TimestampType.LOG_APPEND_TIME)

_log = logging.getLogger(__name__)
_DOMAIN = GLib.quark_to_string(_K.error_quark())
_INT32_MAX = 0x7fffffff
# librdkafka's largest message overhead beside key, value and headers (a
# v2 record): what message.max.bytes is checked against
_MSG_OVERHEAD = 36
# how many messages the face gathers before it hands them to the core, and
# takes from the core at once when consuming
_PRODUCE_BATCH = 1000
_CONSUME_BATCH = 1000
# and about how many bytes of values at most (fewer messages when they are
# large: what is taken and not handed out yet is memory held twice)
_CONSUME_BYTES = 1 << 20
# longest wait in one C call, so that Ctrl+C interrupts a long poll
_WAIT_SLICE_MS = 200
# at most this long between offset stores and calls into the consumer queue
# while a consumer hands out messages it already took
_CONSUMER_TICK_S = 0.5


def libversion():
    """librdkafka's version: ``(str, int)``, as the seed gives it."""
    return (_K.get_librdkafka_version_string(), _K.get_librdkafka_version())


def version():
    """kafka-glib's version: ``(str, int)`` (0xMMmmrr00)."""
    major, minor, micro = (_K.get_major_version(), _K.get_minor_version(),
                           _K.get_micro_version())
    return ('%d.%d.%d' % (major, minor, micro),
            (major << 24) | (minor << 16) | (micro << 8))


def _timeout_ms(timeout, default=-1):
    """Seconds (float, None or negative for no limit) to milliseconds."""
    if timeout is None:
        return default
    if not isinstance(timeout, (int, float)):
        raise TypeError('timeout must be a number of seconds, not %s' % type(timeout).__name__)
    t = float(timeout)
    if t < 0 or math.isinf(t):
        return -1
    if t != t:
        raise ValueError('timeout is NaN')
    return min(int(t * 1000), _INT32_MAX)


def _check_str(value, what):
    """A str for the C side: PyGObject would cut it at a NUL."""
    if type(value) is not str:
        raise TypeError('%s must be str, not %s' % (what, type(value).__name__))
    if '\0' in value:
        raise ValueError('embedded null character in %s' % what)
    return value


# ---------------------------------------------------------------------------
# Errors

class KafkaError:
    """An error or event, as the seed's ``KafkaError``: ``code()``, ``name()``,
    ``str()``, ``fatal()``, ``retriable()``, ``txn_requires_abort()``, and the
    codes as attributes (``KafkaError._MSG_TIMED_OUT``,
    ``KafkaError.UNKNOWN_TOPIC_OR_PART``…), librdkafka's own numbers. A fatal
    error has the code ``_FATAL``; its text names the underlying error."""

    __slots__ = ('_code', '_str', '_fatal', '_retriable', '_txn_requires_abort')

    def __init__(self, error_code, reason=None, fatal=False, retriable=False,
                 txn_requires_abort=False):
        self._code = int(error_code)
        self._str = reason if reason is not None else _error_description(self._code)
        self._fatal = bool(fatal)
        self._retriable = bool(retriable)
        self._txn_requires_abort = bool(txn_requires_abort)

    def code(self):
        return self._code

    def name(self):
        return _ERROR_NAMES.get(self._code) or 'ERR_%d?' % self._code

    def str(self):
        return self._str

    def fatal(self):
        return self._fatal

    def retriable(self):
        return self._retriable

    def txn_requires_abort(self):
        return self._txn_requires_abort

    def __str__(self):
        return 'KafkaError{%scode=%s,val=%d,str="%s"}' % (
            'FATAL,' if self._fatal else '', self.name(), self._code, self._str)

    __repr__ = __str__

    def __eq__(self, other):
        if isinstance(other, KafkaError):
            return self._code == other._code
        if isinstance(other, int):
            return self._code == other
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __lt__(self, other):
        if isinstance(other, KafkaError):
            return self._code < other._code
        if isinstance(other, int):
            return self._code < other
        return NotImplemented

    def __hash__(self):
        return hash(self._code)


_ERROR_NAMES = {0: 'NO_ERROR', -1: 'UNKNOWN'}
_ERROR_DESCRIPTIONS = {0: 'Success', -1: 'Unknown broker error'}
for _value in _K.Error.__enum_values__.values():
    _ERROR_NAMES[int(_value)] = _K.error_code_get_name(_value)
    _ERROR_DESCRIPTIONS[int(_value)] = _K.error_code_get_description(_value)
for _code, _name in _ERROR_NAMES.items():
    setattr(KafkaError, _name, _code)
del _value, _code, _name


def _error_description(code):
    return _ERROR_DESCRIPTIONS.get(code) or 'Err-%d?' % code


class KafkaException(Exception):
    """What the face raises where the seed raises ``KafkaException``:
    ``args[0]`` is the ``KafkaError``. No bare ``GLib.Error`` escapes the
    face."""

    def __str__(self):
        return str(self.args[0]) if self.args else ''


def _kafka_error(gerror):
    """A KafkaError from a GLib.Error of the core."""
    if gerror.domain != _DOMAIN:
        return KafkaError(KafkaError._FAIL, '%s: %s' % (gerror.domain, gerror.message))
    code = gerror.code
    return KafkaError(code, gerror.message, fatal=code == KafkaError._FATAL,
                      retriable=_K.error_is_retriable(gerror),
                      txn_requires_abort=_K.error_txn_requires_abort(gerror))


_CODE_ERRORS = {}


def _code_error(code):
    """The KafkaError of a code alone (a delivery report's), made once."""
    err = _CODE_ERRORS.get(code)
    if err is None:
        gerror = GLib.Error.new_literal(_K.error_quark(), _error_description(code), code)
        err = _CODE_ERRORS[code] = _kafka_error(gerror)
    return err


def _raise(gerror):
    raise KafkaException(_kafka_error(gerror)) from None


def _optional_error(gerror):
    return _kafka_error(gerror) if gerror is not None else None


# ---------------------------------------------------------------------------
# TopicPartition

class TopicPartition:
    """A topic, a partition, an offset and optional commit metadata, as the
    seed's ``TopicPartition``: compared, hashed and sorted by topic and
    partition, as the seed does. ``error`` is a ``KafkaError`` or None."""

    __slots__ = ('_topic', 'partition', 'offset', 'metadata', 'leader_epoch', '_error')

    def __init__(self, topic, partition=-1, offset=OFFSET_INVALID, metadata=None,
                 leader_epoch=None):
        self._topic = _check_str(topic, 'topic')
        if type(partition) is not int and not isinstance(partition, int):
            raise TypeError('partition must be int, not %s' % type(partition).__name__)
        if not isinstance(offset, int):
            raise TypeError('offset must be int, not %s' % type(offset).__name__)
        if metadata is not None:
            _check_str(metadata, 'metadata')
        self.partition = partition
        self.offset = offset
        self.metadata = metadata
        self.leader_epoch = leader_epoch
        self._error = None

    @property
    def topic(self):
        return self._topic

    @property
    def error(self):
        return self._error

    def _key(self):
        return (self._topic, self.partition)

    def __eq__(self, other):
        if not isinstance(other, TopicPartition):
            return NotImplemented
        return self._topic == other._topic and self.partition == other.partition

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __lt__(self, other):
        if not isinstance(other, TopicPartition):
            return NotImplemented
        return (self._topic, self.partition) < (other._topic, other.partition)

    def __le__(self, other):
        if not isinstance(other, TopicPartition):
            return NotImplemented
        return (self._topic, self.partition) <= (other._topic, other.partition)

    def __gt__(self, other):
        if not isinstance(other, TopicPartition):
            return NotImplemented
        return (self._topic, self.partition) > (other._topic, other.partition)

    def __ge__(self, other):
        if not isinstance(other, TopicPartition):
            return NotImplemented
        return (self._topic, self.partition) >= (other._topic, other.partition)

    def __hash__(self):
        return hash((self._topic, self.partition))

    def __repr__(self):
        return 'TopicPartition{topic=%s,partition=%d,offset=%d,error=%s}' % (
            self._topic, self.partition, self.offset, self._error)

    __str__ = __repr__

    def _to_core(self):
        tp = _K.TopicPartition.new(self._topic, self.partition, self.offset)
        if self.metadata is not None:
            tp.set_metadata(self.metadata)
        if self.leader_epoch is not None:
            tp.set_leader_epoch(self.leader_epoch)
        return tp

    @classmethod
    def _from_core(cls, tp):
        self = cls.__new__(cls)
        self._topic = tp.get_topic()
        self.partition = tp.get_partition()
        self.offset = tp.get_offset()
        self.metadata = tp.get_metadata()
        epoch = tp.get_leader_epoch()
        self.leader_epoch = epoch if epoch >= 0 else None
        self._error = _optional_error(tp.get_error())
        return self


def _to_core_list(partitions, what='partitions'):
    """A list of TopicPartition to the core's (GObjects)."""
    if isinstance(partitions, (str, bytes, TopicPartition)) or partitions is None:
        raise TypeError('%s must be a list of TopicPartition' % what)
    out = []
    for tp in partitions:
        if not isinstance(tp, TopicPartition):
            raise TypeError('%s must be a list of TopicPartition, not of %s'
                            % (what, type(tp).__name__))
        out.append(tp._to_core())
    return out


def _from_core_list(tps):
    return [TopicPartition._from_core(tp) for tp in tps] if tps is not None else []


# ---------------------------------------------------------------------------
# Messages

# The seed's Message, one small C object per message (_kafkaface.Message):
# error(), topic(), partition(), offset(), key(), value(), headers(),
# timestamp(), latency(), len(), and the setters. A delivery report reads its
# key, value, headers, timestamp and latency from its batch's columns when
# first asked.
Message = _kafkaface.Message
_key_of = _kafkaface.key_of


def _split(data, lengths, n):
    """A batch column (bytes end to end, lengths with -1 for None) back into
    n values, at C speed when none is None."""
    if not n:
        return []
    if min(lengths) >= 0:
        ends = list(itertools.accumulate(lengths))
        return list(map(data.__getitem__, map(slice, [0] + ends[:-1], ends)))
    if max(lengths) < 0:
        return [None] * n
    out = []
    pos = 0
    for length in lengths:
        if length < 0:
            out.append(None)
        else:
            out.append(data[pos:pos + length])
            pos += length
    return out


def _split_headers(n, data, counts, names, lengths):
    """A batch's headers column to a list of n (header lists or None)."""
    if not n or counts.count(0) == n:
        return [None] * n
    values = _split(data, lengths, len(lengths))
    out = []
    pos = 0
    for c in counts:
        if c:
            out.append(list(zip(names[pos:pos + c], values[pos:pos + c])))
            pos += c
        else:
            out.append(None)
    return out


class _DeliveryColumns:
    """The columns of a delivery report batch, fetched on first use. Before
    the batch's emission ends, the face detaches it: if a message is still
    referenced, every column is fetched, and the batch itself is let go (the
    core would otherwise copy each of its messages)."""

    __slots__ = ('batch', 'n', '_keys', '_values', '_headers', '_timestamps',
                 '_latencies', '__weakref__')

    def __init__(self, batch, n):
        self.batch = batch
        self.n = n
        self._keys = self._values = self._headers = None
        self._timestamps = self._latencies = None

    def key(self, i):
        if self._keys is None:
            data, lengths = self.batch.get_keys()
            self._keys = _split(data, lengths, self.n)
        return self._keys[i]

    def value(self, i):
        if self._values is None:
            data, lengths = self.batch.get_values()
            self._values = _split(data, lengths, self.n)
        return self._values[i]

    def headers(self, i):
        if self._headers is None:
            self._headers = _split_headers(self.n, *self.batch.get_headers())
        return self._headers[i]

    def timestamp(self, i):
        if self._timestamps is None:
            self._timestamps = list(zip(self.batch.get_timestamp_types(),
                                       self.batch.get_timestamps()))
        return self._timestamps[i]

    def latency(self, i):
        if self._latencies is None:
            self._latencies = [lat / 1e6 if lat >= 0 else None
                              for lat in self.batch.get_latencies()]
        return self._latencies[i]

    def detach(self, extra_refs):
        # our own references: the caller's variable, our self, getrefcount's argument
        if sys.getrefcount(self) > 3 + extra_refs:
            self.key(0)
            self.value(0)
            self.headers(0)
            self.timestamp(0)
            self.latency(0)
        self.batch = None


# ---------------------------------------------------------------------------
# Configuration

_CALLBACK_KEYS = {
    'producer': ('error_cb', 'stats_cb', 'throttle_cb', 'on_delivery', 'logger'),
    'consumer': ('error_cb', 'stats_cb', 'throttle_cb', 'on_commit', 'on_message', 'logger'),
    'admin': ('error_cb', 'stats_cb', 'throttle_cb', 'logger'),
}


def _conf_value(key, value):
    """A configuration value as the string librdkafka takes."""
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, str):
        s = value
    elif isinstance(value, (int, float)):
        s = str(value)
    else:
        raise KafkaException(KafkaError(
            KafkaError._INVALID_ARG,
            'Invalid value %r for configuration property "%s": expected str, int, '
            'float or bool' % (value, key)))
    if '\0' in s:
        raise KafkaException(KafkaError(
            KafkaError._INVALID_ARG,
            'Invalid value for configuration property "%s": it contains a NUL '
            'character' % key))
    return s


def _parse_config(kind, args, kwargs):
    """(config for the core, the face's own settings) from the seed's
    Producer(conf, **kwargs) / Consumer(conf, **kwargs)."""
    if len(args) > 1:
        raise TypeError('expected at most one configuration dict, got %d arguments' % len(args))
    if args:
        if not isinstance(args[0], dict):
            raise TypeError('expected configuration dict')
        conf = dict(args[0])
    elif kwargs:
        conf = {}
    else:
        raise TypeError('expected configuration dict')
    conf.update(kwargs)

    face = {}
    out = {}
    topic_conf = conf.pop('default.topic.config', None)
    if topic_conf is not None:
        if not isinstance(topic_conf, dict):
            raise TypeError('default.topic.config must be a dict')
        for key, value in topic_conf.items():
            conf.setdefault(key, value)

    callback_keys = _CALLBACK_KEYS[kind]
    for key, value in conf.items():
        if not isinstance(key, str):
            key = str(key)
        if '\0' in key:
            raise KafkaException(KafkaError(
                KafkaError._INVALID_ARG,
                'Invalid configuration property %r: it contains a NUL character' % key))
        if key in callback_keys:
            if key == 'logger':
                if value is not None and not callable(getattr(value, 'log', None)):
                    raise TypeError('expected logger to be a logging.Logger '
                                    '(an object with a log() method)')
            elif value is not None and not callable(value):
                raise TypeError('expected %s property as a callable function' % key)
            face[key] = value
            continue
        if key in ('on_assign', 'on_revoke', 'on_lost', 'oauth_cb'):
            raise KafkaException(KafkaError(
                KafkaError._INVALID_ARG,
                'Configuration property "%s" is not supported by kafka-glib%s' % (
                    key, '' if key == 'oauth_cb' else
                    ': pass it to subscribe()')))
        out[key] = _conf_value(key, value)
    return out, face


def _conf_int(conf, key, default):
    try:
        return int(float(conf[key]))
    except (KeyError, ValueError):
        return default


def _conf_bool(conf, key, default):
    value = conf.get(key)
    if value is None:
        return default
    return value.lower() in ('true', '1', 't', 'yes', 'on')


# ---------------------------------------------------------------------------
# What producer and consumer share

class ThrottleEvent:
    """A broker throttled the client: ``broker_name``, ``broker_id``,
    ``throttle_time`` (seconds), as the seed's."""

    __slots__ = ('broker_name', 'broker_id', 'throttle_time')

    def __init__(self, broker_name, broker_id, throttle_time):
        self.broker_name = broker_name
        self.broker_id = broker_id
        self.throttle_time = throttle_time

    def __str__(self):
        return '%s/%d throttled for %d ms' % (self.broker_name, self.broker_id,
                                              int(self.throttle_time * 1000))

    __repr__ = __str__


class BrokerMetadata:
    """A broker in ``list_topics()``: ``id``, ``host``, ``port``."""
    __slots__ = ('id', 'host', 'port')

    def __repr__(self):
        return 'BrokerMetadata(%d, %s:%d)' % (self.id, self.host, self.port)

    __str__ = lambda self: '%s:%d/%d' % (self.host, self.port, self.id)  # noqa: E731


class PartitionMetadata:
    """A partition in ``list_topics()``: ``id``, ``leader``, ``replicas``,
    ``isrs``, ``error`` (KafkaError or None)."""
    __slots__ = ('id', 'leader', 'replicas', 'isrs', 'error')

    def __repr__(self):
        return 'PartitionMetadata(%d)' % self.id


class TopicMetadata:
    """A topic in ``list_topics()``: ``topic``, ``partitions`` (a dict by
    id), ``error`` (KafkaError or None)."""
    __slots__ = ('topic', 'partitions', 'error')

    def __repr__(self):
        return 'TopicMetadata(%s, %d partitions)' % (self.topic, len(self.partitions))

    __str__ = lambda self: self.topic  # noqa: E731


class ClusterMetadata:
    """What ``list_topics()`` returns: ``cluster_id``, ``controller_id``,
    ``brokers`` (a dict by id), ``topics`` (a dict by name),
    ``orig_broker_id``, ``orig_broker_name``."""
    __slots__ = ('cluster_id', 'controller_id', 'brokers', 'topics',
                 'orig_broker_id', 'orig_broker_name')

    def __repr__(self):
        return 'ClusterMetadata(%s)' % self.cluster_id


def _cluster_metadata(md):
    out = ClusterMetadata()
    out.cluster_id = md.get_cluster_id()
    out.controller_id = md.get_controller_id()
    out.orig_broker_id = md.get_orig_broker_id()
    out.orig_broker_name = md.get_orig_broker_name()
    out.brokers = {}
    for b in md.get_brokers():
        bm = BrokerMetadata()
        bm.id, bm.host, bm.port = b.get_id(), b.get_host(), b.get_port()
        out.brokers[bm.id] = bm
    out.topics = {}
    for t in md.get_topics():
        tm = TopicMetadata()
        tm.topic = t.get_name()
        tm.error = _optional_error(t.get_error())
        tm.partitions = {}
        for p in t.get_partitions():
            pm = PartitionMetadata()
            pm.id = p.get_id()
            pm.leader = p.get_leader()
            pm.replicas = list(p.get_replicas())
            pm.isrs = list(p.get_isrs())
            pm.error = _optional_error(p.get_error())
            tm.partitions[pm.id] = pm
        out.topics[tm.topic] = tm
    return out


class _Core:
    """``client.core``: the typelib's methods of a client, bound to it,
    untouched by the face (milliseconds, GLib.Error, GObject arguments)."""

    __slots__ = ('_obj', '_cls')

    def __init__(self, obj, cls):
        self._obj = obj
        self._cls = cls

    def __getattr__(self, name):
        attr = getattr(self._cls, name)
        if callable(attr):
            return functools.partial(attr, self._obj)
        return attr

    def __dir__(self):
        return [n for n in dir(self._cls) if not n.startswith('_')]


# Syslog levels of librdkafka's log lines to Python's logging levels
_LOG_LEVELS = {0: logging.CRITICAL, 1: logging.CRITICAL, 2: logging.CRITICAL,
               3: logging.ERROR, 4: logging.WARNING, 5: logging.INFO,
               6: logging.INFO, 7: logging.DEBUG}


class _Face:
    """What Producer and Consumer share, as a mixin: the face's state lives on
    the GObject's Python wrapper."""

    _kind = None

    @property
    def core(self):
        """The typelib's methods of this client (GObject level)."""
        return _Core(self, self._gi_class)

    def _face_setup(self, face):
        self._exc = None
        self._serving = 0
        self._closed = False
        self._logger = face.get('logger')
        self._error_cb = face.get('error_cb')
        self._stats_cb = face.get('stats_cb')
        self._throttle_cb = face.get('throttle_cb')
        if self._error_cb is not None:
            self.connect('error', _on_error)
        if self._stats_cb is not None:
            self.connect('stats', _on_stats)
        if self._throttle_cb is not None:
            self.connect('throttle', _on_throttle)
        if self._logger is not None:
            self.connect('log', _on_log)

    def _callback_failed(self, exc):
        """An exception in a callback: kept for the call that served it, or,
        on a main loop with nobody serving, logged at once and kept for the
        next call that serves callbacks."""
        if not self._serving:
            logger = self._logger if self._logger is not None else _log
            try:
                logger.log(logging.ERROR,
                           'Exception in a %s callback served by the main loop '
                           '(raised again from the next poll(), flush() or consume())',
                           type(self).__name__, exc_info=exc)
            except Exception:  # a broken logger must not hide the first exception
                pass
        if self._exc is None:
            self._exc = exc

    def _raise_pending(self):
        exc = self._exc
        if exc is not None:
            self._exc = None
            raise exc

    def _call(self, method, *args):
        """A core call that may serve callbacks: their exceptions come out
        of it; a GLib.Error becomes a KafkaException."""
        self._serving += 1
        try:
            result = method(self, *args)
        except GLib.Error as e:
            self._serving -= 1
            self._raise_pending()
            _raise(e)
        self._serving -= 1
        if self._exc is not None:
            self._raise_pending()
        return result

    def list_topics(self, topic=None, timeout=-1):
        """Cluster metadata, for all topics or one (``ClusterMetadata``)."""
        self._check_open()
        if topic is not None:
            _check_str(topic, 'topic')
        md = self._call(_K.Client.list_topics, topic, _timeout_ms(timeout))
        return _cluster_metadata(md)

    def _check_open(self):
        pass


def _run_callback(client, cb, *args):
    try:
        cb(*args)
    except BaseException as exc:  # noqa: B902 (KeyboardInterrupt too: it must not vanish)
        client._callback_failed(exc)


def _on_error(client, gerror):
    _run_callback(client, client._error_cb, _kafka_error(gerror))


def _on_stats(client, json):
    _run_callback(client, client._stats_cb, json)


def _on_throttle(client, broker_name, broker_id, throttle_ms):
    _run_callback(client, client._throttle_cb,
                  ThrottleEvent(broker_name, broker_id, throttle_ms / 1000.0))


def _on_log(client, level, facility, message):
    _run_callback(client, client._logger.log, _LOG_LEVELS.get(level, logging.DEBUG),
                  '%s [%s] %s', facility, _K.Client.get_name(client), message)


# ---------------------------------------------------------------------------
# Producer

_TOPIC_CHARS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-')


def _check_topic(topic):
    _check_str(topic, 'topic')
    if (not topic or len(topic) > 249 or topic in ('.', '..') or
            not _TOPIC_CHARS.issuperset(topic)):
        raise KafkaException(KafkaError(
            KafkaError._INVALID_ARG,
            'Invalid topic name "%s": Kafka topic names are 1 to 249 characters of '
            'ASCII letters, digits, ".", "_" and "-"' % topic))
    return topic


def _varint_size(n):
    zz = (n << 1) ^ (n >> 63)
    size = 1
    while zz >= 0x80:
        zz >>= 7
        size += 1
    return size


def _headers_arg(headers):
    """Headers as the seed takes them (a dict, or a list of (str, bytes|str|None)
    tuples) to a list of (str, bytes|None), and their size on the wire."""
    if isinstance(headers, dict):
        items = headers.items()
    elif isinstance(headers, (list, tuple)):
        items = headers
    else:
        raise TypeError('expected headers to be dict or list of (key, value) tuples, not %s'
                        % type(headers).__name__)
    out = []
    size = 0
    for item in items:
        if not isinstance(item, tuple) or len(item) != 2:
            raise TypeError('Headers are expected to be a list of (key, value) tuples')
        name, value = item
        if not isinstance(name, str):
            raise TypeError('expected header key to be str, not %s' % type(name).__name__)
        if '\0' in name:
            raise ValueError('embedded null character in a header key')
        if isinstance(value, str):
            value = value.encode('utf-8')
        elif value is not None and not isinstance(value, bytes):
            raise TypeError('expected header value to be None, binary, or unicode string, '
                            'not %s' % type(value).__name__)
        out.append((name, value))
        nlen = len(name.encode('utf-8'))
        vlen = len(value) if value is not None else -1
        size += _varint_size(nlen) + nlen + _varint_size(vlen) + max(vlen, 0)
    return (out or None), size


@override
class Producer(_Face, _K.Producer):
    """confluent-kafka-python's ``Producer``, over a ``KafkaProducer``.

    ``Producer(conf, **kwargs)``: ``conf`` is librdkafka's configuration,
    values str, int, float or bool, ``default.topic.config`` nested, and the
    callbacks ``on_delivery``, ``error_cb``, ``stats_cb``, ``throttle_cb`` and
    ``logger`` (a ``logging.Logger``: librdkafka's lines go there, and only
    there). Timeouts are in seconds.

    Delivery callbacks are served by ``poll()`` and ``flush()``, as with the
    seed, and also by a running GLib main loop of the producer's main context
    (the thread-default one where it was created) with nobody polling."""

    _gi_class = _K.Producer

    def __new__(cls, *args, **kwargs):
        conf, face = _parse_config('producer', args, kwargs)
        only_errors = _conf_bool(conf, 'delivery.report.only.error', False)
        # the face skips the successful reports itself: librdkafka would not
        # report them at all, and their callbacks would never be released
        conf.pop('delivery.report.only.error', None)
        try:
            self = _K.Producer.new(conf)
        except GLib.Error as e:
            _raise(e)
        self._face_setup(face)
        self._default_cb = face.get('on_delivery')
        self._only_errors = only_errors
        self._backlog = []
        self._hand_over_lock = threading.RLock()
        self._ctx = _K.Client.get_context(self)
        self._max_msgs = _conf_int(conf, 'queue.buffering.max.messages', 100000)
        self._max_msg_size = _conf_int(conf, 'message.max.bytes', 1000000)
        self._fatal = None
        self._txn = False if conf.get('transactional.id') else None
        # the messages produced, per topic, as the columns the core takes;
        # produce() calls back _make_room() when the buffer would pass its
        # trigger (hand over, count the room left in librdkafka's queue)
        self._buf = _kafkaface.Buffer(self, self._max_msg_size,
                                      min(_PRODUCE_BATCH, self._max_msgs))
        self._buf.gate = self._txn is False
        # the C produce(), bound to the instance: no Python on the hot path
        self.produce = self._buf.produce
        self.connect('delivery-batch', _on_delivery_batch)
        self.connect('error', _on_error_watch)
        return self

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def new(cls, *args, **kwargs):
        """The seed's construction, under the typelib's constructor name."""
        return cls(*args, **kwargs)

    def __repr__(self):
        return '<Kafka.Producer %s>' % _K.Client.get_name(self)

    # -- produce

    def produce(self, topic, value=None, key=None, partition=-1, on_delivery=None,
                callback=None, timestamp=0, headers=None):
        """Queues a message: the seed's ``produce()``. ``value`` and ``key`` are
        str (sent as UTF-8), bytes or None; ``headers`` a dict or a list of
        ``(str, bytes|str|None)`` tuples; ``on_delivery(err, msg)`` (alias
        ``callback``) is called once with the outcome. Raises
        ``BufferError`` when the local queue is full (call ``poll()``), and
        ``KafkaException`` for a bad topic name or partition, a message above
        ``message.max.bytes``, after a fatal error, or outside a transaction
        of a transactional producer."""
        # replaced, per instance, by the C one (_kafkaface.Buffer.produce)
        return self.produce(topic, value, key, partition, on_delivery, callback,
                            timestamp, headers)

    # What the C produce() calls back for, beyond the plain case:

    def _check_topic(self, topic):
        _check_topic(topic)

    def _bad_partition(self, topic, partition):
        raise KafkaException(KafkaError(
            KafkaError._INVALID_ARG,
            'Invalid partition %d for topic "%s": use -1 to let the partitioner choose'
            % (partition, topic)))

    def _headers_arg(self, headers):
        return _headers_arg(headers)

    def _too_large(self, size):
        raise KafkaException(KafkaError(
            KafkaError.MSG_SIZE_TOO_LARGE,
            'Unable to produce message: a message of %d bytes (key, value, headers and '
            'overhead) is larger than message.max.bytes (%d)' % (size, self._max_msg_size)))

    def _check_gate(self):
        if self._fatal is not None:
            raise KafkaException(self._fatal)
        if self._txn is False:
            raise KafkaException(KafkaError(
                KafkaError._STATE,
                'A producer with a "transactional.id" produces only inside a '
                'transaction: call begin_transaction() first'))

    def _update_gate(self):
        self._buf.gate = self._fatal is not None or self._txn is False

    def _make_room(self):
        """The buffer is full, or librdkafka's queue may be: hand the buffer
        over, and count the room left from the core's count. BufferError
        when there is none for one more message."""
        self._hand_over()
        buf = self._buf
        nbuf = buf.nbuf
        used = _K.Producer.get_out_queue_length(self) + nbuf
        room = self._max_msgs - used
        if room < 1 or nbuf:
            buf.trigger = nbuf
            raise BufferError('Local: Queue full: %d messages wait for delivery; serve '
                              'delivery reports with poll() and produce again' % used)
        buf.trigger = nbuf + min(_PRODUCE_BATCH, room)

    def _schedule_hand_over(self):
        src = GLib.Idle(priority=GLib.PRIORITY_DEFAULT)
        src.set_callback(_idle_hand_over, weakref.ref(self))
        self._buf.idle = True
        src.attach(self._ctx)

    def _hand_over(self):
        """Hands every buffered message to the core, topic by topic, each in
        one produce_batch_full() call. What the local queue has no room for
        stays buffered, in order; a message the core refuses gets a failed
        delivery report."""
        with self._hand_over_lock:
            failures = self._buf.send(self)
        for item, code, text in failures:
            err = _kafka_error(GLib.Error.new_literal(_K.error_quark(), text, code))
            if code == KafkaError._FATAL:
                self._fatal = err
                self._update_gate()
            self._fail_items([item], err)

    def _fail_items(self, items, err):
        """Messages the core refused after produce() returned: each gets a
        delivery report with the error, served like the others."""
        for topic, value, key, partition, headers, cb in items:
            if cb is None:
                cb = self._default_cb
            if cb is None:
                (self._logger or _log).log(
                    logging.WARNING, 'A message for %s [%d] could not be queued and has '
                    'no delivery callback: %s', topic, partition, err)
                continue
            msg = _kafkaface.message(err, topic, partition, OFFSET_INVALID, key, value, headers,
                                     TIMESTAMP_NOT_AVAILABLE, -1, None)
            self._backlog.append((cb, err, msg))

    def _serve_backlog(self):
        """Calls the callbacks that wait (after an exception stopped a batch);
        stops at an exception when a call serves them."""
        backlog = self._backlog
        served = 0
        while backlog:
            cb, err, msg = backlog.pop(0)
            served += 1
            try:
                cb(err, msg)
            except BaseException as exc:  # noqa: B902
                self._callback_failed(exc)
                if self._serving:
                    break
        return served

    # -- serving

    def poll(self, timeout=None):
        """Serves delivery reports and other callbacks, waiting up to
        ``timeout`` seconds (None: no limit) for a first one. Returns how many
        events were served."""
        if self._buf.nbuf:
            self._hand_over()
        ms = _timeout_ms(timeout)
        self._serving += 1
        try:
            served = self._serve_backlog() if self._backlog else 0
        finally:
            self._serving -= 1
        self._raise_pending()
        if served:
            ms = 0
        deadline = None if ms <= 0 else time.monotonic() + ms / 1000.0
        while True:
            step = ms if deadline is None else min(_WAIT_SLICE_MS, max(
                0, int((deadline - time.monotonic()) * 1000)))
            if ms < 0:
                step = _WAIT_SLICE_MS
            n = self._call(_K.Producer.poll, step)
            served += n
            if n or ms == 0 or (deadline is not None and time.monotonic() >= deadline):
                return served

    def flush(self, timeout=None):
        """Waits until every message produced has had its delivery report
        served, up to ``timeout`` seconds (None: no limit). Returns how many
        are still waiting (0 when done)."""
        ms = _timeout_ms(timeout)
        deadline = None if ms < 0 else time.monotonic() + ms / 1000.0
        self._serving += 1
        try:
            if self._backlog:
                self._serve_backlog()
        finally:
            self._serving -= 1
        self._raise_pending()
        while True:
            self._hand_over()
            left = (_WAIT_SLICE_MS if deadline is None else
                    max(0, min(_WAIT_SLICE_MS, int((deadline - time.monotonic()) * 1000))))
            if not self._buf.nbuf:
                try:
                    if self._call(_K.Producer.flush, left):
                        break
                except KafkaException as e:
                    if e.args[0].code() != KafkaError._TIMED_OUT:
                        raise
            else:
                # the local queue is full: reports make room
                self._call(_K.Producer.poll, min(left, 100))
            if deadline is not None and time.monotonic() >= deadline:
                break
        self._serving += 1
        try:
            if self._backlog:
                self._serve_backlog()
        finally:
            self._serving -= 1
        self._raise_pending()
        return len(self)

    def __len__(self):
        """Messages produced whose delivery report was not served yet: in the
        face's buffer, librdkafka's queue, in flight, or waiting."""
        if self._buf.nbuf:
            self._hand_over()
        return _K.Producer.get_out_queue_length(self) + self._buf.nbuf + len(self._backlog)

    def __bool__(self):
        return True

    def purge(self, in_queue=True, in_flight=True, blocking=True):
        """Purges messages not yet delivered; their delivery reports (with
        ``_PURGE_QUEUE`` or ``_PURGE_INFLIGHT``) come from the next ``poll()``
        or ``flush()``."""
        self._hand_over()
        flags = 0
        if in_queue:
            flags |= _K.PurgeFlags.QUEUE
        if in_flight:
            flags |= _K.PurgeFlags.INFLIGHT
        if not blocking:
            flags |= _K.PurgeFlags.NON_BLOCKING
        self._call(_K.Producer.purge, _K.PurgeFlags(flags))
        if in_queue and self._buf.nbuf:
            # what the full queue had no room for: purged here
            with self._hand_over_lock:
                items = self._buf.take_all()
            self._fail_items(items, KafkaError(KafkaError._PURGE_QUEUE, 'Local: Purged in queue'))

    # -- transactions

    def init_transactions(self, timeout=None):
        """Initializes the transactional producer (``transactional.id``)."""
        self._call(_K.Producer.init_transactions, _timeout_ms(timeout))

    def begin_transaction(self):
        self._call(_K.Producer.begin_transaction)
        if self._txn is not None:
            self._txn = True
            self._update_gate()

    def send_offsets_to_transaction(self, positions, group_metadata, timeout=None):
        """Adds a consumer's positions to the transaction. ``group_metadata``
        is what ``consumer.consumer_group_metadata()`` returns (or the
        consumer itself)."""
        consumer = group_metadata
        if isinstance(group_metadata, ConsumerGroupMetadata):
            consumer = group_metadata._consumer()
            if consumer is None:
                raise KafkaException(KafkaError(
                    KafkaError._INVALID_ARG,
                    'The consumer of this group metadata no longer exists'))
        if not isinstance(consumer, _K.Consumer):
            raise TypeError('expected the consumer_group_metadata() of a Consumer')
        self._call(_K.Producer.send_offsets_to_transaction, _to_core_list(positions),
                   consumer, _timeout_ms(timeout))

    def commit_transaction(self, timeout=None):
        """Commits the transaction, after every message of it is delivered
        (their callbacks are served from here)."""
        self._hand_all_over(timeout)
        self._call(_K.Producer.commit_transaction, _timeout_ms(timeout))
        if self._txn is not None:
            self._txn = False
            self._update_gate()

    def abort_transaction(self, timeout=None):
        """Aborts the transaction: its messages not yet delivered fail with
        ``_PURGE_QUEUE`` or ``_PURGE_INFLIGHT``."""
        self._hand_all_over(timeout)
        self._call(_K.Producer.abort_transaction, _timeout_ms(timeout))
        if self._txn is not None:
            self._txn = False
            self._update_gate()

    def _hand_all_over(self, timeout):
        ms = _timeout_ms(timeout)
        deadline = None if ms < 0 else time.monotonic() + ms / 1000.0
        self._hand_over()
        while self._buf.nbuf:
            if deadline is not None and time.monotonic() >= deadline:
                raise KafkaException(KafkaError(
                    KafkaError._TIMED_OUT, 'The local queue stayed full: %d messages '
                    'of the transaction could not be queued' % self._buf.nbuf, retriable=True))
            self._call(_K.Producer.poll, 100)
            self._hand_over()


def _idle_hand_over(ref):
    self = ref()
    if self is not None:
        self._buf.idle = False
        if self._buf.nbuf:
            self._hand_over()
    return False


def _on_error_watch(self, gerror):
    if gerror.domain == _DOMAIN and gerror.code == KafkaError._FATAL:
        self._fatal = _kafka_error(gerror)
        self._update_gate()


def _on_delivery_batch(self, batch):
    """One delivery-batch emission: each message's callback, found by its
    tag, called with a light Message (by _kafkaface.deliver())."""
    if not self._buf.pending_callbacks and self._default_cb is None:
        return
    if self._backlog:
        self._serve_backlog()
    serving = bool(self._serving)
    cols = _DeliveryColumns(batch, batch.get_length())
    rest = _kafkaface.deliver(batch, self._buf, self._default_cb, self._only_errors,
                              _code_error, cols, self._callback_failed, serving,
                              serving and self._exc is not None)
    if rest:
        self._backlog.extend(rest)
        del rest
    cols.detach(0)


# ---------------------------------------------------------------------------
# Consumer



class ConsumerGroupMetadata:
    """What ``consumer_group_metadata()`` returns, for the transactional
    producer's ``send_offsets_to_transaction()``: kafka-glib reads the
    consumer's group, member id and generation when that is called."""

    __slots__ = ('_consumer',)

    def __init__(self, consumer):
        self._consumer = weakref.ref(consumer)

    def __repr__(self):
        c = self._consumer()
        return '<ConsumerGroupMetadata of %s>' % (_K.Client.get_name(c) if c else 'a closed consumer')


def _event_error(code, text):
    """A consumer event's KafkaError (its flags from its code)."""
    base = _code_error(code)
    return KafkaError(code, text, base.fatal(), base.retriable(), base.txn_requires_abort())


def _consumed_messages(batch):
    """Light Messages over a consumed batch, built by _kafkaface.consumed(),
    and their values' total length."""
    return _kafkaface.consumed(batch, _event_error)


@override
class Consumer(_Face, _K.Consumer):
    """confluent-kafka-python's ``Consumer``, over a ``KafkaConsumer``.

    ``Consumer(conf, **kwargs)``: ``group.id`` is required; callbacks
    ``on_commit``, ``error_cb``, ``stats_cb``, ``throttle_cb``, ``logger``,
    and kafka-glib's own ``on_message(consumer, msg)``: each message from the
    consumer's main loop as it comes, with nobody polling (the rebalance
    callbacks come from the main loop too, then). Timeouts are in seconds.

    ``poll()`` and ``consume()`` hand out messages from batches the consumer
    takes from librdkafka. With ``enable.auto.offset.store`` (the default),
    the offsets stored for commits are those of messages already handed out,
    never of a message still in the batch: the face stores them itself (it
    turns librdkafka's automatic store off), at the latest half a second
    after it handed them out, when it takes the next batch, and before a
    commit, a rebalance or ``close()``. ``consume(n)`` returns as soon as at
    least one message is there (at most ``n``), rather than waiting for ``n``:
    with librdkafka 2.0.2 a wait for the full count holds up its fetcher."""

    _gi_class = _K.Consumer

    def __new__(cls, *args, **kwargs):
        conf, face = _parse_config('consumer', args, kwargs)
        auto_store = _conf_bool(conf, 'enable.auto.offset.store', True)
        conf['enable.auto.offset.store'] = 'false'
        try:
            self = _K.Consumer.new(conf)
        except GLib.Error as e:
            _raise(e)
        self._face_setup(face)
        self._auto_store = auto_store
        self._on_commit = face.get('on_commit')
        self._cache = []      # messages taken from the core, in order
        self._pos = 0         # cache[:pos] are handed out
        self._stored = 0      # cache[:stored] have their offsets stored
        self._held = {}       # (topic, partition) -> messages taken, then paused
        self._next_tick = 0.0
        self._take_size = _CONSUME_BATCH
        self._on_assign = self._on_revoke = self._on_lost = None
        self.connect('partitions-assigned', _on_assigned)
        self.connect('partitions-revoked', _on_revoked)
        self.connect('partitions-lost', _on_lost)
        if self._on_commit is not None:
            self.connect('commit', _on_commit)
        self._on_message = face.get('on_message')
        if self._on_message is not None:
            # kafka-glib's own: messages from the main loop, nobody polling
            self.connect('message-batch', _on_message_batch)
            _K.Consumer.set_emit_messages(self, True)
        return self

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def new(cls, *args, **kwargs):
        """The seed's construction, under the typelib's constructor name."""
        return cls(*args, **kwargs)

    def __repr__(self):
        return '<Kafka.Consumer %s>' % _K.Client.get_name(self)

    def _check_open(self):
        if self._closed:
            raise RuntimeError('Consumer closed')

    # -- messages

    def poll(self, timeout=None):
        """The next message (or event: check ``error()``), waiting up to
        ``timeout`` seconds (None: no limit); None if none came in time."""
        if time.monotonic() >= self._next_tick:
            # before anything is handed out: its callbacks may raise
            self._tick()
        i = self._pos
        cache = self._cache
        if i < len(cache):
            self._pos = i + 1
            return cache[i]
        self._fill(1, _timeout_ms(timeout))
        i = self._pos
        cache = self._cache
        if i < len(cache):
            self._pos = i + 1
            return cache[i]
        return None

    def consume(self, num_messages=1, timeout=-1):
        """Up to ``num_messages`` messages (events included), waiting up to
        ``timeout`` seconds for the first one (-1 or None: no limit); returns
        as soon as there is at least one, or an empty list on timeout."""
        if not isinstance(num_messages, int) or not 0 <= num_messages <= 1000000:
            raise ValueError('num_messages must be between 0 and 1000000 (1M)')
        if time.monotonic() >= self._next_tick:
            self._tick()
        i = self._pos
        cache = self._cache
        end = i + num_messages
        if end <= len(cache) and num_messages:
            self._pos = end
            return cache[i:end]
        if i < len(cache) or not num_messages:
            # what is left of the cache: a take could raise (a callback), and
            # these would be lost
            self._pos = len(cache) if num_messages else i
            return cache[i:end]
        self._fill(num_messages, _timeout_ms(timeout))
        i = self._pos
        cache = self._cache
        out = cache[i:i + num_messages]
        self._pos = i + len(out)
        return out

    def _take(self, n, timeout_ms):
        """Takes up to n messages from the core into the cache (a rebalance
        handler may have replaced it meanwhile: appended to whatever it is
        now). Exceptions raised by the callbacks it served wait for the
        caller, so that no message taken is lost."""
        self._serving += 1
        try:
            batch = _K.Consumer.consume_batch(self, n, timeout_ms)
        except GLib.Error as e:
            self._serving -= 1
            self._raise_pending()
            _raise(e)
        self._serving -= 1
        messages, nbytes = _consumed_messages(batch)
        if messages:
            self._cache.extend(messages)
            # the next take's size, from one message's value
            size = len(messages[0]) + 1
            self._take_size = max(16, min(_CONSUME_BATCH, _CONSUME_BYTES // size))
        return len(messages)

    def _fill(self, want, timeout_ms):
        """The cache is spent: store the offsets handed out, take what the
        core has (without waiting), and wait for a first message only if
        there was none."""
        self._check_open()
        self._store_handed()
        self._cache = []
        self._pos = self._stored = 0
        ask = max(want, self._take_size)
        # (a take that drains librdkafka's queue after a fill that stopped
        # its fetcher restarts the fetcher: the core does it, on every path)
        got = self._take(ask, 0)
        if not got and timeout_ms != 0 and self._exc is None:
            deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000.0
            while not got and self._exc is None and not self._closed:
                step = _WAIT_SLICE_MS
                if deadline is not None:
                    step = max(0, min(step, int((deadline - time.monotonic()) * 1000)))
                got = self._take(1, step)
                if got:
                    got += self._take(ask - 1, 0)
                elif deadline is not None and time.monotonic() >= deadline:
                    break
        self._next_tick = time.monotonic() + _CONSUMER_TICK_S
        self._raise_pending()

    def _tick(self):
        """While messages are handed out from the cache: store their offsets,
        and call into the consumer queue (max.poll.interval.ms, rebalances)."""
        self._check_open()
        self._next_tick = time.monotonic() + _CONSUMER_TICK_S
        self._store_handed()
        self._take(1, 0)
        self._raise_pending()

    def _store_handed(self):
        """Stores, for each partition, the offset after the last message
        handed out (what librdkafka's automatic store would have done)."""
        a, b = self._stored, self._pos
        if b <= a or not self._auto_store:
            self._stored = max(a, b)
            return
        self._stored = b
        last = _kafkaface.last_offsets(self._cache[a:b])
        if not last:
            return
        offsets = [_K.TopicPartition.new(t, p, o + 1) for (t, p), o in last.items()]
        try:
            _K.Consumer.store_offsets(self, offsets)
        except GLib.Error as e:
            (self._logger or _log).log(logging.WARNING,
                                       'Could not store the offsets of messages handed out: %s',
                                       e.message)

    def _drop(self, keys=None, store=True):
        """Forgets the messages taken but not handed out, of some partitions
        (keys) or all; the handed ones' offsets are stored first (not for
        lost partitions: others may own them already)."""
        if store:
            self._store_handed()
        rest = self._cache[self._pos:]
        if keys is None:
            rest = []
            self._held = {}
        else:
            rest = [m for m in rest if _key_of(m) not in keys]
            for k in keys:
                self._held.pop(k, None)
        self._cache = rest
        self._pos = self._stored = 0

    # -- assignment

    def subscribe(self, topics, on_assign=None, on_revoke=None, on_lost=None):
        """Joins the group for ``topics`` (names, or regular expressions
        starting with ``^``); the callbacks get ``(consumer, [TopicPartition])``."""
        self._check_open()
        if not isinstance(topics, (list, tuple)):
            raise TypeError('expected list of topic unicode strings')
        topics = [_check_str(t, 'topic') for t in topics]
        for name, cb in (('on_assign', on_assign), ('on_revoke', on_revoke),
                         ('on_lost', on_lost)):
            if cb is not None and not callable(cb):
                raise TypeError('expected %s to be callable' % name)
        self._on_assign, self._on_revoke, self._on_lost = on_assign, on_revoke, on_lost
        self._call(_K.Consumer.subscribe, topics)

    def unsubscribe(self):
        self._check_open()
        self._call(_K.Consumer.unsubscribe)

    def assign(self, partitions):
        """Replaces the assignment (TopicPartitions, with the offsets to start
        from)."""
        self._check_open()
        core = _to_core_list(partitions)
        self._drop()
        self._call(_K.Consumer.assign, core)

    def unassign(self):
        self._check_open()
        self._drop()
        self._call(_K.Consumer.unassign)

    def incremental_assign(self, partitions):
        self._check_open()
        self._call(_K.Consumer.incremental_assign, _to_core_list(partitions))

    def incremental_unassign(self, partitions):
        self._check_open()
        core = _to_core_list(partitions)
        self._drop({(tp.topic, tp.partition) for tp in partitions})
        self._call(_K.Consumer.incremental_unassign, core)

    def assignment(self):
        self._check_open()
        return _from_core_list(self._call(_K.Consumer.get_assignment))

    # -- offsets

    def _message_offset(self, message, what):
        if not isinstance(message, Message):
            raise TypeError('expected a Message')
        if message.error() is not None:
            raise KafkaException(KafkaError(
                KafkaError._INVALID_ARG,
                'Cannot %s a message that carries an error (%s): it has no offset of '
                'its own' % (what, message.error().name())))
        return [_K.TopicPartition.new(message.topic(), message.partition(), message.offset() + 1)]

    def commit(self, message=None, offsets=None, asynchronous=True, **kwargs):
        """Commits a message's offset + 1, a list of offsets, or (neither)
        the offsets stored. Asynchronous: returns None, the result comes to
        ``on_commit``; otherwise waits and returns the committed offsets."""
        self._check_open()
        if 'async' in kwargs:
            asynchronous = kwargs.pop('async')
        if kwargs:
            raise TypeError('unexpected keyword arguments %s' % ', '.join(kwargs))
        if message is not None and offsets is not None:
            raise ValueError('message and offsets are mutually exclusive')
        if message is not None:
            core = self._message_offset(message, 'commit')
        elif offsets is not None:
            core = _to_core_list(offsets, 'offsets')
        else:
            self._store_handed()
            core = None
        if asynchronous:
            self._call(_K.Consumer.commit_in_background, core)
            return None
        return _from_core_list(self._call(_K.Consumer.commit, core))

    def committed(self, partitions, timeout=None):
        self._check_open()
        return _from_core_list(self._call(_K.Consumer.committed, _to_core_list(partitions),
                                          _timeout_ms(timeout)))

    def store_offsets(self, message=None, offsets=None):
        """Stores a message's offset + 1, or a list of offsets, for the next
        commit; needs ``enable.auto.offset.store`` set to False."""
        self._check_open()
        if self._auto_store:
            raise KafkaException(KafkaError(
                KafkaError._INVALID_ARG,
                'StoreOffsets failed: set enable.auto.offset.store to false to store '
                'offsets yourself'))
        if message is not None and offsets is not None:
            raise ValueError('message and offsets are mutually exclusive')
        if message is not None:
            core = self._message_offset(message, 'store')
        elif offsets is not None:
            core = _to_core_list(offsets, 'offsets')
        else:
            raise ValueError('expected message or offsets')
        self._call(_K.Consumer.store_offsets, core)

    def position(self, partitions):
        """The position in each partition: the offset of the next message
        ``poll()`` will hand out."""
        self._check_open()
        out = _from_core_list(self._call(_K.Consumer.position, _to_core_list(partitions)))
        pending = {}
        for m in itertools.chain(self._cache[self._pos:], *self._held.values()):
            if m.error() is None:
                pending.setdefault(_key_of(m), m.offset())
        if pending:
            for tp in out:
                offset = pending.get((tp.topic, tp.partition))
                if offset is not None:
                    tp.offset = offset
        return out

    def seek(self, partition):
        """Moves the position in an assigned partition (a TopicPartition with
        the offset to read next)."""
        self._check_open()
        if not isinstance(partition, TopicPartition):
            raise TypeError('expected a TopicPartition')
        core = partition._to_core()
        self._drop({(partition.topic, partition.partition)})
        self._call(_K.Consumer.seek, core, -1)

    def pause(self, partitions):
        """Pauses fetching; messages taken but not handed out for these
        partitions wait for ``resume()``."""
        self._check_open()
        core = _to_core_list(partitions)
        self._call(_K.Consumer.pause, core)
        keys = {(tp.topic, tp.partition) for tp in partitions}
        rest = []
        for m in self._cache[self._pos:]:
            k = _key_of(m)
            if k in keys:
                self._held.setdefault(k, []).append(m)
            else:
                rest.append(m)
        self._store_handed()
        self._cache = rest
        self._pos = self._stored = 0

    def resume(self, partitions):
        self._check_open()
        core = _to_core_list(partitions)
        self._call(_K.Consumer.resume, core)
        back = []
        for tp in partitions:
            back += self._held.pop((tp.topic, tp.partition), [])
        if back:
            self._store_handed()
            self._cache = back + self._cache[self._pos:]
            self._pos = self._stored = 0

    def get_watermark_offsets(self, partition, timeout=None, cached=False):
        """``(low, high)`` offsets of a partition; None if the broker did not
        answer in time."""
        self._check_open()
        if not isinstance(partition, TopicPartition):
            raise TypeError('expected a TopicPartition')
        try:
            ok, low, high = self._call(_K.Client.get_watermark_offsets, partition.topic,
                                       partition.partition, bool(cached),
                                       _timeout_ms(timeout))
        except KafkaException as e:
            if e.args[0].code() == KafkaError._TIMED_OUT:
                return None
            raise
        return (low, high)

    def offsets_for_times(self, partitions, timeout=None):
        self._check_open()
        return _from_core_list(self._call(_K.Consumer.offsets_for_times,
                                          _to_core_list(partitions), _timeout_ms(timeout)))

    def memberid(self):
        """The consumer's member id in its group, or None before it joined."""
        self._check_open()
        return _K.Consumer.get_member_id(self)

    def consumer_group_metadata(self):
        self._check_open()
        return ConsumerGroupMetadata(self)

    def list_topics(self, topic=None, timeout=-1):
        self._check_open()
        return _Face.list_topics(self, topic, timeout)

    def close(self):
        """Leaves the group: stores the offsets of the messages handed out,
        commits them (with ``enable.auto.commit``), serves the revoke
        callback. Then every call raises RuntimeError."""
        if self._closed:
            return
        self._drop()
        try:
            self._call(_K.Consumer.close)
        finally:
            self._closed = True
            self._cache = []
            self._pos = self._stored = 0


def _rebalance_partitions(partitions):
    return [TopicPartition._from_core(tp) for tp in partitions]


def _on_assigned(self, partitions):
    cb = self._on_assign
    if cb is None:
        return
    tps = _rebalance_partitions(partitions)
    _run_callback(self, cb, self, tps)
    # offsets set by the callback go back to the list the core assigns
    # (unless the callback assigned itself)
    for tp, core in zip(tps, partitions):
        if tp.offset != core.get_offset():
            core.set_offset(tp.offset)


def _on_revoked(self, partitions):
    self._drop({(tp.get_topic(), tp.get_partition()) for tp in partitions})
    if self._on_revoke is not None:
        _run_callback(self, self._on_revoke, self, _rebalance_partitions(partitions))


def _on_lost(self, partitions):
    self._drop({(tp.get_topic(), tp.get_partition()) for tp in partitions}, store=False)
    cb = self._on_lost if self._on_lost is not None else self._on_revoke
    if cb is not None:
        _run_callback(self, cb, self, _rebalance_partitions(partitions))


def _on_message_batch(self, batch):
    """on_message: a batch the core took on the main loop, handed out one
    message at a time through the cache, so that the offsets stored (and
    committed) are those of messages handed out, even if a callback closes
    the consumer half way."""
    self._cache = self._cache[self._pos:] + _consumed_messages(batch)[0]
    self._pos = self._stored = 0
    cb = self._on_message
    while not self._closed and self._pos < len(self._cache):
        m = self._cache[self._pos]
        self._pos += 1
        _run_callback(self, cb, self, m)
    if not self._closed:
        self._store_handed()


def _on_commit(self, gerror, partitions):
    _run_callback(self, self._on_commit, _optional_error(gerror),
                  _from_core_list(partitions))


# ---------------------------------------------------------------------------
# Administration: the seed's AdminClient and its types

class _SeedEnum(enum.Enum):
    """The seed's admin enums: Python enums whose values are librdkafka's
    (and the typelib's) numbers, ordered by value."""

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


class ResourceType(_SeedEnum):
    """A kind of Kafka resource (``ConfigResource.Type``)."""
    UNKNOWN = 0
    ANY = 1
    TOPIC = 2
    GROUP = 3
    BROKER = 4


class ResourcePatternType(_SeedEnum):
    """How an ACL binding's resource name matches resource names."""
    UNKNOWN = 0
    ANY = 1
    MATCH = 2
    LITERAL = 3
    PREFIXED = 4


class AclOperation(_SeedEnum):
    """What an ACL binding allows or denies."""
    UNKNOWN = 0
    ANY = 1
    ALL = 2
    READ = 3
    WRITE = 4
    CREATE = 5
    DELETE = 6
    ALTER = 7
    DESCRIBE = 8
    CLUSTER_ACTION = 9
    DESCRIBE_CONFIGS = 10
    ALTER_CONFIGS = 11
    IDEMPOTENT_WRITE = 12


class AclPermissionType(_SeedEnum):
    """Whether an ACL binding allows or denies."""
    UNKNOWN = 0
    ANY = 1
    DENY = 2
    ALLOW = 3


class ConfigSource(enum.IntEnum):
    """Where a configuration value (``ConfigEntry.source``) comes from. An
    int too: the seed's 1.x gives ``ConfigEntry.source`` as a plain int."""
    UNKNOWN_CONFIG = 0
    DYNAMIC_TOPIC_CONFIG = 1
    DYNAMIC_BROKER_CONFIG = 2
    DYNAMIC_DEFAULT_BROKER_CONFIG = 3
    STATIC_BROKER_CONFIG = 4
    DEFAULT_CONFIG = 5


class ConsumerGroupState(_SeedEnum):
    """The state of a consumer group (``UNKOWN``, the seed's spelling, is an
    alias of ``UNKNOWN``)."""
    UNKNOWN = 0
    UNKOWN = 0
    PREPARING_REBALANCING = 1
    COMPLETING_REBALANCING = 2
    STABLE = 3
    DEAD = 4
    EMPTY = 5


# the broker's names of the group states, in the seed's list_groups()
_GROUP_STATE_NAMES = {0: 'Unknown', 1: 'PreparingRebalance', 2: 'CompletingRebalance',
                      3: 'Stable', 4: 'Dead', 5: 'Empty'}


def _enum_arg(cls, value, what):
    """An enum argument given as the enum, its name (any case) or its value."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError('Unknown %s "%s": should be a %s' % (what, value, cls.__name__)) from None
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return cls(int(value))
        except ValueError:
            raise ValueError('Unknown %s %d: should be a %s' % (what, value, cls.__name__)) from None
    raise TypeError('%s must be a %s, not %s' % (what, cls.__name__, type(value).__name__))


def _int_arg(value, what):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError('%s must be int, not %s' % (what, type(value).__name__))
    return value


def _str_list(values, what):
    if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple)):
        raise TypeError('%s must be a list of str' % what)
    if not values:
        raise ValueError('Expected non-empty list of %s' % what)
    return [_check_str(v, what) for v in values]


def _typed_list(values, cls, what):
    if not isinstance(values, (list, tuple)):
        raise TypeError('Expected list of %s' % cls.__name__)
    if not values:
        raise ValueError('Expected non-empty list of %s' % cls.__name__)
    for v in values:
        if not isinstance(v, cls):
            raise TypeError('Expected list of %s, not of %s' % (cls.__name__, type(v).__name__))
    return list(values)


def _replica_assignment(value, what):
    """[[broker id, ...], ...] checked: one list of ints per partition."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise TypeError('%s must be a list of lists of broker ids' % what)
    out = []
    for replicas in value:
        if not isinstance(replicas, (list, tuple)):
            raise TypeError('%s must be a list of lists of broker ids' % what)
        out.append([_int_arg(b, 'broker id in ' + what) for b in replicas])
    return out


class NewTopic:
    """A topic to create, as the seed's ``NewTopic``: ``topic``,
    ``num_partitions`` and ``replication_factor`` (-1: the broker's default),
    ``replica_assignment`` (a list, one per partition, of lists of broker
    ids; then leave ``replication_factor`` at -1), ``config`` (a dict of the
    topic's configuration)."""

    def __init__(self, topic, num_partitions=-1, replication_factor=-1,
                 replica_assignment=None, config=None):
        self.topic = _check_str(topic, 'topic')
        self.num_partitions = _int_arg(num_partitions, 'num_partitions')
        self.replication_factor = _int_arg(replication_factor, 'replication_factor')
        self.replica_assignment = _replica_assignment(replica_assignment, 'replica_assignment')
        if config is not None and not isinstance(config, dict):
            raise TypeError('config must be a dict')
        self.config = config

    def _to_core(self):
        nt = _K.NewTopic.new(self.topic, self.num_partitions, self.replication_factor)
        for i, replicas in enumerate(self.replica_assignment or ()):
            nt.set_replica_assignment(i, replicas)
        for key, value in (self.config or {}).items():
            nt.set_config(_check_str(key, 'config key'), _conf_value(key, value))
        return nt

    def __repr__(self):
        return 'NewTopic(topic=%s,num_partitions=%d)' % (self.topic, self.num_partitions)

    __str__ = __repr__

    def __eq__(self, other):
        if not isinstance(other, NewTopic):
            return NotImplemented
        return self.topic == other.topic

    def __hash__(self):
        return hash(self.topic)


class NewPartitions:
    """Partitions to add to a topic, as the seed's ``NewPartitions``:
    ``topic``, ``new_total_count`` (the topic's new number of partitions),
    ``replica_assignment`` (one list of broker ids per new partition)."""

    def __init__(self, topic, new_total_count, replica_assignment=None):
        self.topic = _check_str(topic, 'topic')
        self.new_total_count = _int_arg(new_total_count, 'new_total_count')
        self.replica_assignment = _replica_assignment(replica_assignment, 'replica_assignment')

    def _to_core(self):
        np = _K.NewPartitions.new(self.topic, self.new_total_count)
        for i, replicas in enumerate(self.replica_assignment or ()):
            np.set_replica_assignment(i, replicas)
        return np

    def __repr__(self):
        return 'NewPartitions(topic=%s,new_total_count=%d)' % (self.topic, self.new_total_count)

    __str__ = __repr__

    def __eq__(self, other):
        if not isinstance(other, NewPartitions):
            return NotImplemented
        return self.topic == other.topic

    def __hash__(self):
        return hash(self.topic)


class ConfigEntry:
    """A configuration value in ``describe_configs()``' answer: ``name``,
    ``value`` (None when unset or sensitive), ``source`` (``ConfigSource``),
    ``is_read_only``, ``is_default``, ``is_sensitive``, ``is_synonym``,
    ``synonyms`` (a dict by name of ``ConfigEntry``)."""

    def __init__(self, name, value, source=ConfigSource.UNKNOWN_CONFIG, is_read_only=False,
                 is_default=False, is_sensitive=False, is_synonym=False, synonyms=None):
        self.name = name
        self.value = value
        self.source = source
        self.is_read_only = bool(is_read_only)
        self.is_default = bool(is_default)
        self.is_sensitive = bool(is_sensitive)
        self.is_synonym = bool(is_synonym)
        self.synonyms = synonyms if synonyms is not None else {}

    @classmethod
    def _from_core(cls, entry):
        return cls(entry.get_name(), entry.get_value(), ConfigSource(int(entry.get_source())),
                   entry.get_is_read_only(), entry.get_is_default(), entry.get_is_sensitive(),
                   entry.get_is_synonym(), _config_entries(entry.get_synonyms()))

    def __repr__(self):
        return 'ConfigEntry(%s="%s")' % (self.name, self.value)

    def __str__(self):
        return '%s="%s"' % (self.name, self.value)


def _config_entries(entries):
    return {e.get_name(): ConfigEntry._from_core(e) for e in (entries or ())}


@functools.total_ordering
class ConfigResource:
    """A resource with a configuration, as the seed's ``ConfigResource``:
    ``restype`` (a ``ResourceType``, its name or value), ``name`` (for a
    broker, its id as a str), ``set_config_dict`` (what ``alter_configs()``
    sets: every other value of the resource goes back to its default)."""

    Type = ResourceType

    def __init__(self, restype, name, set_config=None, described_configs=None, error=None):
        if name is None:
            raise ValueError('Expected resource name to be a string')
        self.restype = _enum_arg(ResourceType, restype, 'resource type')
        self.restype_int = self.restype.value
        self.name = _check_str(name, 'resource name')
        if set_config is not None and not isinstance(set_config, dict):
            raise TypeError('set_config must be a dict')
        self.set_config_dict = dict(set_config) if set_config is not None else {}
        self.configs = described_configs
        self.error = error

    def set_config(self, name, value, overwrite=True):
        """Sets (or, with ``overwrite=False``, keeps) a value for
        ``alter_configs()``."""
        if not overwrite and name in self.set_config_dict:
            return
        self.set_config_dict[name] = value

    def _to_core(self):
        r = _K.ConfigResource.new(self.restype.value, self.name)
        for key, value in self.set_config_dict.items():
            r.set_config(_check_str(key, 'config name'), _conf_value(key, value))
        return r

    def __len__(self):
        return len(self.set_config_dict)

    def __repr__(self):
        if self.error is not None:
            return 'ConfigResource(%s,%s,%r)' % (self.restype, self.name, self.error)
        return 'ConfigResource(%s,%s)' % (self.restype, self.name)

    def __hash__(self):
        return hash((self.restype, self.name))

    def __eq__(self, other):
        if not isinstance(other, ConfigResource):
            return NotImplemented
        return (self.restype, self.name) == (other.restype, other.name)

    def __lt__(self, other):
        if not isinstance(other, ConfigResource):
            return NotImplemented
        return (self.restype.value, self.name) < (other.restype.value, other.name)


@functools.total_ordering
class AclBinding:
    """An ACL binding, as the seed's ``AclBinding``: ``restype``
    (``ResourceType``), ``name``, ``resource_pattern_type``
    (``ResourcePatternType``), ``principal`` (``User:NAME``), ``host``
    (``*`` for any), ``operation`` (``AclOperation``), ``permission_type``
    (``AclPermissionType``). Enums may be given by name or value."""

    _filter = False

    def __init__(self, restype, name, resource_pattern_type, principal, host, operation,
                 permission_type):
        self.restype = _enum_arg(ResourceType, restype, 'restype')
        self.name = name
        self.resource_pattern_type = _enum_arg(ResourcePatternType, resource_pattern_type,
                                               'resource_pattern_type')
        self.principal = principal
        self.host = host
        self.operation = _enum_arg(AclOperation, operation, 'operation')
        self.permission_type = _enum_arg(AclPermissionType, permission_type, 'permission_type')
        self._check()
        self.restype_int = self.restype.value
        self.resource_pattern_type_int = self.resource_pattern_type.value
        self.operation_int = self.operation.value
        self.permission_type_int = self.permission_type.value

    def _check(self):
        kind = type(self).__name__
        for attr in ('name', 'principal', 'host'):
            value = getattr(self, attr)
            if value is None and self._filter:
                continue
            _check_str(value, attr)
        forbidden = (('restype', (ResourceType.UNKNOWN,) + (() if self._filter else (ResourceType.ANY,))),
                     ('resource_pattern_type', (ResourcePatternType.UNKNOWN,) + (
                         () if self._filter else (ResourcePatternType.ANY, ResourcePatternType.MATCH))),
                     ('operation', (AclOperation.UNKNOWN,) + (() if self._filter else (AclOperation.ANY,))),
                     ('permission_type', (AclPermissionType.UNKNOWN,) + (
                         () if self._filter else (AclPermissionType.ANY,))))
        for attr, bad in forbidden:
            if getattr(self, attr) in bad:
                raise ValueError('%s.%s cannot be %s' % (kind, attr, getattr(self, attr).name))

    def _to_tuple(self):
        return (self.restype, self.name, self.resource_pattern_type, self.principal,
                self.host, self.operation, self.permission_type)

    def _to_core(self):
        return _K.AclBinding.new(self.restype.value, self.name, self.resource_pattern_type.value,
                                 self.principal, self.host, self.operation.value,
                                 self.permission_type.value)

    @classmethod
    def _from_core(cls, acl):
        self = cls.__new__(cls)
        self.restype = ResourceType(int(acl.get_resource_type()))
        self.name = acl.get_name()
        self.resource_pattern_type = ResourcePatternType(int(acl.get_pattern_type()))
        self.principal = acl.get_principal()
        self.host = acl.get_host()
        self.operation = AclOperation(int(acl.get_operation()))
        self.permission_type = AclPermissionType(int(acl.get_permission_type()))
        self.restype_int = self.restype.value
        self.resource_pattern_type_int = self.resource_pattern_type.value
        self.operation_int = self.operation.value
        self.permission_type_int = self.permission_type.value
        return self

    def __repr__(self):
        return '%s(%s,%s,%s,%s,%s,%s,%s)' % ((type(self).__name__,) + tuple(
            v.name if isinstance(v, enum.Enum) else v for v in self._to_tuple()))

    __str__ = __repr__

    def __hash__(self):
        return hash(self._to_tuple())

    def _sort_key(self):
        return tuple((v.value if isinstance(v, enum.Enum) else (v is not None, v or ''))
                     for v in self._to_tuple())

    def __eq__(self, other):
        if not isinstance(other, AclBinding):
            return NotImplemented
        return self._to_tuple() == other._to_tuple()

    def __lt__(self, other):
        if not isinstance(other, AclBinding):
            return NotImplemented
        return self._sort_key() < other._sort_key()


class AclBindingFilter(AclBinding):
    """What ``describe_acls()`` and ``delete_acls()`` match, as the seed's
    ``AclBindingFilter``: an ``AclBinding`` whose ``name``, ``principal``
    and ``host`` may be None (any), and whose enums may be ``ANY`` (and
    ``ResourcePatternType.MATCH``)."""

    _filter = True


class ConsumerGroupTopicPartitions:
    """A consumer group and some of its partitions, as the seed's:
    ``group_id``, ``topic_partitions`` (a list of ``TopicPartition``, or
    None for all)."""

    def __init__(self, group_id, topic_partitions=None):
        self.group_id = _check_str(group_id, 'group_id')
        if topic_partitions is not None:
            _to_core_list(topic_partitions, 'topic_partitions')
        self.topic_partitions = topic_partitions

    def __hash__(self):
        return hash(self.group_id)

    def __eq__(self, other):
        if not isinstance(other, ConsumerGroupTopicPartitions):
            return NotImplemented
        return self.group_id == other.group_id and self.topic_partitions == other.topic_partitions

    def __repr__(self):
        return 'ConsumerGroupTopicPartitions(%s, %r)' % (self.group_id, self.topic_partitions)

    __str__ = __repr__


class ConsumerGroupListing:
    """A group in ``list_consumer_groups()``' answer: ``group_id``,
    ``is_simple_consumer_group``, ``state`` (``ConsumerGroupState``)."""

    def __init__(self, group_id, is_simple_consumer_group, state=None):
        self.group_id = group_id
        self.is_simple_consumer_group = is_simple_consumer_group
        self.state = state

    def __repr__(self):
        return 'ConsumerGroupListing(%s, %s)' % (self.group_id, self.state)


class ListConsumerGroupsResult:
    """What ``list_consumer_groups()``' Future gives: ``valid`` (a list of
    ``ConsumerGroupListing``) and ``errors`` (a list of ``KafkaException``,
    one per broker that could not answer)."""

    def __init__(self, valid=None, errors=None):
        self.valid = valid if valid is not None else []
        self.errors = errors if errors is not None else []


class Node:
    """A broker in a group description: ``id``, ``id_string``, ``host``,
    ``port``, ``rack``."""

    def __init__(self, id, host, port, rack=None):
        self.id = id
        self.id_string = str(id)
        self.host = host
        self.port = port
        self.rack = rack

    def __repr__(self):
        return 'Node(%d, %s:%d)' % (self.id, self.host, self.port)


class MemberAssignment:
    """A group member's partitions: ``topic_partitions``."""

    def __init__(self, topic_partitions=None):
        self.topic_partitions = topic_partitions if topic_partitions is not None else []


class MemberDescription:
    """A member in a group description: ``member_id``, ``client_id``,
    ``host``, ``assignment`` (``MemberAssignment``), ``group_instance_id``."""

    def __init__(self, member_id, client_id, host, assignment=None, group_instance_id=None):
        self.member_id = member_id
        self.client_id = client_id
        self.host = host
        self.assignment = assignment
        self.group_instance_id = group_instance_id

    def __repr__(self):
        return 'MemberDescription(%s, %s)' % (self.member_id, self.client_id)


class ConsumerGroupDescription:
    """What ``describe_consumer_groups()``' Futures give: ``group_id``,
    ``is_simple_consumer_group``, ``members`` (``MemberDescription``),
    ``partition_assignor``, ``state`` (``ConsumerGroupState``),
    ``coordinator`` (``Node``)."""

    def __init__(self, group_id, is_simple_consumer_group, members, partition_assignor, state,
                 coordinator):
        self.group_id = group_id
        self.is_simple_consumer_group = is_simple_consumer_group
        self.members = members
        self.partition_assignor = partition_assignor
        self.state = state
        self.coordinator = coordinator

    def __repr__(self):
        return 'ConsumerGroupDescription(%s, %s, %d members)' % (
            self.group_id, self.state, len(self.members))


class GroupMember:
    """A member in ``list_groups()``: ``id``, ``client_id``,
    ``client_host``, ``metadata`` and ``assignment`` (None here: kafka-glib
    lists groups with the admin API, which gives the assignment as
    partitions, in ``describe_consumer_groups()``)."""

    def __init__(self):
        self.id = None
        self.client_id = None
        self.client_host = None
        self.metadata = None
        self.assignment = None


class GroupMetadata:
    """A group in ``list_groups()``, as the seed's 1.x: ``broker``
    (``BrokerMetadata`` of its coordinator), ``id``, ``error``, ``state`` (the
    broker's name: ``Stable``, ``Empty``...), ``protocol_type``,
    ``protocol``, ``members`` (``GroupMember``)."""

    def __init__(self):
        self.broker = None
        self.id = None
        self.error = None
        self.state = None
        self.protocol_type = None
        self.protocol = None
        self.members = []

    def __repr__(self):
        if self.error is not None:
            return 'GroupMetadata(%s, %s)' % (self.id, self.error)
        return 'GroupMetadata(%s)' % self.id

    def __str__(self):
        return self.id


class DeletedRecords:
    """What ``delete_records()``' Futures give: ``low_watermark``, the
    partition's first offset after the deletion."""

    def __init__(self, low_watermark):
        self.low_watermark = low_watermark

    def __repr__(self):
        return 'DeletedRecords(low_watermark=%d)' % self.low_watermark


class PartitionLag:
    """kafka-glib's own, in ``list_consumer_group_lag()``: ``topic``,
    ``partition``, ``committed_offset``, ``high_watermark``, ``lag`` (-1 when
    unknown: nothing committed), ``error`` (``KafkaError`` or None)."""

    __slots__ = ('topic', 'partition', 'committed_offset', 'high_watermark', 'lag', 'error')

    def __repr__(self):
        return 'PartitionLag(%s [%d] lag=%d)' % (self.topic, self.partition, self.lag)


def _group_description(d):
    coord = d.get_coordinator()
    members = []
    for m in d.get_members():
        members.append(MemberDescription(
            m.get_consumer_id(), m.get_client_id(), m.get_host(),
            MemberAssignment(_from_core_list(m.get_assignment())), m.get_group_instance_id()))
    return ConsumerGroupDescription(
        d.get_group_id(), d.get_is_simple_consumer_group(), members,
        d.get_partition_assignor(), ConsumerGroupState(int(d.get_state())),
        Node(coord.get_id(), coord.get_host(), coord.get_port()) if coord is not None else None)


def _settle(future, result=None, exc=None):
    """Completes a Future, unless its user cancelled it."""
    if future.done() and not future.cancelled():
        return
    if future.set_running_or_notify_cancel():
        if exc is not None:
            future.set_exception(exc)
        else:
            future.set_result(result)


@override
class AdminClient(_Face, _K.AdminClient):
    """confluent-kafka-python's ``AdminClient``, over a ``KafkaAdminClient``.

    ``AdminClient(conf, **kwargs)``, ``conf`` as for ``Producer``
    (``error_cb``, ``stats_cb``, ``throttle_cb``, ``logger``, served by
    ``poll()`` or a running GLib main loop of the client's context). The
    calls return what the seed's do: a dict of ``concurrent.futures.Future``
    keyed by item (topic name, ``ConfigResource``, group id, ``AclBinding``
    ...), or one Future. Timeouts are in seconds: ``request_timeout`` (the
    whole request; default ``socket.timeout.ms``) and, where the seed takes
    it, ``operation_timeout`` (how long the broker waits for the change to
    spread).

    Each call runs the core's blocking call on a thread of its own and
    completes its Futures from there, so that ``result()`` works with or
    without a GLib main loop, in any thread, and ``concurrent.futures.wait()``
    and ``as_completed()`` work too. As with the seed, callbacks added with
    ``add_done_callback()`` run on that thread: a GLib application hands
    them to its main loop with ``GLib.idle_add()`` (or calls the typelib's
    ``admin.create_topics_async()`` and the like, which complete on the
    client's main context and take the typelib's objects). An item's own error is a ``KafkaException`` from
    its Future's ``result()``, the others' unaffected; an error of the whole
    call (no broker in time: ``_TIMED_OUT``) comes from every Future of the
    call. Bad arguments raise ``TypeError``/``ValueError`` at once.

    A Future can be cancelled (``cancel()``) until its answer comes: the
    answer is then dropped; the request itself cannot be called back (a
    topic may still be created)."""

    _gi_class = _K.AdminClient
    _kind = 'admin'

    def __new__(cls, *args, **kwargs):
        conf, face = _parse_config('admin', args, kwargs)
        try:
            self = _K.AdminClient.new(conf)
        except GLib.Error as e:
            _raise(e)
        self._face_setup(face)
        self._request_timeout_ms = _conf_int(conf, 'socket.timeout.ms', 60000)
        return self

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def new(cls, *args, **kwargs):
        """The seed's construction, under the typelib's constructor name."""
        return cls(*args, **kwargs)

    def __repr__(self):
        return '<Kafka.AdminClient %s>' % _K.Client.get_name(self)

    def poll(self, timeout=None):
        """Serves the client's callbacks (``error_cb``, ``stats_cb``,
        ``throttle_cb``, ``logger``), waiting up to ``timeout`` seconds for
        one; returns how many it served."""
        return self._call(_K.AdminClient.poll, _timeout_ms(timeout))

    # -- the machinery of every call

    def _options(self, what, kwargs, allowed):
        """(KafkaAdminOptions or None, request timeout in ms) from a call's
        keyword arguments; TypeError for one the seed's call does not take."""
        for key in kwargs:
            if key not in allowed:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (what, key))
        timeout_ms = self._request_timeout_ms
        if kwargs.get('request_timeout') is not None:
            timeout_ms = _timeout_ms(kwargs['request_timeout'])
        options = None
        if kwargs.get('operation_timeout') is not None:
            options = options or _K.AdminOptions.new()
            options.set_operation_timeout(_timeout_ms(kwargs['operation_timeout']))
        if kwargs.get('validate_only'):
            options = options or _K.AdminOptions.new()
            options.set_validate_only(True)
        if kwargs.get('require_stable'):
            options = options or _K.AdminOptions.new()
            options.set_require_stable_offsets(True)
        states = kwargs.get('states')
        if states:
            if isinstance(states, (str, ConsumerGroupState)) or not hasattr(states, '__iter__'):
                raise TypeError('states must be a set of ConsumerGroupState')
            options = options or _K.AdminOptions.new()
            options.set_match_consumer_group_states(
                [_K.ConsumerGroupState(_enum_arg(ConsumerGroupState, s, 'state').value)
                 for s in states])
        return options, timeout_ms

    def _submit(self, what, futures, call, settle):
        """Runs ``call()``, the core's blocking call, on a thread of its own;
        then ``settle(result)`` completes the Futures. An error of the whole
        call fails every Future; so does an exception of the face itself,
        which must not vanish with the thread."""
        def work():
            try:
                try:
                    result = call()
                except GLib.Error as e:
                    exc = KafkaException(_kafka_error(e))
                    for f in futures:
                        _settle(f, exc=exc)
                    return
                settle(result)
            except BaseException as exc:  # noqa: B902
                for f in futures:
                    _settle(f, exc=exc)

        threading.Thread(target=work, name='kafka-admin ' + what, daemon=True).start()

    def _per_item(self, what, keys, call, value_of):
        """A dict of Futures by key, completed from the core's results in
        the order of ``keys``: ``value_of(result)`` returns (value, GLib.Error
        or None)."""
        futmap = {}
        for key in keys:
            futmap.setdefault(key, concurrent.futures.Future())
        ordered = [futmap[k] for k in keys]

        def settle(results):
            if len(results) != len(ordered):
                raise RuntimeError('%s: %d results for %d items' % (what, len(results), len(ordered)))
            for f, r in zip(ordered, results):
                value, gerror = value_of(r)
                if gerror is not None:
                    _settle(f, exc=KafkaException(_kafka_error(gerror)))
                else:
                    _settle(f, value)
        self._submit(what, list(futmap.values()), call, settle)
        return futmap

    def _single(self, what, call, value_of):
        """One Future for a call with one answer."""
        future = concurrent.futures.Future()
        self._submit(what, [future], call, lambda result: _settle(future, value_of(result)))
        return future

    # -- topics, partitions, configurations, records

    def create_topics(self, new_topics, **kwargs):
        """Creates topics (``NewTopic``): a dict of Futures by topic name,
        whose ``result()`` is None. Takes ``operation_timeout``,
        ``request_timeout``, ``validate_only``."""
        new_topics = _typed_list(new_topics, NewTopic, 'new_topics')
        options, timeout_ms = self._options('create_topics', kwargs,
                                            ('operation_timeout', 'request_timeout', 'validate_only'))
        core = [t._to_core() for t in new_topics]
        return self._per_item('create_topics', [t.topic for t in new_topics],
                              lambda: _K.AdminClient.create_topics(self, core, options, timeout_ms),
                              lambda r: (None, r.get_error()))

    def delete_topics(self, topics, **kwargs):
        """Deletes topics (names): a dict of Futures by topic name, whose
        ``result()`` is None. Takes ``operation_timeout``,
        ``request_timeout``."""
        topics = _str_list(topics, 'topics')
        options, timeout_ms = self._options('delete_topics', kwargs,
                                            ('operation_timeout', 'request_timeout'))
        return self._per_item('delete_topics', topics,
                              lambda: _K.AdminClient.delete_topics(self, topics, options, timeout_ms),
                              lambda r: (None, r.get_error()))

    def create_partitions(self, new_partitions, **kwargs):
        """Adds partitions (``NewPartitions``): a dict of Futures by topic
        name, whose ``result()`` is None. Takes ``operation_timeout``,
        ``request_timeout``, ``validate_only``."""
        new_partitions = _typed_list(new_partitions, NewPartitions, 'new_partitions')
        options, timeout_ms = self._options('create_partitions', kwargs,
                                            ('operation_timeout', 'request_timeout', 'validate_only'))
        core = [p._to_core() for p in new_partitions]
        return self._per_item('create_partitions', [p.topic for p in new_partitions],
                              lambda: _K.AdminClient.create_partitions(self, core, options, timeout_ms),
                              lambda r: (None, r.get_error()))

    def describe_configs(self, resources, **kwargs):
        """The configuration of resources (``ConfigResource``): a dict of
        Futures by resource, whose ``result()`` is a dict of ``ConfigEntry``
        by name. Takes ``request_timeout``."""
        resources = _typed_list(resources, ConfigResource, 'resources')
        options, timeout_ms = self._options('describe_configs', kwargs, ('request_timeout',))
        core = [_K.ConfigResource.new(r.restype.value, r.name) for r in resources]
        return self._per_item('describe_configs', resources,
                              lambda: _K.AdminClient.describe_configs(self, core, options, timeout_ms),
                              lambda r: (_config_entries(r.get_entries()), r.get_error()))

    def alter_configs(self, resources, **kwargs):
        """Sets the configuration of resources (``ConfigResource`` with
        ``set_config()``; every value not set goes back to its default): a
        dict of Futures by resource, whose ``result()`` is None. Takes
        ``request_timeout``, ``validate_only``."""
        resources = _typed_list(resources, ConfigResource, 'resources')
        options, timeout_ms = self._options('alter_configs', kwargs,
                                            ('request_timeout', 'validate_only'))
        core = [r._to_core() for r in resources]
        return self._per_item('alter_configs', resources,
                              lambda: _K.AdminClient.alter_configs(self, core, options, timeout_ms),
                              lambda r: (None, r.get_error()))

    def delete_records(self, topic_partitions, **kwargs):
        """Deletes the records of partitions before the offsets given
        (``TopicPartition``; ``OFFSET_END``: all): a dict of Futures by
        ``TopicPartition``, whose ``result()`` is a ``DeletedRecords``. Takes
        ``operation_timeout``, ``request_timeout``."""
        topic_partitions = _typed_list(topic_partitions, TopicPartition, 'topic_partitions')
        options, timeout_ms = self._options('delete_records', kwargs,
                                            ('operation_timeout', 'request_timeout'))
        core = _to_core_list(topic_partitions)
        return self._per_item('delete_records', topic_partitions,
                              lambda: _K.AdminClient.delete_records(self, core, options, timeout_ms),
                              lambda tp: (DeletedRecords(tp.get_offset()), tp.get_error()))

    # -- consumer groups

    def list_consumer_groups(self, **kwargs):
        """The consumer groups: one Future, whose ``result()`` is a
        ``ListConsumerGroupsResult``. Takes ``states`` (a set of
        ``ConsumerGroupState``: only groups in those), ``request_timeout``."""
        options, timeout_ms = self._options('list_consumer_groups', kwargs,
                                            ('states', 'request_timeout'))

        def result(r):
            return ListConsumerGroupsResult(
                [ConsumerGroupListing(g.get_group_id(), g.get_is_simple_consumer_group(),
                                      ConsumerGroupState(int(g.get_state())))
                 for g in r.get_groups()],
                [KafkaException(_kafka_error(e)) for e in r.get_errors()])
        return self._single('list_consumer_groups',
                            lambda: _K.AdminClient.list_consumer_groups(self, options, timeout_ms),
                            result)

    def describe_consumer_groups(self, group_ids, **kwargs):
        """Describes consumer groups (ids): a dict of Futures by group id,
        whose ``result()`` is a ``ConsumerGroupDescription``. Takes
        ``request_timeout``."""
        group_ids = _str_list(group_ids, 'group_ids')
        options, timeout_ms = self._options('describe_consumer_groups', kwargs, ('request_timeout',))
        return self._per_item('describe_consumer_groups', group_ids,
                              lambda: _K.AdminClient.describe_consumer_groups(
                                  self, group_ids, options, timeout_ms),
                              lambda d: (_group_description(d), d.get_error()))

    def delete_consumer_groups(self, group_ids, **kwargs):
        """Deletes consumer groups (ids): a dict of Futures by group id,
        whose ``result()`` is None. Takes ``request_timeout``."""
        group_ids = _str_list(group_ids, 'group_ids')
        options, timeout_ms = self._options('delete_consumer_groups', kwargs, ('request_timeout',))
        return self._per_item('delete_consumer_groups', group_ids,
                              lambda: _K.AdminClient.delete_groups(self, group_ids, options, timeout_ms),
                              lambda r: (None, r.get_error()))

    def _one_group(self, what, request):
        if not isinstance(request, (list, tuple)) or len(request) != 1 or \
                not isinstance(request[0], ConsumerGroupTopicPartitions):
            raise ValueError('%s takes a list of exactly one ConsumerGroupTopicPartitions' % what)
        return request[0]

    def _group_offsets(self, what, request, method, kwargs, allowed, need_partitions):
        group = self._one_group(what, request)
        if need_partitions and not group.topic_partitions:
            raise ValueError('%s needs the partitions of the group' % what)
        options, timeout_ms = self._options(what, kwargs, allowed)
        core = _to_core_list(group.topic_partitions) if group.topic_partitions else None
        return self._per_item(
            what, [group.group_id],
            lambda: [method(self, group.group_id, core, options, timeout_ms)],
            lambda tps: (ConsumerGroupTopicPartitions(group.group_id, _from_core_list(tps)), None))

    def list_consumer_group_offsets(self, list_consumer_group_offsets_request, **kwargs):
        """The offsets one consumer group committed
        (``[ConsumerGroupTopicPartitions(group_id, partitions or None)]``): a
        dict of one Future by group id, whose ``result()`` is a
        ``ConsumerGroupTopicPartitions`` (each partition with its ``offset``
        and ``error``). Takes ``require_stable``, ``request_timeout``."""
        return self._group_offsets('list_consumer_group_offsets',
                                   list_consumer_group_offsets_request,
                                   _K.AdminClient.list_consumer_group_offsets, kwargs,
                                   ('require_stable', 'request_timeout'), False)

    def alter_consumer_group_offsets(self, alter_consumer_group_offsets_request, **kwargs):
        """Commits offsets for one consumer group (which has no active
        member): as ``list_consumer_group_offsets()``. Takes
        ``request_timeout``."""
        return self._group_offsets('alter_consumer_group_offsets',
                                   alter_consumer_group_offsets_request,
                                   _K.AdminClient.alter_consumer_group_offsets, kwargs,
                                   ('request_timeout',), True)

    def delete_consumer_group_offsets(self, delete_consumer_group_offsets_request, **kwargs):
        """kafka-glib's own (librdkafka's DeleteConsumerGroupOffsets):
        forgets one group's committed offsets for some partitions; as
        ``alter_consumer_group_offsets()``."""
        return self._group_offsets('delete_consumer_group_offsets',
                                   delete_consumer_group_offsets_request,
                                   _K.AdminClient.delete_consumer_group_offsets, kwargs,
                                   ('request_timeout',), True)

    def list_consumer_group_lag(self, list_consumer_group_offsets_request, **kwargs):
        """kafka-glib's own: how far one group is behind, per partition (its
        committed offsets against the high watermarks): a dict of one Future
        by group id, whose ``result()`` is a list of ``PartitionLag``. Takes
        ``require_stable``, ``request_timeout``."""
        group = self._one_group('list_consumer_group_lag', list_consumer_group_offsets_request)
        options, timeout_ms = self._options('list_consumer_group_lag', kwargs,
                                            ('require_stable', 'request_timeout'))
        core = _to_core_list(group.topic_partitions) if group.topic_partitions else None

        def lags(result):
            out = []
            for x in result:
                lag = PartitionLag()
                lag.topic, lag.partition = x.get_topic(), x.get_partition()
                lag.committed_offset = x.get_committed_offset()
                lag.high_watermark = x.get_high_watermark()
                lag.lag = x.get_lag()
                lag.error = _optional_error(x.get_error())
                out.append(lag)
            return out, None
        return self._per_item('list_consumer_group_lag', [group.group_id],
                              lambda: [_K.AdminClient.list_consumer_group_lag(
                                  self, group.group_id, core, options, timeout_ms)],
                              lags)

    def list_groups(self, group=None, timeout=-1):
        """The seed's 1.x ``list_groups()``: a list of ``GroupMetadata``
        (all groups, or the one named), at once (blocking up to ``timeout``
        seconds, -1 for the request timeout). kafka-glib lists and describes
        them with the admin API: ``metadata`` and ``assignment`` of the
        members are None (see ``describe_consumer_groups()``)."""
        self._check_open()
        if group is not None:
            _check_str(group, 'group')
        timeout_ms = self._request_timeout_ms if timeout is None or timeout < 0 \
            else _timeout_ms(timeout)
        try:
            if group is None:
                listed = _K.AdminClient.list_consumer_groups(self, None, timeout_ms)
                errors = listed.get_errors()
                if errors and not listed.get_groups():
                    _raise(errors[0])
                ids = [g.get_group_id() for g in listed.get_groups()]
            else:
                ids = [group]
            if not ids:
                return []
            described = _K.AdminClient.describe_consumer_groups(self, ids, None, timeout_ms)
        except GLib.Error as e:
            _raise(e)
        out = []
        for d in described:
            gm = GroupMetadata()
            gm.id = d.get_group_id()
            gm.error = _optional_error(d.get_error())
            gm.state = _GROUP_STATE_NAMES.get(int(d.get_state()), 'Unknown')
            gm.protocol = d.get_partition_assignor() or ''
            gm.protocol_type = '' if d.get_is_simple_consumer_group() else 'consumer'
            coord = d.get_coordinator()
            if coord is not None:
                gm.broker = BrokerMetadata()
                gm.broker.id, gm.broker.host, gm.broker.port = \
                    coord.get_id(), coord.get_host(), coord.get_port()
            for m in d.get_members():
                member = GroupMember()
                member.id = m.get_consumer_id()
                member.client_id = m.get_client_id()
                member.client_host = m.get_host()
                gm.members.append(member)
            out.append(gm)
        return out

    # -- ACLs

    def create_acls(self, acls, **kwargs):
        """Creates ACL bindings (``AclBinding``): a dict of Futures by
        binding, whose ``result()`` is None. Takes ``request_timeout``."""
        acls = _typed_list(acls, AclBinding, 'acls')
        for a in acls:
            if isinstance(a, AclBindingFilter):
                raise TypeError('create_acls() takes AclBinding, not AclBindingFilter')
        options, timeout_ms = self._options('create_acls', kwargs, ('request_timeout',))
        core = [a._to_core() for a in acls]
        return self._per_item('create_acls', acls,
                              lambda: _K.AdminClient.create_acls(self, core, options, timeout_ms),
                              lambda r: (None, r.get_error()))

    def describe_acls(self, acl_binding_filter, **kwargs):
        """The ACL bindings that match a filter (``AclBindingFilter``): one
        Future, whose ``result()`` is a list of ``AclBinding``. Takes
        ``request_timeout``."""
        if not isinstance(acl_binding_filter, AclBindingFilter):
            raise TypeError('describe_acls() takes an AclBindingFilter')
        options, timeout_ms = self._options('describe_acls', kwargs, ('request_timeout',))
        core = acl_binding_filter._to_core()
        return self._single('describe_acls',
                            lambda: _K.AdminClient.describe_acls(self, core, options, timeout_ms),
                            lambda acls: [AclBinding._from_core(a) for a in acls])

    def delete_acls(self, acl_binding_filters, **kwargs):
        """Deletes the ACL bindings that match filters
        (``AclBindingFilter``): a dict of Futures by filter, whose
        ``result()`` is the list of ``AclBinding`` deleted. Takes
        ``request_timeout``."""
        filters = _typed_list(acl_binding_filters, AclBindingFilter, 'acl_binding_filters')
        options, timeout_ms = self._options('delete_acls', kwargs, ('request_timeout',))
        core = [f._to_core() for f in filters]
        return self._per_item('delete_acls', filters,
                              lambda: _K.AdminClient.delete_acls(self, core, options, timeout_ms),
                              lambda r: ([AclBinding._from_core(a) for a in r.get_matching_acls()],
                                         r.get_error()))
