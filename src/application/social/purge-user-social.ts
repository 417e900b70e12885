import type { Ports } from '../ports.js';

const BATCH = 500;

/**
 * Removes a deleted account's likes and comments (contract §6), lowering the counters of the images they
 * were on. Batches commit one by one, so a rerun of the job continues with what is left.
 */
export async function purgeUserSocial(deps: Pick<Ports, 'uow'>, userId: string): Promise<{ likes: number; comments: number }> {
  const likes = await drain(() => deps.uow.run((tx) => tx.likes.removeAllBy(userId, BATCH)));
  const comments = await drain(() => deps.uow.run((tx) => tx.comments.removeAllBy(userId, BATCH)));
  return { likes, comments };
}

async function drain(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n === 0) return total;
  }
}
