/**
 * The AppSync Events transport (spec/live-protocol.md §1): publish over HTTP (`POST /event`, SigV4), subscribe
 * over the websocket (`aws-appsync-event-ws`). One socket carries every subscription; it reconnects and
 * resubscribes when it closes or when keep-alives stop.
 */
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { eventUrl, headerSubprotocol, signedHeaders, type Credentials, type EventsEndpoint } from "./sign.js";
import type { EventListener, LiveTransport, Subscription } from "./types.js";

/** AppSync takes at most 5 events per publish. */
export const MAX_EVENTS_PER_PUBLISH = 5;

export interface AppSyncTransportOptions {
  endpoint: EventsEndpoint;
  credentials: Credentials;
  /** Called when the socket drops and when it is back (for a status line). */
  onConnection?: (state: "connected" | "reconnecting") => void;
  /** How long to wait for `connection_ack` and `subscribe_success`. @default 10000 */
  handshakeTimeoutMs?: number;
}

/** An error the Events API answered with. */
export class EventsApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EventsApiError";
  }
}

interface Active {
  channel: string;
  listener: EventListener;
}

type ServerMessage = { type: string; id?: string; event?: string; connectionTimeoutMs?: number; errors?: { errorType?: string; message?: string }[] };

export class AppSyncTransport implements LiveTransport {
  readonly #options: AppSyncTransportOptions;
  readonly #subscriptions = new Map<string, Active>();
  readonly #waiting = new Map<string, { resolve(): void; reject(e: Error): void }>();
  #socket?: Promise<WebSocket>;
  #closed = false;
  #kaTimer?: NodeJS.Timeout;
  #attempt = 0;

  constructor(options: AppSyncTransportOptions) {
    this.#options = options;
  }

