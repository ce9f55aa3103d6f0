"""Store credentials (API tokens, client secrets) outside the database.

Each connected store has one entry, a JSON object of its secret values, under
the service name ``Haicang`` in the OS keyring (Windows Credential Manager,
macOS Keychain, Secret Service on Linux). The database only holds the entry's
key. A PC without a usable keyring backend (a bare Linux box, a service
account) falls back to a JSON file in the config directory that only the user
can read (mode 0600); ``SecretStore.fallback_reason`` says so, and the app and
the CLI show it, because the user should know where their secrets are.

The keyring is imported and its backend looked up on first use, not when a
``SecretStore`` is made: the lookup probes D-Bus on Linux and can take from a
tenth of a second to a D-Bus timeout, and the app makes its store on the GUI
thread at sign-in.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import HaicangError
from app.settings import config_dir

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Haicang"
FALLBACK_FILE = "channel-secrets.json"


class SecretStoreError(HaicangError):
    """The keyring or the fallback file could not be read or written."""

    code = "secret_store"
    template = "Cannot use the secret store ({where}): {detail}"

    def __init__(self, *, where: str, detail: str) -> None:
        super().__init__(where=where, detail=detail)


def usable_backend(backend: KeyringBackend) -> bool:
    """False for keyring's "nothing available" backends (fail, null, an empty chainer)."""
    from keyring.backends import chainer, fail

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
        self._given = backend
        self._path = fallback_path or config_dir() / FALLBACK_FILE
        self._lock = threading.Lock()  # the fallback file
        self._lookup = threading.Lock()
        self._looked_up = False
        self._keyring: KeyringBackend | None = None

    def _backend(self) -> KeyringBackend | None:
        """The usable keyring backend, or None for the file; looked up once, on first use."""
        with self._lookup:
            if not self._looked_up:
                import keyring

                backend = self._given if self._given is not None else keyring.get_keyring()
                self._keyring = backend if usable_backend(backend) else None
                self._looked_up = True
            return self._keyring

    @property
    def uses_keyring(self) -> bool:
        return self._backend() is not None

    @property
    def location(self) -> str:
        """Where secrets go, for the user: the keyring's name or the file path."""
        backend = self._backend()
        if backend is not None:
            return f"OS keyring ({getattr(backend, 'name', type(backend).__name__)})"
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
        backend = self._backend()
        if backend is not None:
            from keyring.errors import KeyringError

            try:
                raw = backend.get_password(SERVICE, ref)
            except KeyringError as exc:
                raise SecretStoreError(where=self.location, detail=str(exc)) from exc
            return _decode(raw)
        with self._lock:
            return dict(self._read_file().get(ref, {}))

    def set(self, ref: str, values: Mapping[str, str]) -> None:
        """Replace a store's secrets (empty values are dropped)."""
        clean = {k: v for k, v in values.items() if v}
        backend = self._backend()
        if backend is not None:
            from keyring.errors import KeyringError, PasswordDeleteError

            try:
                if clean:
                    backend.set_password(SERVICE, ref, json.dumps(clean))
                else:
                    with contextlib.suppress(PasswordDeleteError):
                        backend.delete_password(SERVICE, ref)
            except KeyringError as exc:
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
