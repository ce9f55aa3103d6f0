"""Languages: English (source) and Simplified Chinese, from compiled .qm files.

Each screen group ships its own ``<group>_<lang>.ts`` (so translations grow page by
page); at start every ``*_<lang>.qm`` found is installed. English has plural-only
files (``<group>_en.ts``): Qt applies "%n" plural forms only from a translation, so
without them "%n client(s)" would read "1 client(s)". Errors are translated here too:
their English template is the key in the ``errors`` context.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.db.errors import data_conflict
from app.domain.errors import HaicangError
from app.ui.resources import resources_dir
from printers.errors import PrinterError

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install every translation file for ``language``; returns them (keep them alive)."""
    for old in getattr(app, "_haicang_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    folder = resources_dir() / "translations"
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load %s", qm)
    if language != "en":
        qt_base = QTranslator(app)
        if qt_base.load(QLocale(language), "qtbase", "_", _qt_translations_dir()):
            app.installTranslator(qt_base)
            installed.append(qt_base)
    app._haicang_translators = installed  # type: ignore[attr-defined]
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    return installed


def _qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def error_text(exc: BaseException) -> str:
    """What to show a user for a failure, in their language.

    Every expected failure (``HaicangError``, or ``PrinterError`` of the standalone
    ``printers/``) has the same parts: its template is the key in the ``errors`` context
    and the fields fill the translation. A database rule violation becomes the
    ``DataConflict`` the CLI shows too.
    """
    exc = data_conflict(exc) or exc
    if isinstance(exc, HaicangError | PrinterError):
        return stored_error_text(exc.message, exc.template, exc.fields)
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        return QCoreApplication.translate("errors", "Database error: {detail}").format(
            detail=detail
        )
    return QCoreApplication.translate("errors", "Unexpected error: {detail}").format(
        detail=f"{type(exc).__name__}: {exc}"
    )


def stored_error_text(text: str | None, template: str | None, fields: Mapping[str, Any]) -> str:
    """An error (English ``text`` plus its template and fields, as raised or as kept in the
    database) in the user's language; the English text when it has no template or the
    fields do not fit. Text fields are looked up too: the fixed words errors declare in
    ``field_words`` (kinds, states, reasons) are translated in the ``errors`` context."""
    if template:
        translated = {
            k: QCoreApplication.translate("errors", v) if isinstance(v, str) else v
            for k, v in fields.items()
        }
        try:
            return QCoreApplication.translate("errors", template).format(**translated)
        except (KeyError, IndexError, ValueError):
            pass
    return text or ""


def join_sentences(*texts: str) -> str:
    """Translated sentences one after another: a space between them, none after a Chinese
    full stop or bracket (Chinese text runs on without spaces). Empty texts are skipped."""
    joined = ""
    for text in filter(None, texts):
        joined += text if not joined or joined[-1] in "。）！？" else " " + text
    return joined
