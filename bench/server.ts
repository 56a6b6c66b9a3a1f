import pg from 'pg';
import { startCluster, type Cluster } from '../tools/pg-cluster.ts';

/**
 * The PostgreSQL server a benchmark runs against: OPENKAP_BENCH_DATABASE_URL, else a throwaway cluster
 * on `port` that is stopped on exit, Ctrl-C or SIGTERM (a killed benchmark must not leave it running).
 */
export interface BenchServer {
  url: string;
  /** A new empty database on the server (dropped first if it exists). */
  freshDatabase(name: string): Promise<string>;
  stop(): void;
}

export function benchServer(port: number): BenchServer {
  let cluster: Cluster | undefined;
  let url = process.env.OPENKAP_BENCH_DATABASE_URL;
  if (!url) {
    cluster = startCluster(port);
    url = cluster.url;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        cluster?.stop();
        process.exit(130);
      });
    }
  }
  const serverUrl = url;
  return {
    url: serverUrl,
    async freshDatabase(name) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${name}`);
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      const db = new URL(serverUrl);
      db.pathname = `/${name}`;
      return db.toString();
    },
    stop() {
      cluster?.stop();
    },
  };
}
