/** Schemas shared by every resource: the problem document and small building blocks. */
import { Type } from '@sinclair/typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ examples: ['/problems/validation-error'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    request_id: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    banned_until: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    ban_reason: Type.Optional(Type.String()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem document (application/problem+json)' },
);

/** The OpenAPI description of an error status; the body is always a Problem. */
export function problemResponse(description: string) {
  return Type.Ref(ProblemSchema, { description });
}
