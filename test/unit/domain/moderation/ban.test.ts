import { describe, expect, it } from 'vitest';
import { assertMayBan, banExpiry, banStatus, parseBanInput } from '../../../../src/domain/moderation/ban.js';
import { ForbiddenError, ValidationError } from '../../../../src/domain/shared/errors.js';

const NOW = new Date('2026-01-10T12:00:00.000Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe('banStatus', () => {
  it.each([
    { case: 'permanent, not revoked', expiresAt: null, revokedAt: null, status: 'active' },
    { case: 'ends later', expiresAt: at(1), revokedAt: null, status: 'active' },
    { case: 'ends exactly now', expiresAt: NOW, revokedAt: null, status: 'expired' },
    { case: 'ended', expiresAt: at(-1), revokedAt: null, status: 'expired' },
    { case: 'revoked before it ended', expiresAt: at(1), revokedAt: at(-1), status: 'revoked' },
    { case: 'revoked after it ended (revocation wins)', expiresAt: at(-2), revokedAt: at(-1), status: 'revoked' },
    { case: 'permanent, revoked', expiresAt: null, revokedAt: at(-1), status: 'revoked' },
  ] as const)('$case → $status', ({ expiresAt, revokedAt, status }) => {
    expect(banStatus({ expiresAt, revokedAt }, NOW)).toBe(status);
  });
});

describe('banExpiry', () => {
  it('adds the hours, or is null for a permanent ban', () => {
    expect(banExpiry(NOW, 24)).toEqual(at(24));
    expect(banExpiry(NOW, null)).toBeNull();
  });
});

describe('assertMayBan', () => {
  const actor = (role: 'user' | 'moderator' | 'admin', userId = 'actor') => ({ userId, role });
  const target = (role: 'user' | 'moderator' | 'admin', id = 'target') => ({ id, role });

  it.each([
    { by: 'moderator', of: 'user', allowed: true },
    { by: 'admin', of: 'user', allowed: true },
    { by: 'admin', of: 'moderator', allowed: true },
    { by: 'admin', of: 'admin', allowed: true },
    { by: 'moderator', of: 'moderator', allowed: false },
    { by: 'moderator', of: 'admin', allowed: false },
    { by: 'user', of: 'user', allowed: false },
  ] as const)('$by banning a $of: allowed=$allowed', ({ by, of, allowed }) => {
    const run = () => assertMayBan(actor(by), target(of));
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(ForbiddenError);
  });

  it('nobody may ban themselves, admins included', () => {
    expect(() => assertMayBan(actor('admin', 'same'), target('admin', 'same'))).toThrow(expect.objectContaining({ code: 'ban.self' }) as Error);
    expect(() => assertMayBan(actor('moderator', 'same'), target('moderator', 'same'))).toThrow(expect.objectContaining({ code: 'ban.self' }) as Error);
  });
});

describe('parseBanInput', () => {
  const fields = (raw: Record<string, unknown>) => {
    try {
      parseBanInput(raw);
      return [];
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).fields?.map((f) => f.field) ?? [];
    }
  };

  it('normalises the reason and reads the duration', () => {
    expect(parseBanInput({ reason: '  Cafe\u0301 spam ' })).toEqual({ reason: 'Café spam', durationHours: null });
    expect(parseBanInput({ reason: 'x', duration_hours: 87_600 })).toEqual({ reason: 'x', durationHours: 87_600 });
  });

  it('reports every failing field', () => {
    expect(fields({})).toEqual(['reason']);
    expect(fields({ reason: '   ', duration_hours: 0 })).toEqual(['reason', 'duration_hours']);
    expect(fields({ reason: 'a'.repeat(501) })).toEqual(['reason']);
    expect(fields({ reason: '😀'.repeat(500) })).toEqual([]);
    expect(fields({ reason: 'two\nlines' })).toEqual(['reason']);
    expect(fields({ reason: 'ok', duration_hours: 1.5 })).toEqual(['duration_hours']);
    expect(fields({ reason: 'ok', duration_hours: 87_601 })).toEqual(['duration_hours']);
    expect(fields({ reason: 7 })).toEqual(['reason']);
  });
});
