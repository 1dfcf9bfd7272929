/**
 * Reassembles payloads from packets that may arrive out of order and more than once (the transport promises
 * neither order nor exactly-once delivery): spec/live-protocol.md §3 "Chunking and ordering".
 */
import type { Packet, PacketKind } from "./packet.js";

/** A complete payload. */
export interface Assembled {
  kind: PacketKind;
  fn: string;
  worker: string;
  id: string;
  payload: Buffer;
}

interface Partial {
  chunks: (Buffer | undefined)[];
  /** Number of the last chunk, once it has arrived. */
  lastSeq?: number;
  received: number;
  startedAt: number;
}

export class Assembler {
  readonly #partials = new Map<string, Partial>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Adds a packet; returns the payload when this packet completed it. A duplicate chunk is ignored. */
  add(packet: Packet): Assembled | undefined {
    const key = `${packet.kind}\u0000${packet.worker}\u0000${packet.id}`;
    let partial = this.#partials.get(key);
    if (!partial) {
      partial = { chunks: [], received: 0, startedAt: this.#now() };
      this.#partials.set(key, partial);
    }
    if (partial.chunks[packet.seq] === undefined) {
      partial.chunks[packet.seq] = Buffer.from(packet.data, "base64");
      partial.received++;
    }
    if (packet.last) partial.lastSeq = packet.seq;
    if (partial.lastSeq === undefined || partial.received !== partial.lastSeq + 1) return undefined;
    this.#partials.delete(key);
    const payload = Buffer.concat(partial.chunks as Buffer[]);
    return { kind: packet.kind, fn: packet.fn, worker: packet.worker, id: packet.id, payload };
  }

  /** Drops partial payloads older than `maxAgeMs` (their invocation's deadline passed); returns how many. */
  sweep(maxAgeMs: number): number {
    const limit = this.#now() - maxAgeMs;
    let dropped = 0;
    for (const [key, partial] of this.#partials) {
      if (partial.startedAt < limit) {
        this.#partials.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  /** Payloads still incomplete. */
  get pending(): number {
    return this.#partials.size;
  }
}
