/**
 * One upload (POST /images, contract §7.3) over XMLHttpRequest, the one browser API that reports upload
 * progress. A 401 gets one transparent refresh and retry, like every other call.
 */
import { apiUrl, renewed } from './client.js';
import { getSession } from './session.js';
import type { Image, Problem, Visibility } from './types.js';
import type { SendResult } from '../upload-queue.js';

export interface UploadFields {
  readonly title: string;
  readonly visibility: Visibility;
  /** Comma-separated, as typed; the server splits and normalises (§7.3). */
  readonly tags: string;
  readonly albumId: string;
}

export async function uploadImage(file: File, fields: UploadFields, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<SendResult> {
  const sentWith = getSession()?.accessToken;
  let result = await send(file, fields, onProgress, signal);
  if (!result.ok && result.status === 401 && getSession() !== null && (await renewed(sentWith))) result = await send(file, fields, onProgress, signal);
  return result;
}

function send(file: File, fields: UploadFields, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<SendResult> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ ok: false, status: 0, problem: null });
    const form = new FormData();
    form.append('title', fields.title);
    form.append('visibility', fields.visibility);
    if (fields.tags.trim() !== '') form.append('tags', fields.tags);
    if (fields.albumId !== '') form.append('album_id', fields.albumId);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/images'));
    const session = getSession();
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, image: body as Image });
      const retryAfter = Number(xhr.getResponseHeader('retry-after'));
      resolve({ ok: false, status: xhr.status, problem: body as Problem | null, ...(retryAfter > 0 ? { retryAfterS: retryAfter } : {}) });
    });
    // A network failure or a connection the server closed early (it may stop reading an over-large file).
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, problem: null }));
    xhr.addEventListener('abort', () => resolve({ ok: false, status: 0, problem: null }));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
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
