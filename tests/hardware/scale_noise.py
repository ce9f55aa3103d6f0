"""Noisy scale lines for the property tests, and a census that counts stable misreads.

A scale line in a warehouse picks up noise (motors, long unshielded cables, a wrong baud rate).
The only thing that must never happen is a *stable* weight the scale did not show, because a
stable weight is what gets stored and printed on a label. This module builds the three kinds
of bad input the property tests use (random bytes, ASCII noise, valid frames with single-byte
mutations) and feeds them through a protocol the way the serial driver does: framer, then
``parse``, with a frame that raises counted as bad and skipped.

``python -m tests.hardware.scale_noise [N]`` prints, per protocol, how many of N streams of
each kind produced a wrong stable weight (the numbers quoted in issue #13).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from app.hardware.scales import PROTOCOLS, Reading, ScaleError, get_protocol, to_grams
from tests.fakes import scales as manual

#: Every byte an ASCII-speaking scale line carries, plus the protocols' control bytes.
ASCII_NOISE = bytes(range(0x20, 0x7F)) + b"\x02\x03\r\n"

#: Protocols whose frames carry a checksum: there, a mutated frame must never be read.
CHECKSUMMED = frozenset({"toledo-continuous"})

#: A valid frame showing ``weight`` (in lb), per protocol, written from the manuals.
VALID_FRAME: dict[str, Callable[[Decimal], bytes]] = {
    "toledo": manual.toledo_weight,
    "sics": lambda w: manual.sics_weight("S", w, "lb"),
    "sma": manual.sma_frame,
    "nci": lambda w: manual.nci_weight(w, "lb", manual.nci_status()),
    "toledo-continuous": manual.toledo_continuous,
    "and": lambda w: manual.and_line("ST", w, "lb"),
}


@dataclass
class Outcome:
    """What one stream produced when read like the driver reads it."""

    stable_grams: list[int]
    bad_frames: int


def read_stream(protocol: str, chunks: list[bytes]) -> Outcome:
    """Frame and parse ``chunks``; collect the stable weights and count the frames rejected."""
    proto = get_protocol(protocol)
    framer = proto.new_framer()
    stable: list[int] = []
    bad = 0
    for chunk in chunks:
        for frame in framer.feed(chunk):
            try:
                result = proto.parse(frame)
            except ScaleError:
                bad += 1
                continue
            if result is None:
                bad += 1
            elif isinstance(result, Reading) and result.stable:
                assert result.weight_g is not None
                stable.append(result.weight_g)
    return Outcome(stable, bad + framer.bad_frames)


MUTATIONS = ("replace", "insert", "delete")


def mutate(frame: bytes, position: int, kind: str, byte: int) -> bytes:
    """One single-byte error at ``position``: a byte replaced, inserted or lost."""
    position %= len(frame)
    if kind == "delete":
        return frame[:position] + frame[position + 1 :]
    if kind == "insert":
        return frame[:position] + bytes([byte]) + frame[position:]
    # A change of bit 7 alone is parity, which every framer strips: make the error visible.
    changed = frame[position] ^ (byte & 0x7F or 1)
    return frame[:position] + bytes([changed]) + frame[position + 1 :]


def census(streams: int, seed: int = 13) -> dict[str, tuple[int, int, int]]:
    """Per protocol: streams with a wrong stable weight among random, ASCII and mutated."""
    rng = random.Random(seed)
    counts: dict[str, tuple[int, int, int]] = {}
    for protocol in sorted(PROTOCOLS):
        noisy = ascii_noisy = mutated = 0
        for _ in range(streams):
            raw = rng.randbytes(rng.randrange(1, 200))
            noisy += bool(read_stream(protocol, [raw]).stable_grams)
            text = bytes(rng.choice(ASCII_NOISE) for _ in range(rng.randrange(1, 200)))
            ascii_noisy += bool(read_stream(protocol, [text]).stable_grams)
            weight = Decimal(rng.randrange(1, 10000)).scaleb(-2)
            frames = [VALID_FRAME[protocol](weight) for _ in range(6)]
            for index in rng.sample(range(len(frames)), rng.randrange(1, 4)):
                frames[index] = mutate(frames[index], rng.randrange(64),
                                       rng.choice(MUTATIONS), rng.randrange(256))
            got = read_stream(protocol, [b"".join(frames)]).stable_grams
            mutated += any(g != to_grams(weight, "lb") for g in got)
        counts[protocol] = (noisy, ascii_noisy, mutated)
    return counts


def main(argv: list[str]) -> None:
    streams = int(argv[0]) if argv else 20_000
    print(f"streams with a wrong stable weight, of {streams} each")
    print(f"{'protocol':<18} {'random bytes':>12} {'ASCII noise':>12} {'mutated frames':>15}")
    for protocol, (noisy, ascii_noisy, mutated) in census(streams).items():
        print(f"{protocol:<18} {noisy:>12} {ascii_noisy:>12} {mutated:>15}")


if __name__ == "__main__":
    main(sys.argv[1:])
