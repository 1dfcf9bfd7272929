"""Behaviour of ``Resource`` and the loader beyond the shared vectors: laziness, messages, precedence, edge input."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sst
from sst import Base64Error, DecryptionError, EnvError, JSONError, KeyFileError, NotFoundError, SSTError
from sst._load import load
from sst._resource import ResourceProxy

KEY = bytes(range(32))
KEY_B64 = base64.b64encode(KEY).decode()
APP = {"SST_RESOURCE_App": '{"name":"app","stage":"dev"}'}


def encrypt(plaintext: bytes, key: bytes = KEY) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key).encrypt(bytes(12), plaintext, None)


def write_links(directory: Path, links: dict, name: str = "resource.enc") -> Path:
    path = directory / name
    path.write_bytes(encrypt(json.dumps(links).encode()))
    return path


def test_nothing_is_loaded_until_the_first_attribute_access():
    calls = []
    resource = ResourceProxy(lambda: calls.append(1) or {"App": {"name": "a"}}, {})
    assert calls == []
    assert resource.App.name == "a"
    assert resource.App.name == "a"
    assert calls == [1]


def test_a_failed_load_keeps_failing_with_the_same_kind():
    def loader():
        raise DecryptionError("bad")

    resource = ResourceProxy(loader, {})
    for _ in range(2):
        with pytest.raises(DecryptionError):
            resource.MyBucket


def test_an_unknown_name_says_it_is_not_linked():
    resource = ResourceProxy.from_env(APP, "/")
    with pytest.raises(NotFoundError, match=r'^"Nope" is not linked in your sst\.config\.ts$'):
        resource.Nope


def test_inside_lambda_the_message_names_the_function():
    resource = ResourceProxy.from_env({**APP, "AWS_LAMBDA_FUNCTION_NAME": "my-fn"}, "/")
    with pytest.raises(NotFoundError, match=r'is not linked in your sst\.config\.ts to my-fn$'):
        resource.Nope


def test_without_any_links_the_message_says_to_use_sst_dev():
    with pytest.raises(NotFoundError, match=r"sst dev -- <command>"):
        ResourceProxy.from_env({}, "/").App


def test_not_found_is_an_attribute_error_so_hasattr_and_getattr_defaults_work():
    resource = ResourceProxy.from_env(APP, "/")
    assert not hasattr(resource, "Nope")
    assert getattr(resource, "Nope", 42) == 42
    assert hasattr(resource, "App")
    assert getattr(resource.App, "nope", None) is None


def test_a_missing_nested_property_is_not_found():
    resource = ResourceProxy.from_env(APP, "/")
    with pytest.raises(NotFoundError, match=r'"App" has no property "region"'):
        resource.App.region


def test_names_that_are_not_identifiers_read_by_key():
    env = {**APP, "SST_RESOURCE_my-queue": '{"url":"u","class":"c"}'}
    resource = ResourceProxy.from_env(env, "/")
    assert resource["my-queue"].url == "u"
    assert resource["my-queue"]["class"] == "c"
    assert "my-queue" in resource and "nope" not in resource
    assert sorted(resource) == ["App", "my-queue"]


def test_a_property_named_like_a_method_is_still_the_property():
    resource = ResourceProxy.from_env({"SST_RESOURCE_X": '{"_asdict":1,"keys":2,"items":3}'}, "/")
    assert resource.X.keys == 2 and resource.X.items == 3 and resource.X["_asdict"] == 1


def test_nested_objects_and_lists_read_by_attribute():
    env = {"SST_RESOURCE_X": '{"a":{"b":[{"c":1},2]}}'}
    x = ResourceProxy.from_env(env, "/").X
    assert x.a.b[0].c == 1 and x.a.b[1] == 2
    assert x.a == {"b": [{"c": 1}, 2]}
    assert x._asdict() == {"a": {"b": [{"c": 1}, 2]}}


def test_a_relative_key_file_resolves_against_cwd(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    write_links(tmp_path / "sub", {"B": {"name": "b"}})
    env = {"SST_KEY": KEY_B64, "SST_KEY_FILE": "sub/resource.enc"}
    assert load(env, str(tmp_path)) == {"B": {"name": "b"}}


def test_an_absolute_key_file_ignores_cwd(tmp_path: Path):
    path = write_links(tmp_path, {"B": {"name": "b"}})
    assert load({"SST_KEY": KEY_B64, "SST_KEY_FILE": str(path)}, "/nonexistent") == {"B": {"name": "b"}}


def test_env_beats_resources_json_beats_the_file_name_by_name(tmp_path: Path):
    write_links(tmp_path, {"A": {"from": "file", "extra": 1}, "B": {"from": "file"}, "C": {"from": "file"}})
    env = {
        "SST_KEY": KEY_B64,
        "SST_KEY_FILE": "resource.enc",
        "SST_RESOURCES_JSON": '{"A":{"from":"json"},"B":{"from":"json"}}',
        "SST_RESOURCE_A": '{"from":"env"}',
    }
    assert load(env, str(tmp_path)) == {"A": {"from": "env"}, "B": {"from": "json"}, "C": {"from": "file"}}


def test_empty_variables_count_as_unset():
    env = {"SST_KEY": "", "SST_KEY_FILE": "", "SST_RESOURCES_JSON": "", "SST_RESOURCE_X": "", "SST_RESOURCE_": "{}"}
    assert load(env, "/") == {}


@pytest.mark.parametrize("env", [{"SST_KEY": KEY_B64}, {"SST_KEY_FILE": "resource.enc"}])
def test_one_of_key_and_key_file_alone_is_an_env_error(env):
    with pytest.raises(EnvError):
        load(env, "/")


@pytest.mark.parametrize("key", ["not base64!!", KEY_B64[:-1], KEY_B64 + "\n", "AB==", "ÄÖ=="])
def test_a_key_that_is_not_canonical_base64_is_a_base64_error(key, tmp_path: Path):
    write_links(tmp_path, {})
    with pytest.raises(Base64Error):
        load({"SST_KEY": key, "SST_KEY_FILE": "resource.enc"}, str(tmp_path))


def test_a_directory_as_key_file_is_an_io_error(tmp_path: Path):
    with pytest.raises(KeyFileError):
        load({"SST_KEY": KEY_B64, "SST_KEY_FILE": "."}, str(tmp_path))


@pytest.mark.parametrize(
    "value",
    ["NaN", '{"a":NaN}', '{"a":Infinity}', '{"a":1e400}', '{"a":' + "9" * 400 + "}", "[" * 100000, '{"a":1}x', "\ufeff{}"],
)
def test_json_that_other_sdks_reject_is_a_json_error(value):
    with pytest.raises(JSONError):
        load({"SST_RESOURCE_X": value}, "/")


def test_a_plaintext_that_is_not_utf8_is_a_json_error(tmp_path: Path):
    (tmp_path / "resource.enc").write_bytes(encrypt(b'{"a":"\xff"}'))
    with pytest.raises(JSONError):
        load({"SST_KEY": KEY_B64, "SST_KEY_FILE": "resource.enc"}, str(tmp_path))


def test_every_error_has_its_vector_kind():
    kinds = {cls.kind for cls in (NotFoundError, EnvError, KeyFileError, Base64Error, DecryptionError, JSONError)}
    assert kinds == {"not_found", "env", "io", "base64", "decryption", "json"}
    assert all(issubclass(getattr(sst, n), SSTError) for n in sst.__all__ if n.endswith("Error"))


def run_python(code: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SST_") and k != "AWS_LAMBDA_FUNCTION_NAME"}
    # The package under test, installed or not.
    base["PYTHONPATH"] = os.pathsep.join([str(Path(sst.__file__).parents[1]), base.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-c", code], env={**base, **env}, cwd=cwd, capture_output=True, text=True)


def test_a_real_process_reads_its_links_from_its_environment(tmp_path: Path):
    write_links(tmp_path, {"MyBucket": {"name": "bucket-1", "type": "sst.aws.Bucket"}})
    env = {**APP, "SST_KEY": KEY_B64, "SST_KEY_FILE": "resource.enc"}
    code = "from sst import Resource; print(Resource.MyBucket.name, Resource.App.stage)"
    result = run_python(code, env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "bucket-1 dev\n"


def test_importing_the_sdk_reads_nothing_and_loads_no_crypto(tmp_path: Path):
    code = "import sys, sst; assert 'cryptography' not in sys.modules; print('ok')"
    result = run_python(code, {"SST_KEY": "bad", "SST_KEY_FILE": "missing"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
