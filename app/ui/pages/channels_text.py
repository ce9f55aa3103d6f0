"""Translated display text for sync results, platform names and push states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.channels import ChannelInfo
from app.services.push_outbox import PushInfo
from app.services.sync import SyncReport
from app.ui.i18n import stored_error_text


def platform_name(platform: str) -> str:
    names = {
        "shopify": QCoreApplication.translate("Channels", "Shopify"),
        "amazon": QCoreApplication.translate("Channels", "Amazon"),
        "walmart": QCoreApplication.translate("Channels", "Walmart"),
        "tiktok": QCoreApplication.translate("Channels", "TikTok Shop"),
    }
    return names.get(platform, platform)


def push_status_name(status: str) -> str:
    names = {
        "pending": QCoreApplication.translate("Channels", "waiting"),
        "failed": QCoreApplication.translate("Channels", "failed"),
        "done": QCoreApplication.translate("Channels", "sent"),
    }
    return names.get(status, status)


def push_kind_name(kind: str) -> str:
    names = {
        "tracking": QCoreApplication.translate("Channels", "Tracking"),
        "stock": QCoreApplication.translate("Channels", "Stock"),
    }
    return names.get(kind, kind)


def with_request_id(text: str, request_id: str | None) -> str:
    if not request_id:
        return text
    return QCoreApplication.translate("Channels", "{error} (platform request id: {id})").format(
        error=text, id=request_id)


def report_error_text(report: SyncReport) -> str:
    """A failed run's error in the user's language, with the platform's request id."""
    text = stored_error_text(report.error, report.error_template, report.error_params)
    return with_request_id(text, report.request_id)


def channel_error_text(channel: ChannelInfo) -> str:
    """A store's last sync error as stored, in the user's language."""
    return stored_error_text(channel.last_error, channel.error_template, channel.error_fields)


def push_error_text(push: PushInfo) -> str:
    """A push's last error as stored, in the user's language."""
    return stored_error_text(push.last_error, push.error_template, push.error_fields)
