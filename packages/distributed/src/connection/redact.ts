// Hides passwords in Redis connection URLs before they reach a log line or an error message.

/**
 * Returns the URL with its password (and a username-only credential) replaced by `***`, so
 * it can be logged. Strings that are not URLs come back as `<unparseable Redis URL>`, since
 * they might hold a secret in a shape this function does not know.
 *
 * @example
 * redactUrl('redis://:s3cret@db:6379/0'); // 'redis://:***@db:6379/0'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<unparseable Redis URL>';
  }
  if (parsed.password !== '') parsed.password = '***';
  else if (parsed.username !== '') parsed.username = '***';
  return parsed.href;
}

/**
 * Replaces every Redis URL with credentials inside free text (such as an ioredis error
 * message) by its redacted form.
 */
export function redactText(text: string): string {
  return text.replace(/rediss?:\/\/[^\s'"`]+/g, (match) => redactUrl(match));
}
