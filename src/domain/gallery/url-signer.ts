/** HMAC signatures of byte URLs (contract §7.7): `v1:{image_id}:{variant}:{exp}`, base64url without padding. */
export interface UrlSigner {
  sign(imageId: string, variant: string, exp: number): string;
  /** Constant-time check of an untrusted signature. */
  verify(imageId: string, variant: string, exp: number, signature: string): boolean;
}

/** now + ttl rounded up to the next multiple of 600 s, so repeated reads produce the same URL (cacheable). */
export function signedUrlExpiry(nowMs: number, ttlS: number): number {
  const exp = Math.floor(nowMs / 1000) + ttlS;
  return Math.ceil(exp / 600) * 600;
}
