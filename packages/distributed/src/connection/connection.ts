// Turns the user's `connection` option (a redis:// URL or ioredis options) into the options
// BullMQ's queues, workers and event listeners connect with, keeping TLS settings as given.
import { describeValue, throwInvalid, validateString } from '@concur/core';
import type { RedisOptions } from 'bullmq';
import { redactUrl } from './redact.js';

/** ioredis connection options, as BullMQ accepts them (host, port, password, tls, ...). */
export type RedisConnectionOptions = RedisOptions;

/** Where Redis is: a `redis://` / `rediss://` URL, or ioredis options. */
export type Connection = string | RedisConnectionOptions;

/** A validated connection: the options to connect with and a loggable description. */
export interface ResolvedConnection {
  readonly options: RedisConnectionOptions;
  /** Host, port and database with any password replaced by `***`. */
  readonly description: string;
}

const DEFAULT_REDIS_PORT = 6379;

/**
 * Validates and normalizes a connection. A URL may carry a username, a password and a
 * database number (`redis://user:pass@host:6379/2`); `rediss://` turns TLS on. Extra
 * `tls` options (CA, client certificate, `servername`) pass through to Node's `tls.connect`.
 *
 * @param name - the option's name, for messages.
 * @param tls - TLS options to merge in (for URLs; objects carry their own `tls`).
 * @throws TypeError for a value that is neither a redis URL nor an object.
 * @example
 * resolveConnection('connection', 'rediss://:pw@cache.internal:6380', { ca });
 */
export function resolveConnection(
  name: string,
  connection: unknown,
  tls?: RedisConnectionOptions['tls'],
): ResolvedConnection {
  if (typeof connection === 'string') {
    validateString(name, connection, 'option', { nonEmpty: true });
    return fromUrl(name, connection, tls);
  }
  if (typeof connection !== 'object' || connection === null || Array.isArray(connection)) {
    throwInvalid(name, 'a redis:// URL or ioredis connection options', connection);
  }
  const options = { ...(connection as RedisConnectionOptions) };
  if (tls !== undefined) options.tls = tls;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_REDIS_PORT;
  const scheme = options.tls === undefined ? 'redis' : 'rediss';
  const auth = options.password === undefined ? '' : ':***@';
  return { options, description: `${scheme}://${auth}${host}:${port}/${options.db ?? 0}` };
}

function fromUrl(
  name: string,
  url: string,
  tls: RedisConnectionOptions['tls'],
): ResolvedConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the string itself: it may be a URL with a password and a typo.
    throw new TypeError(
      `Expected the \`${name}\` option to be a redis:// or rediss:// URL, got a string that is not a URL.`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TypeError(
      `Expected the \`${name}\` option to be a redis:// or rediss:// URL, got ${describeValue(redactUrl(url))}.`,
    );
  }
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) {
    throwInvalid(`${name}`, 'a URL whose path is a database number such as /0', redactUrl(url));
  }
  const options: RedisConnectionOptions = {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port === '' ? DEFAULT_REDIS_PORT : Number(parsed.port),
    db,
  };
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  if (parsed.protocol === 'rediss:' || tls !== undefined) options.tls = tls ?? {};
  const description = redactUrl(url);
  // TLS given as an option to a redis:// URL: say so, as rediss:// would.
  return {
    options,
    description:
      options.tls !== undefined ? description.replace(/^redis:/, 'rediss:') : description,
  };
}
