/** Blob storage in an S3 bucket (or a compatible store: MinIO, s3rver). No SDK type leaves this folder. */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStorage } from '../../../domain/gallery/blob-storage.js';
import { assertByteRange } from '../byte-range.js';
import { TEMP_PREFIX, assertStorageKey, assertStoragePrefix } from '../storage-key.js';
import { isNotFound, toStorageError } from './s3-errors.js';
import { s3PutTemp } from './s3-put-temp.js';
import { exactRange } from './s3-range.js';

export interface S3StorageConfig {
  readonly bucket: string;
  readonly region: string;
  readonly endpoint?: string | undefined;
  /** Both or neither; neither uses the SDK's default chain (environment, profile, instance role). */
  readonly accessKeyId?: string | undefined;
  readonly secretAccessKey?: string | undefined;
  readonly forcePathStyle: boolean;
  /** Upper bound for presigned URLs (`S3_PRESIGN_TTL_S`), whatever a caller asks for. */
  readonly presignTtlS: number;
  readonly connectionTimeoutMs?: number;
  /** Longest silence on an open socket before the request fails. */
  readonly requestTimeoutMs?: number;
}

export function s3Storage(config: S3StorageConfig): BlobStorage {
  const Bucket = config.bucket;
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    // Checksums only where S3 demands them: compatible stores (s3rver) otherwise keep the aws-chunked framing.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Without a connect timeout a black-holed endpoint hangs each request for minutes instead of failing to 503.
    requestHandler: {
      connectionTimeout: config.connectionTimeoutMs ?? 3000,
      requestTimeout: config.requestTimeoutMs ?? 30_000,
    },
  });

  const call = async <T>(context: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw toStorageError(context, err);
    }
  };
  const exists = async (Key: string): Promise<boolean> =>
    client.send(new HeadObjectCommand({ Bucket, Key })).then(
      () => true,
      (err: unknown) => {
        if (isNotFound(err)) return false;
        throw err;
      },
    );

  return {
    putTemp: (bytes, options) => s3PutTemp(client, Bucket, bytes, options),

    async put(key, bytes, options) {
      const Key = assertStorageKey(key);
      // A single PutObject is atomic in S3: readers see the old object or the new one.
      await call(`write ${key}`, () => client.send(new PutObjectCommand({ Bucket, Key, Body: bytes, ContentType: options?.contentType })));
    },

    async promote(tempKey, finalKey) {
      const CopySource = `${Bucket}/${assertStorageKey(tempKey)}`;
      const Key = assertStorageKey(finalKey);
      await call(`promote ${tempKey} to ${finalKey}`, async () => {
        try {
          await client.send(new CopyObjectCommand({ Bucket, Key, CopySource }));
        } catch (err) {
          // A repeated promote (the job after a crash past the copy) finds the work done.
          if (isNotFound(err) && (await exists(Key))) return;
          throw err;
        }
        await client.send(new DeleteObjectCommand({ Bucket, Key: tempKey }));
      });
    },

    async read(key, range) {
      const Key = assertStorageKey(key);
      const Range = range ? `bytes=${assertByteRange(range).start}-${range.end}` : undefined;
      const object = await getObject(`read ${key}`, new GetObjectCommand({ Bucket, Key, Range }));
      if (!object?.Body) return null;
      const body = object.Body as AsyncIterable<Uint8Array>;
      return withContext(range ? exactRange(body, range, object.ContentRange) : body, `read ${key}`);
    },

    async getBytes(key) {
      const object = await getObject(`read ${key}`, new GetObjectCommand({ Bucket, Key: assertStorageKey(key) }));
      const body = object?.Body;
      return body ? call(`read ${key}`, () => body.transformToByteArray()) : null;
    },

    async stat(key) {
      const Key = assertStorageKey(key);
      return call(`stat ${key}`, async () => {
        try {
          const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
          return { size: head.ContentLength ?? 0 };
        } catch (err) {
          if (isNotFound(err)) return null;
          throw err;
        }
      });
    },

    async delete(key) {
      const Key = assertStorageKey(key);
      await call(`delete ${key}`, () => client.send(new DeleteObjectCommand({ Bucket, Key })));
    },

    async deletePrefix(prefix) {
      assertStoragePrefix(prefix);
      for await (const page of listPages(prefix)) {
        if (page.length === 0) continue;
        const Objects = page.map(({ key }) => ({ Key: key }));
        const { Errors } = await call(`delete prefix ${prefix}`, () =>
          client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } })),
        );
        const first = Errors?.[0];
        if (first) throw new Error(`delete prefix ${prefix}: ${Errors.length} not deleted, first ${first.Key}: ${first.Code}`);
      }
    },

    async *listTemp(before) {
      for await (const page of listPages(TEMP_PREFIX)) {
        for (const { key, modified } of page) if (modified < before.getTime()) yield key;
      }
    },

    async presignGet(key, options) {
      const command = new GetObjectCommand({
        Bucket,
        Key: assertStorageKey(key),
        ResponseContentType: options.contentType,
        ResponseContentDisposition: options.contentDisposition,
      });
      const expiresIn = Math.min(options.ttlS, config.presignTtlS);
      return call(`presign ${key}`, () => getSignedUrl(client, command, { expiresIn }));
    },
  };

  /** A GetObject response, `null` for a missing key. */
  async function getObject(context: string, command: GetObjectCommand) {
    return call(context, async () => {
      try {
        return await client.send(command);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    });
  }

  /** Pages of up to 1000 keys under `prefix`, each with its last-modified time in ms. */
  async function* listPages(prefix: string): AsyncGenerator<{ key: string; modified: number }[]> {
    let token: string | undefined;
    do {
      const page = await call(`list ${prefix}`, () =>
        client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token })),
      );
      yield (page.Contents ?? []).flatMap((o) => (o.Key ? [{ key: o.Key, modified: o.LastModified?.getTime() ?? 0 }] : []));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

async function* withContext(body: AsyncIterable<Uint8Array>, context: string): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (err) {
    throw toStorageError(context, err);
  }
}
