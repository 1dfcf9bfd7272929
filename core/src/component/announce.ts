/**
 * Fires the kernel's `component` hook for each SST component once it is fully constructed.
 *
 * The base constructor cannot see the end of a subclass's constructor, so it queues the component and
 * schedules a microtask. A microtask runs only when no JavaScript is on the stack, and constructors are
 * synchronous, so by then every queued component's most-derived constructor has returned and its fields are
 * set. `runProgram` also drains the queue as soon as `run()` settles, and drops it when `run()` fails (a
 * component whose constructor threw is never announced to taps).
 *
 * A tap that throws inside the microtask cannot throw into `run()`: the first error is kept and thrown by
 * the next component constructor or, at the latest, when `run()` settles.
 */
import type { ActiveProgram } from "../program/context.js";
import type { Component } from "./component.js";

interface Announcements {
  queue: Component[];
  scheduled: boolean;
  error?: { value: unknown };
}

const state = new WeakMap<ActiveProgram, Announcements>();

function of(program: ActiveProgram): Announcements {
  let s = state.get(program);
  if (!s) state.set(program, (s = { queue: [], scheduled: false }));
  return s;
}

/** @internal Called by the base constructor: the component is announced once construction has ended. */
export function queueAnnouncement(program: ActiveProgram, component: Component): void {
  const s = of(program);
  s.queue.push(component);
  if (s.scheduled) return;
  s.scheduled = true;
  queueMicrotask(() => {
    s.scheduled = false;
    try {
      announceComponents(program);
    } catch (error) {
      s.error ??= { value: error };
    }
  });
}

/** @internal Fires the hook for every queued component, in construction order; throws a tap's error. */
export function announceComponents(program: ActiveProgram): void {
  const s = of(program);
  while (s.queue.length) program.hooks.component.call(s.queue.shift()!);
  throwTapError(program);
}

/** @internal Throws the error a tap threw in an earlier microtask, so the program stops at the next component. */
export function throwTapError(program: ActiveProgram): void {
  const error = state.get(program)?.error;
  if (error) throw error.value;
}

/** @internal `run()` failed: its components may be half-built, so taps never see them. */
export function dropAnnouncements(program: ActiveProgram): void {
  of(program).queue.length = 0;
}
