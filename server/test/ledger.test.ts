import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends, call, type TestClinic, startClinic } from './harness.ts';
import { inClinic } from '../src/db/clinic-scope.ts';
import { ledgerState } from '@openkap/domain/ledger/state';
import { allContainers, allEntries } from '../src/ledger/store.ts';
import { containerFacts, domainEntry } from '../src/ledger/record.ts';
import {
  infusionReadyToStart,
  initialInventory,
  stockClinic,
  witnessOf,
  type Entries,
  type ErrorBody,
} from './ledger-fixtures.ts';

const execFileAsync = promisify(execFile);
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const cliPath = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** `npm run openkap -- ledger verify` as an operator runs it: its own process, DATABASE_URL set. */
async function runCli(databaseUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await execFileAsync(tsx, [cliPath, 'ledger', 'verify'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '' };
  }
}

interface Holding {
  drawnUg: number;
  administeredUg: number;
  wastedUg: number;
  returnedUg: number;
  heldUg: number;
}

describe.each(backends)('the controlled-substance ledger (%s)', (backend) => {
  let t: TestClinic;
  let containerIds: string[];
  let locationId: string;
  beforeAll(async () => {
    t = await startClinic(backend);
    ({ containerIds, locationId } = await stockClinic(t, 3));
  });
  afterAll(() => t.close());

  const post = async <T = Entries>(url: string, payload: object, role = 'nurse' as const) =>
    call<T & ErrorBody>(t.app, { method: 'POST', url, headers: await t.as(role), payload });
  const get = async <T>(url: string, role: Parameters<TestClinic['as']>[0] = 'nurse') =>
    call<T>(t.app, { method: 'GET', url, headers: await t.as(role) });
  const holding = async (infusionId: string) =>
    (await get<{ holding: Holding }>(`/api/infusions/${infusionId}/ledger`)).body.holding;

  it('receives vials as sealed stock, 500 mg each', async () => {
    const stock = await get<{ containers: { balanceUg: number; status: string }[]; chain: { seq: number } }>(
      '/api/ledger/stock',
    );
    expect(stock.body.containers.map((c) => [c.balanceUg, c.status])).toEqual([
      [500_000, 'sealed'],
      [500_000, 'sealed'],
      [500_000, 'sealed'],
    ]);
    // The zero initial inventory, then the three receipts.
    expect(stock.body.chain.seq).toBe(4);
  });

  it('keeps the ledger from therapists, billing and the front desk', async () => {
    for (const role of ['therapist', 'billing', 'front_desk'] as const) {
      expect((await get('/api/ledger/stock', role)).status).toBe(403);
      expect((await get('/api/ledger/entries', role)).status).toBe(403);
    }
    const draw = await post('/api/ledger/draws', {
      infusionId: locationId,
      containerId: containerIds[0],
      volumeMl: 1,
    });
    expect(draw.status).toBe(404);
  });

  it('ties the session to the ledger: drawn before start, given at stop, leftover wasted with a witness before discharge', async () => {
    const id = await infusionReadyToStart(t, 'Draw');
    const start = async () => post(`/api/infusions/${id}/pump`, { kind: 'start' });
    const notDrawn = await start();
    expect(notDrawn.status).toBe(409);
    expect(notDrawn.body.error).toMatchObject({ code: 'dose_not_drawn' });
    expect(notDrawn.body.error.message).toMatch(/35 mg ordered, 0 mg drawn/);

    // 1 mL of 50 mg/mL: 50 mg drawn for a 35 mg order.
    const drawn = await post('/api/ledger/draws', {
      infusionId: id,
      containerId: containerIds[0],
      volumeMl: 1,
    });
    expect(drawn.status).toBe(201);
    expect(drawn.body.entries[0]).toMatchObject({
      kind: 'draw',
      quantityUg: 50_000,
      containerDeltaUg: -50_000,
    });
    expect((await start()).status).toBe(200);

    t.clock.now = new Date(t.clock.now.getTime() + 41 * 60_000);
    const stopAt = new Date(t.clock.now.getTime() - 60_000).toISOString();
    expect((await post(`/api/infusions/${id}/pump`, { kind: 'stop', at: stopAt })).status).toBe(200);
    const afterStop = await holding(id);
    expect(afterStop.drawnUg).toBe(50_000);
    expect(afterStop.administeredUg).toBeGreaterThan(34_000);
    expect(afterStop.heldUg).toBe(50_000 - afterStop.administeredUg);

    t.clock.now = new Date(t.clock.now.getTime() + 40 * 60_000);
    const fit = {
      vitalSigns: 2,
      activityMentalStatus: 2,
      painNauseaVomiting: 1,
      bleeding: 2,
      intakeOutput: 2,
    };
    const discharge = () =>
      post(`/api/infusions/${id}/discharge`, {
        scoreType: 'padss',
        items: fit,
        escortName: 'Kim',
        instructionsGiven: true,
      });
    const blocked = await discharge();
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('ledger_unreconciled');

    const leftoverMg = afterStop.heldUg / 1000;
    const waste = (witness: object) =>
      post('/api/ledger/waste', {
        infusionId: id,
        quantityMg: leftoverMg,
        method: 'drug disposal pouch',
        witness,
      });
    expect((await waste(witnessOf(t, 'nurse'))).body.error.code).toBe('self_witness');
    expect((await waste(witnessOf(t, 'physician', 'wrong password'))).body.error.code).toBe(
      'witness_not_verified',
    );
    await t.as('therapist');
    expect((await waste(witnessOf(t, 'therapist'))).body.error.code).toBe('witness_not_allowed');
    const witnessed = await waste(witnessOf(t, 'physician'));
    expect(witnessed.status).toBe(201);
    expect(witnessed.body.entries[0]).toMatchObject({
      witnessName: 'Test physician',
      actorName: 'Test nurse',
    });

    expect(await holding(id)).toMatchObject({ heldUg: 0, drawnUg: 50_000 });
    expect((await discharge()).status).toBe(200);
    // A closed session takes no more draws.
    const late = await post('/api/ledger/draws', {
      infusionId: id,
      containerId: containerIds[0],
      volumeMl: 1,
    });
    expect(late.status).toBe(409);
  });

  it('refuses an overdraw and writes nothing', async () => {
    const id = await infusionReadyToStart(t, 'Overdraw');
    const before = (await get<{ chain: { seq: number } }>('/api/ledger/stock')).body.chain.seq;
    // Vial 1 has 450 mg left: 10 mL (500 mg) cannot come out of it.
    const over = await post('/api/ledger/draws', {
      infusionId: id,
      containerId: containerIds[0],
      volumeMl: 10,
    });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('overdraw');
    expect((await get<{ chain: { seq: number } }>('/api/ledger/stock')).body.chain.seq).toBe(before);
  });

  it('corrects an entry with a new one that reverses it, once', async () => {
    const id = await infusionReadyToStart(t, 'Correct');
    const drawn = await post('/api/ledger/draws', {
      infusionId: id,
      containerId: containerIds[1],
      volumeMl: 2,
    });
    const seq = drawn.body.entries[0]?.seq;
    expect((await post('/api/ledger/corrections', { seq })).status).toBe(400);
    const fixed = await post('/api/ledger/corrections', { seq, reason: 'Drew 0.7 mL, typed 2 mL' });
    expect(fixed.status).toBe(201);
    expect(fixed.body.entries[0]).toMatchObject({
      kind: 'correction',
      containerDeltaUg: 100_000,
      drawnDeltaUg: -100_000,
    });
    const again = await post('/api/ledger/corrections', { seq, reason: 'again' });
    expect(again.body.error.code).toBe('already_corrected');
    const listed = await get<{ entries: { seq: number; correctable: boolean }[] }>(
      '/api/ledger/entries?limit=5',
    );
    expect(listed.body.entries.find((e) => e.seq === seq)?.correctable).toBe(false);
    expect(listed.body.entries.find((e) => e.seq === fixed.body.entries[0]?.seq)?.correctable).toBe(false);
    expect(await holding(id)).toMatchObject({ heldUg: 0 });
  });

  it('counts the safe with a witness and reconciles a difference with an adjustment that names the count', async () => {
    const stock = await get<{
      containers: { id: string; label: string; balanceUg: number; mgPerMl: number }[];
    }>('/api/ledger/stock');
    const onHand = stock.body.containers.filter((c) => c.balanceUg > 0);
    const lines = onHand.map((c, i) => ({
      containerId: c.id,
      // The first container reads 0.2 mL (10 mg) short.
      countedMl: c.balanceUg / 1000 / c.mgPerMl - (i === 0 ? 0.2 : 0),
    }));
    const partial = await post('/api/ledger/counts', {
      locationId,
      kind: 'daily',
      timing: 'opening',
      lines: lines.slice(1),
      witness: witnessOf(t, 'physician'),
    });
    expect(partial.status).toBe(400);
    const counted = await post<{ lines: { differenceUg: number; seq: number; containerId: string }[] }>(
      '/api/ledger/counts',
      { locationId, kind: 'daily', timing: 'opening', lines, witness: witnessOf(t, 'physician') },
    );
    expect(counted.status).toBe(201);
    const short = counted.body.lines.find((l) => l.differenceUg !== 0);
    expect(short).toMatchObject({ differenceUg: -10_000, containerId: onHand[0]?.id });
    const adjusted = await post('/api/ledger/adjustments', {
      containerId: short?.containerId,
      quantityMg: -10,
      countSeq: short?.seq,
      reason: 'Spilled while drawing on 11/19, not recorded',
    });
    expect(adjusted.status).toBe(201);
    expect(adjusted.body.entries[0]).toMatchObject({ kind: 'adjust', containerDeltaUg: -10_000 });
  });

  it('cannot overdraw one vial from two nurses at once', async () => {
    const [a, b] = await Promise.all([infusionReadyToStart(t, 'RaceA'), infusionReadyToStart(t, 'RaceB')]);
    await t.as('physician');
    // Vial 3 holds 500 mg: 6 mL (300 mg) twice cannot both come out of it.
    const results = await Promise.all(
      [a, b].map(async (infusionId, i) =>
        call<ErrorBody>(t.app, {
          method: 'POST',
          url: '/api/ledger/draws',
          headers: await t.as(i === 0 ? 'nurse' : 'physician'),
          payload: { infusionId, containerId: containerIds[2], volumeMl: 6 },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const vial = (
      await get<{ containers: { id: string; balanceUg: number }[] }>('/api/ledger/stock')
    ).body.containers.find((c) => c.id === containerIds[2]);
    expect(vial?.balanceUg).toBe(200_000);
  });

  it('shows the same stock as a replay of the whole ledger, moved and emptied vials included', async () => {
    const physician = await t.as('physician');
    const satellite = await call<{ location: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/ledger/locations',
      headers: physician,
      payload: { name: 'Satellite', deaRegistration: 'FS7654321', address: '2 Side St', storage: 'Safe B' },
    });
    const { containerIds: [moved] = [] } = await stockClinic(t, 1, 'M', { reuse: true });
    const at = t.clock.now.toISOString();
    const transfer = () =>
      post('/api/ledger/transfers', {
        containerId: moved,
        toLocationId: satellite.body.location.id,
        occurredAt: at,
      });
    // The satellite handles no stock until its initial inventory is taken (21 CFR 1304.11(b)).
    const early = await transfer();
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('initial_inventory_required');
    await initialInventory(t, satellite.body.location.id, 0.5);
    expect((await transfer()).status).toBe(201);
    expect(
      (
        await post('/api/ledger/losses', {
          containerId: moved,
          quantityMg: 500,
          lossType: 'lost_in_transit',
          discoveredAt: at,
          reason: 'Vial broken in transit',
        })
      ).status,
    ).toBe(201);
    const stock = await get<{
      containers: { id: string; balanceUg: number; locationId: string }[];
      holdings: { heldUg: number }[];
    }>('/api/ledger/stock');
    const replayed = await inClinic(t.database.db, t.clinicId, async (tx) => {
      const [containers, entries] = await Promise.all([allContainers(tx), allEntries(tx)]);
      return ledgerState(containers.map(containerFacts), entries.map(domainEntry));
    });
    for (const c of stock.body.containers) {
      expect([c.id, c.balanceUg, c.locationId]).toEqual([
        c.id,
        replayed.containers[c.id]?.balanceUg ?? 0,
        replayed.containers[c.id]?.locationId,
      ]);
    }
    expect(stock.body.containers.find((c) => c.id === moved)).toMatchObject({
      balanceUg: 0,
      locationId: satellite.body.location.id,
    });
    const held = Object.values(replayed.infusions).filter((h) => h.heldUg !== 0);
    expect(stock.body.holdings.map((h) => h.heldUg).sort()).toEqual(held.map((h) => h.heldUg).sort());
  });

  it('is append-only in the database, and verify finds a row changed behind its back', async () => {
    const ok = await get<{ ok: boolean; entries: number }>('/api/ledger/verify', 'physician');
    expect(ok.body.ok).toBe(true);
    if (t.databaseUrl) {
      expect(await runCli(t.databaseUrl)).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/ok {6}Test clinic: \d+ entries, chain intact/),
      });
    }
    // The app's role holds no UPDATE or DELETE grant; even the owner is stopped by the triggers.
    const asApp = (q: string) => inClinic(t.database.db, t.clinicId, (tx) => sql.raw(q).execute(tx));
    const asOwner = (q: string) =>
      t.database.db.transaction().execute(async (tx) => {
        await sql`select set_config('openkap.clinic_id', ${t.clinicId}, true)`.execute(tx);
        return sql.raw(q).execute(tx);
      });
    await expect(asApp('update ledger_entries set quantity_ug = 1')).rejects.toThrow(/permission denied/);
    await expect(asApp('delete from ledger_entries')).rejects.toThrow(/permission denied/);
    await expect(asOwner('update ledger_entries set quantity_ug = 1')).rejects.toThrow(/append-only/);
    await expect(asOwner('delete from ledger_containers')).rejects.toThrow(/append-only/);
    await expect(asOwner('truncate ledger_entries cascade')).rejects.toThrow(/append-only/);

    // Behind the app's back: triggers off, one waste made 1 mg smaller.
    await asOwner('alter table ledger_entries disable trigger ledger_entries_append_only');
    await asOwner("update ledger_entries set quantity_ug = quantity_ug - 1000 where kind = 'waste'");
    await asOwner('alter table ledger_entries enable trigger ledger_entries_append_only');
    const broken = await get<{ ok: boolean; firstBreak: { seq: number; kind: string; problem: string } }>(
      '/api/ledger/verify',
      'physician',
    );
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBreak).toMatchObject({ kind: 'waste' });
    expect(broken.body.firstBreak.problem).toMatch(/changed after it was written/);

    // The operator's command, on the same PostgreSQL server database, names the same entry.
    if (t.databaseUrl) {
      const cli = await runCli(t.databaseUrl);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`BROKEN  Test clinic: entry #${broken.body.firstBreak.seq} (waste`);
    }
  });
});
