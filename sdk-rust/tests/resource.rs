//! Behaviour beyond the shared vectors: messages, typed access, precedence, edge input.

mod common;

use aes_gcm::aead::Aead;
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Value};
use sst_sdk::{Resource, ResourceError};

use common::ScratchDir;

const KEY: [u8; 32] = *b"0123456789abcdef0123456789abcdef";
const APP: (&str, &str) = ("SST_RESOURCE_App", r#"{"name":"app","stage":"dev"}"#);

fn seal(plaintext: &[u8]) -> Vec<u8> {
    Aes256Gcm::new_from_slice(&KEY).unwrap().encrypt(Nonce::from_slice(&[0; 12]), plaintext).unwrap()
}

fn key_b64() -> String {
    base64::engine::general_purpose::STANDARD.encode(KEY)
}

fn load(env: &[(&str, &str)], cwd: &std::path::Path) -> Result<Resource, ResourceError> {
    Resource::load_from(env.iter().copied(), cwd)
}

fn not_found_message(env: &[(&str, &str)], name: &str) -> String {
    let err = load(env, std::path::Path::new("/")).unwrap().get::<Value>(name).unwrap_err();
    assert_eq!(err.kind(), "not_found");
    err.to_string()
}

#[test]
fn an_unknown_name_says_it_is_not_linked() {
    assert_eq!(not_found_message(&[APP], "Nope"), r#""Nope" is not linked in your sst.config.ts"#);
}

#[test]
fn inside_lambda_the_message_names_the_function() {
    let message = not_found_message(&[APP, ("AWS_LAMBDA_FUNCTION_NAME", "my-fn")], "Nope");
    assert!(message.ends_with("is not linked in your sst.config.ts to my-fn"), "{message}");
}

#[test]
fn without_any_links_the_message_says_to_use_sst_dev() {
    assert!(not_found_message(&[], "App").contains("sst dev -- <command>"));
}

#[derive(Deserialize, Debug, PartialEq)]
struct Bucket {
    name: String,
}

#[test]
fn a_link_deserializes_into_a_struct_and_a_mismatch_is_a_json_error() {
    let resource =
        load(&[APP, ("SST_RESOURCE_MyBucket", r#"{"name":"b","type":"sst.aws.Bucket"}"#)], "/".as_ref()).unwrap();
    assert_eq!(resource.get::<Bucket>("MyBucket").unwrap(), Bucket { name: "b".into() });
    assert_eq!(resource.get_path::<String>(&["App", "stage"]).unwrap(), "dev");
    assert_eq!(resource.get::<Vec<String>>("App").unwrap_err().kind(), "json");
    assert_eq!(resource.get_path::<u32>(&["MyBucket", "name"]).unwrap_err().kind(), "json");
}

#[test]
fn steps_into_non_objects_and_missing_properties_are_not_found() {
    let resource = load(&[APP, ("SST_RESOURCE_B", r#"{"name":"b","list":[1]}"#)], "/".as_ref()).unwrap();
    for path in [&["B", "region"][..], &["B", "name", "x"], &["B", "list", "0"], &[]] {
        assert_eq!(resource.get_path::<Value>(path).unwrap_err().kind(), "not_found", "{path:?}");
    }
}

#[test]
fn a_relative_key_file_resolves_against_cwd_and_an_absolute_one_does_not() {
    let dir = ScratchDir::new();
    dir.write("sub/resource.enc", &seal(br#"{"B":{"name":"b"}}"#));
    let key = key_b64();
    let relative = load(&[("SST_KEY", &key), ("SST_KEY_FILE", "sub/resource.enc")], dir.path()).unwrap();
    assert_eq!(relative.get_path::<String>(&["B", "name"]).unwrap(), "b");
    let absolute_path = dir.path().join("sub/resource.enc");
    let absolute =
        load(&[("SST_KEY", &key), ("SST_KEY_FILE", absolute_path.to_str().unwrap())], "/nonexistent".as_ref());
    assert_eq!(absolute.unwrap().get_path::<String>(&["B", "name"]).unwrap(), "b");
}

#[test]
fn env_beats_resources_json_beats_the_file_name_by_name() {
    let dir = ScratchDir::new();
    dir.write("resource.enc", &seal(br#"{"A":{"from":"file","extra":1},"B":{"from":"file"},"C":{"from":"file"}}"#));
    let key = key_b64();
    let env = [
        ("SST_KEY", key.as_str()),
        ("SST_KEY_FILE", "resource.enc"),
        ("SST_RESOURCES_JSON", r#"{"A":{"from":"json"},"B":{"from":"json"}}"#),
        ("SST_RESOURCE_A", r#"{"from":"env"}"#),
    ];
    let all = load(&env, dir.path()).unwrap().into_inner();
    assert_eq!(all["A"], json!({"from": "env"}));
    assert_eq!(all["B"], json!({"from": "json"}));
    assert_eq!(all["C"], json!({"from": "file"}));
}

#[test]
fn empty_variables_count_as_unset() {
    let env = [
        ("SST_KEY", ""),
        ("SST_KEY_FILE", ""),
        ("SST_RESOURCES_JSON", ""),
        ("SST_RESOURCE_X", ""),
        ("SST_RESOURCE_", "{}"),
    ];
    assert!(load(&env, "/".as_ref()).unwrap().all().is_empty());
}

#[test]
fn keys_that_are_not_canonical_base64_are_rejected() {
    let dir = ScratchDir::new();
    dir.write("resource.enc", &seal(b"{}"));
    let good = key_b64();
    let bad = [
        "not base64!!".to_owned(),
        good[..good.len() - 1].to_owned(),
        format!("{good}\n"),
        "AB==".into(),
        "ÄÖ==".into(),
    ];
    for key in &bad {
        let err = load(&[("SST_KEY", key), ("SST_KEY_FILE", "resource.enc")], dir.path()).unwrap_err();
        assert_eq!(err.kind(), "base64", "{key:?}: {err}");
    }
}

#[test]
fn json_that_other_sdks_reject_is_a_json_error() {
    let deep = "[".repeat(100_000);
    for value in ["NaN", r#"{"a":NaN}"#, r#"{"a":1e400}"#, "null", &deep, r#"{"a":1}x"#, "\u{feff}{}"] {
        let err = load(&[("SST_RESOURCE_X", value)], "/".as_ref()).unwrap_err();
        assert_eq!(err.kind(), "json", "{value:.20}");
    }
}

#[test]
fn an_unreadable_key_file_is_an_io_error_with_its_cause() {
    let dir = ScratchDir::new();
    let key = key_b64();
    let err = load(&[("SST_KEY", &key), ("SST_KEY_FILE", "missing.enc")], dir.path()).unwrap_err();
    assert_eq!(err.kind(), "io");
    let source = std::error::Error::source(&err).unwrap().downcast_ref::<std::io::Error>().unwrap();
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
}

#[cfg(unix)]
#[test]
fn values_that_are_not_utf8_are_errors_not_panics() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let bad = OsString::from_vec(vec![b'{', 0xff, b'}']);
    let err = Resource::load_from([(OsString::from("SST_RESOURCE_X"), bad.clone())], "/").unwrap_err();
    assert_eq!(err.kind(), "json");
    let err =
        Resource::load_from([(OsString::from("SST_KEY"), bad), ("SST_KEY_FILE".into(), ".".into())], "/").unwrap_err();
    assert!(matches!(err.kind(), "io" | "base64"), "{err}");
}
