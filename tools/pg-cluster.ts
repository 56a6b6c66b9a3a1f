import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the machine's initdb/pg_ctl (Debian's postgresql package),
 * for benchmarks. Both tools refuse to run as root, so they run as the `postgres` user then.
 */
export interface Cluster {
  url: string;
  stop(): void;
}

function pgBin(): string {
  if (process.env.PGBIN) {
    return process.env.PGBIN;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((d) => existsSync(path.join(d, 'initdb')));
  if (!found) {
    throw new Error('initdb not found: apt-get install postgresql');
  }
  return found;
}

export function startCluster(port = 55433): Cluster {
  const bin = pgBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openkap-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]): void => {
    const cmd = path.join(bin, tool);
    if (asRoot) {
      execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' });
    } else {
      execFileSync(cmd, args, { stdio: 'ignore' });
    }
  };
  run('initdb', ['-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres']);
  run('pg_ctl', [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/server.log`,
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
