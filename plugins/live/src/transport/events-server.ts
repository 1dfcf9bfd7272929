/**
 * A local AppSync Events server: the HTTP publish (`POST /event`) and the websocket (`/event/realtime`,
 * subprotocol `aws-appsync-event-ws`) of the real service, with SigV4 checked, on loopback. The live plugin's
 * tests run the real CLI and the real bridge against it (moto's Events data plane is a stub), and an offline
 * `sst dev` can use it as its transport. Messages and limits follow AppSync's (spec/live-protocol.md §1).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AwsCredentialIdentity } from "@smithy/types";
import { WebSocketServer, type WebSocket } from "ws";
import { MAX_EVENTS_PER_PUBLISH } from "./appsync.js";
import type { EventsEndpoint } from "./sign.js";
import { verifySignature } from "./verify.js";

/** AppSync's limit on one event. */
export const MAX_EVENT_BYTES = 240 * 1024;

export interface EventsServerOptions {
  region: string;
  /** The credentials the server accepts; a request signed with any other key is refused. */
  credentials: readonly AwsCredentialIdentity[];
  /** Channel namespaces; a channel must start with one. @default ["sst"] */
  namespaces?: readonly string[];
  /** How often `ka` is sent. @default 60000 */
  keepAliveMs?: number;
  /** `connectionTimeoutMs` announced in `connection_ack`. @default 300000 */
  connectionTimeoutMs?: number;
  /** Loopback address to listen on. @default "127.0.0.1" */
  host?: string;
}

export interface EventsServer {
  /** Where clients reach it (HTTP and realtime on the same port, plain http/ws). */
  endpoint: EventsEndpoint;
  /** Events delivered so far (one per subscriber reached), for tests and the status line. */
  readonly delivered: number;
  /** Open websocket connections. */
  readonly connections: number;
  /** Closes every socket (clients see the close and reconnect) without stopping the server. */
  dropConnections(): void;
  close(): Promise<void>;
}

interface Sub {
  id: string;
  channel: string;
  socket: WebSocket;
}

type Outcome = { status: number; body: unknown };

