"""Each protocol decodes the frames its manual shows (pure, no I/O)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.hardware.scales import Reading, Reply, UnsupportedUnit, get_protocol
from tests.fakes import scales as manual


def parse_one(protocol: str, frame: bytes, unit: str = "lb") -> Reading | Reply | None:
    """Frame the bytes with the protocol's own framer, then decode the single frame."""
    proto = get_protocol(protocol, assumed_unit=unit)
    frames = proto.new_framer().feed(frame)
    assert len(frames) == 1, frames
    return proto.parse(frames[0])


def reading(protocol: str, frame: bytes, unit: str = "lb") -> Reading:
    result = parse_one(protocol, frame, unit)
    assert isinstance(result, Reading), result
    return result


class TestToledoDemand:
    def test_weight_record_is_stable_in_assumed_unit(self) -> None:
        r = reading("toledo", manual.toledo_weight(Decimal("12.34")))
        assert (r.weight_g, r.unit, r.raw_value, r.stable) == (5597, "lb", Decimal("12.34"), True)
        assert r.raw_frame == b"\x02 12.34\r"

    def test_assumed_unit_kg(self) -> None:
        assert reading("toledo", manual.toledo_weight(Decimal("1.5")), unit="kg").weight_g == 1500

    @pytest.mark.parametrize(
        ("flags", "stable", "over", "under"),
        [
            ({"motion": True}, False, False, False),
            ({"over": True}, False, True, False),
            ({"under": True}, False, False, True),
        ],
    )
    def test_status_record(self, flags: dict[str, bool], stable: bool, over: bool,
                           under: bool) -> None:
        r = reading("toledo", manual.toledo_status(**flags))
        assert r.weight_g is None
        assert (r.stable, r.overload, r.underload) == (stable, over, under)

    def test_odoo_net_marker_and_parity_bit(self) -> None:
        frame = bytes(b | 0x80 if b in b"25" else b for b in b"\x02  2.50N\r")
        assert reading("toledo", frame).raw_value == Decimal("2.50")


class TestSics:
    def test_stable_and_dynamic(self) -> None:
        stable = reading("sics", manual.sics_weight("S", Decimal("100.00"), "g"))
        moving = reading("sics", manual.sics_weight("D", Decimal("99.10"), "g"))
        assert (stable.weight_g, stable.stable) == (100, True)
        assert (moving.weight_g, moving.stable) == (99, False)

    def test_overload_underload(self) -> None:
        assert reading("sics", b"S +\r\n").overload
        assert reading("sics", b"S -\r\n").negative

    @pytest.mark.parametrize(
        ("frame", "accepted"),
        [(b"Z A\r\n", True), (b"Z I\r\n", False), (b"T S   12.00 g\r\n", True),
         (b"S I\r\n", False), (b"ES\r\n", False), (b"EL\r\n", False)],
    )
    def test_replies(self, frame: bytes, accepted: bool) -> None:
        result = parse_one("sics", frame)
        assert isinstance(result, Reply)
        assert result.accepted is accepted

    def test_kilograms_and_negative(self) -> None:
        r = reading("sics", b"S S    -0.125 kg\r\n")
        assert (r.weight_g, r.negative, r.stable) == (-125, True, True)

    def test_counting_unit_is_a_typed_error(self) -> None:
        with pytest.raises(UnsupportedUnit):
            parse_one("sics", b"S S     12 PCS\r\n")


class TestSma:
    def test_manual_example(self) -> None:
        r = reading("sma", b"\n 1G    5.025lb \r")
        assert (r.weight_g, r.unit, r.stable) == (2279, "lb", True)

    def test_fixed_width_frame_from_builder(self) -> None:
        r = reading("sma", manual.sma_frame(Decimal("1.5"), "kg"))
        assert (r.weight_g, r.stable) == (1500, True)

    def test_motion(self) -> None:
        assert not reading("sma", manual.sma_frame(Decimal(2), motion=True)).stable

    def test_over_under_and_errors(self) -> None:
        assert reading("sma", manual.sma_frame(Decimal(200), status="O")).overload
        assert reading("sma", manual.sma_frame(Decimal("-0.5"), status="U")).negative
        faulty = reading("sma", manual.sma_frame(None, status="E"))
        assert (faulty.weight_g, faulty.fault, faulty.stable) == (None, "zero error", False)

    def test_unknown_command(self) -> None:
        assert parse_one("sma", b"\n?\r") == Reply(False, "?", b"\n?\r")


