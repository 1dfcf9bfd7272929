import { Resource } from "sst";

/** Runs every night: the cron job's `event` is the Lambda event. */
export async function handler(event: { olderThanDays: string }) {
  const days = Number(event.olderThanDays);
  console.log(`${Resource.App.name}/${Resource.App.stage}: cleaning up what is older than ${days} days`);
  return { days };
}
