"""Keeping the cyclic garbage collector from freezing the window.

A full (generation 2) collection walks every object the collector tracks, and once
the app is loaded that is several hundred thousand: modules, classes, the window and
its screens. It takes 75-90 ms here and runs on whichever thread happens to allocate,
holding the interpreter lock; while a 10,000-order sync runs in the background that
is every second or so, and each time the window stops answering
(``python -m tests.benchmarks.sync_gui``: worst GUI tick 84-122 ms late without
this, about 20 ms with it).

``settle_heap`` collects once, at a moment the user is not waiting on (right after a
session's screens are up), then moves everything alive into the collector's permanent
generation, so later collections only walk what was made since. What the previous
session left behind is unfrozen and collected at the next call, so a long day of
sign-ins and sign-outs does not pile up.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Collect what is garbage now, then stop re-examining what is still alive."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
