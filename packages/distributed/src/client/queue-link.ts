// Main side: the connections to one queue (a BullMQ Queue to add and remove jobs, QueueEvents
// to hear about them), shared by every executor of this process on that queue, opened when
// the first one is created and closed when the last one shuts down.
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { ResolvedConnection } from '../connection/connection.js';
import { getAbortChannel, KEY_PREFIX } from '../protocol/channels.js';
import { JOB_NAME, type JobData } from '../protocol/job-data.js';
import { RESULT_RETENTION_S } from './executor-options.js';

/** What the link reports about this client's jobs (events for other clients' jobs too). */
export interface QueueLinkListener {
  onActive(jobId: string): void;
  onProgress(jobId: string, data: unknown): void;
  onCompleted(jobId: string, returnValue: unknown): void;
  onFailed(jobId: string, failedReason: string): void;
  /** The event connection came back after a break: events may have been missed. */
  onReconnected(): void;
}

/** A finished job as Redis has it, for reconciling after a reconnect. */
export type JobRecord =
  | { readonly state: 'missing' }
  | { readonly state: 'pending' }
  | { readonly state: 'completed'; readonly returnValue: unknown }
  | {
      readonly state: 'failed';
      readonly failedReason: string;
      readonly processedBy: string | undefined;
    };

interface Opened {
  /** Commands: adding, removing and looking up jobs, publishing aborts. */
  readonly client: Redis;
  readonly queue: Queue;
  /** A blocking connection reading the queue's event stream. */
  readonly events: QueueEvents;
}

/** A use of a shared link by one executor. */
export interface QueueLinkLease {
  readonly link: QueueLink;
  /** Stops this executor's events; the last release closes the connections. */
  release(): Promise<void>;
}

const links = new Map<string, { link: QueueLink; users: number }>();

/**
 * Gives the shared link for a connection and queue (opening it now, in the background),
 * delivering its events to `listener` until released.
 * @example
 * const { link, release } = acquireQueueLink(connection, 'jobs', listener);
 */
export function acquireQueueLink(
  connection: ResolvedConnection,
  queueName: string,
  listener: QueueLinkListener,
): QueueLinkLease {
  const key = JSON.stringify([connection.options, queueName]);
  let entry = links.get(key);
  if (entry === undefined) {
    entry = { link: new QueueLink(connection, queueName), users: 0 };
    links.set(key, entry);
  }
  const shared = entry;
  shared.users++;
  shared.link.listeners.add(listener);
  shared.link.warmUp();
  let released = false;
  return {
    link: shared.link,
    release: async () => {
      if (released) return;
      released = true;
      shared.link.listeners.delete(listener);
      shared.link.setBusy(listener, false);
      if (--shared.users > 0) return;
      if (links.get(key) === shared) links.delete(key);
      await shared.link.close();
    },
  };
}

/**
 * The connections to one queue. Events go to every listener; each ignores other jobs.
 */
export class QueueLink {
  /** Who hears about jobs: one listener per executor using this link. */
  readonly listeners = new Set<QueueLinkListener>();
  readonly #connection: ResolvedConnection;
  readonly #queueName: string;
  #opened: Promise<Opened> | undefined;
  #closed = false;
  /** What #connect has created so far, so close() can stop a connection still being made. */
  #created: Partial<Opened> = {};
  /** Listeners whose executors have tasks in flight; while none do, the sockets are unref'd. */
  readonly #busy = new Set<QueueLinkListener>();
  readonly #sockets: Redis[] = [];

  constructor(connection: ResolvedConnection, queueName: string) {
    this.#connection = connection;
    this.#queueName = queueName;
  }

