import type { Kysely } from 'kysely';
import type { TxPorts } from '../../../application/ports.js';
import type { UnitOfWork } from '../../../domain/shared/unit-of-work.js';
import { postgresAlbumRepository } from './album-repository.js';
import { postgresAuditLog } from './audit-log.js';
import { postgresBanRepository } from './ban-repository.js';
import { postgresImageRepository } from './image-repository.js';
import { postgresCommentRepository } from './comment-repository.js';
import { postgresLikeRepository } from './like-repository.js';
import { postgresOutbox } from './outbox-store.js';
import { translateDbError } from './pg-errors.js';
import { postgresReportRepository } from './report-repository.js';
import type { DB } from './schema.js';
import { postgresSessionRepository } from './session-repository.js';
import { postgresUserRepository } from './user-repository.js';

/** Binds every transactional port to one Kysely transaction per `run`. */
export function postgresUnitOfWork(db: Kysely<DB>): UnitOfWork<TxPorts> {
  return {
    async run(fn) {
      // Errors thrown by the work itself pass through unchanged; only failures of the transaction are translated.
      let workError: { error: unknown } | undefined;
      try {
        return await db.transaction().execute(async (trx) => {
          try {
            return await fn(bindPorts(trx));
          } catch (error) {
            workError = { error };
            throw error;
          }
        });
      } catch (err) {
        if (workError && workError.error === err) throw err;
        throw translateDbError('run transaction', err);
      }
    },
  };
}

function bindPorts(trx: Kysely<DB>): TxPorts {
  return {
    outbox: postgresOutbox(trx),
    auditLog: postgresAuditLog(trx),
    bans: postgresBanRepository(trx),
    users: postgresUserRepository(trx),
    sessions: postgresSessionRepository(trx),
    images: postgresImageRepository(trx),
    albums: postgresAlbumRepository(trx),
    likes: postgresLikeRepository(trx),
    comments: postgresCommentRepository(trx),
    reports: postgresReportRepository(trx),
  };
}
