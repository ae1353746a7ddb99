// Test helper: where tools/redis/start.sh and stop.sh are, and the ports tests use.
import { fileURLToPath } from 'node:url';

/** The workspace's Redis scripts. */
export const REDIS_TOOLS = {
  start: fileURLToPath(new URL('../../../../tools/redis/start.sh', import.meta.url)),
  stop: fileURLToPath(new URL('../../../../tools/redis/stop.sh', import.meta.url)),
};

/** The private Redis most tests share (when REDIS_URL is not given). */
export const TEST_REDIS_PORT = 6390;
/** A second private Redis that the restart test stops and starts again. */
export const RESTART_REDIS_PORT = 6391;
/** A third private Redis that a CLI test stops under a running worker. */
export const OUTAGE_REDIS_PORT = 6393;
