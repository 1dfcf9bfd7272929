/**
 * `import { realtime } from "sst/aws/realtime"`: the runtime side of `sst.aws.Realtime` (Node, on Lambda).
 * `realtime.authorizer` turns "which topics may this token use" into the response AWS IoT Core expects from a
 * custom authorizer: an IAM policy allowing the connection and those topics.
 */
import { randomUUID } from "node:crypto";

export namespace realtime {
  /** What the function given to `realtime.authorizer` returns for a valid token. */
  export interface AuthResult {
    /**
     * The principal ID of the authorized client (a user ID, a username, ...), shown in IoT's logs:
     * 1 to 128 letters and digits.
     * @default a random ID per connection
     */
    principalId?: string;
    /**
     * The maximum duration of the connection, in seconds, from 300 to 86400. Set when the connection is
     * established; later refreshes cannot change it.
     * @default `86400`
     */
    disconnectAfterInSeconds?: number;
    /**
     * The time between policy refreshes, in seconds, from 300 to 86400: IoT Core invokes the authorizer again
     * after it.
     * @default `300`
     */
    refreshAfterInSeconds?: number;
    /**
     * The topics the client can subscribe to (`*` wildcards allowed).
     * @example { subscribe: ["chat/room1", "chat/*"] }
     */
    subscribe?: string[];
    /**
     * The topics the client can publish to (`*` wildcards allowed).
     * @example { publish: ["chat/room1", "chat/*"] }
     */
    publish?: string[];
    /**
     * Additional IAM policy documents. At most 10 documents in all (the one built from `subscribe` and
     * `publish` is the first), each at most 2048 characters.
     */
    policyDocuments?: PolicyDocument[];
  }

  /** An IAM policy document, as IoT Core takes it from an authorizer. */
  export interface PolicyDocument {
    Version: string;
    Statement: { Action: string | string[]; Effect: "Allow" | "Deny"; Resource: string | string[]; [key: string]: unknown }[];
  }

  /** The event IoT Core gives a custom authorizer (the parts used here). */
  export interface AuthorizerEvent {
    token?: string;
    signatureVerified?: boolean;
    protocols?: string[];
    protocolData?: {
      mqtt?: { username?: string; password?: string; clientId?: string };
      http?: { headers?: Record<string, string>; queryString?: string };
      tls?: { serverName?: string };
    };
    connectionMetadata?: { id?: string };
  }

  /** The Lambda context fields used here. */
  export interface AuthorizerContext {
    /** `arn:<partition>:lambda:<region>:<account>:function:<name>`: where the topic ARNs point. */
    invokedFunctionArn: string;
  }

  /** The response IoT Core expects. */
  export interface AuthorizerResponse {
    isAuthenticated: true;
    principalId: string;
    disconnectAfterInSeconds: number;
    refreshAfterInSeconds: number;
    policyDocuments: PolicyDocument[];
  }

  /**
   * Creates the authorization handler of a `Realtime` component. `input` receives the client's token (the
   * MQTT password the client connected with) and returns the topics the client may subscribe and publish
   * to; throwing refuses the connection.
   * @example
   * export const handler = realtime.authorizer(async (token) => {
   *   // Validate the token
   *   return { subscribe: ["*"], publish: ["*"] };
   * });
   */
  export function authorizer(input: (token: string) => Promise<AuthResult>) {
    return async (event: AuthorizerEvent, context: AuthorizerContext): Promise<AuthorizerResponse> => {
      const result = await input(tokenOf(event));
      return response(result ?? {}, context.invokedFunctionArn);
    };
  }
}

const PRINCIPAL_ID = /^[a-zA-Z0-9]{1,128}$/;
const MAX_POLICY_DOCUMENTS = 10;
const MAX_POLICY_CHARS = 2048;

/** The token: the MQTT password (base64 in the event), or the token IoT extracted for a token-key authorizer. */
function tokenOf(event: realtime.AuthorizerEvent): string {
  const password = event.protocolData?.mqtt?.password;
  if (password) return Buffer.from(password, "base64").toString("utf8");
  return event.token ?? "";
}

function seconds(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 300 || n > 86400) {
    throw new RangeError(`realtime.authorizer: ${field} must be a whole number of seconds from 300 to 86400, got ${n}.`);
  }
  return n;
}

function response(result: realtime.AuthResult, functionArn: string): realtime.AuthorizerResponse {
  const [, partition, , region, account] = functionArn.split(":");
  if (!partition || !region || !account) {
    throw new TypeError(`realtime.authorizer: context.invokedFunctionArn "${functionArn}" is not a Lambda function ARN.`);
  }
  const principalId = result.principalId ?? randomUUID().replace(/-/g, "");
  if (!PRINCIPAL_ID.test(principalId)) {
    throw new TypeError(`realtime.authorizer: principalId must be 1 to 128 letters and digits, got "${principalId}".`);
  }
  const arn = (kind: "topic" | "topicfilter", topic: string) => `arn:${partition}:iot:${region}:${account}:${kind}/${topic}`;
  const statements: realtime.PolicyDocument["Statement"] = [{ Action: "iot:Connect", Effect: "Allow", Resource: "*" }];
  if (result.subscribe?.length) {
    statements.push({ Action: "iot:Subscribe", Effect: "Allow", Resource: result.subscribe.map((t) => arn("topicfilter", t)) });
    statements.push({ Action: "iot:Receive", Effect: "Allow", Resource: result.subscribe.map((t) => arn("topic", t)) });
  }
  if (result.publish?.length) {
    statements.push({ Action: "iot:Publish", Effect: "Allow", Resource: result.publish.map((t) => arn("topic", t)) });
  }
  const policyDocuments = [{ Version: "2012-10-17", Statement: statements }, ...(result.policyDocuments ?? [])];
  const long = policyDocuments.findIndex((d) => JSON.stringify(d).length > MAX_POLICY_CHARS);
  if (long !== -1) {
    throw new RangeError(
      `realtime.authorizer: policy document ${long + 1} is longer than ${MAX_POLICY_CHARS} characters; use wildcards (chat/*) for long topic lists.`,
    );
  }
  if (policyDocuments.length > MAX_POLICY_DOCUMENTS) {
    throw new RangeError(
      `realtime.authorizer: at most ${MAX_POLICY_DOCUMENTS - 1} policyDocuments may be returned (the topics' policy is the first of ${MAX_POLICY_DOCUMENTS}).`,
    );
  }
  return {
    isAuthenticated: true,
    principalId,
    disconnectAfterInSeconds: seconds(result.disconnectAfterInSeconds, 86400, "disconnectAfterInSeconds"),
    refreshAfterInSeconds: seconds(result.refreshAfterInSeconds, 300, "refreshAfterInSeconds"),
    policyDocuments,
  };
}
