"""Keys for the store: AES-GCM for message text at rest, a keyed HMAC for finding fingerprints.

One 32-byte master key, from `$LEAKWATCH_KEY` (base64) or a key file (`$LEAKWATCH_KEY_FILE`, else
`leakwatch.key` next to the default database), created with mode 0600 only by a command that
creates a store (`create=True`): a command that reads never makes up a key. Four sub-keys are
derived from it with HKDF under distinct labels (text, fingerprints, audit chain, key check), so
no sub-key serves two purposes and none reveals another. The
fingerprint is keyed because phone and ID numbers are too few to hash without a key: anyone could
hash every Iraqi mobile number in an afternoon.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from platformdirs import user_data_dir

from leakwatch.entities import IDENTIFIERS, EntityType
from leakwatch.errors import StoreError
from leakwatch.normalize import normalize_token
from leakwatch.store.db import make_private_dirs

if TYPE_CHECKING:
    from leakwatch.settings import Settings

ENV_KEY = "LEAKWATCH_KEY"
ENV_KEY_FILE = "LEAKWATCH_KEY_FILE"
KEY_BYTES = 32
NONCE_BYTES = 12
#: Identifiers compared by their digits and letters alone; an e-mail keeps its punctuation.
_NUMERIC = IDENTIFIERS - {EntityType.EMAIL_ADDRESS}
_NOT_ALNUM = re.compile(r"[^0-9a-z]")
_SPACES = re.compile(r"\s+")


def default_key_file() -> Path:
    return Path(user_data_dir("leakwatch", appauthor=False)) / "leakwatch.key"


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose).derive(master)


def _settings() -> Settings:
    from leakwatch.settings import load_settings  # pydantic only for commands that need a key

    return load_settings()


def key_source(key_file: Path | None = None) -> str:
    """Where the key comes from, for messages: `$LEAKWATCH_KEY` or the key file's path."""
    settings = _settings()
    if settings.key is not None:
        return f"${ENV_KEY}"
    return str(key_file or settings.key_file or default_key_file())


def load_master_key(key_file: Path | None = None, *, create: bool = True) -> bytes:
    """The master key: settings first (`$LEAKWATCH_KEY`), then the key file (created 0600 if
    missing and `create`; otherwise a missing file is an error naming it)."""
    settings = _settings()
    env = settings.key.get_secret_value() if settings.key is not None else None
    if env:
        try:
            key = base64.urlsafe_b64decode(env.strip().encode() + b"==")
        except (binascii.Error, ValueError) as exc:
            raise StoreError(f"${ENV_KEY} is not base64") from exc
        if len(key) != KEY_BYTES:
            raise StoreError(f"${ENV_KEY} must decode to {KEY_BYTES} bytes, not {len(key)}")
        return key
    path = key_file or settings.key_file or default_key_file()
    if path.exists():
        return _read_key_file(path)
    if not create:
        raise StoreError(
            f"no key: {path} does not exist and ${ENV_KEY} is not set; point "
            f"${ENV_KEY_FILE} at the store's key (a new store's key is made by `leakwatch init`)"
        )
    return create_key_file(path)


def create_key_file(path: Path) -> bytes:
    """Write a new key to a private temporary file, then link it into place: a crash never leaves
    a half-written key, and of two processes creating it at once both end up with the winner's."""
    key = os.urandom(KEY_BYTES)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        make_private_dirs(path.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(base64.urlsafe_b64encode(key) + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.link(tmp, path)
    except FileExistsError:
        return _read_key_file(path)
    except OSError as exc:
        raise StoreError(f"cannot create key file {path}: {exc.strerror}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return key


def _read_key_file(path: Path) -> bytes:
    try:
        if path.stat().st_mode & 0o077:
            raise StoreError(f"key file {path} is readable by others; chmod 600 it")
        key = base64.urlsafe_b64decode(path.read_bytes().strip())
    except OSError as exc:
        raise StoreError(f"cannot read key file {path}: {exc.strerror}") from exc
    except (binascii.Error, ValueError) as exc:
        raise StoreError(f"key file {path} is not base64") from exc
    if len(key) != KEY_BYTES:
        raise StoreError(f"key file {path} must hold {KEY_BYTES} bytes, not {len(key)}")
    return key


def canonical_value(entity_type: EntityType, value: str) -> str:
    """The form two mentions of one value share: digits and letters for identifiers (a phone
    keeps its last 10 digits, so 0770…, +964 770… and ٠٧٧٠… agree), normalized words for names."""
    norm = normalize_token(value).lower()
    if entity_type in _NUMERIC:
        compact = _NOT_ALNUM.sub("", norm)
        return compact[-10:] if entity_type is EntityType.PHONE_NUMBER else compact
    return _SPACES.sub(" ", norm).strip()


@dataclass(frozen=True)
class KeyRing:
    """Sub-keys for one store. `seal`/`open` bind a text to its row with associated data;
    `audit_key` links the audit chain; `check_key` proves which key a store belongs to."""

    text_key: bytes
    fingerprint_key: bytes
    audit_key: bytes
    check_key: bytes

    @classmethod
    def from_master(cls, master: bytes) -> KeyRing:
        return cls(
            _derive(master, b"leakwatch text v1"),
            _derive(master, b"leakwatch fp v1"),
            _derive(master, b"leakwatch audit v1"),
            _derive(master, b"leakwatch key check v1"),
        )

    @classmethod
    def load(cls, key_file: Path | None = None, *, create: bool = True) -> KeyRing:
        return cls.from_master(load_master_key(key_file, create=create))

    def key_check(self, context: str) -> str:
        """The value a store records to recognise this key (never the key, nor a sub-key)."""
        data = f"leakwatch store key\x00{context}".encode()
        return hmac.new(self.check_key, data, hashlib.sha256).hexdigest()

    @property
    def key_id(self) -> str:
        """A short public name of the key, for messages and anchors."""
        return self.key_check("id")[:12]

    def audit_mac(self, data: bytes) -> str:
        return hmac.new(self.audit_key, data, hashlib.sha256).hexdigest()

    def fingerprint(self, entity_type: EntityType, value: str) -> str:
        data = f"{entity_type.value}\x00{canonical_value(entity_type, value)}".encode()
        return hmac.new(self.fingerprint_key, data, hashlib.sha256).hexdigest()

    def seal(self, text: str, aad: str) -> tuple[bytes, bytes]:
        nonce = os.urandom(NONCE_BYTES)
        return nonce, AESGCM(self.text_key).encrypt(nonce, text.encode(), aad.encode())

    def open(self, nonce: bytes, cipher: bytes, aad: str) -> str:
        try:
            return AESGCM(self.text_key).decrypt(nonce, cipher, aad.encode()).decode()
        except InvalidTag as exc:
            raise StoreError("message text does not decrypt: wrong key or altered row") from exc
