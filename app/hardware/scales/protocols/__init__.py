"""Registry of the serial scale protocols, by the names used in settings and on the CLI."""

from __future__ import annotations

from typing import Final

from app.hardware.scales.errors import InvalidScaleSettings
from app.hardware.scales.protocols.and_cas import AndCas
from app.hardware.scales.protocols.base import LineSettings, ParseResult, ScaleProtocol
from app.hardware.scales.protocols.nci import Nci
from app.hardware.scales.protocols.sics import MtSics
from app.hardware.scales.protocols.sma import Sma
from app.hardware.scales.protocols.toledo import ToledoDemand
from app.hardware.scales.protocols.toledo_continuous import ToledoContinuous

PROTOCOLS: Final[dict[str, type[ScaleProtocol]]] = {
    cls.name: cls for cls in (ToledoDemand, MtSics, Sma, Nci, ToledoContinuous, AndCas)
}


def get_protocol(name: str, assumed_unit: str = "lb") -> ScaleProtocol:
    """Instantiate the protocol called ``name`` (one of PROTOCOLS)."""
    try:
        cls = PROTOCOLS[name]
    except KeyError:
        raise InvalidScaleSettings(field="protocol", value=name) from None
    return cls(assumed_unit=assumed_unit)


__all__ = [
    "PROTOCOLS",
    "AndCas",
    "LineSettings",
    "MtSics",
    "Nci",
    "ParseResult",
    "ScaleProtocol",
    "Sma",
    "ToledoContinuous",
    "ToledoDemand",
    "get_protocol",
]
