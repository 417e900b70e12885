/**
 * The owner's (or an admin's) inline edit form: title, description, tags, visibility and content rating,
 * sent as one PATCH of the fields that changed (contract §7.6). Field errors from the problem document are
 * shown under their inputs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../api/client.js';
import type { Image, Visibility } from '../api/types.js';

type Rating = Image['content_rating'];
type FieldName = 'title' | 'description' | 'tags' | 'visibility' | 'content_rating';

const FIELDS: readonly FieldName[] = ['title', 'description', 'tags', 'visibility', 'content_rating'];

/** "Sea, harbour lights," → ["Sea", "harbour lights"]: the server normalises each entry to a tag (§9.1). */
export function parseTags(input: string): string[] {
  return input
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

export interface ImageEditFormProps {
  readonly image: Image;
  readonly onSaved: (image: Image) => void;
  readonly onCancel: () => void;
}

export function ImageEditForm({ image, onSaved, onCancel }: ImageEditFormProps) {
  const [title, setTitle] = useState(image.title);
  const [description, setDescription] = useState(image.description);
  const [tags, setTags] = useState(image.tags.join(', '));
  const [visibility, setVisibility] = useState<Visibility>(image.visibility);
  const [rating, setRating] = useState<Rating>(image.content_rating);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const change: Record<string, unknown> = {};
    if (title !== image.title) change.title = title;
    if (description !== image.description) change.description = description;
    const tagList = parseTags(tags);
    if (tagList.join('\n') !== image.tags.join('\n')) change.tags = tagList;
    if (visibility !== image.visibility) change.visibility = visibility;
    if (rating !== image.content_rating) change.content_rating = rating;
    setBusy(true);
    try {
      // `{}` is a valid PATCH that returns the image unchanged (§1), so an untouched form still "saves".
      onSaved(await api<Image>(`/images/${image.id}`, { method: 'PATCH', body: change }));
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(fields);
      setError(Object.keys(fields).length > 0 ? null : describeError(err));
      setBusy(false);
    }
  }

  const describedBy = (field: FieldName, hint?: string) =>
    [hint, errors[field] ? `edit-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: FieldName) =>
    errors[field] !== undefined && (
      <p id={`edit-${field}-error`} class="error field-error">
        {errors[field]}
      </p>
    );

  return (
    <form class="image-edit-form" onSubmit={(e) => void submit(e)} aria-label="Edit image">
      <label for="edit-title">Title</label>
      <input
        ref={first}
        id="edit-title"
        maxLength={255}
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
        aria-invalid={errors.title !== undefined}
        aria-describedby={describedBy('title')}
      />
      {fieldError('title')}
      <label for="edit-description">Description</label>
      <textarea
        id="edit-description"
        rows={4}
        maxLength={2000}
        value={description}
        onInput={(e) => setDescription(e.currentTarget.value)}
        aria-invalid={errors.description !== undefined}
        aria-describedby={describedBy('description')}
      />
      {fieldError('description')}
      <label for="edit-tags">Tags</label>
      <input
        id="edit-tags"
        value={tags}
        onInput={(e) => setTags(e.currentTarget.value)}
        aria-invalid={errors.tags !== undefined}
        aria-describedby={describedBy('tags', 'edit-tags-hint')}
      />
      <p id="edit-tags-hint" class="hint">
        Separated by commas, at most 20.
      </p>
      {fieldError('tags')}
      <label for="edit-visibility">Visibility</label>
      <select
        id="edit-visibility"
        value={visibility}
        onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}
        aria-invalid={errors.visibility !== undefined}
        aria-describedby={describedBy('visibility')}
      >
        <option value="public">Public: listed in explore and search</option>
        <option value="unlisted">Unlisted: anyone with the link</option>
        <option value="private">Private: only you</option>
      </select>
      {fieldError('visibility')}
      <label for="edit-rating">Content rating</label>
      <select
        id="edit-rating"
        value={rating}
        onChange={(e) => setRating(e.currentTarget.value as Rating)}
        aria-invalid={errors.content_rating !== undefined}
        aria-describedby={describedBy('content_rating')}
      >
        <option value="safe">Safe</option>
        <option value="nsfw">NSFW</option>
      </select>
      {fieldError('content_rating')}
      {Object.keys(errors).length > 0 && (
        <p class="error" role="alert">
          Please correct the fields marked above.
        </p>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="form-buttons">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** `body.tags.3` → tags: the first message for each of the form's fields (the server's words name the tag). */
function fieldErrors(err: unknown): Partial<Record<FieldName, string>> {
  const result: Partial<Record<FieldName, string>> = {};
  if (!(err instanceof ApiError)) return result;
  for (const entry of err.problem?.errors ?? []) {
    const name = entry.field.split('.')[1];
    const field = FIELDS.find((f) => f === name);
    if (field !== undefined) result[field] ??= entry.message;
  }
  return result;
}
