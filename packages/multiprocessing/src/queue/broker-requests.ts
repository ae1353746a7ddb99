// The requests a queue or pipe end sends to its broker, the same whether it runs in the
// broker's process (a direct call) or in another one (a frame over a Unix socket).
import type { GetterOwner, QueueBroker } from './queue-broker.js';

/** Which broker a request is for; `id` is set when a reply is wanted. */
interface Addressed {
  readonly target: number;
  readonly id?: number;
}

/** What a request asks a broker to do. */
export type BrokerOperation =
  | {
      readonly op: 'put';
      readonly items: unknown[];
      readonly block: boolean;
      readonly timeoutMs: number;
    }
  | {
      readonly op: 'get';
      readonly max: number;
      readonly block: boolean;
      readonly timeoutMs: number;
    }
  | { readonly op: 'poll'; readonly timeoutMs: number }
  | { readonly op: 'taskDone'; readonly count: number }
  | { readonly op: 'qsize' | 'full' | 'join' | 'closeWriter' | 'attachWriter' };

/** An operation for one broker, without the reply id. */
export type AddressedOperation = BrokerOperation & { readonly target: number };

/** A request to a queue broker. */
export type BrokerRequest = Addressed & BrokerOperation;

/** The reply to a request that carried an `id`. */
export type BrokerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: unknown };

/**
 * Carries out one request on `broker`.
 * @param owner - where a blocked get registers its cancel function (one set per reader).
 */
export function dispatchRequest(
  broker: QueueBroker,
  request: BrokerRequest,
  owner?: GetterOwner,
): unknown {
  switch (request.op) {
    case 'put':
      return broker.put(request.items, request.block, request.timeoutMs);
    case 'get':
      return broker.get(request.max, request.block, request.timeoutMs, owner);
    case 'poll':
      return broker.poll(request.timeoutMs);
    case 'taskDone':
      return broker.taskDone(request.count);
    case 'qsize':
      return broker.qsize();
    case 'full':
      return broker.full();
    case 'join':
      return broker.join();
    case 'closeWriter':
      return broker.closeWriter();
    case 'attachWriter':
      return broker.attachWriter();
  }
}
