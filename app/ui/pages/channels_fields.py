"""What each platform's connection settings and secrets mean, as data: label, help text
and the rule a value must follow (one small table per platform).

The connectors keep plain keys (``marketplace_id``, ``use_rdt``); the Add store dialog
shows these labels and help lines instead and checks every value with ``problem()``
before anything is saved. A key without an entry (an extra ``--set`` from the CLI) is
shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from app.domain.errors import QT_TRANSLATE_NOOP  # typed (returns str); lupdate sees the name

_CONTEXT = "ChannelFields"


class Kind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # a whole number from ``low`` to ``high``
    YES_NO = "yes_no"  # "true" / "false", shown as a check box
    CHOICE = "choice"  # one of ``choices``, shown as a list
    URL = "url"  # an http(s) address
    MARKETPLACE = "marketplace"  # a known Amazon marketplace id


class Needed(StrEnum):
    NO = "no"
    YES = "yes"
    WITHOUT_API_ADDRESS = "without_api_address"  # needed unless the store has an API address


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # English source; translated in the ChannelFields context
    help: str
    kind: Kind = Kind.TEXT
    needed: Needed = Needed.NO
    low: int = 0
    high: int = 0
    choices: tuple[str, ...] = ()
    #: A placeholder the value must contain (Walmart's tracking link needs {tracking}).
    contains: str = ""


#: Amazon marketplaces the North America endpoint serves (SP-API marketplace ids).
AMAZON_MARKETPLACES: dict[str, str] = {
    "ATVPDKIKX0DER": "United States",
    "A2EUQ1WTGCTBG2": "Canada",
    "A1AM78C64UM0Y8": "Mexico",
    "A2Q3Y263D00KWC": "Brazil",
}


def _page_size(high: int) -> FieldSpec:
    return FieldSpec("page_size", QT_TRANSLATE_NOOP("ChannelFields", "Orders per request"),
                     QT_TRANSLATE_NOOP("ChannelFields",
                                       "How many orders each request fetches. The default "
                                       "suits almost every store."),
                     Kind.NUMBER, low=1, high=high)


_TOKEN_URL = FieldSpec(
    "token_url", QT_TRANSLATE_NOOP("ChannelFields", "Token address"),
    QT_TRANSLATE_NOOP("ChannelFields", "Where access tokens are requested. Leave empty for the "
                                       "platform's own address."), Kind.URL)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "shopify": (
        FieldSpec("shop", QT_TRANSLATE_NOOP("ChannelFields", "Shop name"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "The part before .myshopify.com in the shop's admin "
                                    "address, e.g. acme-us."),
                  needed=Needed.WITHOUT_API_ADDRESS),
        FieldSpec("api_version", QT_TRANSLATE_NOOP("ChannelFields", "API version"),
                  QT_TRANSLATE_NOOP("ChannelFields", "Shopify's API version, e.g. 2025-01.")),
        _page_size(250),
        FieldSpec("location_id", QT_TRANSLATE_NOOP("ChannelFields", "Location ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "The Shopify location this warehouse's stock is sent to "
                                    "(Settings → Locations: the number at the end of the "
                                    "location's address)."), Kind.NUMBER, low=1,
                  high=2**63 - 1),
        FieldSpec("notify_customer", QT_TRANSLATE_NOOP("ChannelFields", "E-mail the buyer"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Shopify e-mails the buyer when tracking is sent."),
                  Kind.YES_NO),
        FieldSpec("access_token", QT_TRANSLATE_NOOP("ChannelFields", "Admin API access token"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Starts with shpat_ (the store's custom app). Or give the "
                                    "app's client ID and secret instead.")),
        FieldSpec("client_id", QT_TRANSLATE_NOOP("ChannelFields", "Client ID"),
                  QT_TRANSLATE_NOOP("ChannelFields", "From the app's settings in the Shopify "
                                                     "Dev Dashboard.")),
        FieldSpec("client_secret", QT_TRANSLATE_NOOP("ChannelFields", "Client secret"),
                  QT_TRANSLATE_NOOP("ChannelFields", "Shown beside the client ID.")),
    ),
    "amazon": (
        FieldSpec("marketplace_id", QT_TRANSLATE_NOOP("ChannelFields", "Marketplace ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Which Amazon store the orders come from: "
                                    "ATVPDKIKX0DER is amazon.com (US), A2EUQ1WTGCTBG2 Canada, "
                                    "A1AM78C64UM0Y8 Mexico."), Kind.MARKETPLACE),
        FieldSpec("seller_id", QT_TRANSLATE_NOOP("ChannelFields", "Seller ID (Merchant Token)"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Needed to send stock. Seller Central → Settings → "
                                    "Account Info → Your Merchant Token.")),
        _TOKEN_URL,
        _page_size(100),
        FieldSpec("orders_api", QT_TRANSLATE_NOOP("ChannelFields", "Orders API"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "2026-01-01 reads orders with their items and addresses "
                                    "in one call. v0 is Amazon's deprecated API: choose it "
                                    "only if the new one is refused for this account."),
                  Kind.CHOICE, choices=("2026-01-01", "v0")),
        FieldSpec("use_rdt", QT_TRANSLATE_NOOP("ChannelFields", "Fetch buyer addresses"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Orders API v0 only: reads ship-to addresses with a "
                                    "Restricted Data Token. Without Amazon's role for buyer "
                                    "addresses, orders arrive without them and wait on hold "
                                    "for the seller's labels."),
                  Kind.YES_NO),
        FieldSpec("refresh_token", QT_TRANSLATE_NOOP("ChannelFields", "Refresh token"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Starts with Atzr|. Given when the seller authorises "
                                    "your app in Seller Central."), needed=Needed.YES),
        FieldSpec("client_id", QT_TRANSLATE_NOOP("ChannelFields", "LWA client ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Starts with amzn1.application-oa2-client. From the app's "
                                    "Login with Amazon credentials."), needed=Needed.YES),
        FieldSpec("client_secret", QT_TRANSLATE_NOOP("ChannelFields", "LWA client secret"),
                  QT_TRANSLATE_NOOP("ChannelFields", "Shown beside the LWA client ID."),
                  needed=Needed.YES),
    ),
    "walmart": (
        FieldSpec("service_name", QT_TRANSLATE_NOOP("ChannelFields", "Service name"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Sent to Walmart with every request (WM_SVC.NAME); keep "
                                    "the default.")),
        _TOKEN_URL,
        _page_size(200),
        FieldSpec("ship_node", QT_TRANSLATE_NOOP("ChannelFields", "Ship node"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "The fulfilment centre ID stock is sent to (Seller Center "
                                    "→ Settings → Shipping). Empty: the seller's default.")),
        FieldSpec("method_code", QT_TRANSLATE_NOOP("ChannelFields", "Shipping method"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Reported to Walmart with each shipment."), Kind.CHOICE,
                  choices=("Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value")),
        FieldSpec("tracking_url_template", QT_TRANSLATE_NOOP("ChannelFields", "Tracking link"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "For carriers Walmart does not know; {tracking} is "
                                    "replaced by the tracking number."), Kind.URL,
                  contains="{tracking}"),
        FieldSpec("client_id", QT_TRANSLATE_NOOP("ChannelFields", "Client ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Seller Center → Settings → API Key Management."),
                  needed=Needed.YES),
        FieldSpec("client_secret", QT_TRANSLATE_NOOP("ChannelFields", "Client secret"),
                  QT_TRANSLATE_NOOP("ChannelFields", "Shown beside the client ID."),
                  needed=Needed.YES),
    ),
    "tiktok": (
        FieldSpec("app_key", QT_TRANSLATE_NOOP("ChannelFields", "App key"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "From your app in TikTok Shop Partner Center."),
                  needed=Needed.YES),
        FieldSpec("shop_cipher", QT_TRANSLATE_NOOP("ChannelFields", "Shop cipher"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Leave empty: it is read from TikTok when the shop is "
                                    "connected.")),
        FieldSpec("shop_id", QT_TRANSLATE_NOOP("ChannelFields", "Shop ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Only when the app is authorised for several shops.")),
        _TOKEN_URL,
        _page_size(100),
        FieldSpec("sort_field", QT_TRANSLATE_NOOP("ChannelFields", "Read orders by"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "create_time: when placed; update_time: when last "
                                    "changed."), Kind.CHOICE,
                  choices=("create_time", "update_time")),
        FieldSpec("warehouse_id", QT_TRANSLATE_NOOP("ChannelFields", "TikTok warehouse ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Needed to send stock: the warehouse in Seller Center → "
                                    "Shipping → Warehouses.")),
        FieldSpec("shipping_provider_id",
                  QT_TRANSLATE_NOOP("ChannelFields", "Shipping provider ID"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "TikTok's ID of the carrier you ship with, for tracking.")),
        FieldSpec("app_secret", QT_TRANSLATE_NOOP("ChannelFields", "App secret"),
                  QT_TRANSLATE_NOOP("ChannelFields", "Shown beside the app key."),
                  needed=Needed.YES),
        FieldSpec("access_token", QT_TRANSLATE_NOOP("ChannelFields", "Access token"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Given when the seller authorises your app; renewed "
                                    "automatically."), needed=Needed.YES),
        FieldSpec("refresh_token", QT_TRANSLATE_NOOP("ChannelFields", "Refresh token"),
                  QT_TRANSLATE_NOOP("ChannelFields", "Given with the access token."),
                  needed=Needed.YES),
        FieldSpec("access_token_expire_in",
                  QT_TRANSLATE_NOOP("ChannelFields", "Access token expires at"),
                  QT_TRANSLATE_NOOP("ChannelFields",
                                    "Unix time given with the token; leave empty if "
                                    "unknown."), Kind.NUMBER, low=0, high=2**40),
    ),
}


def field_spec(platform: str, key: str) -> FieldSpec | None:
    return next((f for f in FIELDS.get(platform, ()) if f.key == key), None)


def label_text(spec: FieldSpec) -> str:
    return QCoreApplication.translate(_CONTEXT, spec.label)


def help_text(spec: FieldSpec) -> str:
    return QCoreApplication.translate(_CONTEXT, spec.help)


def problem(spec: FieldSpec, value: str, *, has_api_address: bool = False,
            keeps_saved: bool = False) -> str:
    """Why ``value`` cannot be saved for ``spec`` (translated), or "" when it can.

    ``keeps_saved``: an empty secret when editing keeps the saved one, so it is not missing.
    """
    value = value.strip()
    text = ""
    if not value:
        needed = spec.needed == Needed.YES or (
            spec.needed == Needed.WITHOUT_API_ADDRESS and not has_api_address)
        if needed and not keeps_saved:
            text = QCoreApplication.translate("ChannelFields", "Required.")
    elif spec.kind == Kind.NUMBER:
        if not value.isdigit() or not spec.low <= int(value) <= spec.high:
            text = QCoreApplication.translate(
                "ChannelFields", "A whole number from {low} to {high}.").format(
                    low=f"{spec.low:,}", high=f"{spec.high:,}")
    elif spec.kind == Kind.URL:
        if not is_web_address(value.replace(spec.contains, "x") if spec.contains else value):
            text = QCoreApplication.translate(
                "ChannelFields", "An address starting with https://")
        elif spec.contains and spec.contains not in value:
            text = QCoreApplication.translate(
                "ChannelFields", "The address must contain {placeholder}.").format(
                    placeholder=spec.contains)
    elif spec.kind == Kind.MARKETPLACE and value not in AMAZON_MARKETPLACES:
        text = QCoreApplication.translate(
            "ChannelFields", "Not an Amazon marketplace ID this app can sync: use one of {ids}."
        ).format(ids=", ".join(AMAZON_MARKETPLACES))
    elif spec.kind == Kind.CHOICE and value not in spec.choices:
        text = QCoreApplication.translate("ChannelFields", "One of: {choices}.").format(
            choices=", ".join(spec.choices))
    elif spec.kind == Kind.YES_NO and value.lower() not in {"true", "false"}:
        text = QCoreApplication.translate("ChannelFields", "true or false.")
    return text


def is_web_address(value: str) -> bool:
    """An http(s) address with a host."""
    parts = urlsplit(value.strip())
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and " " not in value
