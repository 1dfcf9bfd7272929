/**
 * The CLI side of the live protocol (spec/live-protocol.md §4): listens to `{prefix}/in`, keeps each bridge's
 * `init`, runs every `next` once through the workers, keeps telling the bridge it is alive (`ack`), and
 * publishes the answer to `{prefix}/{worker}/out`.
 */
import { Assembler } from "../protocol/assembler.js";
import { PacketError, parsePacket, toPackets, type Packet, type PacketHeader } from "../protocol/packet.js";
import type { LiveTransport, Subscription } from "../transport/types.js";
import type { InitPayload, InvokeResult, NextPayload, RelayEvent, WorkerHost } from "./types.js";

export interface RelayOptions {
  transport: LiveTransport;
  app: string;
  stage: string;
  host: WorkerHost;
  /** How often `ack` is repeated while a worker runs. @default 2000 */
  ackIntervalMs?: number;
  /** How long answers are kept to repeat them for a `next` offered again. @default 15 minutes */
  rememberMs?: number;
  onEvent?: (event: RelayEvent) => void;
}

interface Answer {
  kind: "response" | "error";
  payload: Buffer;
  at: number;
}

export class LiveRelay {
  readonly #options: RelayOptions;
  readonly #prefix: string;
  readonly #assembler = new Assembler();
  readonly #inits = new Map<string, InitPayload & { fn: string }>();
  /** Invocations waiting for their bridge's init, by worker. */
  readonly #waitingForInit = new Map<string, { fn: string; id: string; request: NextPayload }[]>();
  readonly #running = new Set<string>();
  readonly #answers = new Map<string, Answer>();
  readonly #acked = new Set<string>();
  #subscription?: Subscription;
  #versionWarned = false;
  #stopped = false;

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#prefix = `/sst/${options.app}/${options.stage}`;
  }

  /** Subscribes to the bridges' channel; resolves once the subscription is confirmed. */
  async start(): Promise<void> {
    this.#subscription = await this.#options.transport.subscribe(`${this.#prefix}/in`, (event) => this.#onEvent(event));
  }

  /**
   * Stops listening. Invocations still running are not answered: their bridges offer them again to the next
   * `sst dev`, or fail them at the function's timeout.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }

  #emit(event: RelayEvent): void {
    this.#options.onEvent?.(event);
  }

  #onEvent(event: string): void {
    let packet: Packet;
    try {
      packet = parsePacket(event);
    } catch (error) {
      if (error instanceof PacketError && error.otherVersion && !this.#versionWarned) {
        this.#versionWarned = true;
        this.#emit({ type: "warning", message: `A bridge speaks another live protocol (${error.message}): run \`sst dev\` again to redeploy it.` });
      }
      return;
    }
    // Own the invocation as soon as its first chunk arrives, not after a large payload is complete.
    if (packet.kind === "next" && !this.#acked.has(packet.id) && !this.#answers.has(packet.id)) {
      this.#acked.add(packet.id);
      void this.#send({ kind: "ack", fn: packet.fn, worker: packet.worker, id: packet.id }, "");
    }
    const done = this.#assembler.add(packet);
    if (!done) return;
    if (done.kind === "init") {
      const init = JSON.parse(done.payload.toString()) as InitPayload;
      this.#inits.set(done.worker, { ...init, fn: done.fn });
      this.#emit({ type: "init", fn: done.fn, worker: done.worker });
      for (const waiting of this.#waitingForInit.get(done.worker) ?? []) this.#run(waiting.fn, done.worker, waiting.id, waiting.request);
      this.#waitingForInit.delete(done.worker);
    } else if (done.kind === "next") {
      this.#onNext(done.fn, done.worker, done.id, JSON.parse(done.payload.toString()) as NextPayload);
    }
  }

  #onNext(fn: string, worker: string, id: string, request: NextPayload): void {
    this.#forget();
    const answer = this.#answers.get(id);
    if (answer) {
      // The bridge offered it again (it missed our answer): the same answer, not a second run.
      this.#emit({ type: "repeat", fn, id });
      void this.#send({ kind: answer.kind, fn, worker, id }, answer.payload);
      return;
    }
    if (this.#running.has(id)) return;
    if (!this.#inits.has(worker)) {
      const queue = this.#waitingForInit.get(worker) ?? [];
      if (!queue.some((q) => q.id === id)) queue.push({ fn, id, request });
      this.#waitingForInit.set(worker, queue);
      void this.#send({ kind: "reboot", fn, worker, id: `reboot-${worker}` }, "");
      return;
    }
    this.#run(fn, worker, id, request);
  }

  #run(fn: string, worker: string, id: string, request: NextPayload): void {
    const init = this.#inits.get(worker)!;
    this.#running.add(id);
    this.#emit({ type: "invoke", fn, id });
    const started = Date.now();
    const header = { fn, worker, id };
    const ack = setInterval(() => void this.#send({ kind: "ack", ...header }, ""), this.#options.ackIntervalMs ?? 2000);
    const streaming = init.env.SST_FUNCTION_STREAMING === "true";
    let seq = 0;
    const onChunk = streaming
      ? (chunk: Buffer) => void this.#publish(toPackets({ kind: "response", ...header }, chunk).map((p) => ({ ...p, seq: seq++, last: false })))
      : undefined;
    this.#options.host
      .invoke({ fn, worker, id, init, request, onChunk })
      .catch((error: unknown): InvokeResult => ({ ok: false, error: { errorType: "SSTDevWorker", errorMessage: error instanceof Error ? error.message : String(error) } }))
      .then(async (result) => {
        clearInterval(ack);
        const kind = result.ok ? "response" : "error";
        const payload = result.ok ? result.body : Buffer.from(JSON.stringify(result.error));
        this.#answers.set(id, { kind, payload, at: Date.now() });
        this.#running.delete(id);
        this.#emit({ type: "done", fn, id, ok: result.ok, durationMs: Date.now() - started, ...(result.ok ? {} : { error: result.error }) });
        if (streaming && result.ok) {
          await this.#publish([{ ...toPackets({ kind: "response", ...header }, "")[0]!, seq: seq++, last: true }]);
        } else {
          await this.#send({ kind, ...header }, payload);
        }
      })
      .catch((error: unknown) => this.#emit({ type: "warning", message: `Could not send the answer of ${fn} (${id}): ${error instanceof Error ? error.message : error}` }));
  }

  #send(header: PacketHeader, payload: Buffer | string): Promise<void> {
    return this.#publish(toPackets(header, payload));
  }

  async #publish(packets: Packet[]): Promise<void> {
    if (!packets.length || this.#stopped) return;
    const channel = `${this.#prefix}/${packets[0]!.worker}/out`;
    try {
      await this.#options.transport.publish(channel, packets.map((p) => JSON.stringify(p)));
    } catch (error) {
      this.#emit({ type: "warning", message: `Publishing to ${channel} failed: ${error instanceof Error ? error.message : error}` });
    }
  }

  /** Drops answers and partial payloads older than `rememberMs`. */
  #forget(): void {
    const keep = this.#options.rememberMs ?? 15 * 60_000;
    const limit = Date.now() - keep;
    for (const [id, answer] of this.#answers) {
      if (answer.at < limit) {
        this.#answers.delete(id);
        this.#acked.delete(id);
      }
    }
    this.#assembler.sweep(keep);
  }
}
