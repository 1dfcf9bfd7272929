/**
 * Checks a SigV4 signature the way AppSync does for `/event`: the request is signed again with the secret of
 * the access key it names, over the headers it says it signed, and the signatures must match.
 */
import { createHash } from "node:crypto";
import type { AwsCredentialIdentity } from "@smithy/types";
import { eventRequest, signer } from "./sign.js";

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** Clock skew AWS tolerates. */
const MAX_SKEW_MS = 5 * 60 * 1000;

/** Returns why the signature is not valid, or undefined when it is. */
export async function verifySignature(input: {
  url: URL;
  headers: Record<string, string | undefined>;
  body: string;
  region: string;
  credentials: readonly AwsCredentialIdentity[];
  now?: number;
}): Promise<string | undefined> {
  const headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const match = AUTHORIZATION.exec(headers.authorization ?? "");
  if (!match) return "missing or malformed Authorization header";
  const [, accessKeyId, , region, service, signedNames, signature] = match;
  const known = input.credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!known) return `unknown access key ${accessKeyId}`;
  if (region !== input.region) return `signed for region ${region}, this API is in ${input.region}`;
  if (service !== "appsync") return `signed for service ${service}, expected appsync`;
  const date = parseAmzDate(headers["x-amz-date"]);
  if (!date) return "missing or malformed X-Amz-Date header";
  if (Math.abs((input.now ?? Date.now()) - date.getTime()) > MAX_SKEW_MS) return "signature expired (clock skew over 5 minutes)";
  const signed: Record<string, string> = {};
  for (const name of signedNames!.split(";")) {
    const value = headers[name];
    if (value === undefined) return `signed header ${name} is missing`;
    signed[name] = value;
  }
  if (!signed.host) return "the host header is not signed";
  // A client may sign the body's hash as a header (@smithy/signature-v4 does, Go's signer does not). The signer
  // trusts that header over the body, so check it here; re-signing then covers the body either way.
  const bodyHash = createHash("sha256").update(input.body).digest("hex");
  if (signed["x-amz-content-sha256"] !== undefined && signed["x-amz-content-sha256"] !== bodyHash) return "the body does not match its signed hash";
  const credentials = { ...known, sessionToken: headers["x-amz-security-token"] };
  const request = eventRequest(input.url, signed, input.body);
  const again = await signer(input.region, credentials, false).sign(request, { signingDate: date });
  const expected = AUTHORIZATION.exec(again.headers.authorization ?? "")?.[6];
  return expected === signature ? undefined : "signature does not match";
}

function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}
