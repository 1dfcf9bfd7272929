/** Runs every five minutes. */
export async function handler() {
  console.log("still alive at", new Date().toISOString());
}
