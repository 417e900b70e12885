import type { FastifyPluginAsync } from 'fastify';
import { ServerInfoResponse } from '../schemas/health.js';

export interface ServerInfo {
  readonly version: string;
  readonly maxUploadBytes: number;
  readonly maxImageSide: number;
  readonly maxImagePixels: number;
  readonly maxTagsPerImage: number;
  readonly acceptedMimeTypes: readonly string[];
}

/** What upload clients need to check files before sending them (contract §15). */
export const serverInfoRoutes: FastifyPluginAsync<{ info: ServerInfo }> = async (app, { info }) => {
  const body = {
    name: 'tessera' as const,
    version: info.version,
    api_version: 'v1' as const,
    limits: {
      max_upload_bytes: info.maxUploadBytes,
      max_image_side: info.maxImageSide,
      max_image_pixels: info.maxImagePixels,
      max_tags_per_image: info.maxTagsPerImage,
      accepted_mime_types: [...info.acceptedMimeTypes],
    },
  };
  app.get(
    '/api/v1/server-info',
    { schema: { tags: ['server'], summary: 'Server version and upload limits', response: { 200: ServerInfoResponse } } },
    async () => body,
  );
};
