/**
 * `sst dev`'s tabbed terminal UI (the `multi` mode): a sidebar of processes (the deploy, the functions, each
 * dev command) and the selected one's output beside it. ↑/↓ or j/k (or a click in the sidebar) switch; Ctrl-C
 * quits. Drawn with plain ANSI sequences on the alternate screen, so the terminal is left as it was on exit.
 */
import { EventEmitter } from "node:events";

/** Lines kept per pane. */
const SCROLLBACK = 5000;
const SIDEBAR = 22;

export interface PaneState {
  id: string;
  title: string;
  status: "running" | "done" | "failed" | "idle";
  lines: string[];
}

export interface MultiplexerIO {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

const ESC = "\x1b[";
const STATUS_MARK: Record<PaneState["status"], string> = { running: `${ESC}33m●${ESC}0m`, done: `${ESC}32m●${ESC}0m`, failed: `${ESC}31m●${ESC}0m`, idle: `${ESC}2m○${ESC}0m` };

export class Multiplexer extends EventEmitter<{ quit: [] }> {
  readonly #io: MultiplexerIO;
  readonly #panes: PaneState[] = [];
  #selected = 0;
  #timer?: NodeJS.Timeout;
  #started = false;
  readonly #onData = (data: Buffer) => this.#key(data.toString());
  readonly #onResize = () => this.#draw();

  constructor(io: MultiplexerIO = { input: process.stdin, output: process.stdout }) {
    super();
    this.#io = io;
  }

  /** Adds a pane (or returns the one with this id). */
  pane(id: string, title = id): PaneState {
    let pane = this.#panes.find((p) => p.id === id);
    if (!pane) {
      pane = { id, title, status: "idle", lines: [] };
      this.#panes.push(pane);
      this.#schedule();
    }
    return pane;
  }

  /** Appends a line (or several, split on newlines) to a pane. */
  write(id: string, text: string): void {
    const pane = this.pane(id);
    for (const line of text.split("\n")) pane.lines.push(line);
    if (pane.lines.length > SCROLLBACK) pane.lines.splice(0, pane.lines.length - SCROLLBACK);
    if (this.#panes[this.#selected] === pane) this.#schedule();
  }

  status(id: string, status: PaneState["status"]): void {
    this.pane(id).status = status;
    this.#schedule();
  }

  get selected(): string | undefined {
    return this.#panes[this.#selected]?.id;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    const { input, output } = this.#io;
    // Alternate screen, hidden cursor, mouse clicks reported (SGR).
    output.write(`${ESC}?1049h${ESC}?25l${ESC}?1000h${ESC}?1006h`);
    if (input.isTTY) input.setRawMode(true);
    input.on("data", this.#onData);
    input.resume();
    output.on("resize", this.#onResize);
    this.#draw();
  }

  stop(): void {
    if (!this.#started) return;
    this.#started = false;
    clearTimeout(this.#timer);
    const { input, output } = this.#io;
    input.off("data", this.#onData);
    if (input.isTTY) input.setRawMode(false);
    input.pause();
    output.off("resize", this.#onResize);
    output.write(`${ESC}?1006l${ESC}?1000l${ESC}?25h${ESC}?1049l`);
  }

  #key(data: string): void {
    const click = /\x1b\[<0;(\d+);(\d+)M/.exec(data);
    if (click && Number(click[1]) <= SIDEBAR) {
      const row = Number(click[2]) - 2;
      if (row >= 0 && row < this.#panes.length) this.#select(row);
      return;
    }
    if (data === "\x03") return void this.emit("quit");
    if (data === "\x1b[A" || data === "k") this.#select(this.#selected - 1);
    else if (data === "\x1b[B" || data === "j") this.#select(this.#selected + 1);
  }

  #select(index: number): void {
    if (this.#panes.length === 0) return;
    this.#selected = (index + this.#panes.length) % this.#panes.length;
    this.#draw();
  }

  #schedule(): void {
    if (!this.#started || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#draw();
    }, 16);
  }

  #draw(): void {
    if (!this.#started) return;
    const { output } = this.#io;
    const columns = output.columns || 100;
    const rows = output.rows || 30;
    const width = Math.max(10, columns - SIDEBAR - 1);
    const pane = this.#panes[this.#selected];
    const body = pane ? pane.lines.slice(-(rows - 1)) : [];
    let screen = `${ESC}H`;
    for (let row = 0; row < rows - 1; row++) {
      const entry = row === 0 ? " sst dev" : this.#panes[row - 1];
      let side: string;
      if (typeof entry === "string") side = `${ESC}1m${fit(entry, SIDEBAR)}${ESC}0m`;
      else if (entry) {
        const label = fit(` ${entry.title}`, SIDEBAR - 2);
        side = `${STATUS_MARK[entry.status]} ${row - 1 === this.#selected ? `${ESC}7m${label}${ESC}0m` : label}`;
      } else side = " ".repeat(SIDEBAR);
      screen += `${side}${ESC}2m│${ESC}0m${fit(stripAnsi(body[row] ?? ""), width)}\r\n`;
    }
    screen += `${ESC}2m${fit(" ↑/↓ or j/k switch · click a tab · ctrl-c quit", columns)}${ESC}0m`;
    output.write(screen);
  }
}

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? chars.slice(0, width - 1).join("") + "…" : text + " ".repeat(width - chars.length);
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}
