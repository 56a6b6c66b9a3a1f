import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimEmbedded, embeddedOwner } from '../src/db/embedded-owner.ts';

describe('the embedded database has one owner process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'openkap-owner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mark = path.join(dir, 'openkap-server.pid');

  it('is free when no server marked it, and when the marking server is gone', () => {
    expect(embeddedOwner(dir)).toBeNull();
    writeFileSync(mark, '999999999');
    expect(embeddedOwner(dir)).toBeNull();
  });

  it('names another live process that holds it, and is free again once released', () => {
    // The test runner's parent stands in for a running server.
    writeFileSync(mark, String(process.ppid));
    expect(embeddedOwner(dir)).toBe(process.ppid);
    const release = claimEmbedded(dir);
    expect(embeddedOwner(dir)).toBeNull();
    release();
    expect(embeddedOwner(dir)).toBeNull();
  });
});
