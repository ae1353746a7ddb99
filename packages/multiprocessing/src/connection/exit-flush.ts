// Child side: the work that must finish before a child exits (queue and pipe frames still on
// their way to a broker), registered by whoever creates it. The exit path imports only this
// file, so a child that never touches a queue or pipe never loads the socket client.

const flushes = new Set<() => Promise<void>>();

/**
 * Registers work to await before this process exits on its own (see `exitOnDisconnect`).
 * Registering the same function twice keeps one entry.
 * @example
 * registerExitFlush(flushBrokerClients);
 */
export function registerExitFlush(flush: () => Promise<void>): void {
  flushes.add(flush);
}

/**
 * Runs every registered flush; resolves when all have settled (a failed flush is not an
 * error here: the process is exiting either way).
 * @example
 * await flushBeforeExit();
 */
export async function flushBeforeExit(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
