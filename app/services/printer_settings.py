"""A station's printers: named profiles and which one serves each role.

Station settings (``StationSettings.printers``), as read by :class:`PrinterSettings`::

    {
      "profiles": {"Pack 1 label": {<PrinterProfile.to_dict()>}, ...},
      "label": "Pack 1 label",        # shipping, carrier, bin, carton labels, test pages
      "sku": "Pack 1 SKU",            # SKU/FNSKU labels (falls back to "label")
      "document": "Office laser"      # packing slips, pick lists, manifests
    }

A role without a printer falls back to the ``label`` printer, and when the station has
exactly one printer every role uses it. No database here: the settings live in the
station's own file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.errors import DomainError
from app.services.print_documents import JobKind
from printers.errors import InvalidProfile
from printers.profiles import PrinterProfile


class Role(StrEnum):
    """What a station's printer is for."""

    LABEL = "label"
    SKU = "sku"
    DOCUMENT = "document"


ROLE_OF_KIND: dict[JobKind, Role] = {
    JobKind.SHIPPING_LABEL: Role.LABEL,
    JobKind.CARRIER_LABEL: Role.LABEL,
    JobKind.BIN_LABELS: Role.LABEL,
    JobKind.TEST_PAGE: Role.LABEL,
    JobKind.CARTON_LABELS: Role.LABEL,
    JobKind.SKU_LABELS: Role.SKU,
    JobKind.PACKING_SLIP: Role.DOCUMENT,
    JobKind.PICK_LIST: Role.DOCUMENT,
    JobKind.MANIFEST: Role.DOCUMENT,
}


_ROLE_WORDS = {Role.LABEL: "labels", Role.SKU: "SKU labels", Role.DOCUMENT: "documents"}


class PrinterNotConfigured(DomainError):
    code = "printer_not_configured"
    template = "No printer is set up for {role} on this station; add one in Settings."
    field_words = tuple(_ROLE_WORDS.values())


class UnknownPrinterProfile(DomainError):
    code = "unknown_printer_profile"
    template = "This station has no printer named '{name}' (it has: {known})."


@dataclass(frozen=True)
class PrinterSettings:
    """A station's named printer profiles and which one serves each role."""

    profiles: Mapping[str, PrinterProfile] = field(default_factory=dict)
    roles: Mapping[Role, str] = field(default_factory=dict)

    @classmethod
    def from_station(cls, raw: Mapping[str, Any]) -> PrinterSettings:
        """Parse ``StationSettings.printers``; a bad profile raises InvalidProfile."""
        profiles_raw = raw.get("profiles") or {}
        if not isinstance(profiles_raw, Mapping):
            raise InvalidProfile(name="printers", reason="'profiles' must be a mapping")
        profiles: dict[str, PrinterProfile] = {}
        for name, data in profiles_raw.items():
            if not isinstance(data, Mapping):
                raise InvalidProfile(name=str(name), reason="not a printer profile")
            profiles[str(name)] = PrinterProfile.from_dict({**data, "name": str(name)})
        roles = {
            role: str(raw[role.value])
            for role in Role
            if isinstance(raw.get(role.value), str) and raw[role.value] in profiles
        }
        return cls(profiles, roles)

    def to_station(self) -> dict[str, Any]:
        """The JSON-ready dict for ``StationSettings.printers``."""
        data: dict[str, Any] = {
            "profiles": {name: profile.to_dict() for name, profile in self.profiles.items()}
        }
        data.update({role.value: name for role, name in self.roles.items()})
        return data

    def profile(self, name: str) -> PrinterProfile:
        if name not in self.profiles:
            raise UnknownPrinterProfile(name=name, known=", ".join(self.profiles) or "-")
        return self.profiles[name]

    def for_role(self, role: Role) -> PrinterProfile:
        """The role's printer, else the label printer, else the only printer."""
        for candidate in (role, Role.LABEL):
            if candidate in self.roles:
                return self.profiles[self.roles[candidate]]
        if len(self.profiles) == 1:
            return next(iter(self.profiles.values()))
        raise PrinterNotConfigured(role=_ROLE_WORDS[role])

    def for_kind(self, kind: JobKind) -> PrinterProfile:
        return self.for_role(ROLE_OF_KIND[kind])

    def pack_printers(self) -> tuple[PrinterProfile | None, PrinterProfile | None]:
        """A pack station's (label printer, packing-slip printer), None where there is none.

        The slip goes only to a printer set up for documents: unlike :meth:`for_role` it
        never falls back to the label printer, where a letter-size slip would be cut into
        4x6 labels.
        """
        try:
            label: PrinterProfile | None = self.for_role(Role.LABEL)
        except PrinterNotConfigured:
            label = None
        name = self.roles.get(Role.DOCUMENT)
        return label, self.profiles[name] if name is not None else None
