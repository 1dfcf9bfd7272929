//! The crate's one error type, one variant per error kind of the shared test vectors.

use std::fmt;
use std::path::PathBuf;

/// Why loading the links, or reading one of them, failed. [`ResourceError::kind`] names the vector kind.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResourceError {
    /// A name, or a property inside a link, that is not linked. The message says which.
    NotFound(String),
    /// `SST_KEY` is set without `SST_KEY_FILE`, or the reverse.
    EnvError(String),
    /// The file named by `SST_KEY_FILE` cannot be read.
    IoError { path: PathBuf, source: std::io::Error },
    /// The key is not 32 bytes, or the file does not authenticate (wrong key, truncated, modified).
    DecryptionError(String),
    /// An `SST_RESOURCE_*` value, `SST_RESOURCES_JSON` or the decrypted file is not a JSON object, or a link
    /// does not deserialize into the type asked for.
    JsonError(String),
    /// `SST_KEY` is not standard base64.
    Base64Error(String),
}

impl ResourceError {
    /// The vector error kind: `not_found`, `env`, `io`, `decryption`, `json` or `base64`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NotFound(_) => "not_found",
            Self::EnvError(_) => "env",
            Self::IoError { .. } => "io",
            Self::DecryptionError(_) => "decryption",
            Self::JsonError(_) => "json",
            Self::Base64Error(_) => "base64",
        }
    }
}

impl fmt::Display for ResourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(msg)
            | Self::EnvError(msg)
            | Self::DecryptionError(msg)
            | Self::JsonError(msg)
            | Self::Base64Error(msg) => f.write_str(msg),
            Self::IoError { path, source } => write!(f, "cannot read SST_KEY_FILE {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for ResourceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::IoError { source, .. } => Some(source),
            _ => None,
        }
    }
}
