import { Type } from '@sinclair/typebox';

/** Contract §4 parameters, shared by every paginated list. */
export const paginationQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 2048 })),
};
