import { Type } from '@sinclair/typebox';

const Check = Type.Object({
  status: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('disabled')]),
  latency_ms: Type.Union([Type.Number(), Type.Null()]),
});

export const LiveResponse = Type.Object({ status: Type.Literal('ok') });

export const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  checks: Type.Object({ database: Check, redis: Check, storage: Check, scanner: Check, queue: Check }),
});

export const ServerInfoResponse = Type.Object({
  name: Type.Literal('tessera'),
  version: Type.String(),
  api_version: Type.Literal('v1'),
  limits: Type.Object({
    max_upload_bytes: Type.Integer(),
    max_image_side: Type.Integer(),
    max_image_pixels: Type.Integer(),
    max_tags_per_image: Type.Integer(),
    accepted_mime_types: Type.Array(Type.String()),
  }),
});
