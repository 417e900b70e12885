import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../../../src/domain/shared/errors.js';
import { openPostgres } from '../../../../src/infrastructure/persistence/postgres/connection.js';
import { postgresUnitOfWork } from '../../../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { describeDatabaseContract } from '../../../contract/database.contract.js';

describeDatabaseContract('postgres');

describe('PostgreSQL connection', () => {
  it('reports an unreachable server as UnavailableError, not a raw driver error', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const sql = openPostgres({ url: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      await expect(sql.ping()).rejects.toBeInstanceOf(UnavailableError);
      await expect(postgresUnitOfWork(sql.db).run(async () => 1)).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      await sql.close();
    }
  });
});
