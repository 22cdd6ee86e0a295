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
thread or queue of its own beyond a producer's buffer and a consumer's batch.
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

Exceptions raised in callbacks (delivery, error, stats, throttle, log,
commit, rebalance) propagate out of the ``poll()``/``flush()``/``consume()``
(or other call) that served them, as with the seed. When a running GLib main
loop served them, with no such call on the stack, the face logs them at once
(with their traceback, to the client's ``logger`` or to the
``gi.overrides.Kafka`` logger) and raises the first of them from the next
call that serves callbacks.
"""

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
              'BrokerMetadata', 'TopicMetadata', 'PartitionMetadata'):
    getattr(_K, _name)
del _name

__all__ = [
    'Producer', 'Consumer', 'Message', 'TopicPartition', 'KafkaError',
    'KafkaException', 'ThrottleEvent', 'ConsumerGroupMetadata',
    'ClusterMetadata', 'BrokerMetadata', 'TopicMetadata', 'PartitionMetadata',
    'OFFSET_BEGINNING', 'OFFSET_END', 'OFFSET_STORED', 'OFFSET_INVALID',
    'TIMESTAMP_NOT_AVAILABLE', 'TIMESTAMP_CREATE_TIME',
    'TIMESTAMP_LOG_APPEND_TIME', 'libversion', 'version',
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
