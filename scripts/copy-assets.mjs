// Copies what tsc does not: the plain-SQL migrations, next to the compiled migrate.js.
import fs from 'node:fs';

const from = 'src/infrastructure/persistence/postgres/migrations';
const to = 'dist/infrastructure/persistence/postgres/migrations';
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from).filter((n) => n.endsWith('.sql'))) fs.copyFileSync(`${from}/${name}`, `${to}/${name}`);
