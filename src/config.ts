/**
 * The only reader of `process.env` (contract §17). Every variable is parsed and validated here, at boot;
 * an invalid value throws a ConfigError naming the variable, which `main.ts` prints as one line.
 */
import path from 'node:path';

export type Role = 'all' | 'api' | 'worker';
export type JwtAlgorithm = 'EdDSA' | 'RS256';
export type VariantFormat = 'webp' | 'avif' | 'jpeg';

/** `false`: socket address only; `true`: trust every hop; a number: hop count; a list: trusted IPs/CIDRs. */
export type TrustProxy = boolean | number | readonly string[];

export interface RateLimitRule {
  readonly count: number;
  readonly windowS: number;
}

export interface S3Config {
  readonly bucket: string;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly forcePathStyle: boolean;
  readonly redirect: boolean;
  readonly presignTtlS: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly nodeEnv: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly role: Role;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly storageDriver: 'local' | 's3';
  readonly s3: S3Config | undefined;
  readonly clamavUrl: string | undefined;
  readonly scanRequired: boolean;
  readonly scanTimeoutMs: number;
  readonly jwt: {
    readonly algorithm: JwtAlgorithm;
    readonly privateKeyPem: string | undefined;
    readonly privateKeyFile: string | undefined;
    readonly issuer: string;
    readonly accessTokenTtlS: number;
    readonly refreshTokenTtlS: number;
  };
  readonly urlSigningSecret: string | undefined;
  readonly signedUrlTtlS: number;
  readonly publicUrl: string | undefined;
  readonly trustProxy: TrustProxy;
  /** Exact origins, or `'*'`; empty means no cross-origin access. */
  readonly corsOrigins: readonly string[] | '*';
  readonly limits: {
    readonly maxUploadBytes: number;
    readonly maxImageSide: number;
    readonly maxImagePixels: number;
    readonly jsonBodyLimitBytes: number;
    readonly albumMaxImages: number;
  };
  readonly uploadWaitMaxMs: number;
  readonly variantFormat: VariantFormat;
  readonly requestTimeoutMs: number;
  readonly uploadTimeoutMs: number;
  readonly viewFlushIntervalMs: number;
  readonly rateLimit: {
    readonly enabled: boolean;
    readonly anon: RateLimitRule;
    readonly auth: RateLimitRule;
    readonly bytes: RateLimitRule;
    readonly login: RateLimitRule;
    readonly register: RateLimitRule;
    readonly upload: RateLimitRule;
    readonly report: RateLimitRule;
    readonly comment: RateLimitRule;
  };
  readonly lockout: { readonly threshold: number; readonly durationS: number };
  readonly commonPasswordsFile: string | undefined;
  readonly disposableDomainsFile: string | undefined;
  readonly admin: { readonly email: string | undefined; readonly password: string | undefined; readonly username: string };
  readonly metrics: { readonly enabled: boolean; readonly token: string | undefined };
  readonly docsEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses the environment; throws ConfigError on the first invalid variable. */
export function loadConfig(env: Env = process.env): Config {
  const read = reader(env);
  const storageDriver = read.oneOf('STORAGE_DRIVER', ['local', 's3'] as const, 'local');
  const dataDir = path.resolve(read.str('DATA_DIR') ?? './data');
  const urlSigningSecret = read.str('URL_SIGNING_SECRET');
  if (urlSigningSecret !== undefined && Buffer.byteLength(urlSigningSecret) < 32) {
    throw new ConfigError('URL_SIGNING_SECRET', 'must be at least 32 bytes long');
  }
  const privateKeyPem = read.str('JWT_PRIVATE_KEY');
  const privateKeyFile = read.str('JWT_PRIVATE_KEY_FILE');
  if (privateKeyPem !== undefined && privateKeyFile !== undefined) {
    throw new ConfigError('JWT_PRIVATE_KEY_FILE', 'set either JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE, not both');
  }
  const uploadWaitMaxMs = read.int('UPLOAD_WAIT_MAX_MS', 30_000, { min: 0, max: 30_000 });
  return {
    port: read.int('PORT', 8080, { min: 0, max: 65_535 }),
    host: read.str('HOST') ?? '0.0.0.0',
    nodeEnv: read.str('NODE_ENV') ?? 'development',
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    role: read.oneOf('ROLE', ['all', 'api', 'worker'] as const, 'all'),
    dataDir,
    databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']),
    storageDriver,
    s3: storageDriver === 's3' ? readS3(read) : undefined,
    clamavUrl: read.url('CLAMAV_URL', ['tcp:', 'unix:']),
    scanRequired: read.bool('SCAN_REQUIRED', false),
    scanTimeoutMs: read.int('SCAN_TIMEOUT_MS', 30_000, { min: 1 }),
    jwt: {
      algorithm: read.oneOf('JWT_ALGORITHM', ['EdDSA', 'RS256'] as const, 'EdDSA'),
      privateKeyPem,
      privateKeyFile,
      issuer: read.str('JWT_ISSUER') ?? 'tessera',
      accessTokenTtlS: read.int('ACCESS_TOKEN_TTL_S', 900, { min: 1 }),
      refreshTokenTtlS: read.int('REFRESH_TOKEN_TTL_S', 604_800, { min: 1 }),
    },
    urlSigningSecret,
    signedUrlTtlS: read.int('SIGNED_URL_TTL_S', 3600, { min: 1 }),
    publicUrl: read.url('PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
    trustProxy: readTrustProxy(read.str('TRUST_PROXY')),
    corsOrigins: readCorsOrigins(read.str('CORS_ORIGINS')),
    limits: {
      maxUploadBytes: read.int('MAX_UPLOAD_BYTES', 10_485_760, { min: 1 }),
      maxImageSide: read.int('MAX_IMAGE_SIDE', 8192, { min: 1 }),
      maxImagePixels: read.int('MAX_IMAGE_PIXELS', 100_000_000, { min: 1 }),
      jsonBodyLimitBytes: read.int('JSON_BODY_LIMIT_BYTES', 1_048_576, { min: 1 }),
      albumMaxImages: read.int('ALBUM_MAX_IMAGES', 10_000, { min: 1 }),
    },
    uploadWaitMaxMs,
    variantFormat: read.oneOf('VARIANT_FORMAT', ['webp', 'avif', 'jpeg'] as const, 'webp'),
    requestTimeoutMs: read.int('REQUEST_TIMEOUT_MS', 30_000, { min: 1 }),
    uploadTimeoutMs: read.int('UPLOAD_TIMEOUT_MS', 120_000, { min: 1 }),
    viewFlushIntervalMs: read.int('VIEW_FLUSH_INTERVAL_MS', 5000, { min: 1 }),
    rateLimit: {
      enabled: read.bool('RATE_LIMIT_ENABLED', true),
      anon: read.rule('RATE_LIMIT_ANON', '100/1m'),
      auth: read.rule('RATE_LIMIT_AUTH', '300/1m'),
      bytes: read.rule('RATE_LIMIT_BYTES', '1200/1m'),
      login: read.rule('RATE_LIMIT_LOGIN', '5/1m'),
      register: read.rule('RATE_LIMIT_REGISTER', '5/1h'),
      upload: read.rule('RATE_LIMIT_UPLOAD', '50/1h'),
      report: read.rule('RATE_LIMIT_REPORT', '10/1h'),
      comment: read.rule('RATE_LIMIT_COMMENT', '30/1m'),
    },
    lockout: {
      threshold: read.int('LOCKOUT_THRESHOLD', 5, { min: 1 }),
      durationS: read.int('LOCKOUT_DURATION_S', 900, { min: 1 }),
    },
    commonPasswordsFile: read.str('COMMON_PASSWORDS_FILE'),
    disposableDomainsFile: read.str('DISPOSABLE_DOMAINS_FILE'),
    admin: {
      email: read.str('ADMIN_EMAIL'),
      password: read.str('ADMIN_PASSWORD'),
      username: read.str('ADMIN_USERNAME') ?? 'tessera_admin',
    },
    metrics: { enabled: read.bool('METRICS_ENABLED', true), token: read.str('METRICS_TOKEN') },
    docsEnabled: read.bool('DOCS_ENABLED', true),
  };
}

function readS3(read: Reader): S3Config {
  const bucket = read.str('S3_BUCKET');
  if (bucket === undefined) throw new ConfigError('S3_BUCKET', 'is required when STORAGE_DRIVER=s3');
  return {
    bucket,
    region: read.str('S3_REGION') ?? 'us-east-1',
    endpoint: read.url('S3_ENDPOINT', ['http:', 'https:']),
    accessKeyId: read.str('S3_ACCESS_KEY_ID'),
    secretAccessKey: read.str('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: read.bool('S3_FORCE_PATH_STYLE', false),
    redirect: read.bool('S3_REDIRECT', false),
    presignTtlS: read.int('S3_PRESIGN_TTL_S', 300, { min: 1, max: 604_800 }),
  };
}

const IPV4_OR_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-fA-F:]+(\/\d{1,3})?$/;

function readTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = entries.find((e) => !IPV4_OR_CIDR.test(e) && !(e.includes(':') && IPV6_OR_CIDR.test(e)));
  if (entries.length === 0 || bad !== undefined) {
    throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or a list of IPs/CIDRs (bad entry "${bad ?? raw}")`);
  }
  return entries;
}

function readCorsOrigins(raw: string | undefined): readonly string[] | '*' {
  if (raw === undefined || raw.trim() === '') return [];
  if (raw.trim() === '*') return '*';
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin (scheme://host[:port])`);
    }
    if (url.origin !== origin) throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an exact origin (expected "${url.origin}")`);
    return origin;
  });
}

type Reader = ReturnType<typeof reader>;

function reader(env: Env) {
  const str = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  return {
    str,
    int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
      const raw = str(name);
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
      const value = Number(raw);
      if (!Number.isSafeInteger(value)) throw new ConfigError(name, `is too large: "${raw}"`);
      if (range.min !== undefined && value < range.min) throw new ConfigError(name, `must be at least ${range.min}, got ${value}`);
      if (range.max !== undefined && value > range.max) throw new ConfigError(name, `must be at most ${range.max}, got ${value}`);
      return value;
    },
    bool(name: string, fallback: boolean): boolean {
      const raw = str(name);
      if (raw === undefined) return fallback;
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new ConfigError(name, `must be true or false, got "${raw}"`);
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const raw = str(name);
      if (raw === undefined) return fallback;
      if ((allowed as readonly string[]).includes(raw)) return raw as T;
      throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
    },
    url(name: string, protocols: readonly string[]): string | undefined {
      const raw = str(name);
      if (raw === undefined) return undefined;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new ConfigError(name, 'is not a valid URL');
      }
      if (!protocols.includes(url.protocol)) {
        throw new ConfigError(name, `must use ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
      return raw;
    },
    rule(name: string, fallback: string): RateLimitRule {
      const raw = str(name) ?? fallback;
      const match = /^(\d+)\/(\d+)([smh])$/.exec(raw);
      if (!match) throw new ConfigError(name, `must look like <count>/<window> with window in s, m or h (e.g. 100/1m), got "${raw}"`);
      const count = Number(match[1]);
      const windowS = Number(match[2]) * { s: 1, m: 60, h: 3600 }[match[3] as 's' | 'm' | 'h'];
      if (count < 1 || windowS < 1) throw new ConfigError(name, 'count and window must be positive');
      return { count, windowS };
    },
  };
}
