//! A function URL handler that answers with a value linked in sst.config.ts.
use lambda_runtime::{run, service_fn, Error, LambdaEvent};
use serde::Deserialize;
use serde_json::{json, Value};
use sst_sdk::Resource;

#[derive(Deserialize)]
struct Settings {
    greeting: String,
}

async fn handle(_event: LambdaEvent<Value>) -> Result<Value, Error> {
    let resource = Resource::init()?;
    let Settings { greeting } = resource.get("Settings")?;
    Ok(json!({ "statusCode": 200, "body": greeting }))
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    run(service_fn(handle)).await
}
