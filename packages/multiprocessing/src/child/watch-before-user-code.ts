// Child side: starts the orphan watchdog once the child has answered `init`, while the
// parent's first task is on its way (or before an initializer runs), not at boot: its
// thread costs about 25 ms of CPU to start, and at boot that competed with loading the
// child. Until user code runs the main thread never blocks, so 'disconnect' alone ends an
// orphaned child (see exit-on-disconnect.ts); from the first user code on the watchdog runs.
import type { Transport } from '@concur/core';
import { startOrphanWatchdog } from './orphan-watchdog.js';

/** Whether a request may run user code: all but an `init` without initializer, `stop`, `abort`. */
function runsUserCode(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { type, initializer } = message as { type?: unknown; initializer?: unknown };
  if (type === 'init') return initializer !== undefined;
  return type !== 'stop' && type !== 'abort';
}

/**
 * Wraps the child's transport so the watchdog starts exactly once: right after `serve` has
 * handled the `init` request (its `ready` is sent by then), or before the first request
 * that runs user code reaches `serve`, whichever comes first. A task that never yields
 * always has its watchdog.
 * @param startWatchdog - what starts the watchdog. @default startOrphanWatchdog
 * @example
 * serve(watchBeforeUserCode(createProcessTransport()));
 */
export function watchBeforeUserCode<Out, In>(
  transport: Transport<Out, In>,
  startWatchdog: () => void = startOrphanWatchdog,
): Transport<Out, In> {
  let watching = false;
  const start = () => {
    if (watching) return;
    watching = true;
    startWatchdog();
  };
  return {
    send: (message, transfer) => transport.send(message, transfer),
    onMessage(handler) {
      transport.onMessage((message) => {
        if (watching) return handler(message);
        if (runsUserCode(message)) start();
        handler(message);
        if (isInit(message)) start();
      });
    },
    setReferenced: (referenced) => transport.setReferenced?.(referenced),
    close: () => transport.close(),
  };
}

function isInit(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'init'
  );
}
