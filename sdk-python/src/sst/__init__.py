"""SST runtime SDK for Python: ``from sst import Resource`` reads the links of the running function or container.

Nothing is read at import time; the first attribute access on ``Resource`` loads the links (see ``_load.py``).
"""

from ._errors import (
    Base64Error,
    DecryptionError,
    EnvError,
    JSONError,
    KeyFileError,
    NotFoundError,
    SSTError,
)
from ._resource import Resource

__all__ = [
    "Resource",
    "SSTError",
    "NotFoundError",
    "EnvError",
    "KeyFileError",
    "Base64Error",
    "DecryptionError",
    "JSONError",
]
