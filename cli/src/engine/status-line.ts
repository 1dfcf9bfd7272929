/**
 * The live part of the progress view: on a terminal, one status line at the bottom naming what is in flight
 * ("Creating Beta, Alpha 3.2s"), redrawn as time passes and cleared around every finished line. Elsewhere
 * (CI, pipes) it only passes lines through.
 */
export class StatusLine {
  readonly #inFlight = new Map<string, { label: string; since: number }>();
  #timer: NodeJS.Timeout | undefined;
  #drawn = false;

  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {}

  get enabled(): boolean {
    return Boolean(this.out.isTTY);
  }

  /** Shows `label` for `key`; starting a key already in flight only changes its label (its time keeps running). */
  start(key: string, label: string): void {
    this.#inFlight.set(key, { label, since: this.#inFlight.get(key)?.since ?? Date.now() });
    if (this.enabled) {
      this.#timer ??= setInterval(() => this.#draw(), 250);
      this.#draw();
    }
  }

  end(key: string): void {
    this.#inFlight.delete(key);
    if (this.#inFlight.size === 0) this.stop();
    else this.#draw();
  }

  /** Prints a finished line above the status line. */
  print(line: string): void {
    this.#clear();
    this.out.write(line + "\n");
    this.#draw();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#clear();
  }

  #clear(): void {
    if (this.#drawn) this.out.write("\r\x1b[2K");
    this.#drawn = false;
  }

  #draw(): void {
    if (!this.enabled || this.#inFlight.size === 0) return;
    const items = [...this.#inFlight.values()];
    const oldest = Math.min(...items.map((i) => i.since));
    const labels = items.map((i) => i.label);
    const shown = labels.slice(0, 3).join(", ") + (labels.length > 3 ? ` and ${labels.length - 3} more` : "");
    const width = (this.out.columns || 80) - 1;
    this.#clear();
    this.out.write(`… ${shown} ${((Date.now() - oldest) / 1000).toFixed(1)}s`.slice(0, width));
    this.#drawn = true;
  }
}
