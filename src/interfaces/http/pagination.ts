import { ValidationError } from '../../domain/shared/errors.js';

/** `page` together with `cursor` is a contradiction the schema cannot express (contract §4). */
export function refusePageWithCursor(query: { page?: number; cursor?: string }): void {
  if (query.page !== undefined && query.cursor !== undefined) {
    throw new ValidationError('page.mode_conflict', [{ field: 'page', message: 'cannot be combined with cursor' }]);
  }
}
