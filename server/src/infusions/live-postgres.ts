import pg from 'pg';
import type { LiveInfusions } from './live.ts';

const CHANNEL = 'openkap_infusion';
const uuid = /^[0-9a-f-]{36}$/;

/**
 * Relays live-console changes across server processes with PostgreSQL LISTEN/NOTIFY: NOTIFY on a
 * pooled connection after commit, LISTEN on one dedicated connection that reconnects if dropped.
 * See: https://www.postgresql.org/docs/current/sql-notify.html
 */
export async function relayThroughPostgres(
  databaseUrl: string,
  live: LiveInfusions,
): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let listener: pg.Client | undefined;
  let closed = false;

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload && uuid.test(n.payload)) {
        live.deliver(n.payload);
      }
    });
    client.on('error', () => {
      listener = undefined;
      void client.end().catch(() => undefined);
      if (!closed) {
        setTimeout(() => void listen().catch(() => undefined), 1000);
      }
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
  };
  await listen();

  live.useRelay(async (infusionId) => {
    if (!listener) {
      throw new Error('not listening');
    }
    await pool.query('select pg_notify($1, $2)', [CHANNEL, infusionId]);
  });

  return async () => {
    closed = true;
    await listener?.end().catch(() => undefined);
    await pool.end();
  };
}
