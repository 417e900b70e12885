/**
 * Upload: drop files or a whole folder, or pick them; each file gets a row with its real upload progress, its
 * error in words, and its thumbnail once processing finishes. The queue lives at module level, so browsing
 * elsewhere in the app while a folder uploads keeps it going, and coming back shows where it is.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import { formatBytes, serverLimits, type Limits } from '../api/server-info.js';
import { tooLargeText, uploadErrorText } from '../api/upload-errors.js';
import { uploadImage, type UploadFields } from '../api/upload.js';
import type { Album, CursorPage, Image, Visibility } from '../api/types.js';
import { droppedFiles, folderImages } from '../dropped-files.js';
import { summarize, UploadQueue, type QueueItem } from '../upload-queue.js';
import { useSession } from '../use-session.js';
import { LogInPrompt } from '../components/log-in-prompt.js';
import './upload.css';

type BatchOptions = Omit<UploadFields, 'title'>;

let limits: Limits | null = null;

const queue = new UploadQueue<BatchOptions>({
  // The title defaults to the file name without its extension; it doubles as the alt text.
  send: (file, options, onProgress, signal) => uploadImage(file, { ...options, title: file.name.replace(/\.[^.]+$/, '') }, onProgress, signal),
  fetchImage: (id) =>
    api<Image>(`/images/${encodeURIComponent(id)}`).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }),
  describe: (status, problem) => uploadErrorText(status, problem, limits ?? undefined),
});

// Leaving the page (reload, close, another site) would abort the uploads still running: ask first.
window.addEventListener('beforeunload', (event) => {
  if (queue.items().some((item) => item.state === 'queued' || item.state === 'uploading' || item.state === 'waiting')) event.preventDefault();
});

function useQueue(): readonly QueueItem[] {
  const [items, setItems] = useState(queue.items());
  useEffect(() => queue.subscribe(setItems), []);
  return items;
}

export function UploadPage() {
  const session = useSession();
  const items = useQueue();
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [tags, setTags] = useState('');
  const [albumId, setAlbumId] = useState('');
  const [albums, setAlbums] = useState<readonly Album[]>([]);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    document.title = 'Upload · Tessera';
    void serverLimits()
      .then((loaded) => (limits = loaded))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!session) return;
    api<CursorPage<Album>>('/albums?owner_id=me&sort=updated_at&per_page=100&cursor=')
      .then((page) => setAlbums(page.items))
      .catch(() => setAlbums([]));
  }, [session?.user.id]);

  if (!session) return <LogInPrompt title="Upload" to="to upload images" />;

  function start(files: readonly File[]) {
    if (files.length === 0) return;
    const tooLarge = (file: File) => (limits !== null && file.size > limits.max_upload_bytes ? `${tooLargeText(limits)} It was not sent.` : null);
    queue.add(files, { visibility, tags, albumId }, tooLarge);
  }

  const summary = summarize(items);
  return (
    <section class="upload">
      <h1>Upload</h1>
      <div
        class={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer) void droppedFiles(e.dataTransfer).then(start);
        }}
      >
        <p>Drop images or a folder here, or choose them:</p>
        <div class="pickers">
          <label class="picker">
            Choose files
            <input
              id="upload-files"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/gif,image/webp,image/avif"
              onChange={(e) => {
                start(Array.from(e.currentTarget.files ?? []));
                e.currentTarget.value = '';
              }}
            />
          </label>
          <label class="picker">
            Choose a folder
            <input
              id="upload-folder"
              type="file"
              // Not in the DOM typings: Chromium, Firefox and Safari all support it for picking a folder.
              {...{ webkitdirectory: true }}
              onChange={(e) => {
                start(folderImages(e.currentTarget.files));
                e.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        {limits !== null && <p class="hint">JPEG, PNG, GIF, WebP or AVIF, up to {limitText(limits)} each.</p>}
      </div>
      <fieldset class="upload-options">
        <legend>For the files you add next</legend>
        <label for="upload-visibility">Visibility</label>
        <select id="upload-visibility" value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
          <option value="public">Public — in explore and search</option>
          <option value="unlisted">Unlisted — anyone with the link</option>
          <option value="private">Private — only you</option>
        </select>
        <label for="upload-album">Album</label>
        <select id="upload-album" value={albumId} onChange={(e) => setAlbumId(e.currentTarget.value)}>
          <option value="">No album</option>
          {albums.map((album) => (
            <option key={album.id} value={album.id}>
              {album.title}
            </option>
          ))}
        </select>
        <label for="upload-tags">Tags (comma-separated)</label>
        <input id="upload-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="sunset, beach" />
      </fieldset>
      {items.length > 0 && (
        <div class="upload-summary">
          <p role="status">
            {summary.finished} of {summary.total} done{summary.failed > 0 && ` · ${summary.failed} failed`}
          </p>
          <progress max={1} value={summary.fraction} aria-label="All uploads" />
          <button type="button" onClick={() => queue.clearFinished()}>
            Clear finished
          </button>
        </div>
      )}
      <ul class="upload-list">
        {items.map((item) => (
          <UploadRow key={item.key} item={item} />
        ))}
      </ul>
    </section>
  );
}

function limitText(l: Limits): string {
  return `${formatBytes(l.max_upload_bytes)} and ${l.max_image_side} pixels a side`;
}

const STATE_WORDS: Record<QueueItem['state'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  waiting: 'Waiting',
  processing: 'Processing…',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function UploadRow({ item }: { item: QueueItem }) {
  const thumbnail = item.image?.variants.thumbnail;
  const percent = Math.round(item.progress * 100);
  return (
    <li class={`upload-item ${item.state}`}>
      <span class="upload-thumb" aria-hidden="true">
        {thumbnail && <img src={thumbnail.url} alt="" width={thumbnail.width} height={thumbnail.height} />}
      </span>
      <span class="file-name">{item.name}</span>
      <progress max={1} value={item.progress} aria-label={`Upload of ${item.name}`} />
      <span class="upload-state">
        {STATE_WORDS[item.state]}
        {item.state === 'uploading' && ` ${percent}%`}
      </span>
      {item.message !== undefined && item.state !== 'processing' && (
        <span class={item.state === 'failed' ? 'error' : 'upload-note'} role={item.state === 'failed' ? 'alert' : undefined}>
          {item.message}
        </span>
      )}
      {item.image && item.state !== 'failed' && <a href={`/images/${item.image.id}`}>View</a>}
      {(item.state === 'queued' || item.state === 'uploading' || item.state === 'waiting') && (
        <button type="button" class="link-button" onClick={() => queue.cancel(item.key)} aria-label={`Cancel ${item.name}`}>
          Cancel
        </button>
      )}
    </li>
  );
}
