interface StreamRecord {
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  dynamodb: { Keys: Record<string, { S?: string }>; NewImage?: Record<string, unknown> };
}

/** Logs each new note (the subscription's filter lets only INSERT records through). */
export async function handler(event: { Records: StreamRecord[] }) {
  for (const record of event.Records) {
    console.log("new note", record.dynamodb.Keys.userId?.S, record.dynamodb.Keys.noteId?.S);
  }
}