export async function startEventsServer(options: EventsServerOptions): Promise<EventsServer> {
  const namespaces = options.namespaces ?? ["sst"];
  const subs = new Set<Sub>();
  let delivered = 0;
  const http = createServer((req, res) => void onHttp(req, res));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 8 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has("aws-appsync-event-ws") ? "aws-appsync-event-ws" : false),
  });
  http.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/event/realtime") return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => void onSocket(ws, req));
  });
  await new Promise<void>((resolve) => http.listen(0, options.host ?? "127.0.0.1", resolve));
  const { address, port } = http.address() as AddressInfo;
  const host = `${address.includes(":") ? `[${address}]` : address}:${port}`;
  const endpoint: EventsEndpoint = { http: host, realtime: host, region: options.region, secure: false };
  const eventUrl = new URL(`http://${host}/event`);

  const verify = (headers: Record<string, string | undefined>, body: string) =>
    verifySignature({ url: eventUrl, headers, body, region: options.region, credentials: options.credentials });

  function channelProblem(channel: unknown): string | undefined {
    if (typeof channel !== "string" || !/^\/[A-Za-z0-9-]+(\/[A-Za-z0-9-_.]+)*(\/\*)?$/.test(channel)) return `invalid channel ${JSON.stringify(channel)}`;
    const namespace = channel.split("/")[1]!;
    return namespaces.includes(namespace) ? undefined : `no channel namespace "${namespace}"`;
  }

  function matches(pattern: string, channel: string): boolean {
    return pattern.endsWith("/*") ? channel.startsWith(pattern.slice(0, -1)) : pattern === channel;
  }

  /** Validates and delivers a publish; shared by HTTP and websocket publishes. */
  function publish(channel: unknown, events: unknown): Outcome {
    const problem = channelProblem(channel);
    if (problem || (channel as string).endsWith("/*")) return badRequest(problem ?? "cannot publish to a wildcard channel");
    if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_PUBLISH) {
      return badRequest(`events must be a list of 1 to ${MAX_EVENTS_PER_PUBLISH} strings`);
    }
    const successful: { identifier: string; index: number }[] = [];
    const failed: { identifier: string; index: number; code: number; message: string }[] = [];
    events.forEach((event, index) => {
      const identifier = randomUUID();
      if (typeof event !== "string" || Buffer.byteLength(event) > MAX_EVENT_BYTES || !isJson(event)) {
        failed.push({ identifier, index, code: 400, message: `event ${index} must be a JSON string of at most ${MAX_EVENT_BYTES} bytes` });
        return;
      }
      successful.push({ identifier, index });
      for (const sub of subs) {
        if (!matches(sub.channel, channel as string) || sub.socket.readyState !== sub.socket.OPEN) continue;
        sub.socket.send(JSON.stringify({ type: "data", id: sub.id, event }));
        delivered++;
      }
    });
    return { status: 200, body: { successful, failed } };
  }

  async function onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = ({ status, body }: Outcome) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://x").pathname !== "/event") return send({ status: 404, body: { errors: [{ errorType: "NotFound" }] } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const denied = await verify(req.headers as Record<string, string>, body);
    if (denied) return send({ status: 401, body: { errors: [{ errorType: "UnauthorizedException", message: denied }] } });
    let parsed: { channel?: unknown; events?: unknown };
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(badRequest("the body is not JSON"));
    }
    send(publish(parsed.channel, parsed.events));
  }

  async function onSocket(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const header = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim()).find((p) => p.startsWith("header-"));
    let auth: Record<string, string> | undefined;
    try {
      auth = header ? JSON.parse(Buffer.from(header.slice("header-".length), "base64url").toString()) : undefined;
    } catch {
      auth = undefined;
    }
    const denied = auth ? await verify(auth, "{}") : "no authorization subprotocol";
    if (denied) {
      ws.send(JSON.stringify({ type: "connection_error", errors: [{ errorType: "UnauthorizedException", message: denied }] }));
      return void ws.close(1008, "unauthorized");
    }
    const ka = setInterval(() => ws.send(JSON.stringify({ type: "ka" })), options.keepAliveMs ?? 60_000);
    ws.on("close", () => {
      clearInterval(ka);
      for (const sub of subs) if (sub.socket === ws) subs.delete(sub);
    });
    ws.on("message", (raw) => void onMessage(ws, raw.toString()));
  }

  async function onMessage(ws: WebSocket, raw: string): Promise<void> {
    let message: { type?: string; id?: string; channel?: unknown; events?: unknown; authorization?: Record<string, string> };
    try {
      message = JSON.parse(raw);
    } catch {
      return void ws.send(JSON.stringify({ type: "error", errors: [{ errorType: "BadRequestException", message: "not JSON" }] }));
    }
    const reply = (body: object) => ws.send(JSON.stringify({ id: message.id, ...body }));
    switch (message.type) {
      case "connection_init":
        return void ws.send(JSON.stringify({ type: "connection_ack", connectionTimeoutMs: options.connectionTimeoutMs ?? 300_000 }));
      case "subscribe": {
        const problem = channelProblem(message.channel) ?? (await verify(message.authorization ?? {}, JSON.stringify({ channel: message.channel })));
        if (problem || typeof message.id !== "string") return reply({ type: "subscribe_error", errors: [{ errorType: "UnauthorizedException", message: problem ?? "no id" }] });
        subs.add({ id: message.id, channel: message.channel as string, socket: ws });
        return reply({ type: "subscribe_success" });
      }
      case "unsubscribe":
        for (const sub of subs) if (sub.socket === ws && sub.id === message.id) subs.delete(sub);
        return reply({ type: "unsubscribe_success" });
      case "publish": {
        const denied = await verify(message.authorization ?? {}, JSON.stringify({ channel: message.channel, events: message.events }));
        if (denied) return reply({ type: "publish_error", errors: [{ errorType: "UnauthorizedException", message: denied }] });
        const outcome = publish(message.channel, message.events);
        return reply(outcome.status === 200 ? { type: "publish_success", ...(outcome.body as object) } : { type: "publish_error", ...(outcome.body as object) });
      }
      default:
        return reply({ type: "error", errors: [{ errorType: "UnsupportedOperation", message: `unknown message type ${JSON.stringify(message.type)}` }] });
    }
  }

  return {
    endpoint,
    get delivered() {
      return delivered;
    },
    get connections() {
      return wss.clients.size;
    },
    dropConnections() {
      for (const ws of wss.clients) ws.terminate();
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function badRequest(message: string): Outcome {
  return { status: 400, body: { errors: [{ errorType: "BadRequestException", message }] } };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
