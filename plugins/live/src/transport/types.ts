/**
 * The transport of the live protocol (spec/live-protocol.md §1): publish/subscribe on channels, at-least-once
 * to the subscribers connected at publish time, no ordering. AppSync Events in the cloud; a local server
 * speaking the same wire protocol offline and in tests.
 */

/** Receives each event published on a subscribed channel, as the JSON string it was published as. */
export type EventListener = (event: string, channel: string) => void;

export interface Subscription {
  /** The channel (or pattern, `/sst/app/stage/*`) subscribed to. */
  readonly channel: string;
  /** Stops delivery; resolves when the service confirmed. */
  unsubscribe(): Promise<void>;
}

export interface LiveTransport {
  /** Publishes events (each a JSON string) to a channel; batches them as the service allows. */
  publish(channel: string, events: string[]): Promise<void>;
  /** Subscribes to a channel; resolves once the service confirmed the subscription. */
  subscribe(channel: string, listener: EventListener): Promise<Subscription>;
  /** Closes every subscription and the connection. */
  close(): Promise<void>;
}
