/**
 * Packets of the live protocol (spec/live-protocol.md §3): the JSON envelope every event carries, and how a
 * payload is cut into chunks that fit one transport event.
 */

export const PROTOCOL_VERSION = 1;

/** Raw bytes per chunk, before base64: 128 KiB is ≈171 KiB encoded, under AppSync's 240 KB per event. */
export const CHUNK_BYTES = 128 * 1024;

export type PacketKind = "init" | "next" | "ack" | "response" | "error" | "reboot";

const KINDS: ReadonlySet<string> = new Set<PacketKind>(["init", "next", "ack", "response", "error", "reboot"]);

/** One event on the transport. */
export interface Packet {
  v: typeof PROTOCOL_VERSION;
  kind: PacketKind;
  /** The function's name. */
  fn: string;
  /** The bridge instance (execution environment). */
  worker: string;
  /** The request id, or a random id for init/reboot. */
  id: string;
  /** Chunk number, from 0. */
  seq: number;
  /** Whether this is the last chunk of `kind`+`id`. */
  last: boolean;
  /** This chunk of the payload, base64. */
  data: string;
}

/** Who a packet is about: everything but the chunk fields. */
export type PacketHeader = Pick<Packet, "kind" | "fn" | "worker" | "id">;

/** Cuts `payload` into packets of at most `chunkBytes` each; an empty payload is one empty packet. */
export function toPackets(header: PacketHeader, payload: Uint8Array | string, chunkBytes = CHUNK_BYTES): Packet[] {
  const bytes = typeof payload === "string" ? Buffer.from(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const count = Math.max(1, Math.ceil(bytes.length / chunkBytes));
  const packets: Packet[] = [];
  for (let seq = 0; seq < count; seq++) {
    const data = bytes.subarray(seq * chunkBytes, (seq + 1) * chunkBytes).toString("base64");
    packets.push({ v: PROTOCOL_VERSION, ...header, seq, last: seq === count - 1, data });
  }
  return packets;
}

/** Why an event is not a packet of this protocol. */
export class PacketError extends Error {
  constructor(
    message: string,
    /** True when the packet is well-formed but of another protocol version. */
    readonly otherVersion = false,
  ) {
    super(message);
    this.name = "PacketError";
  }
}

/** Parses one event; throws `PacketError` for anything that is not a packet of this version. */
export function parsePacket(event: string): Packet {
  let value: unknown;
  try {
    value = JSON.parse(event);
  } catch {
    throw new PacketError("not JSON");
  }
  if (typeof value !== "object" || value === null) throw new PacketError("not an object");
  const p = value as Record<string, unknown>;
  if (typeof p.v === "number" && p.v !== PROTOCOL_VERSION) throw new PacketError(`protocol version ${p.v}, this sst speaks ${PROTOCOL_VERSION}`, true);
  if (p.v !== PROTOCOL_VERSION) throw new PacketError("no protocol version");
  if (typeof p.kind !== "string" || !KINDS.has(p.kind)) throw new PacketError(`unknown kind ${JSON.stringify(p.kind)}`);
  for (const field of ["fn", "worker", "id", "data"] as const) {
    if (typeof p[field] !== "string") throw new PacketError(`"${field}" is not a string`);
  }
  if (!Number.isSafeInteger(p.seq) || (p.seq as number) < 0) throw new PacketError(`"seq" is not a chunk number`);
  if (typeof p.last !== "boolean") throw new PacketError(`"last" is not a boolean`);
  return p as unknown as Packet;
}
