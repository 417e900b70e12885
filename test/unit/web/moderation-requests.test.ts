/** The moderation pages' pure request logic: list URLs, resolve and ban bodies with their rules, pasted user ids. */
import { describe, expect, it } from 'vitest';
import {
  auditQueryFrom,
  auditUrl,
  banHours,
  banRequest,
  bansUrl,
  dayEnd,
  dayStart,
  detailPairs,
  EMPTY_BAN,
  parseUserId,
  queueAddress,
  queueQueryFrom,
  reportsUrl,
  resolveRequest,
  type ResolveFormState,
} from '../../../web/src/moderation-requests.js';

const ID = '0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';

function params(url: string): URLSearchParams {
  return new URLSearchParams(url.slice(url.indexOf('?') + 1));
}

describe('report queue URLs', () => {
  it('repeats status for the open queue (pending + reviewing), oldest first, in cursor mode', () => {
    const url = reportsUrl({ filter: 'open', reason: '' }, '');
    expect(url.startsWith('/moderation/reports?')).toBe(true);
    const p = params(url);
    expect(p.getAll('status')).toEqual(['pending', 'reviewing']);
    expect(p.get('order')).toBe('asc');
    expect(p.has('cursor')).toBe(true);
    expect(p.get('cursor')).toBe('');
    expect(p.has('reason')).toBe(false);
  });

  it('asks for every status with all, one with resolved, and adds the reason and an encoded cursor', () => {
    expect(params(reportsUrl({ filter: 'all', reason: '' }, '')).getAll('status')).toEqual(['pending', 'reviewing', 'resolved', 'dismissed']);
    const url = reportsUrl({ filter: 'resolved', reason: 'spam' }, 'a+b/c=');
    expect(params(url).getAll('status')).toEqual(['resolved']);
    expect(params(url).get('reason')).toBe('spam');
    expect(params(url).get('cursor')).toBe('a+b/c=');
    expect(url).toContain('cursor=a%2Bb%2Fc%3D');
  });

  it('reads filters from the page address, falling back to the defaults, and writes them back', () => {
    expect(queueQueryFrom(new URLSearchParams('status=dismissed&reason=other'))).toEqual({ filter: 'dismissed', reason: 'other' });
    expect(queueQueryFrom(new URLSearchParams('status=bogus&reason=<b>'))).toEqual({ filter: 'open', reason: '' });
    expect(queueAddress({ filter: 'open', reason: '' })).toBe('/moderation');
    expect(queueAddress({ filter: 'all', reason: 'spam' })).toBe('/moderation?status=all&reason=spam');
  });
});

