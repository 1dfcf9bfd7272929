import { Resource } from "sst";

/** Each route answers with what it computed through one of the Worker's links. */
export default {
  async fetch(request: Request, env: { GREETING: string }): Promise<Response> {
    const { pathname, searchParams } = new URL(request.url);
    switch (pathname) {
      case "/bucket": {
        const key = searchParams.get("key") ?? "hello.txt";
        await Resource.MyBucket.put(key, await request.text());
        const object = await Resource.MyBucket.get(key);
        return new Response(`bucket ${key}: ${await object!.text()}`);
      }
      case "/kv": {
        await Resource.MyKv.put("counter", String(Number((await Resource.MyKv.get("counter")) ?? 0) + 1));
        return new Response(`kv counter: ${await Resource.MyKv.get("counter")}`);
      }
      case "/db": {
        await Resource.MyDb.prepare("CREATE TABLE IF NOT EXISTS notes (text TEXT)").run();
        await Resource.MyDb.prepare("INSERT INTO notes (text) VALUES (?)").bind(searchParams.get("note") ?? "hi").run();
        const row = await Resource.MyDb.prepare("SELECT COUNT(*) AS n, MAX(text) AS last FROM notes").first<{ n: number; last: string }>();
        return Response.json(row);
      }
      case "/queue": {
        await Resource.MyQueue.send({ id: searchParams.get("id") });
        return new Response("queued");
      }
      case "/received": {
        return new Response((await Resource.MyKv.get(`received:${searchParams.get("id")}`)) ?? "", { status: 200 });
      }
      case "/settings":
        return new Response(Resource.Settings.value);
      case "/app":
        return Response.json({ app: Resource.App, greeting: env.GREETING });
      default:
        return new Response("not found", { status: 404 });
    }
  },
};
