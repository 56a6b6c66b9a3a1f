import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is one process's database: a second process opening the same data directory (an operator's
 * `npm run openkap -- ledger verify` beside a running server) could corrupt it. The server marks the
 * directory as its own while it runs; commands refuse a directory another live process holds.
 */
const fileIn = (dataDir: string): string => path.join(dataDir, 'openkap-server.pid');

export function claimEmbedded(dataDir: string): () => void {
  const file = fileIn(dataDir);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/** The pid of another live process using this data directory, if any. */
export function embeddedOwner(dataDir: string): number | null {
  const file = fileIn(dataDir);
  if (!existsSync(file)) {
    return null;
  }
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) {
    return null;
  }
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    // A server that crashed left its mark behind: the directory is free.
    return null;
  }
}
