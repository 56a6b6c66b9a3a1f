import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** TCP port of the MLLP listener for bedside monitors (HL7 v2 PCD-01); 0 = no listener. */
  mllpPort: number;
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  production: boolean;
  allowEmbeddedInProduction: boolean;
  /** Public base URL used in one-time questionnaire links. */
  publicUrl: string;
  webDist: string;
  version: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  }
  const mllpPort = Number(env.MLLP_PORT ?? 2575);
  if (!Number.isInteger(mllpPort) || mllpPort < 0 || mllpPort > 65535) {
    throw new Error(`MLLP_PORT must be a port number (0 = off), got ${env.MLLP_PORT}`);
  }
  return {
    port,
    mllpPort,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.OPENKAP_DATA_DIR ?? './data'),
    demo: env.OPENKAP_DEMO !== '0',
    production: env.NODE_ENV === 'production',
    allowEmbeddedInProduction: env.OPENKAP_ALLOW_EMBEDDED === '1',
    publicUrl: env.OPENKAP_PUBLIC_URL ?? `http://localhost:${port}`,
    webDist: path.resolve(env.OPENKAP_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    version: env.npm_package_version ?? '0.1.0',
  };
}
