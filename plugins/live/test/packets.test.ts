/** Packets of the live protocol: chunking under the event limit, reassembly out of order and with duplicates. */
import { describe, expect, it } from "vitest";
import { Assembler, CHUNK_BYTES, MAX_EVENT_BYTES, PacketError, parsePacket, toPackets } from "@sst/live";

const header = { kind: "response" as const, fn: "Api", worker: "w1", id: "req-1" };

describe("live protocol packets", () => {
  it("sends an empty payload as one empty last packet", () => {
    expect(toPackets(header, "")).toEqual([{ v: 1, ...header, seq: 0, last: true, data: "" }]);
  });

  it("cuts a 6 MiB payload into 48 chunks, each event under AppSync's 240 KB limit", () => {
    const payload = Buffer.alloc(6 * 1024 * 1024, 7);
    const packets = toPackets(header, payload);
    expect(packets).toHaveLength(Math.ceil(payload.length / CHUNK_BYTES));
    expect(packets).toHaveLength(48);
    expect(packets.filter((p) => p.last).map((p) => p.seq)).toEqual([47]);
    for (const p of packets) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThan(MAX_EVENT_BYTES);
  });

  it("reassembles chunks that arrive out of order and twice", () => {
    const payload = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    const packets = toPackets(header, payload, 64);
    const shuffled = [...packets].reverse();
    const assembler = new Assembler();
    const results = [...shuffled, packets[3]!, packets[0]!].map((p) => assembler.add(p)).filter(Boolean);
    expect(results).toHaveLength(1);
    expect(results[0]!.payload.equals(payload)).toBe(true);
    expect(assembler.pending).toBe(1); // the two late duplicates started a new partial; a sweep drops it
  });

  it("keeps payloads of different ids and kinds apart", () => {
    const assembler = new Assembler();
    const a = toPackets({ ...header, id: "a" }, "first", 2);
    const b = toPackets({ ...header, id: "b" }, "second", 2);
    const out = [a[0], b[0], a[1], b[1], b[2], a[2]].map((p) => assembler.add(p!)).filter(Boolean);
    expect(out.map((o) => [o!.id, o!.payload.toString()])).toEqual([
      ["b", "second"],
      ["a", "first"],
    ]);
  });

  it("drops partial payloads older than their deadline", () => {
    let now = 0;
    const assembler = new Assembler(() => now);
    assembler.add(toPackets(header, "abcdef", 2)[0]!);
    now = 10_000;
    expect(assembler.sweep(5_000)).toBe(1);
    expect(assembler.pending).toBe(0);
  });

  it("refuses events that are not packets of this version, saying why", () => {
    const good = JSON.stringify(toPackets(header, "x")[0]);
    expect(parsePacket(good).data).toBe("eA==");
    expect(() => parsePacket("{")).toThrow(PacketError);
    expect(() => parsePacket(JSON.stringify({ ...JSON.parse(good), v: 2 }))).toThrow(/protocol version 2/);
    expect(() => parsePacket(JSON.stringify({ ...JSON.parse(good), kind: "bogus" }))).toThrow(/unknown kind "bogus"/);
    expect(() => parsePacket(JSON.stringify({ ...JSON.parse(good), seq: -1 }))).toThrow(/seq/);
  });
});
