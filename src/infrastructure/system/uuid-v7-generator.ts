import { v7 as uuidv7 } from 'uuid';
import type { IdGenerator } from '../../domain/shared/id-generator.js';

/** UUID v7: time-ordered, so ids double as a stable creation-order tiebreaker and index well. */
export function uuidV7Generator(): IdGenerator {
  return { next: () => uuidv7() };
}
