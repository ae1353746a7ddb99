// Names of the Redis keys and channels concur adds next to BullMQ's own for a queue.

/** BullMQ's default key prefix, which concur keeps. */
export const KEY_PREFIX = 'bull';

/** The pub/sub channel on which clients ask workers to abort running jobs (message: job id). */
export function getAbortChannel(queue: string): string {
  return `${KEY_PREFIX}:${queue}:concur:abort`;
}
