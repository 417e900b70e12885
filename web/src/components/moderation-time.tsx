/** A moment shown relative to now ("5 minutes ago", "in 2 days"), with the exact local time on hover and for machines. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 45 ? (seconds < 0 ? 'just now' : 'in a moment') : format.format(Math.round(seconds), 'second');
}

export function When({ iso, exact = false }: { iso: string; exact?: boolean }) {
  const local = new Date(iso).toLocaleString();
  return (
    <time dateTime={iso} title={exact ? relativeTime(iso) : local}>
      {exact ? local : relativeTime(iso)}
    </time>
  );
}
