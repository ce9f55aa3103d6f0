"""One error contract: every expected failure, of every family, reads in Chinese.

Domain, channel, scale and secret-store errors derive from ``HaicangError``; ``printers/``
keeps a copy of the same shape (``PrinterError``). ``ts.py update`` writes their templates
and field words into ``error_messages.py`` for lupdate, so these tests fail when an error
class is added or changed without a Chinese translation, or without running the tool.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from app.channels.base import ChannelError
from app.domain.errors import DomainError, HaicangError
from app.hardware.scales.errors import ScaleError
from app.secrets import SecretStoreError
from printers.errors import PrinterError
from tests.catalogue import TRANSLATIONS, app_translations, placeholders


def _ts_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ts_tool", TRANSLATIONS / "ts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TS = _ts_tool()
MESSAGES: list[str] = TS.error_messages()  # imports every module of app and printers


def _classes(base: type) -> list[type]:
    found, pending = [], [base]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


ALL_CLASSES = _classes(HaicangError) + _classes(PrinterError)


def test_every_family_derives_from_the_one_base_or_its_printers_copy() -> None:
    for family in (DomainError, ChannelError, ScaleError, SecretStoreError):
        assert issubclass(family, HaicangError), family
    assert not issubclass(PrinterError, HaicangError)  # printers/ imports nothing from app
    shared = ("code", "template", "field_words", "message")
    assert all(hasattr(PrinterError, name) for name in shared)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_error_class_names_its_parts_the_same_way(cls: type) -> None:
    assert isinstance(cls.code, str) and cls.code, cls
    assert all(isinstance(word, str) and word for word in cls.field_words), cls
    fields = {name: "x" for name in placeholders(cls.template)}
    error = cls.__new__(cls)  # through the base's constructor: some take their own arguments
    (PrinterError if issubclass(cls, PrinterError) else HaicangError).__init__(error, **fields)
    assert error.fields == fields
    assert str(error) == error.message == cls.template.format(**fields)


def test_every_template_and_field_word_is_in_the_generated_lupdate_input() -> None:
    generated = (TRANSLATIONS / "error_messages.py").read_text(encoding="utf-8")
    missing = [m for m in MESSAGES if TS.message_line(m) not in generated]
    assert not missing, "run `python resources/translations/ts.py update errors`"
    for cls in ALL_CLASSES:
        assert cls.template in MESSAGES and set(cls.field_words) <= set(MESSAGES), cls


@pytest.mark.parametrize("message", MESSAGES)
def test_every_error_message_has_a_chinese_translation(message: str) -> None:
    translated = app_translations("errors").get(message)
    assert translated, f"no Chinese for {message!r}: ts.py update errors, then fill"
    # the placeholders survive translation, so formatting cannot fail
    assert placeholders(message) == placeholders(translated)
