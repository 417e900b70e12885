import type { Exif } from './exif.js';

/** Longest text value kept, in code points (contract §7.5). */
export const EXIF_TEXT_MAX = 128;

type Gps = NonNullable<Exif['gps']>;

/**
 * The contract's EXIF facts from raw, untranslated tags (exifr with `translateValues`/`reviveValues` off and
 * merged output). Camera-written values are untrusted: anything malformed becomes `null`, never an error.
 */
export function toExif(raw: Record<string, unknown>): Exif | null {
  const exif: Exif = {
    cameraMake: exifText(raw.Make),
    cameraModel: exifText(raw.Model),
    lensModel: exifText(raw.LensModel),
    takenAt: takenAt(raw.DateTimeOriginal, raw.OffsetTimeOriginal),
    exposureTime: exposureTime(raw.ExposureTime),
    fNumber: positive(raw.FNumber, 2),
    focalLengthMm: positive(raw.FocalLength, 2),
    iso: iso(raw.ISO),
    gps: gps(raw),
  };
  return Object.values(exif).some((v) => v !== null) ? exif : null;
}

/** Control characters removed (cameras pad with NULs), trimmed, capped; empty → `null`. */
export function exifText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Lone surrogates cannot be stored as UTF-8, so they go with the control characters.
  const kept = Array.from(value).filter((ch) => !/^[\p{Cc}\p{Cs}]$/u.test(ch));
  const text = kept.join('').trim();
  return text === '' ? null : Array.from(text).slice(0, EXIF_TEXT_MAX).join('').trimEnd();
}

/** `YYYY-MM-DDTHH:MM:SS` as the camera wrote it, plus its offset when recorded; never shifted to UTC. */
export function takenAt(dateTime: unknown, offset: unknown): string | null {
  if (typeof dateTime !== 'string') return null;
  const m = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(dateTime);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  // "0000:00:00 00:00:00" is how cameras say "clock not set".
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const zone = typeof offset === 'string' ? /^\s*([+-])(\d{2}):(\d{2})\s*$/.exec(offset.replace(/\0/g, '')) : null;
  if (!zone || Number(zone[2]) > 14 || Number(zone[3]) > 59) return local;
  return `${local}${zone[1]}${zone[2]}:${zone[3]}`;
}

/** `"1/250"` for fractions of a second that are whole reciprocals, else the decimal value (`"2"`, `"0.4"`). */
export function exposureTime(value: unknown): string | null {
  const t = toNumber(value);
  if (t === null || t <= 0) return null;
  if (t < 1) {
    const reciprocal = 1 / t;
    if (Math.abs(reciprocal - Math.round(reciprocal)) <= reciprocal * 0.01) return `1/${Math.round(reciprocal)}`;
  }
  return String(round(t, t < 1 ? 3 : 1));
}

function iso(value: unknown): number | null {
  // Some writers store ISOSpeedRatings as a list; the first entry is the one used.
  const n = toNumber(Array.isArray(value) ? (value as unknown[])[0] : value);
  return n === null || n <= 0 || n > 10_000_000 ? null : Math.round(n);
}

function gps(raw: Record<string, unknown>): Gps | null {
  const latitude = degrees(raw.GPSLatitude, raw.GPSLatitudeRef, 'S');
  const longitude = degrees(raw.GPSLongitude, raw.GPSLongitudeRef, 'W');
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  const altitude = toNumber(raw.GPSAltitude);
  const below = toNumber(firstOf(raw.GPSAltitudeRef)) === 1;
  const altitudeM = altitude === null ? null : round(below ? -Math.abs(altitude) : altitude, 2);
  return { latitude, longitude, altitudeM: altitudeM === 0 ? 0 : altitudeM };
}

/** Degrees/minutes/seconds (or plain degrees) to signed decimal degrees; the ref decides the sign. */
function degrees(value: unknown, ref: unknown, negativeRef: 'S' | 'W'): number | null {
  const parts = Array.isArray(value) ? (value as unknown[]).map(toNumber) : [toNumber(value)];
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => p === null || p < 0)) return null;
  const [d = 0, m = 0, s = 0] = parts as number[];
  const sign = typeof ref === 'string' && ref.trim().toUpperCase().startsWith(negativeRef) ? -1 : 1;
  const value7 = round(d + m / 60 + s / 3600, 7);
  return value7 === 0 ? 0 : sign * value7;
}

function positive(value: unknown, decimals: number): number | null {
  const n = toNumber(value);
  return n === null || n <= 0 ? null : round(n, decimals);
}

function toNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** BYTE tags arrive as a one-element typed array. */
function firstOf(value: unknown): unknown {
  if (value instanceof Uint8Array || Array.isArray(value)) return (value as ArrayLike<unknown>)[0];
  return value;
}

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
