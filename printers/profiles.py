"""Printer profiles: everything needed to print on one physical printer.

A station keeps named profiles (e.g. "label", "documents") in its settings as plain
dicts; :meth:`PrinterProfile.to_dict` / :meth:`PrinterProfile.from_dict` are that format,
and ``from_dict`` validates so a hand-edited settings file fails with a clear message.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from printers.errors import InvalidProfile
from printers.raster import RasterOptions


class Language(StrEnum):
    """What the printer understands."""

    ESCPOS = "escpos"
    TSPL = "tspl"
    ZPL = "zpl"
    PDF = "pdf"


@dataclass(frozen=True)
class PrintOptions:
    """Per-printer tuning, all optional.

    rotation: clockwise degrees applied to the page (0/90/180/270).
    offset_x / offset_y: shift in printer dots (right / down) to correct label position.
    threshold: raster grey cut-off 1-255 (higher prints darker).
    darkness: printer heat setting (TSPL DENSITY 0-15, ZPL ~SD 0-30); None leaves it alone.
    zero_is_black: TSPL bitmap polarity (True on most TSPL printers).
    fragment_height: ESC/POS raster band height in rows.
    gap_mm: TSPL gap between labels.
    cut: ESC/POS partial cut after each label.
    status_query: ask an ESC/POS printer for paper/cover status (DLE EOT) before printing.
    timeout_s: how long a printer may stop reading or answering before PrinterTimeout.
    """

    rotation: int = 0
    offset_x: int = 0
    offset_y: int = 0
    threshold: int = 128
    darkness: int | None = None
    zero_is_black: bool = True
    fragment_height: int = 256
    gap_mm: float = 3.0
    cut: bool = False
    status_query: bool = True
    timeout_s: float = 10.0

    def __post_init__(self) -> None:
        for option in fields(self):
            value = getattr(self, option.name)
            if not _has_type(value, str(option.type)):
                raise InvalidProfile(
                    name="options", reason=f"{option.name} must be {option.type}, not {value!r}"
                )


_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "int | None": (int, type(None)),
}


def _has_type(value: object, annotation: str) -> bool:
    """Settings files are hand-editable: reject '90' where 90 is meant (bools are not ints)."""
    if isinstance(value, bool) and annotation != "bool":
        return False
    return isinstance(value, _TYPES[annotation])


@dataclass(frozen=True)
class PrinterProfile:
    """A named printer: where it is (URI), what it speaks, and its media."""

    name: str
    uri: str
    language: Language
    dpi: int = 203
    media_width_mm: float = 101.6
    media_height_mm: float = 152.4
    options: PrintOptions = field(default_factory=PrintOptions)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidProfile(name=self.name, reason="the name is empty")
        if "://" not in self.uri:
            raise InvalidProfile(name=self.name, reason=f"'{self.uri}' is not a printer address")
        if self.dpi not in (152, 203, 300, 600) and self.language is not Language.PDF:
            raise InvalidProfile(
                name=self.name, reason=f"dpi {self.dpi} is not 152, 203, 300 or 600"
            )
        if self.media_width_mm <= 0 or self.media_height_mm <= 0:
            raise InvalidProfile(name=self.name, reason="media width and height must be positive")
        if self.options.fragment_height < 1:
            raise InvalidProfile(name=self.name, reason="fragment height must be at least 1")
        if self.options.timeout_s <= 0:
            raise InvalidProfile(name=self.name, reason="timeout must be positive")
        self.raster_options()  # validates rotation and threshold

    @property
    def media_width_dots(self) -> int:
        """Media width in printer dots."""
        return round(self.media_width_mm / 25.4 * self.dpi)

    @property
    def media_height_dots(self) -> int:
        """Media height in printer dots."""
        return round(self.media_height_mm / 25.4 * self.dpi)

    def raster_options(self) -> RasterOptions:
        """How pages are rasterised for this printer."""
        try:
            return RasterOptions(
                dpi=self.dpi,
                rotation=self.options.rotation,
                offset_x=self.options.offset_x,
                offset_y=self.options.offset_y,
                threshold=self.options.threshold,
                width_dots=self.media_width_dots,
                height_dots=self.media_height_dots,
            )
        except InvalidProfile as error:
            raise InvalidProfile(name=self.name, reason=error.fields.get("reason", "")) from error

    def with_options(self, **changes: Any) -> PrinterProfile:
        """A copy with some options changed (e.g. a shorter timeout for a test page)."""
        return replace(self, options=replace(self.options, **changes))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict for settings files."""
        data = asdict(self)
        data["language"] = self.language.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PrinterProfile:
        """Build and validate a profile from :meth:`to_dict` output; unknown keys are errors."""
        name = str(data.get("name", ""))
        try:
            option_data = dict(data.get("options") or {})
            known = {f.name for f in fields(PrintOptions)}
            unknown = set(option_data) - known
            if unknown:
                raise InvalidProfile(name=name, reason=f"unknown options {sorted(unknown)}")
            top_known = {f.name for f in fields(cls)}
            unknown = set(data) - top_known
            if unknown:
                raise InvalidProfile(name=name, reason=f"unknown settings {sorted(unknown)}")
            return cls(
                name=name,
                uri=str(data["uri"]),
                language=Language(str(data["language"]).lower()),
                dpi=int(data.get("dpi", 203)),
                media_width_mm=float(data.get("media_width_mm", 101.6)),
                media_height_mm=float(data.get("media_height_mm", 152.4)),
                options=PrintOptions(**option_data),
            )
        except KeyError as error:
            raise InvalidProfile(name=name, reason=f"missing {error.args[0]}") from error
        except (TypeError, ValueError) as error:
            raise InvalidProfile(name=name, reason=str(error)) from error
