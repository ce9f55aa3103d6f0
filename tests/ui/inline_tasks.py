"""A task runner without threads, for screen tests (cf. Picard's fake pool).

Production code never imports this: it lives with the tests so the app cannot end up
running database or device work on the GUI thread by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from app.ui.tasks import Task, TaskRunner, _Callbacks, _LaneQueue

T = TypeVar("T")


class InlineTaskRunner(TaskRunner):
    """Runs every task, lane jobs included, at once on the calling thread.

    Results still arrive through the same callbacks (and owner checks), so screens behave
    exactly as with threads, minus the waiting.
    """

    def _new_lane_queue(self, name: str) -> _LaneQueue | None:
        return None  # no thread: lane jobs run inline like everything else

    def _submit_task(self, pool: ThreadPoolExecutor | _LaneQueue | None,
                     call: Callable[[], T], callbacks: _Callbacks) -> Task[T]:
        if callbacks.counted:
            self._started()
        try:
            result, error = call(), None
        except Exception as exc:
            result, error = None, exc
        self._on_bridge_finished(callbacks, result, error)
        return callbacks.task
