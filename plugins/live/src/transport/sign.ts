/**
 * SigV4 for AppSync Events: every publish and subscribe carries headers signed as a `POST /event` on the API's
 * HTTP host (service `appsync`), over the body the operation sends. Signing is `@smithy/signature-v4`'s.
 */
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

/** Where an Events API answers. */
export interface EventsEndpoint {
  /** The API's HTTP host (`dns.HTTP`), `host` or `host:port`. */
  http: string;
  /** The API's realtime host (`dns.REALTIME`). */
  realtime: string;
  region: string;
  /**
   * `https`/`wss` when true (AppSync); plain `http`/`ws` for a local server on loopback.
   * @default true
   */
  secure?: boolean;
}

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** The content headers AppSync expects on `/event`, before signing. */
export const EVENT_HEADERS = {
  accept: "application/json, text/javascript",
  "content-encoding": "amz-1.0",
  "content-type": "application/json; charset=UTF-8",
} as const;

export function eventUrl(endpoint: EventsEndpoint): URL {
  return new URL(`${endpoint.secure === false ? "http" : "https"}://${endpoint.http}/event`);
}

/** The request `/event` signing is computed over. `headers` must hold `host` and, when verifying, the signed ones. */
export function eventRequest(url: URL, headers: Record<string, string>, body: string): HttpRequest {
  return new HttpRequest({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    headers,
    body,
  });
}

/** `applyChecksum`: add the body's hash as `x-amz-content-sha256` (and sign it). */
export function signer(region: string, credentials: Credentials, applyChecksum = true): SignatureV4 {
  return new SignatureV4({ service: "appsync", region, credentials, sha256: Hash.bind(null, "sha256"), applyChecksum });
}

/** Signed headers for an operation whose body is `body` (`{}` to connect, `{"channel":...}` to subscribe). */
export async function signedHeaders(endpoint: EventsEndpoint, credentials: Credentials, body: string): Promise<Record<string, string>> {
  const url = eventUrl(endpoint);
  const request = eventRequest(url, { ...EVENT_HEADERS, host: url.host }, body);
  const signed = await signer(endpoint.region, credentials).sign(request);
  return signed.headers;
}

/** `header-<base64url of the JSON headers>`: how the websocket handshake carries its authorization. */
export function headerSubprotocol(headers: Record<string, string>): string {
  return `header-${Buffer.from(JSON.stringify(headers)).toString("base64url")}`;
}
