"""Column presets per client: save, list, export and import them, and pick the one a file fits.

A clerk maps a client's own file layout once (the import dialog's mapping step, or
``haicang orders presets save``); the preset is stored under a name for that client and
recognised by its header row the next time. :func:`read_client_orders` is the order
import's way into a file: a preset named by the caller wins; else the template (or a
platform export) read from its headers; else the one preset of the client the file
fits; else a refusal saying how to map the columns. Presets travel between databases
as a JSON document (:func:`export_presets`, :func:`import_presets`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.channels.file_input import FileTooLarge, NotARegularFile
from app.channels.files import ParsedFile, read_order_file
from app.channels.preset_reader import (
    LayoutNotRecognised,
    PresetAmbiguous,
    PresetExists,
    PresetInvalid,
    PresetNotFound,
    check_mapping,
    fits,
    is_template,
    read_layout,
    read_with_preset,
)
from app.db.base import utcnow
from app.db.models import Client, ImportPreset
from app.domain.errors import FileUnreadable
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit
from app.services.lookup import client_by_code

#: Marks a JSON document as Haicang column presets (and its version).
EXPORT_KIND = "haicang-import-presets"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class PresetInfo:
    """One saved preset: ``mapping`` is order field -> the file's header text."""

    id: int
    client: str
    name: str
    mapping: Mapping[str, str]
    headers: tuple[str, ...]
    created_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ClientFile:
    """An order file read for a client, and the preset it was read with (None: the
    template or a platform export recognised from its headers)."""

    parsed: ParsedFile
    preset: str | None


def _info(row: ImportPreset, client: Client) -> PresetInfo:
    return PresetInfo(row.id, client.code, row.name, json.loads(row.mapping),
                      tuple(json.loads(row.headers)), row.created_by, row.created_at,
                      row.updated_at)


def _rows(session: Session, client: Client) -> list[ImportPreset]:
    return list(session.scalars(select(ImportPreset).where(ImportPreset.client_id == client.id)
                                .order_by(ImportPreset.name)))


def _row(session: Session, client: Client, name: str) -> ImportPreset:
    rows = _rows(session, client)
    found = next((r for r in rows if r.name == name.strip()), None)
    if found is None:
        raise PresetNotFound(client=client.code, preset=name,
                             presets=", ".join(r.name for r in rows) or "none")
    return found


def save_preset(
    session: Session, client_code: str, name: str, mapping: Mapping[str, str],
    headers: Sequence[str] = (), *, actor: Actor, replace: bool = False,
) -> PresetInfo:
    """Save a mapping under a name for the client; ``headers`` is the file's header row.

    Raises PresetInvalid for a mapping that cannot be read (see
    :func:`app.channels.preset_reader.check_mapping`) and AlreadyExists for a name the
    client already uses, unless ``replace``.
    """
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    info = _store(session, client, name, mapping, headers, actor, replace)
    record_audit(session, actor, "save_import_preset", "client", client.id, preset=info.name)
    return info


def _store(session: Session, client: Client, name: str, mapping: Mapping[str, str],
           headers: Sequence[str], actor: Actor, replace: bool) -> PresetInfo:
    cleaned = check_mapping(name, mapping)
    name = name.strip()
    header_row = [str(h or "").strip() for h in headers]
    row = session.scalar(select(ImportPreset).where(ImportPreset.client_id == client.id,
                                                    ImportPreset.name == name))
    if row is not None and not replace:
        raise PresetExists(client=client.code, preset=name)
    if row is None:
        row = ImportPreset(client_id=client.id, name=name, created_by=actor.name)
        session.add(row)
    row.mapping = json.dumps(cleaned, ensure_ascii=False)
    row.headers = json.dumps(header_row, ensure_ascii=False)
    row.updated_at = utcnow()
    session.flush()
    return _info(row, client)


def list_presets(session: Session, client_code: str, *, actor: Actor) -> list[PresetInfo]:
    """The client's presets by name."""
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    return [_info(r, client) for r in _rows(session, client)]


def get_preset(session: Session, client_code: str, name: str, *, actor: Actor) -> PresetInfo:
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    return _info(_row(session, client, name), client)


def delete_preset(session: Session, client_code: str, name: str, *, actor: Actor) -> None:
    """Delete a preset; orders imported with it stay as they are."""
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    row = _row(session, client, name)
    session.delete(row)
    record_audit(session, actor, "delete_import_preset", "client", client.id, preset=row.name)


