/**
 * The layer rule of architecture.md §1, checked on every `npm test`.
 * domain ← application ← interfaces; infrastructure implements domain ports; only the root wires them.
 */
const ADAPTER_LIBS = '^(pg|kysely|@electric-sql|ioredis|bullmq|@aws-sdk|sharp|jose|@node-rs|file-type|exifr|uuid|find-my-way)($|/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only the domain: no npm packages, no node: modules.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-depends-on-domain-only',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { pathNot: '^src/(domain|application)/' },
    },
    {
      name: 'infrastructure-implements-ports',
      comment: 'Adapters may use the domain, application/ports.ts, npm and node: — not use cases or interfaces.',
      severity: 'error',
      from: { path: '^src/infrastructure/' },
      to: { path: '^src/(application/(?!ports\\.ts$)|interfaces/|config\\.ts|container\\.ts|main\\.ts)' },
    },
    {
      name: 'interfaces-use-application',
      comment: 'Routes and workers call use cases; they never reach adapters or the composition root.',
      severity: 'error',
      from: { path: '^src/interfaces/' },
      to: { path: '^src/(infrastructure/|container\\.ts|main\\.ts)' },
    },
    {
      name: 'interfaces-allowed-libraries',
      severity: 'error',
      from: { path: '^src/interfaces/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], pathNot: '(^|/)node_modules/(fastify|@fastify|@sinclair/typebox|pino|prom-client|ajv|ajv-formats|secure-json-parse|find-my-way|uuid)(/|$)' },
    },
    {
      name: 'only-root-imports-infrastructure',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(container|main)\\.ts$|^src/infrastructure/' },
      to: { path: '^src/infrastructure/' },
    },
    {
      name: 'only-main-imports-container',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/container\\.ts$' },
    },
    {
      name: 'adapter-libraries-in-infrastructure',
      comment: 'Driver and adapter libraries stay below src/infrastructure (the HTTP layer may make request ids).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/infrastructure/|^src/interfaces/http/(request-id|allowed-methods|client-errors)\\.ts$' },
      to: { path: `(^|/)node_modules/${ADAPTER_LIBS.slice(1)}` },
    },
    { name: 'no-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'], mainFields: ['module', 'main', 'types'] },
    exclude: { path: '^dist/' },
  },
};
