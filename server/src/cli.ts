/**
 * Operator commands: `npm run openkap -- <command>`. Opens the same database the server would
 * (DATABASE_URL, or the embedded one in OPENKAP_DATA_DIR).
 *
 *   ledger verify   re-computes every clinic's controlled-substance hash chain; exits 1 and names the
 *                   first broken entry when any record was changed behind the app's back.
 */
import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { embeddedOwner } from './db/embedded-owner.ts';
import { verifyAllClinics } from './ledger/verify.ts';

const USAGE = 'usage: npm run openkap -- ledger verify';

async function ledgerVerify(): Promise<number> {
  const config = readConfig();
  const owner = config.databaseUrl ? null : embeddedOwner(config.dataDir);
  if (owner != null) {
    console.error(
      `The embedded database in ${config.dataDir} is open in the server (pid ${owner}); PGlite is one ` +
        "process's database. Stop the server first, or use the Verify button on the Ledger page.",
    );
    return 2;
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  try {
    await migrate(database.db);
    const reports = await verifyAllClinics(database.db);
    let broken = 0;
    for (const r of reports) {
      const b = r.firstBreak;
      if (!b) {
        console.log(`ok      ${r.clinicName}: ${r.entries} entries, chain intact`);
      } else {
        broken += 1;
        const what = b.kind ? `entry #${b.seq} (${b.kind}, ${b.occurredAt})` : `entry #${b.seq}`;
        console.log(`BROKEN  ${r.clinicName}: ${what}: ${b.problem}`);
      }
    }
    if (reports.length === 0) {
      console.log('no clinics on this database');
    }
    return broken === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

const [group, command] = process.argv.slice(2);
if (group === 'ledger' && command === 'verify') {
  process.exitCode = await ledgerVerify();
} else {
  console.error(USAGE);
  process.exitCode = 2;
}
