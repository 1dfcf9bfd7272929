/**
 * Draws the kernel's build progress on the status line: "… Building 12/300 4.1s" while functions build, gone
 * when the last one ends. Off a terminal it writes nothing (build errors are reported with the command's error).
 */
import type { BuildEvent } from "@sst/core";
import type { StatusLine } from "./status-line.js";

const KEY = "build";

export function buildStatus(live: StatusLine): (event: BuildEvent) => void {
  return (event) => {
    if (event.type === "end" && event.done === event.total) live.end(KEY);
    else live.start(KEY, `Building ${event.done}/${event.total}`);
  };
}
