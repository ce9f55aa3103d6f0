"""The label files inside a ZIP a seller sends (one PDF, PNG or ZPL per order, often in
folders): listed with their full names inside the archive, checked before anything is
unpacked, so a damaged or oversized archive is one clear error and no half import.
"""

from __future__ import annotations

import io
import zipfile

from printers.errors import LabelFileError

#: An archive of labels is small; more than this unpacked is not a label batch (a "zip
#: bomb", or the wrong file), and would exhaust the PC's memory.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5000
#: A ZIP inside the ZIP is opened (sellers zip folders of zips); deeper ones are refused.
MAX_DEPTH = 2

def is_zip(data: bytes) -> bool:
    """A ZIP archive (or an empty one) by its signature."""
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def zip_members(data: bytes, name: str, depth: int = 1) -> list[tuple[str, bytes]]:
    """(path inside the archive, bytes) of every file that may be a label, in archive order.

    Folders, macOS resource forks (``__MACOSX/``, ``._x``) and hidden files are skipped; a
    nested ZIP's members come back as ``inner.zip/label.pdf``. Other files (a README) are
    returned too: telling a label from the rest is the caller's job, by content.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if _wanted(info)]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise LabelFileError(source=name, reason=f"not a readable ZIP file ({error})") from error
    if len(infos) > MAX_MEMBERS:
        raise LabelFileError(source=name, reason=f"more than {MAX_MEMBERS} files in the ZIP")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise LabelFileError(
            source=name, reason=f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")
    members: list[tuple[str, bytes]] = []
    for info in infos:
        if info.flag_bits & 0x1:
            raise LabelFileError(source=f"{name}/{info.filename}",
                                 reason="the file is password-protected")
        try:
            content = archive.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
            raise LabelFileError(source=f"{name}/{info.filename}", reason=str(error)) from error
        if is_zip(content):
            if depth >= MAX_DEPTH:
                raise LabelFileError(source=f"{name}/{info.filename}",
                                     reason="ZIP files nested too deep")
            inner = zip_members(content, f"{name}/{info.filename}", depth + 1)
            members += [(f"{info.filename}/{path}", body) for path, body in inner]
        else:
            members.append((info.filename, content))
    return members


def _wanted(info: zipfile.ZipInfo) -> bool:
    """Not a folder, not macOS metadata, not a hidden file."""
    base = info.filename.rstrip("/").rsplit("/", 1)[-1]
    return not (info.is_dir() or info.filename.startswith("__MACOSX/") or base.startswith("."))

