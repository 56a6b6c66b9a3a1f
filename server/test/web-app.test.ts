import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { LiveInfusions } from '../src/infusions/live.ts';

describe('serving the web app', () => {
  it('serves the built app, falls back to index.html for app routes, keeps API misses JSON', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'openkap-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>OpenKAP</title>');
    writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    const database = await openDatabase({});
    await migrate(database.db);
    const app = await buildApp({
      db: database.db,
      databaseKind: 'pglite',
      durable: false,
      config: { ...readConfig({}), webDist: dist },
      now: () => new Date('2026-11-20T15:00:00Z'),
      live: new LiveInfusions(),
    });
    expect((await app.inject({ url: '/' })).body).toContain('<title>OpenKAP</title>');
    expect((await app.inject({ url: '/app.js' })).body).toContain('console.log');
    const deep = await app.inject({ url: '/app/patients/123' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>OpenKAP</title>');
    expect((await app.inject({ url: '/assets/old-build-1234.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(JSON.parse(api.body).error.code).toBe('not_found');
    await app.close();
    await database.close();
  });
});
