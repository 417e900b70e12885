import { validateAlbumFields, type AlbumFields, type AlbumFieldsInput } from '../../domain/gallery/album.js';
import { ValidationError, type FieldError } from '../../domain/shared/errors.js';

/** The album's text-field verdict plus the reference checks' errors, reported together (contract §3: all fields). */
export function validateAlbumInput(input: AlbumFieldsInput, opts: { requireTitle: boolean }, referenceErrors: readonly FieldError[]): AlbumFields {
  let fields: AlbumFields | undefined;
  let errors: readonly FieldError[] = [];
  try {
    fields = validateAlbumFields(input, opts);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    errors = err.fields ?? [];
  }
  if (errors.length > 0 || referenceErrors.length > 0 || !fields) throw new ValidationError('album.invalid_fields', [...errors, ...referenceErrors]);
  return fields;
}
