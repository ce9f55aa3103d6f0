"""Guard against a PySide6 build that drops references to None/True.

PySide6 6.12.0 with CPython 3.11 returned borrowed None/True from signal
emits, QComboBox.currentData(), setEnabled() and model index data(); each call
took one reference from the interpreter's singletons until it aborted with
"bool_dealloc"/"none_dealloc" — a crash minutes into a pack-station shift.
pyproject.toml excludes that release; this test fails if such a build is
installed anyway.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit

CALLS = 200


class _Emitter(QObject):
    value = Signal(object)


def _drift(fn: Callable[[], object]) -> tuple[int, int]:
    gc.collect()
    before = (sys.getrefcount(None), sys.getrefcount(True))
    for _ in range(CALLS):
        fn()
    gc.collect()
    return sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1]


def test_signal_emit_keeps_references(qtbot) -> None:
    emitter = _Emitter()
    emitter.value.connect(lambda _v: None)
    none_drift, true_drift = _drift(lambda: emitter.value.emit(None))
    assert none_drift > -CALLS // 2 and true_drift > -CALLS // 2


def test_getters_and_setters_keep_references(qtbot) -> None:
    combo = QComboBox()
    combo.addItem("no data")
    edit = QLineEdit()
    qtbot.addWidget(combo)
    qtbot.addWidget(edit)
    assert _drift(combo.currentData)[0] > -CALLS // 2
    assert _drift(lambda: edit.setEnabled(True))[0] > -CALLS // 2
