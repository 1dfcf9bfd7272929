//! Every vector in spec/vectors: the same values and error kinds as the JS, Python and Go SDKs.

mod common;

use serde_json::Value;
use sst_sdk::Resource;

use common::{env_of, materialize, read_vectors, KINDS};

#[test]
fn every_vector_loads_to_its_expected_links_or_error_kind() {
    let mut failures = Vec::new();
    for vector in read_vectors() {
        let name = vector["name"].as_str().unwrap_or("?").to_owned();
        if let Err(problem) = check(&vector) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{} vector(s) failed:\n{}", failures.len(), failures.join("\n"));
}

fn check(vector: &Value) -> Result<(), String> {
    let dir = materialize(vector);
    let result = Resource::load_from(env_of(vector), dir.path());
    let expect = &vector["expect"];

    if let Some(kind) = expect["error"].as_str() {
        if !KINDS.contains(&kind) {
            return Err(format!("unknown error kind {kind:?}"));
        }
        return match result {
            Err(e) if e.kind() == kind => Ok(()),
            Err(e) => Err(format!("want error kind {kind}, got {} ({e})", e.kind())),
            Ok(_) => Err(format!("want error kind {kind}, loaded fine")),
        };
    }

    let resource = result.map_err(|e| format!("load failed: {} ({e})", e.kind()))?;
    let got = Value::Object(resource.all().clone().into_iter().collect());
    if got != expect["resources"] {
        return Err(format!("resources differ:\n got  {got}\n want {}", expect["resources"]));
    }
    for lookup in vector["lookups"].as_array().into_iter().flatten() {
        let path: Vec<&str> = lookup["path"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        let got = resource.get_path::<Value>(&path);
        match (lookup["error"].as_str(), got) {
            (Some(kind), Err(e)) if e.kind() == kind => {}
            (Some(kind), other) => return Err(format!("lookup {path:?}: want error kind {kind}, got {other:?}")),
            (None, Ok(value)) if value == lookup["value"] => {}
            (None, other) => return Err(format!("lookup {path:?}: want {}, got {other:?}", lookup["value"])),
        }
    }
    Ok(())
}
