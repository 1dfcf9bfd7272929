"""Random environments and random file bytes: the loader raises only SSTError, never anything else."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

from sst import SSTError
from sst._load import load
from sst._resource import ResourceProxy

ITERATIONS = 400
KEY_B64 = base64.b64encode(bytes(range(32))).decode()
FRAGMENTS = ['{', '}', '[', ']', '"', ':', ',', '\\', 'u', 'null', 'true', '1e999', '-', '0', 'NaN', '\x00', 'é', '\ud800', ' ']


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(12)))
    return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(12)))


def random_env(rng: random.Random) -> dict:
    env = {}
    for _ in range(rng.randrange(4)):
        env["SST_RESOURCE_" + random_text(rng)] = random_text(rng)
    if rng.random() < 0.3:
        env["SST_RESOURCES_JSON"] = rng.choice([random_text(rng), json.dumps({"A": {"x": random_text(rng)}})])
    if rng.random() < 0.7:
        env["SST_KEY"] = rng.choice([KEY_B64, random_text(rng), base64.b64encode(rng.randbytes(rng.randrange(40))).decode()])
    if rng.random() < 0.7:
        env["SST_KEY_FILE"] = rng.choice(["resource.enc", "missing.enc", ".", random_text(rng)])
    return env


def test_random_input_only_ever_raises_sst_errors(tmp_path: Path):
    rng = random.Random(20240601)
    outcomes = {"ok": 0}
    for _ in range(ITERATIONS):
        (tmp_path / "resource.enc").write_bytes(rng.randbytes(rng.randrange(64)))
        env = random_env(rng)
        try:
            links = load(env, str(tmp_path))
            resource = ResourceProxy.from_env(env, str(tmp_path))
            for name in list(links)[:3]:
                getattr(resource, name)
            outcomes["ok"] += 1
        except SSTError as e:
            outcomes[e.kind] = outcomes.get(e.kind, 0) + 1
    # The generator must reach the error paths, or this test proves little.
    assert {"env", "io", "base64", "decryption", "json"} <= set(outcomes), outcomes
