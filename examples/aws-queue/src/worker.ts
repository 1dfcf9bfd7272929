interface SqsRecord {
  messageId: string;
  body: string;
}

/** Processes a batch; reports only the failed messages (partialResponses), so the others are not retried. */
export async function handler(event: { Records: SqsRecord[] }) {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const job = JSON.parse(record.body) as { task?: string };
      console.log("job", job.task ?? "unnamed");
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
