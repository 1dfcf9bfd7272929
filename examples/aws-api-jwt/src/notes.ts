/**
 * `/notes`: API Gateway has verified the JWT before these run; its claims arrive in the event (payload 2.0,
 * `requestContext.authorizer.jwt.claims`).
 */
interface JwtEvent {
  body?: string;
  requestContext: { authorizer: { jwt: { claims: Record<string, string>; scopes: string[] | null } } };
}

export async function list(event: JwtEvent) {
  const { claims } = event.requestContext.authorizer.jwt;
  return { statusCode: 200, body: JSON.stringify({ owner: claims.sub, notes: [] }) };
}

export async function create(event: JwtEvent) {
  const { claims, scopes } = event.requestContext.authorizer.jwt;
  return { statusCode: 201, body: JSON.stringify({ owner: claims.sub, scopes, note: JSON.parse(event.body ?? "{}") }) };
}
