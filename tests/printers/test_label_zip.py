"""ZIPs of label files: what is unpacked, and archives refused before anything is read."""

from __future__ import annotations

import io
import zipfile

import pytest

from printers.errors import LabelFileError
from printers.label_zip import MAX_DEPTH, zip_members


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_members_keep_their_folders_and_skip_mac_and_hidden_files() -> None:
    data = _zip({"a/b/label.pdf": b"%PDF", "__MACOSX/a/._label.pdf": b"x", ".DS_Store": b"x",
                 "a/.hidden.png": b"x", "inner.zip": _zip({"c/d.zpl": b"^XA^XZ"})})
    assert zip_members(data, "l.zip") == [("a/b/label.pdf", b"%PDF"),
                                          ("inner.zip/c/d.zpl", b"^XA^XZ")]


def test_zips_nested_too_deep_are_refused() -> None:
    data = _zip({"x.pdf": b"%PDF"})
    for level in range(MAX_DEPTH):
        data = _zip({f"level{level}.zip": data})
    with pytest.raises(LabelFileError, match="nested too deep"):
        zip_members(data, "deep.zip")


def test_an_archive_that_unpacks_too_large_is_refused_before_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("printers.label_zip.MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(LabelFileError, match="unpacks to more than"):
        zip_members(_zip({"big.pdf": b"0" * 5000}), "bomb.zip")


def test_password_protected_members_are_refused() -> None:
    data = bytearray(_zip({"label.pdf": b"%PDF"}))
    # Set the "encrypted" flag bit in both the local and the central directory headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    with pytest.raises(LabelFileError, match="password-protected"):
        zip_members(bytes(data), "secret.zip")
