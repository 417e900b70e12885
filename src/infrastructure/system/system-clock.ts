import type { Clock } from '../../domain/shared/clock.js';

export function systemClock(): Clock {
  return { now: () => new Date() };
}
