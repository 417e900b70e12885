import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../../../src/infrastructure/persistence/postgres/connection.js';
import { DataDirLockedError, lockDataDir } from '../../../../src/infrastructure/persistence/postgres/data-dir-lock.js';
import { describeDatabaseContract } from '../../../contract/database.contract.js';

describeDatabaseContract('pglite');

describe('embedded data folder', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second holder while the first holds the lock', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    // A live process other than us holds it: simulate with our parent's pid.
    fs.writeFileSync(path.join(dir, 'tessera.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    fs.writeFileSync(path.join(dir, 'tessera.lock'), String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'tessera.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'tessera.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'tessera.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('keeps data on disk across a close and reopen', async () => {
    const dir = tempDir();
    const first = await openPglite({ dataDir: path.join(dir, 'db') });
    await first.withSession((s) => s.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')"));
    await first.close();
    const second = await openPglite({ dataDir: path.join(dir, 'db') });
    try {
      expect(await second.withSession((s) => s.query('SELECT v FROM kept'))).toEqual([{ v: 'still here' }]);
    } finally {
      await second.close();
    }
  });
});
