/** The AppSync Events transport against the local Events server: publish, subscribe, SigV4, limits, reconnects. */
import { afterEach, describe, expect, it } from "vitest";
import { AppSyncTransport, EventsApiError, startEventsServer, type EventsServer } from "@sst/live";

const KEY = { accessKeyId: "AKIDLIVETEST", secretAccessKey: "live-test-secret" };
const running: { close(): Promise<void> }[] = [];

async function server(options: Partial<Parameters<typeof startEventsServer>[0]> = {}): Promise<EventsServer> {
  const s = await startEventsServer({ region: "us-east-1", credentials: [KEY], ...options });
  running.push(s);
  return s;
}

function client(s: EventsServer, credentials = KEY, onConnection?: (state: string) => void): AppSyncTransport {
  const t = new AppSyncTransport({ endpoint: s.endpoint, credentials, onConnection, handshakeTimeoutMs: 3000 });
  running.unshift(t);
  return t;
}

/** Resolves with the first `count` events the listener receives. */
function collector(count: number) {
  const events: { event: string; channel: string }[] = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  return {
    events,
    all,
    listener: (event: string, channel: string) => {
      events.push({ event, channel });
      if (events.length === count) done();
    },
  };
}

afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

describe("the AppSync Events transport", () => {
  it("delivers an HTTP publish to a websocket subscriber of the channel, and not to other channels", async () => {
    const s = await server();
    const sub = client(s);
    const mine = collector(1);
    const other = collector(1);
    await sub.subscribe("/sst/app/dev/in", mine.listener);
    await sub.subscribe("/sst/app/prod/in", other.listener);
    await client(s).publish("/sst/app/dev/in", [JSON.stringify({ hello: "world" })]);
    await mine.all;
    expect(mine.events).toEqual([{ event: '{"hello":"world"}', channel: "/sst/app/dev/in" }]);
    expect(other.events).toEqual([]);
  });

  it("delivers to a wildcard subscription every channel under it", async () => {
    const s = await server();
    const got = collector(2);
    await client(s).subscribe("/sst/app/*", got.listener);
    const pub = client(s);
    await pub.publish("/sst/app/dev/in", ['"a"']);
    await pub.publish("/sst/app/dev/w1/out", ['"b"']);
    await got.all;
    expect(got.events.map((e) => e.event).sort()).toEqual(['"a"', '"b"']);
  });

  it("splits a publish of more than 5 events into batches that all arrive", async () => {
    const s = await server();
    const got = collector(12);
    await client(s).subscribe("/sst/a/b", got.listener);
    await client(s).publish("/sst/a/b", Array.from({ length: 12 }, (_, i) => String(i)));
    await got.all;
    expect(got.events.map((e) => Number(e.event)).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it("refuses a publish signed with an unknown key, naming the reason", async () => {
    const s = await server();
    const err = await client(s, { accessKeyId: "AKIDOTHER", secretAccessKey: "x" }).publish("/sst/a/b", ['"x"']).catch((e) => e);
    expect(err).toBeInstanceOf(EventsApiError);
    expect(String(err.message)).toMatch(/401.*unknown access key AKIDOTHER/);
  });

  it("refuses a publish signed with the wrong secret for a known key", async () => {
    const s = await server();
    const err = await client(s, { ...KEY, secretAccessKey: "wrong" }).publish("/sst/a/b", ['"x"']).catch((e) => e);
    expect(String(err.message)).toMatch(/signature does not match/);
  });

  it("refuses a websocket connection signed with the wrong secret", async () => {
    const s = await server();
    const err = await client(s, { ...KEY, secretAccessKey: "wrong" }).subscribe("/sst/a/b", () => {}).catch((e) => e);
    expect(String(err.message)).toMatch(/connection refused: UnauthorizedException: signature does not match/);
  });

  it("accepts credentials with a session token", async () => {
    const temporary = { accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "token-123" };
    const s = await server({ credentials: [temporary] });
    const got = collector(1);
    await client(s, temporary).subscribe("/sst/a/b", got.listener);
    await client(s, temporary).publish("/sst/a/b", ['"ok"']);
    await got.all;
    expect(got.events[0]!.event).toBe('"ok"');
  });

  it("rejects an event over AppSync's 240 KB limit and a channel outside the namespaces", async () => {
    const s = await server();
    const big = JSON.stringify("x".repeat(241 * 1024));
    expect(String((await client(s).publish("/sst/a/b", [big]).catch((e) => e)).message)).toMatch(/at most 245760 bytes/);
    expect(String((await client(s).publish("/other/a", ['"x"']).catch((e) => e)).message)).toMatch(/no channel namespace "other"/);
    const err = await client(s).subscribe("/other/*", () => {}).catch((e) => e);
    expect(String(err.message)).toMatch(/subscribe_error: UnauthorizedException: no channel namespace "other"/);
  });

  it("reconnects and resubscribes after the socket drops, then receives new events", async () => {
    const s = await server();
    const states: string[] = [];
    let reconnected!: () => void;
    const back = new Promise<void>((resolve) => (reconnected = resolve));
    const sub = client(s, KEY, (state) => {
      states.push(state);
      if (state === "connected") reconnected();
    });
    const got = collector(1);
    await sub.subscribe("/sst/a/b", got.listener);
    s.dropConnections();
    await back;
    await client(s).publish("/sst/a/b", ['"after"']);
    await got.all;
    expect(states).toEqual(["reconnecting", "connected"]);
    expect(got.events[0]!.event).toBe('"after"');
  });

  it("stops delivering after unsubscribe", async () => {
    const s = await server();
    const sub = client(s);
    const first = collector(1);
    const subscription = await sub.subscribe("/sst/a/b", first.listener);
    const second = collector(1);
    await sub.subscribe("/sst/a/c", second.listener);
    await subscription.unsubscribe();
    const pub = client(s);
    await pub.publish("/sst/a/b", ['"dropped"']);
    await pub.publish("/sst/a/c", ['"kept"']);
    await second.all;
    expect(first.events).toEqual([]);
  });
});

describe("the Events server's signature check", () => {
  it("refuses a body changed after signing", async () => {
    const { signedHeaders, verifySignature } = await import("@sst/live");
    const endpoint = { http: "127.0.0.1:9", realtime: "127.0.0.1:9", region: "us-east-1", secure: false };
    const headers = await signedHeaders(endpoint, KEY, '{"channel":"/sst/a"}');
    const check = (body: string) =>
      verifySignature({ url: new URL("http://127.0.0.1:9/event"), headers, body, region: "us-east-1", credentials: [KEY] });
    expect(await check('{"channel":"/sst/a"}')).toBeUndefined();
    expect(await check('{"channel":"/sst/b"}')).toBe("the body does not match its signed hash");
    const { "x-amz-content-sha256": _, ...unhashed } = headers;
    const verifyUnhashed = verifySignature({ url: new URL("http://127.0.0.1:9/event"), headers: unhashed, body: '{"channel":"/sst/b"}', region: "us-east-1", credentials: [KEY] });
    expect(await verifyUnhashed).toMatch(/signed header x-amz-content-sha256 is missing|signature does not match/);
  });

  it("refuses a signature older than five minutes", async () => {
    const { signedHeaders, verifySignature } = await import("@sst/live");
    const endpoint = { http: "127.0.0.1:9", realtime: "127.0.0.1:9", region: "us-east-1", secure: false };
    const headers = await signedHeaders(endpoint, KEY, "{}");
    const result = await verifySignature({ url: new URL("http://127.0.0.1:9/event"), headers, body: "{}", region: "us-east-1", credentials: [KEY], now: Date.now() + 6 * 60_000 });
    expect(result).toBe("signature expired (clock skew over 5 minutes)");
  });
});
