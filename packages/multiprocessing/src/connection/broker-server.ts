// The one Unix-socket server of a process that owns queues or pipes: other processes send
// framed requests naming a broker; replies go back on the same socket. Never holds Node open.
import { createServer, type Server, type Socket } from 'node:net';
import { serializeError } from '@concur/core';
import { dispatchRequest, type BrokerReply, type BrokerRequest } from '../queue/broker-requests.js';
import type { GetterOwner, QueueBroker } from '../queue/queue-broker.js';
import { encodeFrame, FrameDecoder } from './framing.js';
import { createSocketPath } from './socket-directory.js';

const brokers = new Map<number, QueueBroker>();
let nextBrokerId = 0;
let server: Server | undefined;
let socketPath: string | undefined;

/** Makes a broker reachable from other processes; returns its id. */
export function registerBroker(broker: QueueBroker): number {
  nextBrokerId += 1;
  brokers.set(nextBrokerId, broker);
  return nextBrokerId;
}

/** The broker with `id` in this process. */
export function getBroker(id: number): QueueBroker | undefined {
  return brokers.get(id);
}

/** The socket path of this process's broker server, started (listening) on first use. */
export function getBrokerSocketPath(): string {
  if (socketPath !== undefined) return socketPath;
  socketPath = createSocketPath('broker');
  server = createServer(serveSocket);
  server.on('error', (error) =>
    process.stderr.write(`concur: queue broker server failed: ${error.message}\n`),
  );
  server.listen(socketPath);
  server.unref();
  return socketPath;
}

function serveSocket(socket: Socket): void {
  // Connections from children never keep this process alive: the work they belong to does.
  socket.unref();
  const decoder = new FrameDecoder();
  const attached: QueueBroker[] = [];
  const blockedGets: GetterOwner = new Set();
  socket.on('error', () => {}); // the peer died; 'close' follows
  socket.on('close', () => {
    // Withdraw the gets of a reader that went away, so no item is handed to a dead process.
    for (const cancel of [...blockedGets]) cancel();
    for (const broker of attached.splice(0)) broker.detachWriter();
  });
  socket.on('data', (chunk: Buffer) => {
    for (const request of decoder.push(chunk) as BrokerRequest[]) {
      const broker = brokers.get(request.target);
      if (request.op === 'attachWriter' && broker !== undefined) attached.push(broker);
      respond(socket, request, broker, blockedGets);
    }
  });
}

function respond(
  socket: Socket,
  request: BrokerRequest,
  broker: QueueBroker | undefined,
  blockedGets: GetterOwner,
): void {
  // Items taken by a `get` whose reader died before the reply could be written (its socket
  // closed: the write fails with EPIPE) go back to the front of the queue, so none is lost.
  const giveBack = (message: BrokerReply) => {
    if (request.op === 'get' && message.ok && Array.isArray(message.value)) {
      broker?.returnItems(message.value);
    }
  };
  const reply = (message: BrokerReply) => {
    if (request.id === undefined) return;
    if (socket.destroyed) return giveBack(message);
    socket.write(encodeFrame(message), (error) => {
      if (error) giveBack(message);
    });
  };
  const fail = (error: unknown) =>
    reply({ id: request.id!, ok: false, error: serializeError(error) });
  if (broker === undefined)
    return fail(new Error(`no queue or pipe #${request.target} in process ${process.pid}.`));
  let value: unknown;
  try {
    value = dispatchRequest(broker, request, blockedGets);
  } catch (error) {
    return fail(error);
  }
  if (value instanceof Promise) {
    value.then((resolved) => reply({ id: request.id!, ok: true, value: resolved }), fail);
  } else reply({ id: request.id!, ok: true, value });
}
