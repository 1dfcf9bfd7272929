import { Resource } from "sst";

// Edit this while `sst dev` runs, save, and request the URL again: the new code answers.
export async function handler(event: { rawPath?: string }) {
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      message: "Hello from your machine",
      path: event.rawPath ?? "/",
      bucket: Resource.Notes.name,
      live: process.env.SST_DEV === "true",
    }),
  };
}
