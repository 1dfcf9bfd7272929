"""Shared helpers: locate and read the cross-language vectors in spec/vectors (never skipped when missing)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any, Dict, List

# SST_VECTORS_DIR points a run at another vector folder (e.g. one being generated); the default is the repo's.
VECTORS_DIR = Path(os.environ.get("SST_VECTORS_DIR") or Path(__file__).resolve().parents[2] / "spec" / "vectors")
KINDS = {"not_found", "env", "io", "base64", "decryption", "json"}


def read_vectors() -> List[Dict[str, Any]]:
    if not VECTORS_DIR.is_dir():
        return []
    return [json.loads(p.read_text("utf-8")) for p in sorted(VECTORS_DIR.glob("*.json"))]


def materialize(vector: Dict[str, Any], cwd: Path) -> None:
    """Write the vector's files into cwd, the directory the SDK treats as the process working directory."""
    for name, b64 in vector.get("files", {}).items():
        path = cwd / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(b64))


def canonical(value: Any) -> str:
    """A comparison key that, unlike ==, tells true from 1 and 1 from 1.0."""
    return json.dumps(value, sort_keys=True)
