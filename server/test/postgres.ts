import pg from 'pg';

let counter = 0;

/**
 * A fresh database on the CI PostgreSQL server for one test file: created from the server URL in
 * OPENKAP_TEST_DATABASE_URL, named uniquely so parallel files never share tables.
 */
export async function resetPostgresDatabase(): Promise<string> {
  const serverUrl = process.env.OPENKAP_TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error('OPENKAP_TEST_DATABASE_URL is not set');
  }
  const name = `openkap_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
