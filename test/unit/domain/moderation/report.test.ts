/** Contract §12.1 report fields and the §12.2 state machine and resolve rules, as pure functions. */
import { describe, expect, it } from 'vitest';
import { nextStatus, REPORT_STATUSES, reportInput, resolveInput, type ReportStatus, type ResolutionAction } from '../../../../src/domain/moderation/report.js';
import { ConflictError, ValidationError } from '../../../../src/domain/shared/errors.js';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return (err.fields ?? []).map((f) => f.field);
    throw err;
  }
  throw new Error('expected a ValidationError');
};

describe('nextStatus', () => {
  const table: [ReportStatus, 'review' | ResolutionAction, ReportStatus | 409][] = [
    ['pending', 'review', 'reviewing'],
    ['pending', 'dismiss', 'dismissed'],
    ['pending', 'warn', 'resolved'],
    ['pending', 'remove', 'resolved'],
    ['pending', 'ban', 'resolved'],
    ['reviewing', 'review', 'reviewing'],
    ['reviewing', 'dismiss', 'dismissed'],
    ['reviewing', 'warn', 'resolved'],
    ['reviewing', 'remove', 'resolved'],
    ['reviewing', 'ban', 'resolved'],
    ...(['resolved', 'dismissed'] as const).flatMap((from) => (['review', 'dismiss', 'warn', 'remove', 'ban'] as const).map((r): [ReportStatus, typeof r, 409] => [from, r, 409])),
  ];
  it.each(table)('%s + %s → %s', (from, request, expected) => {
    if (expected === 409) expect(() => nextStatus(from, request)).toThrow(ConflictError);
    else expect(nextStatus(from, request)).toBe(expected);
  });
  it('covers every status', () => expect(new Set(table.map(([from]) => from))).toEqual(new Set(REPORT_STATUSES)));
});

describe('reportInput', () => {
  it('accepts each reason with an optional, normalised, multi-line description', () => {
    expect(reportInput({ reason: 'spam' })).toEqual({ reason: 'spam', description: '' });
    expect(reportInput({ reason: 'copyright', description: '  mine\r\n\tsee  ' })).toEqual({ reason: 'copyright', description: 'mine\n\tsee' });
    expect(reportInput({ reason: 'other', description: 'why' })).toEqual({ reason: 'other', description: 'why' });
  });
  it('names reason and description, together with problems the caller found', () => {
    expect(fieldsOf(() => reportInput({ reason: 'rude' }))).toEqual(['reason']);
    expect(fieldsOf(() => reportInput({ reason: undefined }))).toEqual(['reason']);
    expect(fieldsOf(() => reportInput({ reason: 'other' }))).toEqual(['description']);
    expect(fieldsOf(() => reportInput({ reason: 'other', description: '   ' }))).toEqual(['description']);
    expect(fieldsOf(() => reportInput({ reason: 'spam', description: 'x'.repeat(1001) }))).toEqual(['description']);
    expect(fieldsOf(() => reportInput({ reason: 'spam', description: 'a\u0007' }))).toEqual(['description']);
    expect(fieldsOf(() => reportInput({ reason: 'bad', description: 5 }, [{ field: 'image_id', message: 'm' }]))).toEqual(['image_id', 'reason', 'description']);
  });
  it('counts code points: 1000 emoji fit', () => {
    expect(reportInput({ reason: 'spam', description: '😀'.repeat(1000) }).description).toHaveLength(2000);
  });
});

describe('resolveInput', () => {
  it('reads each action; notes default to empty; a ban is permanent without a duration', () => {
    expect(resolveInput({ action: 'dismiss' })).toEqual({ action: 'dismiss', notes: '', banReason: null, banDurationHours: null });
    expect(resolveInput({ action: 'warn', notes: 'line\nline' })).toMatchObject({ action: 'warn', notes: 'line\nline' });
    expect(resolveInput({ action: 'ban', ban_reason: ' spam ' })).toEqual({ action: 'ban', notes: '', banReason: 'spam', banDurationHours: null });
    expect(resolveInput({ action: 'ban', ban_reason: 'x', ban_duration_hours: 87_600 }).banDurationHours).toBe(87_600);
  });
  it.each([
    [{ action: 'delete' }, ['action']],
    [{ action: 'warn', notes: 'n'.repeat(2001) }, ['notes']],
    [{ action: 'ban' }, ['ban_reason']],
    [{ action: 'ban', ban_reason: '' }, ['ban_reason']],
    [{ action: 'ban', ban_reason: 'r'.repeat(501) }, ['ban_reason']],
    [{ action: 'ban', ban_reason: 'r', ban_duration_hours: 0 }, ['ban_duration_hours']],
    [{ action: 'ban', ban_reason: 'r', ban_duration_hours: 87_601 }, ['ban_duration_hours']],
    [{ action: 'ban', ban_reason: 'r', ban_duration_hours: 1.5 }, ['ban_duration_hours']],
    [{ action: 'remove', ban_reason: 'r', ban_duration_hours: 5 }, ['ban_reason', 'ban_duration_hours']],
    [{ action: 'dismiss', ban_duration_hours: 5 }, ['ban_duration_hours']],
  ])('%j → 400 on %j', (body, fields) => {
    expect(fieldsOf(() => resolveInput(body))).toEqual(fields);
  });
});
