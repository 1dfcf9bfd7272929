//! Random environments and random file bytes: loading returns errors of a known kind, never panics.

mod common;

use std::collections::BTreeMap;
use std::ffi::OsString;

use base64::Engine;
use sst_sdk::Resource;

use common::ScratchDir;

const ITERATIONS: usize = 400;
const FRAGMENTS: [&[u8]; 19] = [
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"\\",
    b"u",
    b"null",
    b"true",
    b"1e999",
    b"-",
    b"0",
    b"NaN",
    b"\0",
    "é".as_bytes(),
    b"\xff",
    b" ",
];

/// xorshift64*: a seeded, dependency-free PRNG so every run sees the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        (0..self.below(max + 1)).map(|_| self.next() as u8).collect()
    }
    fn text(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        for _ in 0..self.below(12) {
            if self.below(2) == 0 {
                out.extend_from_slice(FRAGMENTS[self.below(FRAGMENTS.len())]);
            } else {
                out.push(self.next() as u8);
            }
        }
        out
    }
}

#[cfg(unix)]
fn os(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn os(bytes: Vec<u8>) -> OsString {
    String::from_utf8_lossy(&bytes).into_owned().into()
}

#[test]
fn random_input_only_ever_returns_errors() {
    let b64 = base64::engine::general_purpose::STANDARD;
    let good_key = b64.encode(b"0123456789abcdef0123456789abcdef");
    let mut rng = Rng(0x5eed_2024_0601);
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    let dir = ScratchDir::new();
    for _ in 0..ITERATIONS {
        dir.write("resource.enc", &rng.bytes(64));
        let mut env: Vec<(OsString, OsString)> = Vec::new();
        for _ in 0..rng.below(4) {
            let mut name = b"SST_RESOURCE_".to_vec();
            name.extend(rng.text());
            env.push((os(name), os(rng.text())));
        }
        if rng.below(3) == 0 {
            env.push(("SST_RESOURCES_JSON".into(), os(rng.text())));
        }
        if rng.below(10) < 7 {
            let key = match rng.below(3) {
                0 => good_key.clone().into_bytes(),
                1 => rng.text(),
                _ => b64.encode(rng.bytes(40)).into_bytes(),
            };
            env.push(("SST_KEY".into(), os(key)));
        }
        if rng.below(10) < 7 {
            let file = match rng.below(4) {
                0 | 1 => b"resource.enc".to_vec(),
                2 => b"missing.enc".to_vec(),
                _ => rng.text(),
            };
            env.push(("SST_KEY_FILE".into(), os(file)));
        }
        match Resource::load_from(env, dir.path()) {
            Ok(resource) => {
                for name in resource.all().keys() {
                    let _ = resource.get_path::<serde_json::Value>(&[name, "name", "x"]);
                }
                *seen.entry("ok").or_default() += 1;
            }
            Err(e) => {
                assert_ne!(e.kind(), "not_found", "loading never fails with not_found: {e}");
                *seen.entry(e.kind()).or_default() += 1;
            }
        }
    }
    for kind in ["env", "io", "base64", "decryption", "json"] {
        assert!(seen.contains_key(kind), "the generator never reached kind {kind}: {seen:?}");
    }
}
