/**
 * Every port a use case may ask for. Use cases take `Pick<Ports, …>` of what they need; `container.ts`
 * builds the record from adapters.
 */
import type { BlobStorage } from '../domain/gallery/blob-storage.js';
import type { ImageInspector } from '../domain/gallery/image-inspector.js';
import type { ImageProcessor } from '../domain/gallery/image-processor.js';
import type { AlbumRepository } from '../domain/gallery/album-repository.js';
import type { ImageRepository } from '../domain/gallery/image-repository.js';
import type { MalwareScanner } from '../domain/gallery/malware-scanner.js';
import type { TagRepository } from '../domain/gallery/tag-repository.js';
import type { UrlSigner } from '../domain/gallery/url-signer.js';
import type { AuditLog } from '../domain/identity/audit-entry.js';
import type { AuditLogReader } from '../domain/moderation/audit-log-reader.js';
import type { BanRepository } from '../domain/moderation/ban-repository.js';
import type { LockoutPolicy, LoginAttempts } from '../domain/identity/login-attempts.js';
import type { PasswordHasher } from '../domain/identity/password-hasher.js';
import type { IdentityLists } from '../domain/identity/registration.js';
import type { SecretTokens } from '../domain/identity/secret-tokens.js';
import type { SessionRepository } from '../domain/identity/session-repository.js';
import type { SessionStore } from '../domain/identity/session-store.js';
import type { TokenSigner } from '../domain/identity/token-signer.js';
import type { UserRepository } from '../domain/identity/user-repository.js';
import type { Cache } from '../domain/shared/cache.js';
import type { ViewCounter } from '../domain/social/view-counter.js';
import type { CommentRepository } from '../domain/social/comment-repository.js';
import type { LikeRepository } from '../domain/social/like-repository.js';
import type { ReportRepository } from '../domain/moderation/report-repository.js';
import type { JobQueue } from '../domain/shared/job-queue.js';
import type { Clock } from '../domain/shared/clock.js';
import type { HealthCheck } from '../domain/shared/health-check.js';
import type { IdGenerator } from '../domain/shared/id-generator.js';
import type { Logger } from '../domain/shared/logger.js';
import type { Metrics } from '../domain/shared/metrics.js';
import type { Outbox } from '../domain/shared/outbox.js';
import type { RateLimiter } from '../domain/shared/rate-limiter.js';
import type { UnitOfWork } from '../domain/shared/unit-of-work.js';

/** Ports bound to one transaction, handed to `uow.run` callbacks. */
export interface TxPorts {
  readonly outbox: Outbox;
  readonly auditLog: AuditLog;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly images: ImageRepository;
  readonly albums: AlbumRepository;
  readonly likes: LikeRepository;
  readonly comments: CommentRepository;
  readonly reports: ReportRepository;
  readonly bans: BanRepository;
}

/** Gallery settings from configuration (contract §7, §17). */
export interface GallerySettings {
  readonly maxUploadBytes: number;
  readonly maxImageSide: number;
  readonly maxImagePixels: number;
  readonly variantFormat: 'webp' | 'avif' | 'jpeg';
  /** `false` when CLAMAV_URL is unset: the scanner is the disabled one and never blocks. */
  readonly scanEnabled: boolean;
  readonly scanRequired: boolean;
  readonly uploadWaitMaxMs: number;
  readonly signedUrlTtlS: number;
  /** S3 only: answer byte routes with 302 to a presigned URL valid this long; `null` serves bytes directly. */
  readonly presignRedirectTtlS: number | null;
  /** Absolute base for URLs in responses; '' gives root-relative URLs. */
  readonly publicUrl: string;
  /** ALBUM_MAX_IMAGES: members an album may hold (contract §8). */
  readonly albumMaxImages: number;
}

/** Identity settings from configuration (contract §5, §17). */
export interface IdentitySettings {
  readonly accessTokenTtlS: number;
  readonly refreshTokenTtlS: number;
  readonly lockout: LockoutPolicy;
}

export interface Ports {
  readonly uow: UnitOfWork<TxPorts>;
  readonly cache: Cache;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly healthChecks: readonly HealthCheck[];
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly auditLog: AuditLog;
  /** Read side of the audit log (§12.4); the writer stays append-only. */
  readonly auditLogReader: AuditLogReader;
  readonly bans: BanRepository;
  readonly sessionStore: SessionStore;
  readonly rateLimiter: RateLimiter;
  readonly loginAttempts: LoginAttempts;
  readonly passwordHasher: PasswordHasher;
  readonly tokenSigner: TokenSigner;
  readonly secretTokens: SecretTokens;
  readonly identityLists: IdentityLists;
  readonly identity: IdentitySettings;
  readonly tags: TagRepository;
  readonly images: ImageRepository;
  readonly albums: AlbumRepository;
  readonly likes: LikeRepository;
  readonly comments: CommentRepository;
  readonly reports: ReportRepository;
  readonly storage: BlobStorage;
  readonly inspector: ImageInspector;
  readonly processor: ImageProcessor;
  readonly scanner: MalwareScanner;
  readonly urlSigner: UrlSigner;
  readonly viewCounter: ViewCounter;
  readonly queue: JobQueue;
  readonly gallery: GallerySettings;
}
