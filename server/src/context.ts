import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/types.ts';
import type { DatabaseKind } from './db/database.ts';
import type { LiveInfusions } from './infusions/live.ts';

/** What every area's routes and services share: the database, the clock, the config, live fan-out. */
export interface AppContext {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  durable: boolean;
  config: Config;
  now: () => Date;
  live: LiveInfusions;
}
