import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { lambdaEnvironment, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, RuntimeApi, type FunctionError } from "@sst/aws/runtime";

let api: RuntimeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const base = (endpoint: string) => `http://${endpoint}/2018-06-01/runtime`;
const next = (endpoint: string) => fetch(`${base(endpoint)}/invocation/next`);
const post = (endpoint: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${base(endpoint)}/${path}`, { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body), headers });

/** Waits until `check` holds (state the server reaches asynchronously); no timing is asserted. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

describe("the Lambda Runtime API server", () => {
  it("hands an invocation to GET /next with Lambda's headers and resolves invoke with the posted response", async () => {
    api = await RuntimeApi.start({ functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:Api" });
    const before = Date.now();
    const result = api.invoke({ name: "Ada" }, { timeoutMs: 60_000, requestId: "req-1", clientContext: { custom: { a: 1 } }, cognitoIdentity: '{"cognitoIdentityId":"x"}' });
    const invocation = await next(api.address);
    expect(invocation.status).toBe(200);
    expect(await invocation.json()).toEqual({ name: "Ada" });
    const headers = invocation.headers;
    expect(headers.get("lambda-runtime-aws-request-id")).toBe("req-1");
    expect(headers.get("lambda-runtime-invoked-function-arn")).toBe("arn:aws:lambda:eu-west-1:123456789012:function:Api");
    expect(Number(headers.get("lambda-runtime-deadline-ms"))).toBeGreaterThanOrEqual(before + 60_000);
    expect(headers.get("lambda-runtime-trace-id")).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(JSON.parse(headers.get("lambda-runtime-client-context")!)).toEqual({ custom: { a: 1 } });
    expect(headers.get("lambda-runtime-cognito-identity")).toBe('{"cognitoIdentityId":"x"}');

    const accepted = await post(api.address, "invocation/req-1/response", '{"greeting":"hi"}');
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ status: "OK" });
    const outcome = await result;
    expect(outcome).toMatchObject({ ok: true, requestId: "req-1", worker: "default" });
    expect(outcome.ok && outcome.body.toString()).toBe('{"greeting":"hi"}');
  });

  it("long-polls GET /next until an invocation arrives, and sends a Buffer or string payload as it is", async () => {
    api = await RuntimeApi.start();
    const w1 = await api.worker("w1");
    const polling = next(w1);
    await until(() => api!.idleWorkers.includes("w1"));
    const result = api.invoke("not json", { timeoutMs: 60_000 });
    const invocation = await polling;
    expect(await invocation.text()).toBe("not json");
    const id = invocation.headers.get("lambda-runtime-aws-request-id")!;
    await post(w1, `invocation/${id}/response`, "");
    expect(await result).toMatchObject({ ok: true, worker: "w1", body: Buffer.alloc(0) });
  });

  it("reports an error posted to /error with its type, message and stack trace", async () => {
    api = await RuntimeApi.start();
    const result = api.invoke({}, { timeoutMs: 60_000 });
    const id = (await next(api.address)).headers.get("lambda-runtime-aws-request-id")!;
    const body = JSON.stringify({ errorMessage: "boom", errorType: "TypeError", stackTrace: ["at handler (index.js:1:1)"] });
    const accepted = await post(api.address, `invocation/${id}/error`, body, { "Lambda-Runtime-Function-Error-Type": "Unhandled" });
    expect(accepted.status).toBe(202);
    expect(await result).toMatchObject({ ok: false, error: { kind: "function", errorType: "TypeError", errorMessage: "boom", stackTrace: ["at handler (index.js:1:1)"] } });
  });

  it("takes the error type from Lambda-Runtime-Function-Error-Type when the body has none, and a non-JSON body as the message", async () => {
    api = await RuntimeApi.start();
    const result = api.invoke({}, { timeoutMs: 60_000 });
    const id = (await next(api.address)).headers.get("lambda-runtime-aws-request-id")!;
    await post(api.address, `invocation/${id}/error`, "segfault", { "Lambda-Runtime-Function-Error-Type": "Runtime.ExitError" });
    expect(await result).toMatchObject({ ok: false, error: { errorType: "Runtime.ExitError", errorMessage: "segfault" } });
  });

  it("answers 400 InvalidRequestID for a request id it did not hand out, and for another worker's", async () => {
    api = await RuntimeApi.start();
    const unknown = await post(api.address, "invocation/nope/response", "{}");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ errorType: "InvalidRequestID", errorMessage: "Invalid request ID" });
    const [a, b] = [await api.worker("a"), await api.worker("b")];
    const result = api.invoke({}, { timeoutMs: 60_000 });
    const id = (await next(a)).headers.get("lambda-runtime-aws-request-id")!;
    expect((await post(b, `invocation/${id}/response`, "{}")).status).toBe(400);
    await post(a, `invocation/${id}/response`, "{}");
    expect((await result).ok).toBe(true);
  });

  it("gives a worker one invocation at a time: /next while it holds one is a 403, and the next waiting worker gets the queued one", async () => {
    api = await RuntimeApi.start();
    const first = api.invoke({ n: 1 }, { timeoutMs: 60_000 });
    const second = api.invoke({ n: 2 }, { timeoutMs: 60_000 });
    const [a, b] = [await api.worker("a"), await api.worker("b")];
    const taken = await next(a);
    expect(await taken.json()).toEqual({ n: 1 });
    const again = await next(a);
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ errorType: "InvalidStateTransition" });
    const other = await next(b);
    expect(await other.json()).toEqual({ n: 2 });
    await post(b, `invocation/${other.headers.get("lambda-runtime-aws-request-id")}/response`, "2");
    await post(a, `invocation/${taken.headers.get("lambda-runtime-aws-request-id")}/response`, "1");
    expect((await first).ok && (await first).worker).toBe("a");
    expect((await second).ok && (await second).worker).toBe("b");
  });

  it("accepts 6 MB payloads both ways, refuses a larger request, and fails a larger response with a 413", async () => {
    api = await RuntimeApi.start();
    const tooBig = await api.invoke(Buffer.alloc(MAX_REQUEST_BYTES + 1, 97));
    expect(tooBig).toMatchObject({ ok: false, error: { kind: "request-too-large", errorType: "RequestEntityTooLargeException" } });

    const big = api.invoke(Buffer.alloc(MAX_REQUEST_BYTES, 97), { timeoutMs: 60_000 });
    const invocation = await next(api.address);
    expect((await invocation.arrayBuffer()).byteLength).toBe(MAX_REQUEST_BYTES);
    const id = invocation.headers.get("lambda-runtime-aws-request-id")!;
    expect((await post(api.address, `invocation/${id}/response`, Buffer.alloc(MAX_RESPONSE_BYTES, 98))).status).toBe(202);
    const answered = await big;
    expect(answered.ok && answered.body.length).toBe(MAX_RESPONSE_BYTES);

    const overflow = api.invoke({}, { timeoutMs: 60_000 });
    const id2 = (await next(api.address)).headers.get("lambda-runtime-aws-request-id")!;
    const refused = await post(api.address, `invocation/${id2}/response`, Buffer.alloc(MAX_RESPONSE_BYTES + 1, 98));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ errorType: "RequestEntityTooLarge" });
    expect(await overflow).toMatchObject({ ok: false, error: { kind: "response-too-large", errorType: "Function.ResponseSizeTooLarge" } });
  });

  it("fails an invocation that outlives its timeout, tells onTimeout, and refuses its late response", async () => {
    const timedOut: string[] = [];
    api = await RuntimeApi.start({ onTimeout: (worker, id) => timedOut.push(`${worker}:${id}`) });
    const result = api.invoke({}, { timeoutMs: 20, requestId: "slow" });
    const w = await api.worker("w");
    await next(w);
    expect(await result).toMatchObject({ ok: false, error: { kind: "timeout", errorType: "Sandbox.Timedout", errorMessage: "Task timed out after 0.02 seconds" } });
    expect(timedOut).toEqual(["w:slow"]);
    expect((await post(w, "invocation/slow/response", "{}")).status).toBe(400);
  });

  it("fails the invocation waiting for a runtime that posts /init/error with that error, and tells onInitError", async () => {
    const reported: [string, FunctionError][] = [];
    api = await RuntimeApi.start({ onInitError: (worker, error) => reported.push([worker, error]) });
    const result = api.invoke({}, { timeoutMs: 60_000 });
    const body = JSON.stringify({ errorMessage: "cannot import handler", errorType: "Runtime.ImportModuleError" });
    expect((await post(await api.worker("w"), "init/error", body, { "Lambda-Runtime-Function-Error-Type": "Runtime.ImportModuleError" })).status).toBe(202);
    const expected = { kind: "init", errorType: "Runtime.ImportModuleError", errorMessage: "cannot import handler" };
    expect(await result).toMatchObject({ ok: false, error: expected });
    expect(reported).toEqual([["w", expected]]);
  });

  it("takes a streamed response, and an error sent in its trailers", async () => {
    api = await RuntimeApi.start();
    const stream = (id: string, trailers?: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base(api!.address)}/invocation/${id}/response`, {
          method: "POST",
          headers: { "Lambda-Runtime-Function-Response-Mode": "streaming", "Transfer-Encoding": "chunked", ...(trailers ? { Trailer: Object.keys(trailers).join(", ") } : {}) },
        });
        req.on("response", (res) => (res.resume(), resolve(res.statusCode!)));
        req.on("error", reject);
        req.write("part one, ");
        req.write("part two");
        if (trailers) req.addTrailers(trailers);
        req.end();
      });
    const ok = api.invoke({}, { timeoutMs: 60_000 });
    expect(await stream((await next(api.address)).headers.get("lambda-runtime-aws-request-id")!)).toBe(202);
    const streamed = await ok;
    expect(streamed.ok && streamed.body.toString()).toBe("part one, part two");

    const failing = api.invoke({}, { timeoutMs: 60_000 });
    const id = (await next(api.address)).headers.get("lambda-runtime-aws-request-id")!;
    const errorBody = Buffer.from(JSON.stringify({ errorMessage: "mid-stream", errorType: "StreamError" })).toString("base64");
    await stream(id, { "Lambda-Runtime-Function-Error-Type": "StreamError", "Lambda-Runtime-Function-Error-Body": errorBody });
    expect(await failing).toMatchObject({ ok: false, error: { kind: "function", errorType: "StreamError", errorMessage: "mid-stream" } });
  });

  it("drops a queued invocation when its signal aborts", async () => {
    api = await RuntimeApi.start();
    const controller = new AbortController();
    const result = api.invoke({}, { signal: controller.signal });
    expect(api.queued).toBe(1);
    controller.abort();
    expect(await result).toMatchObject({ ok: false, error: { kind: "aborted" } });
    expect(api.queued).toBe(0);
  });

  it("closes cleanly: a waiting runtime gets a 500, queued invocations end as closed, later invokes fail", async () => {
    api = await RuntimeApi.start();
    const polling = next(await api.worker("w"));
    await until(() => api!.idleWorkers.includes("w"));
    const closing = api;
    api = undefined;
    await closing.close();
    expect((await polling).status).toBe(500);
    expect(await closing.invoke({})).toMatchObject({ ok: false, error: { kind: "closed" } });
  });

  it("fails the invocation a removed worker held with Runtime.ExitError, and closes its endpoint", async () => {
    api = await RuntimeApi.start();
    const w = await api.worker("w");
    const result = api.invoke({}, { timeoutMs: 60_000 });
    const id = (await next(w)).headers.get("lambda-runtime-aws-request-id")!;
    await api.removeWorker("w", { code: 2 });
    expect(await result).toMatchObject({ ok: false, worker: "w", error: { kind: "function", errorType: "Runtime.ExitError", errorMessage: `RequestId: ${id} Error: Runtime exited with error: exit status 2` } });
    await expect(next(w)).rejects.toThrow();
  });

  it("serves workers on path prefixes of the main port too (api.endpoint), each with its own invocation", async () => {
    api = await RuntimeApi.start();
    const p1 = api.endpoint("p1");
    expect(p1).toBe(`${api.address}/p1`);
    const polling = next(p1);
    await until(() => api!.idleWorkers.includes("p1"));
    const result = api.invoke({ via: "prefix" }, { timeoutMs: 60_000 });
    const invocation = await polling;
    expect(await invocation.json()).toEqual({ via: "prefix" });
    expect((await next(p1)).status).toBe(403); // p1 holds it
    await post(p1, `invocation/${invocation.headers.get("lambda-runtime-aws-request-id")}/response`, "{}");
    expect(await result).toMatchObject({ ok: true, worker: "p1" });
    expect(() => api!.endpoint("a/b")).toThrow("Invalid worker name");
  });

  it("refuses a second worker of the same name", async () => {
    api = await RuntimeApi.start();
    const w = await api.worker("w");
    expect(w).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(w).not.toBe(api.address);
    await expect(api.worker("w")).rejects.toThrow('already has a worker named "w"');
  });

  it("answers 404 for a path outside the API and 405 for a wrong method", async () => {
    api = await RuntimeApi.start();
    expect((await fetch(`http://${api.address}/2018-06-01/runtime/nothing`)).status).toBe(404);
    expect((await fetch(`${base(api.address)}/invocation/next`, { method: "POST" })).status).toBe(405);
  });

  it("names the variables a Lambda runtime needs to start", () => {
    expect(lambdaEnvironment({ runtimeApi: "127.0.0.1:9001/w1", functionName: "Api", handler: "bootstrap", region: "eu-west-1" })).toMatchObject({
      AWS_LAMBDA_RUNTIME_API: "127.0.0.1:9001/w1",
      AWS_LAMBDA_FUNCTION_NAME: "Api",
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "1024",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      _HANDLER: "bootstrap",
      AWS_REGION: "eu-west-1",
    });
  });
});
