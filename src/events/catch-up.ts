// At start, with LEAF_WEBHOOK_URL, LEAF_WEBHOOK_SECRET and LEAF_API_TOKEN: the webhook made sure
// of (src/events/registration.ts), then every delivery to it that failed while the gateway was
// away acted on, once each (the same path as the receiver's, deduplicated by body digest).
import type { Logger } from '../server/observability/logger.js';
import type { SeenEvents } from './dedupe.js';
import type { LiveEvents, LiveEventsReport } from './hub.js';
import { acceptEvent } from './receiver.js';
import { ensureWebhook, failedDeliveries, type Registration, type RegistrationOptions } from './registration.js';

export async function registerAndCatchUp(
  options: RegistrationOptions,
  parts: { live: LiveEvents; seen: SeenEvents; logger: Logger; report?: LiveEventsReport },
): Promise<Registration | null> {
  // Never the secret, nor the token: the URL and the outcome only.
  const { logger } = parts;
  let registration: Registration;
  try {
    registration = await ensureWebhook(options);
    logger.log('info', 'leaf webhook registered', { url: options.url, webhookId: registration.id, created: registration.created, deleted: registration.deleted });
  } catch (error) {
    logger.log('error', 'could not register the leaf webhook; events will not arrive', { url: options.url, reason: error instanceof Error ? error.message : String(error) });
    return null;
  }
  try {
    const bodies = await failedDeliveries(options);
    let acted = 0;
    for (const body of bodies) {
      const { receipt, after } = await acceptEvent(Buffer.from(body, 'utf8'), parts, 'catch-up');
      if (receipt.status === 202) acted += 1;
      after?.();
    }
    if (bodies.length > 0) logger.log('info', 'leaf failed deliveries caught up', { failed: bodies.length, acted });
  } catch (error) {
    logger.log('warn', 'could not read leaf failed deliveries', { reason: error instanceof Error ? error.message : String(error) });
  }
  return registration;
}
