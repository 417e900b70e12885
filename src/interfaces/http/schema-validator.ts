/**
 * Two Ajv instances: query strings, path params and headers are text and may be coerced ("20" → 20, "true" →
 * true); JSON bodies are never coerced, so `{"per_page": "20"}` is a type error. Both report every error and
 * never strip unknown keys (an unknown key is a validation error, contract §1).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats' `uuid` also accepts a `urn:uuid:` prefix; the contract's ids are the bare 36-character form
// (hex in either case), and anything else must be 400 before it reaches a `uuid` column.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function makeAjv(coerce: boolean) {
  const ajv = new Ajv.default({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats.default(ajv);
  ajv.addFormat('uuid', UUID);
  return ajv;
}

export function schemaValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const forBody = makeAjv(false);
  const forText = makeAjv(true);
  // Fastify returns the function as is: `false` plus `validate.errors` becomes a validation error.
  return ({ schema, httpPart }): ValidateFunction => (httpPart === 'body' ? forBody : forText).compile(schema as object);
}