  async publish(channel: string, events: string[]): Promise<void> {
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_PUBLISH) {
      await this.#publishBatch(channel, events.slice(i, i + MAX_EVENTS_PER_PUBLISH));
    }
  }

  async #publishBatch(channel: string, events: string[]): Promise<void> {
    const body = JSON.stringify({ channel, events });
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt) await delay(100 * 2 ** attempt);
      try {
        const headers = await signedHeaders(this.#options.endpoint, this.#options.credentials, body);
        const response = await fetch(eventUrl(this.#options.endpoint), { method: "POST", headers, body });
        const text = await response.text();
        if (response.status >= 400 && response.status < 500) throw new EventsApiError(`publish to ${channel} refused (${response.status}): ${errorText(text)}`);
        if (!response.ok) {
          lastError = new EventsApiError(`publish to ${channel} failed (${response.status}): ${errorText(text)}`);
          continue;
        }
        const result = JSON.parse(text) as { failed?: { index: number; code?: number; message?: string }[] };
        if (result.failed?.length) throw new EventsApiError(`publish to ${channel}: ${result.failed.map((f) => f.message ?? f.code).join(", ")}`);
        return;
      } catch (error) {
        if (error instanceof EventsApiError) throw error;
        lastError = error;
      }
    }
    throw lastError instanceof Error ? lastError : new EventsApiError(String(lastError));
  }

  async subscribe(channel: string, listener: EventListener): Promise<Subscription> {
    const id = randomUUID();
    this.#subscriptions.set(id, { channel, listener });
    try {
      const socket = await this.#connect();
      await this.#sendSubscribe(socket, id, channel);
    } catch (error) {
      this.#subscriptions.delete(id);
      throw error;
    }
    return {
      channel,
      unsubscribe: async () => {
        if (!this.#subscriptions.delete(id) || this.#closed || !this.#socket) return;
        const socket = await this.#socket;
        if (socket.readyState !== WebSocket.OPEN) return;
        await this.#request(id, () => socket.send(JSON.stringify({ type: "unsubscribe", id })));
      },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#kaTimer);
    const pending = this.#socket;
    this.#socket = undefined;
    for (const waiter of this.#waiting.values()) waiter.reject(new EventsApiError("transport closed"));
    this.#waiting.clear();
    const socket = await pending?.catch(() => undefined);
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.close();
      });
    }
  }

  #connect(): Promise<WebSocket> {
    if (this.#closed) return Promise.reject(new EventsApiError("transport closed"));
    this.#socket ??= this.#open().catch((error) => {
      this.#socket = undefined;
      throw error;
    });
    return this.#socket;
  }

  async #open(): Promise<WebSocket> {
    const { endpoint, credentials } = this.#options;
    const headers = await signedHeaders(endpoint, credentials, "{}");
    const url = `${endpoint.secure === false ? "ws" : "wss"}://${endpoint.realtime}/event/realtime`;
    const socket = new WebSocket(url, ["aws-appsync-event-ws", headerSubprotocol(headers)]);
    const timeoutMs = this.#options.handshakeTimeoutMs ?? 10_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new EventsApiError(`no connection_ack from ${endpoint.realtime} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
      const onMessage = (raw: WebSocket.RawData) => {
        const message = JSON.parse(raw.toString()) as ServerMessage;
        if (message.type === "connection_ack") {
          clearTimeout(timer);
          socket.off("message", onMessage);
          this.#keepAlive(socket, message.connectionTimeoutMs ?? 300_000);
          resolve();
        } else if (message.type === "connection_error" || message.type === "error") {
          clearTimeout(timer);
          socket.terminate();
          reject(new EventsApiError(`connection refused: ${describeErrors(message)}`));
        }
      };
      socket.on("message", onMessage);
    });
    this.#attempt = 0;
    socket.on("message", (raw) => this.#onMessage(socket, JSON.parse(raw.toString()) as ServerMessage));
    socket.on("error", () => {});
    socket.on("close", () => this.#onClose(socket));
    return socket;
  }

  #keepAlive(socket: WebSocket, timeoutMs: number): void {
    clearTimeout(this.#kaTimer);
    this.#kaTimer = setTimeout(() => socket.terminate(), timeoutMs);
    this.#kaTimer.unref();
    (socket as WebSocket & { kaTimeoutMs?: number }).kaTimeoutMs = timeoutMs;
  }

  #onMessage(socket: WebSocket, message: ServerMessage): void {
    switch (message.type) {
      case "ka":
        this.#keepAlive(socket, (socket as WebSocket & { kaTimeoutMs?: number }).kaTimeoutMs ?? 300_000);
        return;
      case "data": {
        const active = message.id ? this.#subscriptions.get(message.id) : undefined;
        if (active && typeof message.event === "string") active.listener(message.event, active.channel);
        return;
      }
      case "subscribe_success":
      case "unsubscribe_success":
        if (message.id) this.#settle(message.id);
        return;
      case "subscribe_error":
      case "unsubscribe_error":
      case "error":
        if (message.id) this.#settle(message.id, new EventsApiError(`${message.type}: ${describeErrors(message)}`));
        return;
    }
  }

  #onClose(socket: WebSocket): void {
    clearTimeout(this.#kaTimer);
    if (this.#closed) return;
    void this.#socket?.then((current) => {
      if (current !== socket) return;
      this.#socket = undefined;
      this.#options.onConnection?.("reconnecting");
      void this.#reconnect();
    });
  }

  async #reconnect(): Promise<void> {
    while (!this.#closed) {
      await delay(Math.min(5000, 100 * 2 ** this.#attempt++) * (0.5 + Math.random() / 2));
      try {
        const socket = await this.#connect();
        for (const [id, active] of this.#subscriptions) await this.#sendSubscribe(socket, id, active.channel);
        this.#options.onConnection?.("connected");
        return;
      } catch {
        // Try again with a longer wait; a closed transport ends the loop.
      }
    }
  }

  async #sendSubscribe(socket: WebSocket, id: string, channel: string): Promise<void> {
    const authorization = await signedHeaders(this.#options.endpoint, this.#options.credentials, JSON.stringify({ channel }));
    await this.#request(id, () => socket.send(JSON.stringify({ type: "subscribe", id, channel, authorization })));
  }

  #request(id: string, send: () => void): Promise<void> {
    const timeoutMs = this.#options.handshakeTimeoutMs ?? 10_000;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(id, new EventsApiError(`no answer to ${id} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiting.set(id, {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      send();
    });
  }

  #settle(id: string, error?: Error): void {
    const waiter = this.#waiting.get(id);
    if (!waiter) return;
    this.#waiting.delete(id);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

function describeErrors(message: ServerMessage): string {
  return (message.errors ?? []).map((e) => [e.errorType, e.message].filter(Boolean).join(": ")).join("; ") || message.type;
}

/** The messages of an error body (`{"errors":[{errorType, message}]}`), else the body as it came. */
function errorText(body: string): string {
  try {
    return describeErrors({ type: "error", ...(JSON.parse(body) as object) });
  } catch {
    return body;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
