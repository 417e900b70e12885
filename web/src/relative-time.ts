/**
 * "5 minutes ago", "in 3 days", "yesterday": a timestamp relative to now, in the reader's language, by
 * Intl.RelativeTimeFormat. Pure (the caller passes `now`), so it can be tested without a clock.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

// Each unit is used until the next one would read at least 1: 59 minutes, then 1 hour.
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number, number])[] = [
  ['second', SECOND, MINUTE],
  ['minute', MINUTE, HOUR],
  ['hour', HOUR, DAY],
  ['day', DAY, WEEK],
  ['week', WEEK, MONTH],
  ['month', MONTH, YEAR],
  ['year', YEAR, Infinity],
];

/**
 * `then` relative to `now`. Under 10 seconds either way reads as "now" (clocks of server and browser differ a
 * little, and "in 2 seconds" for something that just happened reads as a bug).
 */
export function relativeTime(then: Date | string, now: Date, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = new Date(then).getTime() - now.getTime();
  if (Number.isNaN(diff)) return '';
  if (Math.abs(diff) < 10 * SECOND) return format.format(0, 'second');
  for (const [unit, size, limit] of UNITS) {
    if (Math.abs(diff) < limit) return format.format(roundTowardZero(diff / size), unit);
  }
  return '';
}

// Truncation, not rounding: 59.9 minutes ago has not yet been "1 hour ago" (and -0 would print "now").
function roundTowardZero(value: number): number {
  const whole = Math.trunc(value);
  return whole === 0 ? 0 : whole;
}
