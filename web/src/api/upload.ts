/**
 * One upload (POST /images, contract §7.3) over XMLHttpRequest, the one browser API that reports upload
 * progress. A 401 gets one transparent refresh and retry, like every other call.
 */
import { API, refresh } from './client.js';
import { getSession } from './session.js';
import type { Image, Problem } from './types.js';

export interface UploadFields {
  readonly title: string;
  readonly visibility: 'public' | 'unlisted' | 'private';
  readonly tags: string;
}

export type UploadResult = { ok: true; image: Image } | { ok: false; status: number; problem: Problem | null };

export async function uploadImage(file: File, fields: UploadFields, onProgress: (fraction: number) => void): Promise<UploadResult> {
  let result = await send(file, fields, onProgress);
  if (!result.ok && result.status === 401 && getSession() !== null && (await refresh())) result = await send(file, fields, onProgress);
  return result;
}

function send(file: File, fields: UploadFields, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const form = new FormData();
    form.append('title', fields.title);
    form.append('visibility', fields.visibility);
    if (fields.tags.trim() !== '') form.append('tags', fields.tags);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API}/images`);
    const session = getSession();
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, image: body as Image });
      else resolve({ ok: false, status: xhr.status, problem: body as Problem | null });
    });
    // A network failure or a connection the server closed early (it may stop reading an over-large file).
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, problem: null }));
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The reason in words, by problem type (contract §3) — the cases a person can act on get their own sentence. */
export function uploadErrorText(status: number, problem: Problem | null): string {
  const slug = problem?.type?.split('/').pop() ?? '';
  if (slug === 'unsupported-media-type' || status === 415) return 'Not an image we accept: use JPEG, PNG, GIF, WebP or AVIF.';
  if (slug === 'payload-too-large' || status === 413) return 'The file is too large (the limit is 10 MiB).';
  if (slug === 'dimensions-exceeded') return 'The image is too big: at most 8192 pixels a side and 100 megapixels.';
  if (slug === 'malware-detected') return 'The virus scanner flagged this file; it was not kept.';
  if (slug === 'unprocessable') return 'The file looks like an image but cannot be read.';
  if (slug === 'rate-limited') return 'Too many uploads for now; try again later.';
  if (status === 0) return 'The upload was interrupted (network error or the server closed the connection).';
  return problem?.detail ?? problem?.title ?? `Upload failed (${status}).`;
}