  /**
   * Says whether an executor has work in flight. While no executor does, the connections
   * do not keep the process alive (like an idle pool); with work they do.
   */
  setBusy(listener: QueueLinkListener, busy: boolean): void {
    if (busy === this.#busy.has(listener)) return;
    if (busy) this.#busy.add(listener);
    else this.#busy.delete(listener);
    for (const socket of this.#sockets) this.#applyReference(socket);
  }

  #applyReference(redis: Redis): void {
    // `stream` is replaced on every reconnect, so this runs on each 'connect' too.
    const stream = redis.stream as { ref?: () => void; unref?: () => void } | undefined;
    if (this.#busy.size > 0) stream?.ref?.();
    else stream?.unref?.();
  }

  #track(redis: Redis): void {
    this.#sockets.push(redis);
    redis.on('connect', () => this.#applyReference(redis));
    this.#applyReference(redis);
  }

  /** Starts connecting, so the first job does not wait for it; failures surface on use. */
  warmUp(): void {
    this.#open().catch(() => undefined);
  }

  /** Adds a job under a client-chosen id. @throws the connection's error, redacted. */
  async add(jobId: string, data: JobData): Promise<void> {
    const { queue } = await this.#open();
    await queue.add(JOB_NAME, data, {
      jobId,
      attempts: 1,
      removeOnComplete: { age: RESULT_RETENTION_S },
      removeOnFail: { age: RESULT_RETENTION_S },
    });
  }

  /** Removes a job that no worker holds. @returns whether it was removed. */
  async remove(jobId: string): Promise<boolean> {
    const { queue } = await this.#open();
    return (await queue.remove(jobId)) === 1;
  }

  /** Asks the worker running `jobId` to fire its task's abort signal. */
  async abort(jobId: string): Promise<void> {
    const { client } = await this.#open();
    await client.publish(getAbortChannel(this.#queueName), jobId);
  }

  /** Looks a job up, to settle it when its events were missed. */
  async getRecord(jobId: string): Promise<JobRecord> {
    const { queue } = await this.#open();
    const job = await Job.fromId(queue, jobId);
    if (job === undefined) return { state: 'missing' };
    if (job.finishedOn === undefined) return { state: 'pending' };
    if (job.failedReason !== undefined && job.failedReason !== '' && (await job.isFailed())) {
      return { state: 'failed', failedReason: job.failedReason, processedBy: job.processedBy };
    }
    return { state: 'completed', returnValue: job.returnvalue };
  }

  /** Closes both connections (pending commands finish first). */
  async close(): Promise<void> {
    this.#closed = true;
    const { client, queue, events } = this.#created;
    if (client === undefined) return;
    if (client.status !== 'ready') {
      // Never connected (or Redis is away): stop reconnecting now instead of waiting for it.
      // BullMQ's own disconnect waits for a connection first, so it is not awaited here.
      client.disconnect();
      void events?.disconnect().catch(() => undefined);
      void queue?.disconnect().catch(() => undefined);
      return;
    }
    await Promise.allSettled([events?.close(), queue?.close()]);
    await client.quit().catch(() => client.disconnect());
  }

  #open(): Promise<Opened> {
    if (this.#closed)
      return Promise.reject(new Error(`The connection to queue \`${this.#queueName}\` is closed.`));
    if (this.#opened === undefined) {
      const opening = this.#connect();
      this.#opened = opening;
      // A failed first connection is not kept: the next use tries again.
      opening.catch(() => {
        if (this.#opened === opening) this.#opened = undefined;
      });
    }
    return this.#opened;
  }

  async #connect(): Promise<Opened> {
    const connection = this.#connection.options;
    const client = new Redis({ ...connection, maxRetriesPerRequest: null });
    client.on('error', () => undefined); // reported through the failing command instead
    const queue = new Queue(this.#queueName, { connection: client, prefix: KEY_PREFIX });
    queue.on('error', () => undefined);
    this.#created = { client, queue };
    // Read events from the stream's current end, as Redis numbers them: a client clock
    // that differs from the server's cannot make us skip events of our first jobs.
    const last = await client.xrevrange(
      `${KEY_PREFIX}:${this.#queueName}:events`,
      '+',
      '-',
      'COUNT',
      1,
    );
    if (this.#closed) throw new Error(`The connection to queue \`${this.#queueName}\` is closed.`);
    const events = new QueueEvents(this.#queueName, {
      connection: { ...connection, maxRetriesPerRequest: null },
      prefix: KEY_PREFIX,
      lastEventId: last[0]?.[0] ?? '0-0',
    });
    this.#created = { client, queue, events };
    // Outages are not errors to report here: ioredis reconnects by itself, and the jobs
    // are reconciled afterwards (see onReconnected).
    events.on('error', () => undefined);
    const each = (fn: (listener: QueueLinkListener) => void) => {
      for (const listener of [...this.listeners]) fn(listener);
    };
    events.on('active', ({ jobId }) => each((l) => l.onActive(jobId)));
    events.on('progress', ({ jobId, data }) => each((l) => l.onProgress(jobId, data)));
    events.on('completed', ({ jobId, returnvalue }) =>
      each((l) => l.onCompleted(jobId, returnvalue)),
    );
    events.on('failed', ({ jobId, failedReason }) => each((l) => l.onFailed(jobId, failedReason)));
    await events.waitUntilReady();
    const eventsClient = (await events.client) as unknown as Redis;
    this.#track(client);
    this.#track(eventsClient);
    let broken = false;
    eventsClient.on('close', () => {
      broken = true;
    });
    eventsClient.on('ready', () => {
      if (!broken) return;
      broken = false;
      each((l) => l.onReconnected());
    });
    return { client, queue, events };
  }
}