describe('bans and audit URLs', () => {
  it('repeats every ban status for all, and narrows to one user when asked', () => {
    expect(params(bansUrl('all', '')).getAll('status')).toEqual(['active', 'expired', 'revoked']);
    const one = params(bansUrl('revoked', 'xyz', ID));
    expect(one.getAll('status')).toEqual(['revoked']);
    expect(one.get('user_id')).toBe(ID);
    expect(one.get('cursor')).toBe('xyz');
  });

  it('turns date inputs into the first and last instants of those local days', () => {
    expect(dayStart('2026-03-05')).toBe(new Date(2026, 2, 5, 0, 0, 0, 0).toISOString());
    expect(dayEnd('2026-03-05')).toBe(new Date(2026, 2, 5, 23, 59, 59, 999).toISOString());
    const p = params(auditUrl({ action: 'user.banned', since: '2026-03-05', until: '2026-03-06' }, '')!);
    expect(p.getAll('action')).toEqual(['user.banned']);
    expect(p.get('since')).toBe(dayStart('2026-03-05'));
    expect(p.get('until')).toBe(dayEnd('2026-03-06'));
    expect(p.get('since')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('leaves out empty audit filters and refuses a backwards range', () => {
    const p = params(auditUrl({ action: '', since: '', until: '' }, '')!);
    expect([...p.keys()].sort()).toEqual(['cursor', 'per_page']);
    expect(auditUrl({ action: '', since: '2026-03-06', until: '2026-03-05' }, '')).toBeNull();
    expect(auditQueryFrom(new URLSearchParams('action=nope&since=yesterday&until=2026-01-02'))).toEqual({ action: '', since: '', until: '2026-01-02' });
  });

  it('renders details as key: value text', () => {
    expect(detailPairs({ ban_id: ID, expires_at: null, sessions_revoked: 3, notes: '', nested: { a: 1 } })).toEqual([
      ['ban_id', ID],
      ['expires_at', '—'],
      ['sessions_revoked', '3'],
      ['notes', '(empty)'],
      ['nested', '{"a":1}'],
    ]);
  });
});

describe('resolve request body', () => {
  const base: ResolveFormState = { action: 'remove', notes: '', ban: EMPTY_BAN };

  it('sends only the action (and trimmed notes) for non-ban actions, never the ban fields', () => {
    expect(resolveRequest(base)).toEqual({ ok: true, body: { action: 'remove' } });
    const stale = resolveRequest({ action: 'warn', notes: '  first\nsecond  ', ban: { reason: 'left over', amount: '5', unit: 'days' } });
    expect(stale).toEqual({ ok: true, body: { action: 'warn', notes: 'first\nsecond' } });
  });

  it('requires an action to be chosen', () => {
    const built = resolveRequest({ ...base, action: '' });
    expect(built.ok ? [] : built.problems.map((p) => p.field)).toEqual(['action']);
  });

  it('requires a ban reason for ban', () => {
    const built = resolveRequest({ ...base, action: 'ban', ban: { reason: '   ', amount: '', unit: 'permanent' } });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.field)).toEqual(['reason']);
  });

  it('sends a permanent ban without a duration, and converts days to hours', () => {
    expect(resolveRequest({ ...base, action: 'ban', ban: { reason: ' spam ring ', amount: '9', unit: 'permanent' } })).toEqual({
      ok: true,
      body: { action: 'ban', ban_reason: 'spam ring' },
    });
    expect(resolveRequest({ ...base, action: 'ban', ban: { reason: 'r', amount: '24', unit: 'hours' } })).toEqual({
      ok: true,
      body: { action: 'ban', ban_reason: 'r', ban_duration_hours: 24 },
    });
    expect(resolveRequest({ ...base, action: 'ban', ban: { reason: 'r', amount: '3', unit: 'days' } })).toEqual({
      ok: true,
      body: { action: 'ban', ban_reason: 'r', ban_duration_hours: 72 },
    });
  });

  it('keeps the duration within 1–87,600 hours, whole numbers only', () => {
    expect(banHours('1', 'hours')).toBe(1);
    expect(banHours('87600', 'hours')).toBe(87_600);
    expect(banHours('3650', 'days')).toBe(87_600);
    for (const [amount, unit] of [['0', 'hours'], ['87601', 'hours'], ['3651', 'days'], ['1.5', 'hours'], ['-2', 'days'], ['', 'hours'], ['ten', 'days']] as const) {
      const result = banHours(amount, unit);
      expect(result, `${amount} ${unit}`).toMatchObject({ field: 'duration' });
    }
    const built = resolveRequest({ ...base, action: 'ban', ban: { reason: '', amount: '0', unit: 'hours' } });
    expect(built.ok ? [] : built.problems.map((p) => p.field)).toEqual(['reason', 'duration']);
  });

  it('limits notes to 2000 and the ban reason to 500 code points', () => {
    expect(resolveRequest({ ...base, notes: '😀'.repeat(2000) }).ok).toBe(true);
    expect(resolveRequest({ ...base, notes: 'x'.repeat(2001) }).ok).toBe(false);
    expect(resolveRequest({ ...base, action: 'ban', ban: { reason: 'é'.repeat(500), amount: '', unit: 'permanent' } }).ok).toBe(true);
    expect(resolveRequest({ ...base, action: 'ban', ban: { reason: 'x'.repeat(501), amount: '', unit: 'permanent' } }).ok).toBe(false);
  });
});

describe('ban a user', () => {
  it('reads the user id from a bare id or a pasted profile link', () => {
    expect(parseUserId(ID)).toBe(ID);
    expect(parseUserId(`  ${ID.toUpperCase()} `)).toBe(ID);
    expect(parseUserId(`https://tessera.example/users/${ID}`)).toBe(ID);
    expect(parseUserId(`/users/${ID}/images?page=2`)).toBe(ID);
    expect(parseUserId(`http://localhost:3000/users/${ID}#top`)).toBe(ID);
  });

  it('refuses anything else', () => {
    for (const input of ['', 'ada', `/images/${ID}`, `/users/${ID}x`, `/users/ada`, `https://x/users/${ID.slice(0, -1)}`, '/users/%E0%A4%A']) {
      expect(parseUserId(input), input).toBeNull();
    }
  });

  it('builds the ban body, or says which fields are wrong', () => {
    expect(banRequest(`/users/${ID}`, { reason: 'abuse', amount: '2', unit: 'days' })).toEqual({
      ok: true,
      body: { userId: ID, body: { reason: 'abuse', duration_hours: 48 } },
    });
    expect(banRequest(ID, { reason: 'abuse', amount: '', unit: 'permanent' })).toEqual({ ok: true, body: { userId: ID, body: { reason: 'abuse' } } });
    const bad = banRequest('ada', { reason: '', amount: '', unit: 'hours' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['user', 'reason', 'duration']);
  });
});
