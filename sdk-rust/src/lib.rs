//! `sst_sdk`: read the resources SST links into a Rust function or container.
//!
//! ```no_run
//! use sst_sdk::Resource;
//!
//! #[derive(serde::Deserialize)]
//! struct Bucket { name: String }
//!
//! let resource = Resource::init()?;
//! let bucket: Bucket = resource.get("MyBucket")?;
//! let stage: String = resource.get_path(&["App", "stage"])?;
//! # Ok::<(), sst_sdk::ResourceError>(())
//! ```
//!
//! Links come from `SST_KEY_FILE` (decrypted with `SST_KEY`), then `SST_RESOURCES_JSON`, then each
//! `SST_RESOURCE_<Name>`; a later source replaces an earlier one name by name, so the environment wins a clash.

mod error;
mod load;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use error::ResourceError;

const NOT_ACTIVE: &str = "It does not look like SST links are active. If this is in local development and you are \
not starting this process through the multiplexer, wrap your command with `sst dev -- <command>`";

/// Every link visible to this process, by name (`App` included).
#[derive(Debug, Clone)]
pub struct Resource {
    resources: HashMap<String, Value>,
    function: Option<String>,
}

impl Resource {
    /// Loads the links from the process environment; a relative `SST_KEY_FILE` resolves against the working
    /// directory. Bad input is an error, never a panic.
    pub fn init() -> Result<Self, ResourceError> {
        Self::load_from(std::env::vars_os(), Path::new(""))
    }

    /// Loads the links from an explicit environment and working directory, for tests and tools that must not
    /// depend on the real process environment.
    pub fn load_from<I, K, V>(env: I, cwd: impl AsRef<Path>) -> Result<Self, ResourceError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        let loaded = load::load(env, cwd.as_ref())?;
        Ok(Self { resources: loaded.resources, function: loaded.function })
    }

    /// The link `name`, deserialized into `T` (a struct of its properties, or a `serde_json::Value`).
    pub fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T, ResourceError> {
        self.get_path(&[name])
    }

    /// The value at `path`: a link name, then property names inside it (`&["MyBucket", "name"]`).
    /// A missing name or property, or a step into something that is not an object, is `NotFound`.
    pub fn get_path<T: DeserializeOwned>(&self, path: &[&str]) -> Result<T, ResourceError> {
        let value = self.lookup(path)?;
        T::deserialize(value).map_err(|e| {
            ResourceError::JsonError(format!("{} does not deserialize into the type asked for: {e}", path.join(".")))
        })
    }

    /// Every link by name.
    pub fn all(&self) -> &HashMap<String, Value> {
        &self.resources
    }

    /// Every link by name, owned.
    pub fn into_inner(self) -> HashMap<String, Value> {
        self.resources
    }

    fn lookup(&self, path: &[&str]) -> Result<&Value, ResourceError> {
        let Some((name, properties)) = path.split_first() else {
            return Err(ResourceError::NotFound("a lookup needs a link name, e.g. get(\"MyBucket\")".into()));
        };
        let mut value = self.resources.get(*name).ok_or_else(|| self.not_linked(name))?;
        for (i, property) in properties.iter().enumerate() {
            let parent = path[..=i].join(".");
            value = match value {
                Value::Object(object) => object
                    .get(*property)
                    .ok_or_else(|| ResourceError::NotFound(format!("\"{parent}\" has no property \"{property}\"")))?,
                _ => {
                    return Err(ResourceError::NotFound(format!(
                        "\"{parent}\" is not an object, so it has no property \"{property}\""
                    )))
                }
            };
        }
        Ok(value)
    }

    fn not_linked(&self, name: &str) -> ResourceError {
        if !self.resources.contains_key("App") {
            return ResourceError::NotFound(NOT_ACTIVE.into());
        }
        let mut message = format!("\"{name}\" is not linked in your sst.config.ts");
        if let Some(function) = &self.function {
            message.push_str(" to ");
            message.push_str(function);
        }
        ResourceError::NotFound(message)
    }
}
