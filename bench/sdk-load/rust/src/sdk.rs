//! Bench program: the first linked property through sst_sdk, as user code reads it.
use sst_sdk::Resource;

#[derive(serde::Deserialize)]
struct Bucket {
    name: String,
}

fn main() -> Result<(), sst_sdk::ResourceError> {
    let bucket: Bucket = Resource::init()?.get("Link042")?;
    println!("{}", bucket.name);
    Ok(())
}
