/**
 * `@sst/live`: live development (`sst dev`). This first part is the transport of the live protocol
 * (spec/live-protocol.md): AppSync Events (`AppSyncTransport`), a local server speaking the same wire protocol
 * (`startEventsServer`), and the packet framing both ends use.
 */
export { AppSyncTransport, EventsApiError, MAX_EVENTS_PER_PUBLISH, type AppSyncTransportOptions } from "./transport/appsync.js";
export { startEventsServer, MAX_EVENT_BYTES, type EventsServer, type EventsServerOptions } from "./transport/events-server.js";
export { signedHeaders, headerSubprotocol, type EventsEndpoint, type Credentials } from "./transport/sign.js";
export { verifySignature } from "./transport/verify.js";
export type { LiveTransport, Subscription, EventListener } from "./transport/types.js";
export { toPackets, parsePacket, PacketError, PROTOCOL_VERSION, CHUNK_BYTES, type Packet, type PacketKind, type PacketHeader } from "./protocol/packet.js";
export { Assembler, type Assembled } from "./protocol/assembler.js";
export { LiveRelay, type RelayOptions } from "./relay/relay.js";
export type { InitPayload, NextPayload, LambdaError, InvokeResult, Invocation, WorkerHost, RelayEvent } from "./relay/types.js";
export { WorkerPool, type WorkerPoolOptions, type LocalArtifact } from "./workers/pool.js";
export { workerCommand, NODE_RUNTIME, PYTHON_RUNTIME } from "./workers/command.js";
export { bridgeBinary, bridgeSourceHash, prebuiltBridge, BRIDGE_SOURCE, type BridgeArchitecture } from "./bridge/binary.js";
export { ensureLiveApi, liveApiFromEnv, LIVE_API_NAME, LIVE_NAMESPACE, type LiveApi } from "./bootstrap.js";
export { live, default, type LiveBootstrap, type LiveState } from "./plugin.js";
export { startDevSession, type DevSession, type DevSessionOptions } from "./dev/session.js";
export { formatRelayEvent, formatLog } from "./dev/format.js";
export { DevCommand, devCommandSpecs, type DevCommandArgs, type DevCommandSpec } from "./components/dev-command.js";
export { Children, prefixed, type ChildOutput } from "./dev/children.js";
export { Multiplexer, type PaneState, type MultiplexerIO } from "./dev/multiplexer.js";
export { roleCredentials, type CredentialEnv } from "./dev/role-credentials.js";
