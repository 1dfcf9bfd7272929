"""The SDK's errors: one base class, one subclass per kind of the shared test vectors (``spec/vectors``)."""

from __future__ import annotations


class SSTError(Exception):
    """Base of every error this SDK raises. ``kind`` is the vector error kind, e.g. ``"decryption"``."""

    kind = "sst"


class NotFoundError(SSTError, AttributeError):
    """A link, or a property of a link, that is not there. An AttributeError, so ``hasattr`` and ``getattr(x, n, d)`` work."""

    kind = "not_found"


class EnvError(SSTError):
    """``SST_KEY`` is set without ``SST_KEY_FILE``, or the reverse."""

    kind = "env"


class KeyFileError(SSTError):
    """The file named by ``SST_KEY_FILE`` cannot be read."""

    kind = "io"


class Base64Error(SSTError):
    """``SST_KEY`` is not canonical standard base64."""

    kind = "base64"


class DecryptionError(SSTError):
    """The key is not 32 bytes, or the file does not authenticate with it (wrong key, truncated, tampered)."""

    kind = "decryption"


class JSONError(SSTError):
    """A ``SST_RESOURCE_*`` value, ``SST_RESOURCES_JSON`` or the decrypted file is not a JSON object."""

    kind = "json"
