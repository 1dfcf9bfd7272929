//! Bench floor: decrypt and parse resource.enc with aes-gcm and serde_json directly, no SDK.
use aes_gcm::aead::Aead;
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::Engine;
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = base64::engine::general_purpose::STANDARD.decode(std::env::var("SST_KEY")?)?;
    let data = std::fs::read(std::env::var_os("SST_KEY_FILE").ok_or("SST_KEY_FILE is not set")?)?;
    let plaintext = Aes256Gcm::new_from_slice(&key)
        .map_err(|_| "SST_KEY is not 32 bytes")?
        .decrypt(Nonce::from_slice(&[0; 12]), data.as_slice())
        .map_err(|_| "decryption failed")?;
    let links: Value = serde_json::from_slice(&plaintext)?;
    println!("{}", links["Link042"]["name"].as_str().ok_or("Link042.name is not a string")?);
    Ok(())
}
