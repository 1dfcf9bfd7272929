import { Resource } from "sst";

/** The queue's consumer: records each message it receives in the KV namespace it links. */
export default {
  async queue(batch: MessageBatch<{ id: string }>): Promise<void> {
    for (const message of batch.messages) {
      await Resource.MyKv.put(`received:${message.body.id}`, JSON.stringify(message.body));
      message.ack();
    }
  },
};
