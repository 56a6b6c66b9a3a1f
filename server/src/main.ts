import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { claimEmbedded } from './db/embedded-owner.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { LiveInfusions } from './infusions/live.ts';
import { relayThroughPostgres } from './infusions/live-postgres.ts';
import { seedDemoClinic, DEMO_ADMIN } from './demo/seed.ts';
import { clinicCount } from './demo/store.ts';
import { createEmptyClinic } from './demo/empty-clinic.ts';
import { startMllpListener, type MllpListener } from './hl7/listener.ts';

const config = readConfig();

if (config.production && !config.databaseUrl && !config.allowEmbeddedInProduction) {
  console.error(
    'Refusing to start: NODE_ENV=production needs DATABASE_URL (a PostgreSQL server).\n' +
      'The embedded PGlite database does not fsync and can lose data on a crash. Set OPENKAP_ALLOW_EMBEDDED=1 to override.',
  );
  process.exit(1);
}

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : config.dataDir,
});
const releaseEmbedded = database.kind === 'pglite' ? claimEmbedded(config.dataDir) : undefined;
const applied = await migrate(database.db);
if (applied.length) {
  console.log(`Applied migrations: ${applied.join(', ')}`);
}

let seeded = false;
if ((await clinicCount(database.db)) === 0) {
  if (config.demo) {
    await seedDemoClinic(database.db, new Date());
    seeded = true;
  } else {
    await createEmptyClinic(database.db, process.env);
  }
}

const live = new LiveInfusions();
// Several server processes share one PostgreSQL server: consoles hear of changes made by any of them.
const stopRelay = config.databaseUrl ? await relayThroughPostgres(config.databaseUrl, live) : undefined;
const ctx = {
  db: database.db,
  databaseKind: database.kind,
  durable: database.durable,
  config,
  now: () => new Date(),
  live,
};
const app = await buildApp(ctx, { logger: true });
let mllp: MllpListener | undefined;

const shutdown = async (signal: string): Promise<void> => {
  console.log(`${signal}: closing`);
  await mllp?.close();
  await app.close();
  await stopRelay?.();
  await database.close();
  releaseEmbedded?.();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
if (config.mllpPort) {
  // Bedside monitors (HL7 v2 PCD-01 over MLLP) into the first clinic of this deployment.
  mllp = await startMllpListener({
    port: config.mllpPort,
    host: config.host,
    ctx,
    concurrency: database.kind === 'postgres' ? 2 : 1,
    log: (m) => app.log.warn(m),
  });
  console.log(`Listening for bedside monitors (HL7 v2 over MLLP) on port ${mllp.port}`);
}
const where =
  database.kind === 'pglite'
    ? `embedded PGlite at ${config.dataDir} (no fsync: evaluation only)`
    : 'PostgreSQL server';
console.log(`\nOpenKAP is running at http://localhost:${config.port}  —  database: ${where}`);
if (config.demo) {
  console.log(
    `${seeded ? 'Seeded' : 'Using'} the DEMO clinic (made-up patients). Sign in at http://localhost:${config.port}/signin`,
  );
  console.log(`  admin:     ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  console.log(`  nurse:     nurse@demo.clinic / ${DEMO_ADMIN.password}`);
  console.log(`  physician: physician@demo.clinic / ${DEMO_ADMIN.password}`);
}
