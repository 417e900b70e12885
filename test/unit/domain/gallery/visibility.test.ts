import { describe, expect, it } from 'vitest';
import type { ImageStatus, Visibility } from '../../../../src/domain/gallery/image.js';
import { canRead, isAnonymouslyReadable, isOwner } from '../../../../src/domain/gallery/visibility.js';

const owner = { userId: 'owner', role: 'user' as const };
const stranger = { userId: 'other', role: 'user' as const };
const moderator = { userId: 'mod', role: 'moderator' as const };
const facts = (status: ImageStatus, visibility: Visibility, ownerStatus: 'active' | 'banned' = 'active') => ({
  image: { ownerId: 'owner', status, visibility },
  ownerStatus,
});

describe('canRead (contract §7.2)', () => {
  it.each([
    // status, visibility, anonymous, stranger, owner, staff
    ['active', 'public', true, true, true, true],
    ['active', 'unlisted', true, true, true, true],
    ['active', 'private', false, false, true, true],
    ['processing', 'public', false, false, true, true],
    ['failed', 'public', false, false, true, true],
    ['flagged', 'public', false, false, true, true],
    ['deleted', 'public', false, false, false, false],
  ] as const)('%s + %s', (status, visibility, anon, other, own, staff) => {
    const f = facts(status, visibility);
    expect([canRead(null, f), canRead(stranger, f), canRead(owner, f), canRead(moderator, f)]).toEqual([anon, other, own, staff]);
  });

  it('hides every image of a banned owner from all but staff', () => {
    const f = facts('active', 'public', 'banned');
    expect([canRead(null, f), canRead(stranger, f), canRead(owner, f), canRead(moderator, f)]).toEqual([false, false, false, true]);
    expect(isAnonymouslyReadable(f)).toBe(false);
  });

  it('knows the owner', () => {
    expect(isOwner(owner, { ownerId: 'owner' })).toBe(true);
    expect(isOwner(moderator, { ownerId: 'owner' })).toBe(false);
    expect(isOwner(null, { ownerId: 'owner' })).toBe(false);
  });
});
