//! Shared test helpers: scratch directories and the cross-language vectors in spec/vectors.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine;
use serde_json::Value;

pub const KINDS: [&str; 6] = ["not_found", "env", "io", "base64", "decryption", "json"];

/// A directory under the system temp dir, removed on drop (no tempfile dependency).
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    pub fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("sst-sdk-rust-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, name: &str, data: &[u8]) {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, data).unwrap();
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// spec/vectors at the repo root; SST_VECTORS_DIR points a run at another folder.
pub fn vectors_dir() -> PathBuf {
    match std::env::var_os("SST_VECTORS_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("spec").join("vectors"),
    }
}

/// Every vector, sorted by file name. Panics when there are none: the suite must never pass without them.
pub fn read_vectors() -> Vec<Value> {
    let dir = vectors_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no vectors in {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no vectors in {}: the SDK tests must never pass without them", dir.display());
    paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// Writes the vector's files into a fresh directory that plays the process's working directory.
pub fn materialize(vector: &Value) -> ScratchDir {
    let dir = ScratchDir::new();
    if let Some(files) = vector["files"].as_object() {
        for (name, b64) in files {
            let data = base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap()).unwrap();
            dir.write(name, &data);
        }
    }
    dir
}

pub fn env_of(vector: &Value) -> BTreeMap<String, String> {
    vector["env"]
        .as_object()
        .map(|env| env.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned())).collect())
        .unwrap_or_default()
}
