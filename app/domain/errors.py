"""Expected failures, each with a stable code and an English message template.

Every family of expected failure (domain, channel, scale, secret store) derives from
:class:`HaicangError` and names its parts the same way: ``code`` (stable, for the CLI's
JSON and the logs), ``template`` (the English message with ``{named}`` placeholders) and
``fields`` (the values of those placeholders). ``printers/`` stays standalone, so
``printers.errors.PrinterError`` is a copy of the same shape.

The template text doubles as the translation key: the GUI looks it up in the ``errors``
translation context (see ``app/ui/i18n.py``) and formats the same fields into the Chinese
text, so the domain stays Qt-free while every message a user sees is translatable.
``resources/translations/ts.py update`` collects every error class's ``template`` and
``field_words`` (the fixed words that fill its placeholders) for lupdate: nobody copies
them by hand.
"""

from __future__ import annotations

from typing import Any, ClassVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by pyside6-lupdate without translating it here."""
    return text


class HaicangError(Exception):
    """Base of every expected failure; ``str(err)`` is the English message."""

    code: ClassVar[str] = "error"
    template: ClassVar[str] = "Something went wrong: {detail}"
    #: Fixed words some callers put in ``fields`` (kinds, states, roles): translated too.
    field_words: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **fields: Any) -> None:
        self.fields: dict[str, Any] = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English template filled with the fields (a missing one shows as '?', so a
        failure is never lost to a formatting error)."""
        return self.template.format_map(_Defaulting(self.fields))


class _Defaulting(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


class DomainError(HaicangError):
    """An expected failure of a use case (``app/services``): bad input, a refused change."""


class NotFound(DomainError):
    code = "not_found"
    template = "{kind} {key} was not found."
    # the {kind} of every caller (AlreadyExists says the same kinds)
    field_words = (
        "Order", "SKU", "Bin", "Client", "Warehouse", "Warehouse data", "User", "Administrator",
        "Print job", "Label", "Box", "Parcel", "Restock task",
    )


class AlreadyExists(DomainError):
    code = "already_exists"
    template = "{kind} {key} already exists."


class InvalidValue(DomainError):
    code = "invalid_value"
    template = "{field}: {problem}"
    # the {field} names and fixed {problem} texts callers use
    field_words = (
        "quantity", "order", "zip", "state", "user name", "password", "to bin", "hold reason",
        "client name", "bin code", "warehouse code", "client code", "name", "address", "city",
        "carrier", "tracking number", "copies", "bin range", "must not be empty",
        "must not be negative", "must be 1 to 64 characters", "is the same bin as the source",
        "the change must be a non-zero whole number", "use letters, digits, '.' or '_'",
        # app/domain/routing.py
        "aisle pitch", "bin pitch", "block length", "depot aisle", "largest position", "aisle",
        "position", "must be more than 0", "must be 1 or more",
    )


class UnknownSetting(DomainError):
    """A store setting the platform's connector does not read (a typo would be stored
    unused, and a mistyped secret in plain text)."""

    code = "unknown_setting"
    template = "{platform} has no setting {key}. Settings: {settings}. Secrets: {secrets}."


class SettingMisspelt(DomainError):
    """A store setting close to a known one (e.g. ``acces_token``): refused, never stored."""

    code = "setting_misspelt"
    template = "{platform} has no setting {key}: did you mean {suggestion}?"


class IllegalTransition(DomainError):
    code = "illegal_transition"
    template = "Order {order} is {state} and cannot become {target}."
    # order states
    field_words = (
        "new", "allocated", "backordered", "on_hold", "picking", "packed", "shipped", "in_transit",
        "delivered", "cancelled", "returned", "changed", "missing",
    )


class InsufficientStock(DomainError):
    code = "insufficient_stock"
    template = (
        "Not enough stock of {sku} in bin {bin}: {available} available, {wanted} wanted."
    )


class WrongClient(DomainError):
    code = "wrong_client"
    template = "SKU {sku} belongs to client {owner}, not to client {client}."


class BinNotSellable(DomainError):
    code = "bin_not_sellable"
    template = "Bin {bin} is a {bin_type} bin; its stock cannot be reserved."
    # bin types that cannot be sold from
    field_words = ("staging", "receiving", "returns", "damaged", "quarantine")


class BinInactive(DomainError):
    code = "bin_inactive"
    template = "Bin {bin} is inactive."


class AuthenticationFailed(DomainError):
    code = "auth_failed"
    template = "Wrong user name or password."


class AccountLocked(DomainError):
    """Sign-in for this user, or from this station, waits out a delay after repeated
    failures (a short, growing delay: never a long lock anyone could keep up)."""

    code = "account_locked"
    template = "Too many failed sign-ins. Try again in {seconds} s."


class PermissionDenied(DomainError):
    code = "permission_denied"
    template = "Your role ({role}) may not {action}."
    # roles
    field_words = ("admin", "clerk", "packer", "picker")


class SupervisorPinRejected(DomainError):
    """No active supervisor has that PIN (the attempt is counted)."""

    code = "pin_rejected"
    template = "Wrong supervisor PIN."


class SupervisorPinLocked(DomainError):
    code = "pin_locked"
    template = "Too many wrong supervisor PINs. Try again in {minutes} minutes."


class LastAdministrator(DomainError):
    """Nobody could manage users any more: the change is refused."""

    code = "last_admin"
    template = "{user} is the last active administrator: make someone else an admin first."


class OwnAccountRefused(DomainError):
    """An administrator may not lock themself out (deactivate, or change their own role)."""

    code = "own_account"
    template = "You cannot deactivate your own account or change your own role."


class SchemaTooNew(DomainError):
    code = "schema_too_new"
    template = (
        "This database was written by a newer version of Haicang (schema {found}); "
        "this version knows up to {known}. Install the newer version."
    )


class DatabaseUnavailable(DomainError):
    code = "database_unavailable"
    template = "Cannot open the database {url}: {reason}"


class DatabaseBusy(DomainError):
    """Another program kept the database locked through every retry of a write."""

    code = "database_busy"
    template = (
        "The database is busy: another program has been writing to it for {seconds} s. "
        "Nothing was changed; try again when it has finished."
    )


class ImportRejected(DomainError):
    code = "import_rejected"
    template = "{bad} of {total} rows have problems; nothing was imported."


class FileUnreadable(DomainError):
    code = "file_unreadable"
    template = "Cannot read {path}: {reason}"


class DataConflict(DomainError):
    """The database refused a change because of one of its rules (a unique key, a
    reference, a check), which the service's own checks did not catch: most often another
    PC saved something in the meantime. Made from the driver's error in ``app/db/errors.py``."""

    code = "data_conflict"
    template = (
        "This change conflicts with data saved meanwhile ({constraint}); nothing was saved. "
        "Reload and try again."
    )
