import type { Ports } from '../ports.js';
import { SYSTEM_CONTEXT } from '../../domain/shared/request-context.js';
import { liftEndedBan } from './lift-ended-ban.js';

// Users lifted per transaction batch; a sweep keeps going until a batch comes back short.
const BATCH = 100;

/**
 * The ban-expiry sweep (contract §12.3, every minute): users whose timed bans have all ended become `active`
 * again with `user.unbanned` (cause `expired`). Each user is lifted in its own transaction. Returns how many.
 */
export async function expireBans(deps: Pick<Ports, 'uow' | 'bans' | 'clock' | 'ids'>): Promise<number> {
  let lifted = 0;
  for (;;) {
    const lapsed = await deps.bans.listLapsed(deps.clock.now(), BATCH);
    for (const ban of lapsed) {
      const check = await deps.uow.run((tx) => liftEndedBan(tx, deps, ban.userId, SYSTEM_CONTEXT));
      if (check.outcome === 'not_banned') lifted += 1;
    }
    if (lapsed.length < BATCH) return lifted;
  }
}
