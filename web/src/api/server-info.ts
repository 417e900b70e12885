/** The server's upload limits (GET /server-info, contract §15), fetched once per page load. */
import { api } from './client.js';

export interface Limits {
  readonly max_upload_bytes: number;
  readonly max_image_side: number;
  readonly max_image_pixels: number;
  readonly max_tags_per_image: number;
  readonly accepted_mime_types: readonly string[];
}

let limits: Promise<Limits> | null = null;

export function serverLimits(): Promise<Limits> {
  limits ??= api<{ limits: Limits }>('/server-info').then(
    (info) => info.limits,
    (err: unknown) => {
      limits = null;
      throw err;
    },
  );
  return limits;
}

/** "10 MiB", "512 KiB": binary units, as the limit is configured in bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
