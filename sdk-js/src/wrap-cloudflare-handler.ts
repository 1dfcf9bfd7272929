/**
 * Wraps a Worker's default export so every invocation's `env` feeds `Resource` before user code
 * runs. Two shapes exist:
 * - module handlers, `{ fetch(req, env, ctx), scheduled(controller, env, ctx), queue(...) ... }`:
 *   every handler takes env as its second argument;
 * - class entrypoints (WorkerEntrypoint, DurableObject, Workflow): a class constructed with
 *   `(ctx, env)`; we subclass it so `instanceof` checks in workerd still hold.
 */
import { applyCloudflareEnv } from "./_cloudflare-store.js";

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;
type AnyClass = new (...args: unknown[]) => object;

export function wrapCloudflareHandler<T>(handler: T): T {
  if (typeof handler === "function") return wrapClass(handler as unknown as AnyClass) as T;
  if (handler !== null && typeof handler === "object") return wrapModule(handler as Record<string, unknown>) as T;
  return handler;
}

function wrapClass(Entrypoint: AnyClass): AnyClass {
  const Wrapped = class extends Entrypoint {
    constructor(...args: unknown[]) {
      applyCloudflareEnv(args[1]);
      super(...args);
    }
  };
  // Keep the user's class name: it shows in logs and in workerd's entrypoint errors.
  Object.defineProperty(Wrapped, "name", { value: Entrypoint.name });
  return Wrapped;
}

function wrapModule(handler: Record<string, unknown>): Record<string, unknown> {
  const wrapped: Record<string, unknown> = {};
  for (const key of handlerKeys(handler)) {
    const value = handler[key];
    wrapped[key] =
      typeof value === "function"
        ? function (this: unknown, ...args: unknown[]) {
            applyCloudflareEnv(args[1]);
            return (value as AnyFunction).apply(handler, args);
          }
        : value;
  }
  return wrapped;
}

/** Own keys plus methods on the prototype chain, for handlers written as class instances. */
function handlerKeys(handler: object): string[] {
  const keys = new Set<string>();
  for (let obj: object | null = handler; obj && obj !== Object.prototype; obj = Object.getPrototypeOf(obj)) {
    for (const key of Object.getOwnPropertyNames(obj)) if (key !== "constructor") keys.add(key);
  }
  return [...keys];
}
