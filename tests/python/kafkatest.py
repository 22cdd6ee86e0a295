# SPDX-License-Identifier: LGPL-2.1-or-later
"""Helpers shared by the Python tests: the broker to use, unique names, and
spinning the default GLib main context until a condition holds."""
import os
import uuid

from gi.repository import GLib


def bootstrap():
    """The real broker's bootstrap servers, from KAFKA_BOOTSTRAP_SERVERS."""
    servers = os.environ.get('KAFKA_BOOTSTRAP_SERVERS')
    if not servers:
        raise RuntimeError('KAFKA_BOOTSTRAP_SERVERS is not set: run the suite with '
                           'tests/run-tests.sh, which starts the real broker')
    return servers


def unique_topic(prefix):
    """A name no other run uses (topics, groups, transactional ids)."""
    return 'kg-py-%s-%s' % (prefix, uuid.uuid4().hex[:12])


def run_until(predicate, timeout_s, what):
    """Spins the default main context until predicate() holds, or fails."""
    ctx = GLib.MainContext.default()
    timed_out = []
    source = GLib.timeout_add(int(timeout_s * 1000), lambda: timed_out.append(1) or False)
    while not predicate() and not timed_out:
        ctx.iteration(True)
    if not timed_out:
        GLib.source_remove(source)
    if not predicate():
        raise AssertionError('timed out after %ss waiting for %s' % (timeout_s, what))


def face_loaded():
    """Whether `from gi.repository import Kafka` gave the Python face
    (gi/overrides/Kafka.py), as the face's tests need: they fail at once
    otherwise, rather than test the bare typelib."""
    from gi.repository import Kafka
    return getattr(Kafka.Producer, '__module__', '') == 'gi.overrides.Kafka'
