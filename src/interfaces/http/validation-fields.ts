/** Turns Ajv errors into the contract's `{field, message}` entries (`body.email`, `query.per_page`). */
import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema.js';
import type { FieldError } from '../../domain/shared/errors.js';

const LOCATIONS: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

export function validationFields(
  errors: readonly FastifySchemaValidationError[],
  context: SchemaErrorDataVar | undefined,
): FieldError[] {
  const location = LOCATIONS[context ?? 'body'] ?? 'body';
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const error of errors) {
    const base = error.instancePath
      .split('/')
      .filter(Boolean)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params;
    let path = base;
    let message: string;
    switch (error.keyword) {
      case 'additionalProperties':
        path = [...base, String(params.additionalProperty)];
        message = 'unknown field';
        break;
      case 'required':
        path = [...base, String(params.missingProperty)];
        message = 'is required';
        break;
      default:
        message = describe(error.keyword, params, error.message);
    }
    const field = [location, ...path].join('.');
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ field, message });
  }
  return fields;
}

function describe(keyword: string, params: Record<string, unknown>, fallback: string | undefined): string {
  switch (keyword) {
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters`;
    case 'minLength':
      return `must be at least ${String(params.limit)} characters`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'type':
      return `must be ${String(params.type)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      if (params.format === 'uuid') return 'must be a UUID';
      if (params.format === 'user-ref') return 'must be a UUID or "me"';
      return `must be a valid ${String(params.format)}`;
    default:
      return fallback ?? 'is not valid';
  }
}
