"""Store credentials (API tokens, client secrets) outside the database.

Each connected store has one entry, a JSON object of its secret values, under
the service name ``Haicang`` in the OS keyring (Windows Credential Manager,
macOS Keychain, Secret Service on Linux). The database only holds the entry's
key. A PC without a usable keyring backend (a bare Linux box, a service
account) falls back to a JSON file in the config directory that only the user
can read (mode 0600); ``SecretStore.fallback_reason`` says so, and the app and
the CLI show it, because the user should know where their secrets are.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from app.settings import config_dir

SERVICE = "Haicang"
FALLBACK_FILE = "channel-secrets.json"


class SecretStoreError(Exception):
    """The keyring or the fallback file could not be read or written."""

    message_template: ClassVar[str] = "Cannot use the secret store ({where}): {detail}"

    def __init__(self, *, where: str, detail: str) -> None:
        self.params = {"where": where, "detail": detail}
        super().__init__(self.message_template.format(**self.params))


def usable_backend(backend: KeyringBackend) -> bool:
    """False for keyring's "nothing available" backends (fail, null, an empty chainer)."""
    if isinstance(backend, fail.Keyring):
        return False
    if type(backend).__module__ == "keyring.backends.null":
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return len(chainer.ChainerBackend.backends) > 0
    return True


class SecretStore:
    """Per-store secret values in the OS keyring, or in a private file when there is none."""

    def __init__(
        self, backend: KeyringBackend | None = None, fallback_path: Path | None = None
    ) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._path = fallback_path or config_dir() / FALLBACK_FILE
        self._lock = threading.Lock()
        self.uses_keyring = usable_backend(self._backend)

    @property
    def location(self) -> str:
        """Where secrets go, for the user: the keyring's name or the file path."""
        if self.uses_keyring:
            return f"OS keyring ({getattr(self._backend, 'name', type(self._backend).__name__)})"
        return str(self._path)

    @property
    def fallback_reason(self) -> str | None:
        """An English sentence when secrets go to the file instead of a keyring."""
        if self.uses_keyring:
            return None
        return (
            "No OS keyring is available on this computer; store secrets are kept in "
            f"{self._path}, readable only by you."
        )

    # -- API -------------------------------------------------------------------------

    def get(self, ref: str) -> dict[str, str]:
        """The secret values of one store ({} when none were saved)."""
        if self.uses_keyring:
            try:
                raw = self._backend.get_password(SERVICE, ref)
            except keyring.errors.KeyringError as exc:
                raise SecretStoreError(where=self.location, detail=str(exc)) from exc
            return _decode(raw)
        with self._lock:
            return dict(self._read_file().get(ref, {}))

    def set(self, ref: str, values: Mapping[str, str]) -> None:
        """Replace a store's secrets (empty values are dropped)."""
        clean = {k: v for k, v in values.items() if v}
        if self.uses_keyring:
            try:
                if clean:
                    self._backend.set_password(SERVICE, ref, json.dumps(clean))
                else:
                    self._delete_keyring(ref)
            except keyring.errors.KeyringError as exc:
                raise SecretStoreError(where=self.location, detail=str(exc)) from exc
            return
        with self._lock:
            data = self._read_file()
            if clean:
                data[ref] = clean
            else:
                data.pop(ref, None)
            self._write_file(data)

    def update(self, ref: str, changes: Mapping[str, str]) -> None:
        """Merge changed values (e.g. a refreshed token) into a store's secrets."""
        merged = {**self.get(ref), **changes}
        self.set(ref, merged)

    def delete(self, ref: str) -> None:
        """Forget a store's secrets."""
        self.set(ref, {})

    # -- internals -------------------------------------------------------------------

    def _delete_keyring(self, ref: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._backend.delete_password(SERVICE, ref)

    def _read_file(self) -> dict[str, dict[str, str]]:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise SecretStoreError(where=str(self._path), detail=str(exc)) from exc
        if not isinstance(raw, dict):
            raise SecretStoreError(where=str(self._path), detail="not a JSON object")
        return {str(k): _strings(v) for k, v in raw.items() if isinstance(v, dict)}

    def _write_file(self, data: dict[str, dict[str, str]]) -> None:
        """Write atomically; the file is created 0600 so it is never readable by others."""
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".secrets-", dir=self._path.parent)
            try:
                os.chmod(tmp, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(data, f, indent=1, sort_keys=True)
                os.replace(tmp, self._path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            os.chmod(self._path, 0o600)
        except OSError as exc:
            raise SecretStoreError(where=str(self._path), detail=str(exc)) from exc


def _decode(raw: str | None) -> dict[str, str]:
    if not raw:
        return {}
    try:
        value: Any = json.loads(raw)
    except ValueError:
        return {}
    return _strings(value) if isinstance(value, dict) else {}


def _strings(value: dict[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items() if v is not None}
