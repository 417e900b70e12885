/** Contract §12.4 "append-only", checked on the code itself: no source file changes or removes audit rows. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../../src');
const FORBIDDEN = [/updateTable\(\s*['"]audit_log['"]/, /deleteFrom\(\s*['"]audit_log['"]/, /\bUPDATE\s+audit_log\b/i, /\bDELETE\s+FROM\s+audit_log\b/i, /\bTRUNCATE\b[^;]*\baudit_log\b/i];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('audit log append-only in code', () => {
  it('no file under src/ updates, deletes or truncates audit_log (the migration only installs the guard)', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => /\.(ts|sql)$/.test(f))
      .flatMap((f) => {
        // The guard's own trigger names the statements it refuses.
        const text = fs.readFileSync(f, 'utf8').replace(/BEFORE UPDATE OR DELETE ON audit_log/g, '');
        return FORBIDDEN.filter((re) => re.test(text)).map((re) => `${path.relative(SRC, f)}: ${String(re)}`);
      });
    expect(offenders).toEqual([]);
  });
});
