/** The `$connect` authorizer: allows a connection whose `token` query parameter matches (a demo secret). */
interface AuthorizerEvent {
  methodArn: string;
  queryStringParameters?: Record<string, string>;
}

export async function handler(event: AuthorizerEvent) {
  const allowed = event.queryStringParameters?.token === "letmein";
  return {
    principalId: "demo-user",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: allowed ? "Allow" : "Deny", Resource: event.methodArn }],
    },
  };
}
