"""Expected failures, each with a stable code and an English message template.

The template text doubles as the translation key: the GUI looks it up in the
``errors`` translation context (see ``app/ui/i18n.py``) and formats the same
named parameters into the Chinese text, so the domain stays Qt-free while every
message a user sees is translatable.
"""

from __future__ import annotations

from typing import Any, ClassVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by pyside6-lupdate without translating it here."""
    return text


class DomainError(Exception):
    """Base of every expected failure; ``str(err)`` is the English message."""

    code: ClassVar[str] = "error"
    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "Something went wrong: {detail}")

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


class NotFound(DomainError):
    code = "not_found"
    template = QT_TRANSLATE_NOOP("errors", "{kind} {key} was not found.")


class AlreadyExists(DomainError):
    code = "already_exists"
    template = QT_TRANSLATE_NOOP("errors", "{kind} {key} already exists.")


class InvalidValue(DomainError):
    code = "invalid_value"
    template = QT_TRANSLATE_NOOP("errors", "{field}: {problem}")


class UnknownSetting(DomainError):
    """A store setting the platform's connector does not read (a typo would be stored
    unused, and a mistyped secret in plain text)."""

    code = "unknown_setting"
    template = QT_TRANSLATE_NOOP(
        "errors", "{platform} has no setting {key}. Settings: {settings}. Secrets: {secrets}."
    )


class SettingMisspelt(DomainError):
    """A store setting close to a known one (e.g. ``acces_token``): refused, never stored."""

    code = "setting_misspelt"
    template = QT_TRANSLATE_NOOP(
        "errors", "{platform} has no setting {key}: did you mean {suggestion}?"
    )


class IllegalTransition(DomainError):
    code = "illegal_transition"
    template = QT_TRANSLATE_NOOP(
        "errors", "Order {order} is {state} and cannot become {target}."
    )


class InsufficientStock(DomainError):
    code = "insufficient_stock"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Not enough stock of {sku} in bin {bin}: {available} available, {wanted} wanted.",
    )


class WrongClient(DomainError):
    code = "wrong_client"
    template = QT_TRANSLATE_NOOP(
        "errors", "SKU {sku} belongs to client {owner}, not to client {client}."
    )


class BinNotSellable(DomainError):
    code = "bin_not_sellable"
    template = QT_TRANSLATE_NOOP(
        "errors", "Bin {bin} is a {bin_type} bin; its stock cannot be reserved."
    )


class BinInactive(DomainError):
    code = "bin_inactive"
    template = QT_TRANSLATE_NOOP("errors", "Bin {bin} is inactive.")


class AuthenticationFailed(DomainError):
    code = "auth_failed"
    template = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")


class AccountLocked(DomainError):
    """Sign-in for this user, or from this station, waits out a delay after repeated
    failures (a short, growing delay: never a long lock anyone could keep up)."""

    code = "account_locked"
    template = QT_TRANSLATE_NOOP(
        "errors", "Too many failed sign-ins. Try again in {seconds} s."
    )


class PermissionDenied(DomainError):
    code = "permission_denied"
    template = QT_TRANSLATE_NOOP("errors", "Your role ({role}) may not {action}.")


class SupervisorPinRejected(DomainError):
    """No active supervisor has that PIN (the attempt is counted)."""

    code = "pin_rejected"
    template = QT_TRANSLATE_NOOP("errors", "Wrong supervisor PIN.")


class SupervisorPinLocked(DomainError):
    code = "pin_locked"
    template = QT_TRANSLATE_NOOP(
        "errors", "Too many wrong supervisor PINs. Try again in {minutes} minutes."
    )


class LastAdministrator(DomainError):
    """Nobody could manage users any more: the change is refused."""

    code = "last_admin"
    template = QT_TRANSLATE_NOOP(
        "errors", "{user} is the last active administrator: make someone else an admin first."
    )


class OwnAccountRefused(DomainError):
    """An administrator may not lock themself out (deactivate, or change their own role)."""

    code = "own_account"
    template = QT_TRANSLATE_NOOP(
        "errors", "You cannot deactivate your own account or change your own role."
    )


class SchemaTooNew(DomainError):
    code = "schema_too_new"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "This database was written by a newer version of Haicang (schema {found}); "
        "this version knows up to {known}. Install the newer version.",
    )


class DatabaseUnavailable(DomainError):
    code = "database_unavailable"
    template = QT_TRANSLATE_NOOP("errors", "Cannot open the database {url}: {reason}")


class DatabaseBusy(DomainError):
    """Another program kept the database locked through every retry of a write."""

    code = "database_busy"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database is busy: another program has been writing to it for {seconds} s. "
        "Nothing was changed; try again when it has finished.",
    )


class ImportRejected(DomainError):
    code = "import_rejected"
    template = QT_TRANSLATE_NOOP(
        "errors", "{bad} of {total} rows have problems; nothing was imported."
    )


class FileUnreadable(DomainError):
    code = "file_unreadable"
    template = QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}")


# Words that fill the templates' {kind} and {field} slots and fixed {problem} texts,
# listed so the GUI can translate them too (``error_text`` looks each one up).
PARAMETER_WORDS = (
    QT_TRANSLATE_NOOP("errors", "Order"),
    QT_TRANSLATE_NOOP("errors", "SKU"),
    QT_TRANSLATE_NOOP("errors", "Bin"),
    QT_TRANSLATE_NOOP("errors", "Client"),
    QT_TRANSLATE_NOOP("errors", "Warehouse"),
    QT_TRANSLATE_NOOP("errors", "Warehouse data"),
    QT_TRANSLATE_NOOP("errors", "User"),
    QT_TRANSLATE_NOOP("errors", "Administrator"),
    QT_TRANSLATE_NOOP("errors", "quantity"),
    QT_TRANSLATE_NOOP("errors", "order"),
    QT_TRANSLATE_NOOP("errors", "zip"),
    QT_TRANSLATE_NOOP("errors", "state"),
    QT_TRANSLATE_NOOP("errors", "user name"),
    QT_TRANSLATE_NOOP("errors", "password"),
    QT_TRANSLATE_NOOP("errors", "to bin"),
    QT_TRANSLATE_NOOP("errors", "hold reason"),
    QT_TRANSLATE_NOOP("errors", "client name"),
    QT_TRANSLATE_NOOP("errors", "bin code"),
    QT_TRANSLATE_NOOP("errors", "warehouse code"),
    QT_TRANSLATE_NOOP("errors", "client code"),
    QT_TRANSLATE_NOOP("errors", "name"),
    QT_TRANSLATE_NOOP("errors", "address"),
    QT_TRANSLATE_NOOP("errors", "city"),
    QT_TRANSLATE_NOOP("errors", "must not be empty"),
    QT_TRANSLATE_NOOP("errors", "must not be negative"),
    QT_TRANSLATE_NOOP("errors", "must be 1 to 64 characters"),
    QT_TRANSLATE_NOOP("errors", "is the same bin as the source"),
    QT_TRANSLATE_NOOP("errors", "the change must be a non-zero whole number"),
    QT_TRANSLATE_NOOP("errors", "use letters, digits, '.' or '_'"),
    # roles, as PermissionDenied names them
    QT_TRANSLATE_NOOP("errors", "admin"),
    QT_TRANSLATE_NOOP("errors", "clerk"),
    QT_TRANSLATE_NOOP("errors", "packer"),
    QT_TRANSLATE_NOOP("errors", "picker"),
    # order states, as IllegalTransition names them
    QT_TRANSLATE_NOOP("errors", "new"),
    QT_TRANSLATE_NOOP("errors", "allocated"),
    QT_TRANSLATE_NOOP("errors", "backordered"),
    QT_TRANSLATE_NOOP("errors", "on_hold"),
    QT_TRANSLATE_NOOP("errors", "picking"),
    QT_TRANSLATE_NOOP("errors", "packed"),
    QT_TRANSLATE_NOOP("errors", "shipped"),
    QT_TRANSLATE_NOOP("errors", "in_transit"),
    QT_TRANSLATE_NOOP("errors", "delivered"),
    QT_TRANSLATE_NOOP("errors", "cancelled"),
    QT_TRANSLATE_NOOP("errors", "returned"),
    QT_TRANSLATE_NOOP("errors", "changed"),
    QT_TRANSLATE_NOOP("errors", "missing"),
    # bin types, as BinNotSellable names them
    QT_TRANSLATE_NOOP("errors", "staging"),
    QT_TRANSLATE_NOOP("errors", "receiving"),
    QT_TRANSLATE_NOOP("errors", "returns"),
    QT_TRANSLATE_NOOP("errors", "damaged"),
    QT_TRANSLATE_NOOP("errors", "carrier"),
    QT_TRANSLATE_NOOP("errors", "tracking number"),
)
