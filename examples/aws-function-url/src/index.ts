import { Resource } from "@sst/sdk";

/** Answers every request with the name of the linked bucket. */
export async function handler() {
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ bucket: Resource.MyBucket.name, self: process.env.SELF_URL }),
  };
}