class TestNci:
    def test_scp01_stable(self) -> None:
        r = reading("nci", manual.nci_weight(Decimal("1.25"), "lb", manual.nci_status()))
        assert (r.weight_g, r.unit, r.stable) == (567, "lb", True)

    def test_scp02_prefix_and_missing_second_lf(self) -> None:
        frame = manual.nci_weight(
            Decimal("2.00"), "kg", manual.nci_status(prefix="S"), second_lf=False
        )
        assert reading("nci", frame).weight_g == 2000

    def test_motion_over_under(self) -> None:
        w = Decimal(1)
        assert not reading("nci", manual.nci_weight(w, "lb", manual.nci_status(motion=True))).stable
        assert reading("nci", manual.nci_weight(w, "lb", manual.nci_status(over=True))).overload
        assert reading("nci", manual.nci_weight(w, "lb", manual.nci_status(under=True))).negative

    def test_status_only_and_unknown(self) -> None:
        status_only = reading("nci", b"\n" + manual.nci_status(zero=True) + b"\r\x03")
        assert status_only.weight_g is None
        assert isinstance(parse_one("nci", b"\n?\r\x03"), Reply)

    def test_ram_error_is_a_fault(self) -> None:
        frame = manual.nci_weight(Decimal(1), "lb", bytes([0x34, 0x30]))
        assert reading("nci", frame).fault == "RAM error"


class TestToledoContinuous:
    def test_lb_with_checksum(self) -> None:
        r = reading("toledo-continuous", manual.toledo_continuous(Decimal("3.21")))
        assert (r.raw_value, r.unit, r.weight_g, r.stable) == (Decimal("3.21"), "lb", 1456, True)

    def test_kg_negative_motion_over(self) -> None:
        r = reading("toledo-continuous", manual.toledo_continuous(Decimal("-0.5"), kg=True))
        assert (r.weight_g, r.negative) == (-500, True)
        assert not reading(
            "toledo-continuous", manual.toledo_continuous(Decimal(1), motion=True)
        ).stable
        over = manual.toledo_continuous(Decimal(1), over=True)
        assert reading("toledo-continuous", over).overload

    def test_bad_checksum_is_rejected(self) -> None:
        proto = get_protocol("toledo-continuous")
        frame = bytearray(manual.toledo_continuous(Decimal(1)))
        frame[-1] ^= 0x01
        assert proto.parse(bytes(frame)) is None

    def test_without_checksum(self) -> None:
        # Parsed directly: the framer holds a lone checksum-less frame back (test_noisy_line).
        frame = manual.toledo_continuous(Decimal("1.00"), checksum=False)
        result = get_protocol("toledo-continuous").parse(frame)
        assert isinstance(result, Reading)
        assert result.weight_g == 454


class TestAndCas:
    def test_and_stable_unstable_overload(self) -> None:
        assert reading("and", b"ST,+00123.45  g\r\n").weight_g == 123
        assert not reading("and", b"US,+00123.45  g\r\n").stable
        assert reading("and", b"OL,+9999999 kg\r\n").overload
        assert reading("and", b"OL,-9999999 kg\r\n").underload

    def test_cas_line(self) -> None:
        r = reading("and", b"ST,GS,+  1.500kg\r\n")
        assert (r.weight_g, r.unit, r.stable) == (1500, "kg", True)

    def test_count_mode_is_not_a_weight(self) -> None:
        assert parse_one("and", b"QT,+0000012 PC\r\n") is None


def test_reading_json_shape() -> None:
    r = reading("sma", b"\n 1G    5.025lb \r")
    assert r.to_json() == {
        "weight_g": 2279,
        "unit": "lb",
        "raw_value": "5.025",
        "protocol": "sma",
        "stable": True,
        "overload": False,
        "negative": False,
        "fault": None,
    }
