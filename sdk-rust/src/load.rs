//! Reading links out of an environment and a working directory (spec/link-format.md §3). Sources, later ones
//! replacing earlier ones name by name (no deep merge):
//! 1. the file `SST_KEY_FILE` (relative to cwd), AES-256-GCM with the key `SST_KEY`, a 12-byte zero nonce,
//!    no AAD, laid out as ciphertext followed by the 16-byte tag;
//! 2. `SST_RESOURCES_JSON`, one object `{Name: {...}}`;
//! 3. each `SST_RESOURCE_<Name>`, the most specific source, so it wins a clash.
//!
//! An empty variable counts as unset. The first failure, in that order, is returned.

use std::collections::{BTreeMap, HashMap};
use std::ffi::{OsStr, OsString};
use std::ops::Bound;
use std::path::Path;

use aes_gcm::aead::Aead;
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::Engine;
use serde_json::{Map, Value};

use crate::ResourceError;

const PREFIX: &str = "SST_RESOURCE_";
const KEY_SIZE: usize = 32;
const TAG_SIZE: usize = 16;

/// The result of one successful load.
pub(crate) struct Loaded {
    pub resources: HashMap<String, Value>,
    /// `AWS_LAMBDA_FUNCTION_NAME`, named in not-found messages.
    pub function: Option<String>,
}

pub(crate) fn load<I, K, V>(env: I, cwd: &Path) -> Result<Loaded, ResourceError>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<OsStr>,
    V: AsRef<OsStr>,
{
    // Variables whose names are not UTF-8 cannot be links and are skipped. BTreeMap: with several bad variables,
    // the same one is reported every run.
    let env: BTreeMap<String, OsString> = env
        .into_iter()
        .filter(|(_, v)| !v.as_ref().is_empty())
        .filter_map(|(k, v)| Some((k.as_ref().to_str()?.to_owned(), v.as_ref().to_owned())))
        .collect();

    let mut resources = HashMap::new();
    match (env.get("SST_KEY"), env.get("SST_KEY_FILE")) {
        (Some(key), Some(file)) => resources.extend(read_key_file(key, &cwd.join(file))?),
        (Some(_), None) => return Err(env_error("SST_KEY", "SST_KEY_FILE")),
        (None, Some(_)) => return Err(env_error("SST_KEY_FILE", "SST_KEY")),
        (None, None) => {}
    }
    if let Some(text) = env.get("SST_RESOURCES_JSON") {
        resources.extend(parse_object(text.as_encoded_bytes(), "SST_RESOURCES_JSON")?);
    }
    for (name, value) in env.range::<str, _>((Bound::Included(PREFIX), Bound::Unbounded)) {
        let Some(link) = name.strip_prefix(PREFIX) else { break };
        if !link.is_empty() {
            let object = parse_object(value.as_encoded_bytes(), name)?;
            resources.insert(link.to_owned(), Value::Object(object));
        }
    }
    let function = env.get("AWS_LAMBDA_FUNCTION_NAME").map(|f| f.to_string_lossy().into_owned());
    Ok(Loaded { resources, function })
}

fn env_error(present: &str, missing: &str) -> ResourceError {
    ResourceError::EnvError(format!("{present} is set but {missing} is not; SST sets both or neither"))
}

fn read_key_file(key: &OsStr, path: &Path) -> Result<Map<String, Value>, ResourceError> {
    let data = std::fs::read(path).map_err(|source| ResourceError::IoError { path: path.to_owned(), source })?;
    let key = decode_key(key)?;
    let plaintext = decrypt(&key, &data)?;
    parse_object(&plaintext, &format!("the decrypted SST_KEY_FILE {}", path.display()))
}

fn decode_key(key: &OsStr) -> Result<Vec<u8>, ResourceError> {
    // The STANDARD engine already demands canonical padding and zero padding bits, like the other SDKs.
    base64::engine::general_purpose::STANDARD
        .decode(key.as_encoded_bytes())
        .map_err(|e| ResourceError::Base64Error(format!("SST_KEY is not valid base64: {e}")))
}

fn decrypt(key: &[u8], data: &[u8]) -> Result<Vec<u8>, ResourceError> {
    if key.len() != KEY_SIZE {
        return Err(ResourceError::DecryptionError(format!(
            "SST_KEY must decode to {KEY_SIZE} bytes, got {}",
            key.len()
        )));
    }
    if data.len() < TAG_SIZE {
        return Err(ResourceError::DecryptionError(format!(
            "SST_KEY_FILE is {} bytes, shorter than the {TAG_SIZE}-byte tag",
            data.len()
        )));
    }
    let cipher = Aes256Gcm::new_from_slice(key).map_err(|e| ResourceError::DecryptionError(e.to_string()))?;
    // The file is ciphertext || tag, the layout aes-gcm's decrypt expects.
    cipher.decrypt(Nonce::from_slice(&[0u8; 12]), data).map_err(|_| {
        ResourceError::DecryptionError(
            "SST_KEY_FILE does not decrypt with SST_KEY (wrong key, truncated or modified file)".into(),
        )
    })
}

fn parse_object(text: &[u8], origin: &str) -> Result<Map<String, Value>, ResourceError> {
    match serde_json::from_slice(text) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(other) => {
            Err(ResourceError::JsonError(format!("{origin} must be a JSON object, got {}", json_type(&other))))
        }
        Err(e) => Err(ResourceError::JsonError(format!("{origin} is not valid JSON: {e}"))),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
