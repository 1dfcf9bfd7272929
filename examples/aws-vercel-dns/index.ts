export const handler = async () => ({ statusCode: 200, body: "Hello from an API whose DNS is on Vercel" });
