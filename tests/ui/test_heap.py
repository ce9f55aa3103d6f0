"""settle_heap: what lives is frozen out of full collections; what a session leaves behind
is still collected, at the next settle."""

from __future__ import annotations

import gc
import weakref

from app.ui.heap import settle_heap


class _Node:
    me: _Node | None = None


def test_settled_objects_skip_collections_until_the_next_settle_frees_them() -> None:
    node = _Node()
    node.me = node  # a cycle: only the cyclic collector can free it
    gone = weakref.ref(node)
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert gone() is not None  # frozen: full collections do not look at it
        settle_heap()  # the next sign-in
        assert gone() is None
    finally:
        gc.unfreeze()  # leave the test process as it found it