def export_presets(session: Session, client_code: str, names: Sequence[str] = (), *,
                   actor: Actor) -> dict[str, Any]:
    """The client's presets (or the named ones) as one JSON document."""
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    rows = [_row(session, client, n) for n in names] if names else _rows(session, client)
    return {
        "kind": EXPORT_KIND,
        "version": EXPORT_VERSION,
        "client": client.code,
        "presets": [{"name": r.name, "mapping": json.loads(r.mapping),
                     "headers": json.loads(r.headers)} for r in rows],
    }


def import_presets(session: Session, client_code: str, document: Any, *, actor: Actor,
                   replace: bool = False) -> list[PresetInfo]:
    """Save the presets of an exported document (a dict, or its JSON text) for the client.

    Also read: a list of presets, or one preset (``{"name": ..., "mapping": {...}}``),
    as someone may write them by hand.

    All of them or none: a document with one bad preset, or (without ``replace``) a name
    the client already uses, saves nothing. The document may come from another client
    or another warehouse's database: the presets go to ``client_code``.
    """
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    entries = _entries(document)
    names = [str(e.get("name", "")).strip() for e in entries]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise PresetInvalid(preset=twice[0], problem="the file holds two presets of this name")
    saved = [_store(session, client, str(e.get("name", "")), _mapping_of(e),
                    _headers_of(e), actor, replace) for e in entries]
    record_audit(session, actor, "import_import_presets", "client", client.id,
                 presets=[p.name for p in saved])
    return saved


def _entries(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, str | bytes):
        try:
            document = json.loads(document)
        except ValueError as exc:
            raise PresetInvalid(preset="", problem=f"the file is not JSON ({exc})") from exc
    if isinstance(document, dict) and "mapping" in document:  # one preset written by hand
        document = [document]
    if isinstance(document, list):  # a bare list of presets
        document = {"kind": EXPORT_KIND, "presets": document}
    if not isinstance(document, dict) or document.get("kind", EXPORT_KIND) != EXPORT_KIND \
            or "presets" not in document:
        raise PresetInvalid(preset="", problem="the file is not an export of column presets "
                                               "(haicang orders presets export)")
    entries = document.get("presets")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise PresetInvalid(preset="", problem="the file has no list of presets")
    return entries


def _mapping_of(entry: dict[str, Any]) -> dict[str, str]:
    mapping = entry.get("mapping")
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise PresetInvalid(preset=str(entry.get("name", "")),
                            problem="its mapping is not an object of field: column name")
    return {str(k): v for k, v in mapping.items()}


def _headers_of(entry: dict[str, Any]) -> list[str]:
    headers = entry.get("headers", [])
    return [str(h) for h in headers] if isinstance(headers, list) else []


def recognise_preset(session: Session, client_code: str, path: str | Path, *,
                     actor: Actor) -> PresetInfo | None:
    """The one preset of the client whose columns are all in the file's header, or None.

    Raises PresetAmbiguous when several fit, FileUnreadable when the file is no table.
    """
    require(actor, Permission.IMPORT_ORDERS)
    client = client_by_code(session, client_code)
    row = _fitting(session, client, path)
    return None if row is None else _info(row, client)


def _fitting(session: Session, client: Client, path: str | Path,
             candidates: Sequence[Sequence[str]] | None = None) -> ImportPreset | None:
    rows = _rows(session, client)
    if not rows:
        return None
    if candidates is None:
        candidates = read_layout(path).candidates
    matching = [r for r in rows if fits(candidates, json.loads(r.mapping))]
    if len(matching) > 1:
        raise PresetAmbiguous(path=str(path), client=client.code,
                              presets=", ".join(f"'{r.name}'" for r in matching))
    return matching[0] if matching else None


def read_client_orders(session: Session, client: Client, path: str | Path,
                       preset: str | None = None) -> ClientFile:
    """Read an order file of the client the way the import does (see the module text).

    A file refused for its size or kind is refused as it is; one whose layout nothing
    recognises raises LayoutNotRecognised, which says how to map it.
    """
    if preset is not None:
        row = _row(session, client, preset)
        return ClientFile(read_with_preset(path, row.name, json.loads(row.mapping)), row.name)
    try:
        return ClientFile(read_order_file(path), None)
    except (NotARegularFile, FileTooLarge):
        raise
    except FileUnreadable as exc:
        try:
            candidates = read_layout(path).candidates
        except FileUnreadable:
            raise exc from None  # no table at all: the template reader's reason says why
        if is_template(candidates):
            raise  # the template, refused for another reason (no rows ...): say that
        found = _fitting(session, client, path, candidates)
        if found is None:
            reason = str(exc.fields.get("reason") or exc.message)
            raise LayoutNotRecognised(path=str(path), reason=reason) from exc
    return ClientFile(read_with_preset(path, found.name, json.loads(found.mapping)), found.name)
