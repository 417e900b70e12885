import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('gives the contract defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      role: 'all',
      databaseUrl: undefined,
      redisUrl: undefined,
      storageDriver: 'local',
      clamavUrl: undefined,
      scanRequired: false,
      scanTimeoutMs: 30_000,
      jwt: { algorithm: 'EdDSA', issuer: 'tessera', accessTokenTtlS: 900, refreshTokenTtlS: 604_800 },
      signedUrlTtlS: 3600,
      trustProxy: false,
      corsOrigins: [],
      limits: { maxUploadBytes: 10_485_760, maxImageSide: 8192, maxImagePixels: 100_000_000, jsonBodyLimitBytes: 1_048_576, albumMaxImages: 10_000 },
      uploadWaitMaxMs: 30_000,
      variantFormat: 'webp',
      requestTimeoutMs: 30_000,
      uploadTimeoutMs: 120_000,
      lockout: { threshold: 5, durationS: 900 },
      admin: { username: 'tessera_admin' },
      metrics: { enabled: true, token: undefined },
      docsEnabled: true,
    });
    expect(config.rateLimit).toMatchObject({
      enabled: true,
      anon: { count: 100, windowS: 60 },
      auth: { count: 300, windowS: 60 },
      bytes: { count: 1200, windowS: 60 },
      login: { count: 5, windowS: 60 },
      register: { count: 5, windowS: 3600 },
      upload: { count: 50, windowS: 3600 },
      report: { count: 10, windowS: 3600 },
      comment: { count: 30, windowS: 60 },
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('parses the production settings', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/tessera',
      REDIS_URL: 'redis://cache:6379/2',
      CLAMAV_URL: 'unix:///run/clamd.sock',
      ROLE: 'worker',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.1',
      CORS_ORIGINS: 'https://a.example, http://localhost:3000',
      RATE_LIMIT_LOGIN: '10/30s',
      PUBLIC_URL: 'https://img.example.com/',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'b',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(config.rateLimit.login).toEqual({ count: 10, windowS: 30 });
    expect(config.publicUrl).toBe('https://img.example.com');
    expect(config.s3).toMatchObject({ bucket: 'b', region: 'us-east-1', forcePathStyle: true, redirect: false, presignTtlS: 300 });
  });

  it.each([
    ['TRUST_PROXY', 'true', true],
    ['TRUST_PROXY', '2', 2],
    ['CORS_ORIGINS', '*', '*'],
    ['UPLOAD_WAIT_MAX_MS', '30000', 30_000],
  ])('accepts %s=%s', (name, value, expected) => {
    const config = loadConfig({ [name]: value });
    const read = { TRUST_PROXY: config.trustProxy, CORS_ORIGINS: config.corsOrigins, UPLOAD_WAIT_MAX_MS: config.uploadWaitMaxMs }[name];
    expect(read).toEqual(expected);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['ROLE', 'both'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://x'],
    ['CLAMAV_URL', 'http://x:3310'],
    ['STORAGE_DRIVER', 'nope'],
    ['SCAN_REQUIRED', 'yes'],
    ['JWT_ALGORITHM', 'HS256'],
    ['URL_SIGNING_SECRET', 'too-short'],
    ['TRUST_PROXY', 'maybe'],
    ['CORS_ORIGINS', 'https://a.example/path'],
    ['CORS_ORIGINS', 'nonsense'],
    ['RATE_LIMIT_LOGIN', '5/x'],
    ['RATE_LIMIT_ANON', '0/1m'],
    ['RATE_LIMIT_BYTES', 'lots'],
    ['UPLOAD_WAIT_MAX_MS', '30001'],
    ['VARIANT_FORMAT', 'gif'],
    ['METRICS_ENABLED', '1'],
    ['MAX_UPLOAD_BYTES', '0'],
    ['PUBLIC_URL', 'ftp://x'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    const err = failure({ [name]: value });
    expect(err.variable).toBe(name);
    expect(err.message.startsWith(`${name}: `)).toBe(true);
  });

  it('requires S3_BUCKET with STORAGE_DRIVER=s3', () => {
    expect(failure({ STORAGE_DRIVER: 's3' }).variable).toBe('S3_BUCKET');
  });

  it('refuses two sources for the JWT key', () => {
    expect(failure({ JWT_PRIVATE_KEY: 'x', JWT_PRIVATE_KEY_FILE: '/k' }).variable).toBe('JWT_PRIVATE_KEY_FILE');
  });

  it('never repeats a URL that may hold a password in its message', () => {
    const err = failure({ DATABASE_URL: 'mysql://admin:s3cret@db/x' });
    expect(err.message).not.toContain('s3cret');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 8080, databaseUrl: undefined });
  });
});
