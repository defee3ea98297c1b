import diagnosticsChannel from 'node:diagnostics_channel';
import { Agent, ClientRequest } from 'node:http';

/** Called with each new `node:http` / `node:https` request while its headers can still be set. */
export type ClientRequestListener = (request: ClientRequest) => void;

type AddRequest = (this: Agent, request: ClientRequest, ...rest: unknown[]) => unknown;
type AgentPrototype = { addRequest: AddRequest };

const CREATED_CHANNEL = 'http.client.request.created';

/**
 * True when this Node publishes `http.client.request.created` from the `ClientRequest`
 * constructor (Node 22.14+ / 23.2+). Read from the constructor's own source rather than a version
 * table, so a backport is picked up and no fake request is ever published to find out.
 */
export const NODE_PUBLISHES_REQUEST_CREATED: boolean = Function.prototype.toString
  .call(ClientRequest)
  .includes('RequestCreatedChannel');

const listeners = new Set<ClientRequestListener>();
let original: AddRequest | undefined;

// Node 20 publishes no channel before a request's headers are written. What it does do, in the
// ClientRequest constructor and before any header is flushed, is hand the request to its agent:
// `agent.addRequest(req, options)`. Every http.Agent and https.Agent (and `agent: false`, which
// makes a fresh Agent) runs Agent.prototype.addRequest, so one wrapper there sees every request
// made through an agent, the user's own included. It calls the listeners, then the original.
const wrapper: AddRequest = function addRequest(this: Agent, request, ...rest) {
  for (const listener of listeners) listener(request);
  return original!.call(this, request, ...rest);
};

/**
 * Call `listener` for every `node:http` / `node:https` request as it is created, before its
 * headers are sent: through the `http.client.request.created` channel where Node publishes it,
 * else by wrapping `http.Agent.prototype.addRequest` (restored when the last listener leaves).
 * Returns the function that removes the listener. Requests made without an agent (a
 * `createConnection` option and no agent) or through an Agent-like object that does not inherit
 * `http.Agent`'s `addRequest` are not seen on Node versions without the channel.
 */
export function onClientRequestCreated(listener: ClientRequestListener): () => void {
  if (NODE_PUBLISHES_REQUEST_CREATED) {
    const handler = (message: unknown): void =>
      listener((message as { request: ClientRequest }).request);
    diagnosticsChannel.subscribe(CREATED_CHANNEL, handler);
    return () => void diagnosticsChannel.unsubscribe(CREATED_CHANNEL, handler);
  }
  listeners.add(listener);
  const proto = Agent.prototype as unknown as AgentPrototype;
  if (original === undefined) {
    original = proto.addRequest;
    proto.addRequest = wrapper;
  }
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    // Someone wrapped it after us: leave our (now pass-through) wrapper in their chain.
    if (proto.addRequest === wrapper) {
      proto.addRequest = original!;
      original = undefined;
    }
  };
}
