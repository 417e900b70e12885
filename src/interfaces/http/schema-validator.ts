/**
 * Three Ajv instances: query strings and path params are text and may be coerced ("20" → 20, "true" → true);
 * JSON bodies are never coerced, so `{"per_page": "20"}` is a type error. All report every error. Bodies keep
 * unknown keys so that strict schemas reject them (contract §1); unknown **query** parameters are ignored even
 * under a strict query schema, so they are dropped there instead of failing.
 */
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats' `uuid` also accepts a `urn:uuid:` prefix; the contract's ids are the bare 36-character form
// (hex in either case), and anything else must be 400 before it reaches a `uuid` column.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function makeAjv(options: Pick<Options, 'coerceTypes' | 'removeAdditional'>) {
  const ajv = new Ajv.default({ allErrors: true, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  ajv.addFormat('uuid', UUID);
  // A user in a path: a UUID, or `me` for the caller (contract §1).
  ajv.addFormat('user-ref', (value: string) => value === 'me' || UUID.test(value));
  return ajv;
}

export function schemaValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const forBody = makeAjv({ coerceTypes: false, removeAdditional: false });
  // `true` drops only keys that a schema's `additionalProperties: false` would refuse.
  const forQuery = makeAjv({ coerceTypes: 'array', removeAdditional: true });
  // Params and headers: headers are validated in place, so nothing may be removed from them.
  const forText = makeAjv({ coerceTypes: 'array', removeAdditional: false });
  // Fastify returns the function as is: `false` plus `validate.errors` becomes a validation error.
  return ({ schema, httpPart }): ValidateFunction => {
    const ajv = httpPart === 'body' ? forBody : httpPart === 'querystring' ? forQuery : forText;
    return ajv.compile(schema as object);
  };
}
