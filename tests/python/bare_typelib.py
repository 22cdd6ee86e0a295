# SPDX-License-Identifier: LGPL-2.1-or-later
"""Imported before `from gi.repository import Kafka` by the tests that prove
the typelib's annotations: they test what PyGObject makes of the typelib
alone (what GJS and Vala see too), so the Python face (gi/overrides/Kafka.py)
must not load, even where kafka-glib is installed with it. A None entry in
sys.modules makes PyGObject find no override module."""
import sys

sys.modules['gi.overrides.Kafka'] = None
