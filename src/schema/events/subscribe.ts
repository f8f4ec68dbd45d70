// Opening a leafEvents stream: the subscriber's token must read the Leaf user before anything
// is delivered, and again every SUBSCRIPTION_RECHECK_MS; a refusal (or a token that can no
// longer be checked) ends the stream with the error. Events come from src/events/hub.ts.
import { GraphQLError } from 'graphql';
import type { Context } from '../../context.js';
import type { ErrorCode } from '../../errors/codes.js';
import type { LeafEventName } from '../../events/catalogue.js';
import type { LiveItem } from '../../events/hub.js';
import { LeafError, leafError } from '../../leaf/errors.js';
import { machines } from '../../leaf/resources/machines.js';

/** One cheap read under the user: Leaf answers it 401 or 403 when the token may not read that user. */
async function checkAccess(context: Context, leafUserId: string): Promise<void> {
  await context.leaf.list(machines, { leafUserId }, { page: 0, size: 1 });
}

/** Only a refusal ends the stream; Leaf being briefly unreachable does not (the next check decides). */
function isRefusal(error: unknown): error is LeafError {
  return error instanceof LeafError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN');
}

export async function leafEventsOf(
  context: Context,
  args: { leafUserId: string; types: readonly LeafEventName[] | null },
): Promise<AsyncIterable<LiveItem>> {
  const { live, token } = context;
  const { tokenHash } = context.identity;
  if (!live) throw new GraphQLError('This gateway serves no live events.', { extensions: { code: 'BAD_REQUEST' satisfies ErrorCode } });
  if (!token || tokenHash === null) throw leafError('UNAUTHENTICATED', 'No credentials: send an Authorization: Bearer <token> header (or, over WebSocket, in connection_init).');
  await checkAccess(context, args.leafUserId);
  const recheckMs = context.recheckMs ?? 300_000;
  return live.subscribe({ leafUserId: args.leafUserId, tokenHash, types: args.types }, (refuse) => {
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      // A context of its own: a check is a fresh read (no loader or coalesced read from before).
      const fresh = context.renew?.() ?? context;
      checkAccess(fresh, args.leafUserId)
        .catch((error: unknown) => {
          if (isRefusal(error)) refuse(error);
        })
        .finally(() => (checking = false));
    }, recheckMs);
    timer.unref();
    return () => clearInterval(timer);
  });
}
