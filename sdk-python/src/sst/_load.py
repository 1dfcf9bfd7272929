"""Reads the links injected by SST out of an environment and a working directory into one ``{Name: {...}}`` dict.

Sources, later ones replacing earlier ones name by name (no deep merge):
1. the file ``SST_KEY_FILE`` (relative to ``cwd``), AES-256-GCM with the key ``SST_KEY``, a 12-byte zero nonce,
   no AAD, laid out as ciphertext followed by the 16-byte tag;
2. ``SST_RESOURCES_JSON``, one object ``{Name: {...}}``;
3. each ``SST_RESOURCE_<Name>``, the most specific source, so it wins a clash.
An empty variable counts as unset. Checks run in the order of spec/link-format.md §3 (env, io, base64,
decryption, json; then SST_RESOURCES_JSON, then SST_RESOURCE_*) and the first failure is raised.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
from typing import Any, Dict, Mapping, Union

from ._errors import Base64Error, DecryptionError, EnvError, JSONError, KeyFileError

Links = Dict[str, Any]

PREFIX = "SST_RESOURCE_"
TAG_SIZE = 16
KEY_SIZE = 32
NONCE = bytes(12)


def load(env: Mapping[str, str], cwd: Union[str, "os.PathLike[str]"]) -> Links:
    """Return every link visible to a process with environment ``env`` running in directory ``cwd``."""
    links: Links = {}
    key, key_file = env.get("SST_KEY"), env.get("SST_KEY_FILE")
    if key and key_file:
        links.update(_read_key_file(key, os.path.join(cwd, key_file)))
    elif key or key_file:
        present, missing = ("SST_KEY", "SST_KEY_FILE") if key else ("SST_KEY_FILE", "SST_KEY")
        raise EnvError(f"{present} is set but {missing} is not; SST sets both or neither")

    resources_json = env.get("SST_RESOURCES_JSON")
    if resources_json:
        links.update(_parse_object(resources_json, "SST_RESOURCES_JSON"))

    for name, value in env.items():
        if name.startswith(PREFIX) and len(name) > len(PREFIX) and value:
            links[name[len(PREFIX) :]] = _parse_object(value, name)
    return links


def _read_key_file(key_b64: str, path: str) -> Links:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except (OSError, ValueError) as e:  # ValueError: a NUL byte or a lone surrogate in the path
        raise KeyFileError(f"cannot read SST_KEY_FILE {path!r}: {getattr(e, 'strerror', None) or e}") from e
    return _parse_object(_decrypt(_decode_key(key_b64), data), f"the decrypted SST_KEY_FILE {path!r}")


def _decode_key(key_b64: str) -> bytes:
    try:
        key = base64.b64decode(key_b64, validate=True)
    except (binascii.Error, ValueError) as e:
        raise Base64Error(f"SST_KEY is not valid base64: {e}") from e
    # b64decode ignores non-zero padding bits; re-encoding rejects those keys too, as the Go and Rust SDKs do.
    if base64.b64encode(key).decode("ascii") != key_b64:
        raise Base64Error("SST_KEY is not canonical base64 (non-zero padding bits)")
    return key


def _decrypt(key: bytes, data: bytes) -> bytes:
    if len(key) != KEY_SIZE:
        raise DecryptionError(f"SST_KEY must decode to {KEY_SIZE} bytes, got {len(key)}")
    if len(data) < TAG_SIZE:
        raise DecryptionError(f"SST_KEY_FILE is {len(data)} bytes, shorter than the {TAG_SIZE}-byte tag")
    # Imported here so a process whose links are all in env never pays for loading the crypto library.
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(NONCE, data, None)
    except InvalidTag as e:
        raise DecryptionError("SST_KEY_FILE does not decrypt with SST_KEY (wrong key, truncated or modified file)") from e


def _parse_object(text: Union[str, bytes], origin: str) -> Links:
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_finite_int)
    except (ValueError, RecursionError) as e:
        raise JSONError(f"{origin} is not valid JSON: {e}") from e
    if not isinstance(value, dict):
        raise JSONError(f"{origin} must be a JSON object, got {type(value).__name__}")
    return value


# Python's json accepts NaN/Infinity and numbers beyond float range; the Go, Rust and JS SDKs do not.
def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def _finite_int(text: str) -> int:
    value = int(text)
    if len(text) > 308 and math.isinf(float(text)):
        raise ValueError(f"number {text[:20]}... is out of range")
    return value
