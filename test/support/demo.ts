// What `npm start` composes with no LEAF_API_URL (src/main.ts), for tests that meet the gateway
// as a newcomer does: requests without a token act as the emulator's demo token, GraphiQL opens
// on the examples, and the gateway registers its own receiver with the emulator, so the
// emulator's writes and provider activity reach leafEvents subscribers.
import { DEMO_TOKEN, DEMO_USER_IDS } from '../../src/emulator/index.js';
import { graphiqlTabs } from '../../src/server/example.js';
import type { StackOptions } from './stack.js';
import { WEBHOOK_SECRET } from './webhooks.js';

/** The Leaf user of the start-up example (the demo token's first). */
export const DEMO_USER = DEMO_USER_IDS.prairieFarms;

/** The stack options of demo mode; `env` over its own. Await `stack.gateway.registration` before expecting events. */
export function demoMode(env: Record<string, string> = {}): StackOptions {
  return {
    env: { GRAPHIQL: 'true', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, ...env },
    config: (config) => ({ ...config, upstream: { ...config.upstream, defaultToken: DEMO_TOKEN } }),
    gateway: { graphiqlTabs: graphiqlTabs(DEMO_USER, DEMO_TOKEN), registerOwnReceiver: true },
  };
}
