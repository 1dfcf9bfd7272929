"""Every vector in spec/vectors: the same values and error kinds as the JS, Go and Rust SDKs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sst_vectors import KINDS, VECTORS_DIR, canonical, materialize, read_vectors
from sst import SSTError
from sst._load import load
from sst._resource import LinkedValue, ResourceProxy

VECTORS = read_vectors()


def test_the_vector_folder_exists_and_is_not_empty():
    assert VECTORS, f"no vectors in {VECTORS_DIR}: the SDK tests must never pass without them"


# A missing folder parametrizes one failing case instead of pytest's silent skip on an empty list.
@pytest.mark.parametrize("vector", VECTORS or [None], ids=[v["name"] for v in VECTORS] or ["missing"])
def test_vector(vector, tmp_path: Path):
    assert vector is not None, f"no vectors in {VECTORS_DIR}"
    materialize(vector, tmp_path)
    env = vector.get("env", {})
    expect = vector["expect"]

    if "error" in expect:
        assert expect["error"] in KINDS
        with pytest.raises(SSTError) as caught:
            load(env, str(tmp_path))
        assert caught.value.kind == expect["error"], str(caught.value)
        return

    assert canonical(load(env, str(tmp_path))) == canonical(expect["resources"])
    resource = ResourceProxy.from_env(env, str(tmp_path))
    assert canonical(resource._asdict()) == canonical(expect["resources"])
    for lookup in vector.get("lookups", []):
        check_lookup(resource, lookup)


def check_lookup(resource: ResourceProxy, lookup: dict) -> None:
    def walk():
        value = resource
        for name in lookup["path"]:
            value = getattr(value, name)
        return value

    if "error" in lookup:
        assert lookup["error"] in KINDS
        with pytest.raises(SSTError) as caught:
            walk()
        assert caught.value.kind == lookup["error"], lookup
    else:
        assert canonical(plain(walk())) == canonical(lookup["value"]), lookup


def plain(value):
    if isinstance(value, LinkedValue):
        return value._asdict()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
