/** Relative timestamps for the session list: units, boundaries, direction and the "now" window. */
import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../web/src/relative-time.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('relativeTime', () => {
  it.each([
    [0, 'now'],
    [9 * S, 'now'],
    [10 * S, '10 seconds ago'],
    [59 * S, '59 seconds ago'],
    [60 * S, '1 minute ago'],
    [5 * M, '5 minutes ago'],
    [59 * M + 59 * S, '59 minutes ago'],
    [H, '1 hour ago'],
    [23 * H, '23 hours ago'],
    [D, 'yesterday'],
    [3 * D, '3 days ago'],
    [7 * D, 'last week'],
    [20 * D, '2 weeks ago'],
    [45 * D, 'last month'],
    [200 * D, '6 months ago'],
    [400 * D, 'last year'],
    [3 * 365 * D, '3 years ago'],
  ])('%i ms ago → %s', (ms, expected) => {
    expect(relativeTime(ago(ms), NOW, 'en')).toBe(expected);
  });

  it('speaks of the future too', () => {
    expect(relativeTime(ago(-5 * M), NOW, 'en')).toBe('in 5 minutes');
    expect(relativeTime(ago(-2 * D), NOW, 'en')).toBe('in 2 days');
    expect(relativeTime(ago(-3 * S), NOW, 'en')).toBe('now');
  });

  it('accepts the API timestamp strings', () => {
    expect(relativeTime('2026-03-01T11:55:00.000Z', NOW, 'en')).toBe('5 minutes ago');
  });

  it('follows the locale', () => {
    expect(relativeTime(ago(5 * M), NOW, 'de')).toBe('vor 5 Minuten');
  });

  it('is empty for a timestamp it cannot read', () => {
    expect(relativeTime('not a date', NOW, 'en')).toBe('');
  });
});
