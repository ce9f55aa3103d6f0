"""Stored values as a user reads them: service levels, order sources, import field names,
product names and where the database is.

The database keeps plain English keys ("expedited", "shopify", "zip"); screens show
them through these functions so Chinese mode never shows a raw key. One table per kind
of value, in the ``Values`` translation context (the shell group); an unknown value is
shown as it is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.channels.order_template import HEADER_ALIASES
from app.domain.errors import QT_TRANSLATE_NOOP  # typed (returns str); lupdate sees the name

SERVICE_LEVELS: dict[str, str] = {
    "standard": QT_TRANSLATE_NOOP("Values", "Standard"),
    "ground": QT_TRANSLATE_NOOP("Values", "Ground"),
    "expedited": QT_TRANSLATE_NOOP("Values", "Expedited"),
    "priority": QT_TRANSLATE_NOOP("Values", "Priority"),
    "economy": QT_TRANSLATE_NOOP("Values", "Economy"),
    "express": QT_TRANSLATE_NOOP("Values", "Express"),
    "next_day": QT_TRANSLATE_NOOP("Values", "Next day"),
    "second_day": QT_TRANSLATE_NOOP("Values", "Second day"),
    "freight": QT_TRANSLATE_NOOP("Values", "Freight"),
}

ORDER_SOURCES: dict[str, str] = {
    "file": QT_TRANSLATE_NOOP("Values", "Order file"),
    "manual": QT_TRANSLATE_NOOP("Values", "Entered by hand"),
    "demo": QT_TRANSLATE_NOOP("Values", "Demo data"),
    "shopify": QT_TRANSLATE_NOOP("Values", "Shopify"),
    "amazon": QT_TRANSLATE_NOOP("Values", "Amazon"),
    "walmart": QT_TRANSLATE_NOOP("Values", "Walmart"),
    "tiktok": QT_TRANSLATE_NOOP("Values", "TikTok Shop"),
}


def _looked_up(table: dict[str, str], value: str) -> str:
    key = value.strip().lower()
    return QCoreApplication.translate("Values", table[key]) if key in table else value


def service_level_text(value: str) -> str:
    """"expedited" -> "Expedited" / "加急"."""
    return _looked_up(SERVICE_LEVELS, value)


def order_source_text(value: str) -> str:
    """"file" -> "Order file" / "订单文件"."""
    return _looked_up(ORDER_SOURCES, value)


def chinese() -> bool:
    """Whether the screens speak Chinese (install_translators sets the default locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def field_name_text(name: str) -> str:
    """An order-file column as the problem list names it: in Chinese mode the template's
    Chinese header with the English one beside it ("邮编（zip）"), since files carry either."""
    alias = HEADER_ALIASES.get(name)
    return f"{alias}（{name}）" if alias and chinese() else name


def product_name(name_en: str, name_zh: str | None) -> str:
    """A SKU's Chinese name in Chinese mode when it has one, else its English name."""
    return name_zh if name_zh and chinese() else name_en


def database_text(url: str, *, full: bool = False) -> str:
    """Where the data lives, for people: "SQLite on this PC" / "PostgreSQL on db-host".

    ``full`` (administrators only) adds the URL itself, its password always hidden.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url if full else QCoreApplication.translate("Values", "Database")
    if parsed.get_backend_name() == "sqlite":
        kind = QCoreApplication.translate("Values", "SQLite on this PC")
    else:
        kind = QCoreApplication.translate("Values", "PostgreSQL on {host}").format(
            host=parsed.host or "localhost")
    if not full:
        return kind
    return QCoreApplication.translate("Values", "{kind} — {url}").format(
        kind=kind, url=parsed.render_as_string(hide_password=True))
