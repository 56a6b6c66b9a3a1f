/**
 * Monitor settings (issue 3): staff list the bedside monitors, set each one's chair and clock zone, and
 * register a monitor before it first sends. One chair has at most one monitor; every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inClinic } from '../src/db/clinic-scope.ts';
import { ingestMessage } from '../src/hl7/ingest.ts';
import { storeReadingBatch } from '../src/hl7/ingest-batch.ts';
import { parsePcd01 } from '../src/hl7/pcd01.ts';
import { backends, call, scheduleInfusionFor, startClinic, type TestClinic } from './harness.ts';
import { nistMessage } from './hl7-fixtures.ts';
import type { DeviceView } from '@openkap/domain/devices/schema';

type Device = DeviceView;
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const HEARD = '0800A1FFFE00C002';
const SPARE = '0800A1FFFE00C0FF';

describe.each(backends)('monitor settings (%s)', (backend) => {
  let t: TestClinic;
  let nurse: Record<string, string>;
  const chairs: Record<'one' | 'two' | 'three', string> = { one: '', two: '', three: '' };

  const list = async (headers: Record<string, string>) =>
    call<{ devices: Device[]; serverTime: string } & Partial<ErrorBody>>(t.app, {
      method: 'GET',
      url: '/api/devices',
      headers,
    });
  const patch = (headers: Record<string, string>, id: string, body: Record<string, unknown>) =>
    call<{ device: Device } & Partial<ErrorBody>>(t.app, {
      method: 'PATCH',
      url: `/api/devices/${encodeURIComponent(id)}`,
      headers,
      payload: body,
    });
  const register = (headers: Record<string, string>, body: Record<string, unknown>) =>
    call<{ device: Device } & Partial<ErrorBody>>(t.app, {
      method: 'POST',
      url: '/api/devices',
      headers,
      payload: body,
    });
  const ingest = (controlId: string, device: string, at: string) =>
    ingestMessage(
      { db: t.database.db, now: () => t.clock.now, live: t.live },
      t.clinicId,
      nistMessage({ controlId, device, at, vitals: { pulse: 72, spo2: 97 } }),
    );
  const auditRows = (entityId: string) =>
    t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity', 'actor', 'detail'])
      .where('entity_id', '=', entityId)
      .where('entity', '=', 'device')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
    for (const [key, name, position] of [
      ['one', 'Chair 1', 1],
      ['two', 'Chair 2', 2],
      ['three', 'Chair 3', 3],
    ] as const) {
      chairs[key] = (
        await t.database.db
          .insertInto('chairs')
          .values({ clinic_id: t.clinicId, name, position })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the monitors heard so far, with when they were first and last heard', async () => {
    expect((await list(nurse)).body.devices).toEqual([]);
    await ingest('S-1', HEARD, '20261120145500+0000');
    const res = await list(nurse);
    expect(res.status).toBe(200);
    expect(res.body.serverTime).toBe('2026-11-20T15:00:00.000Z');
    expect(res.body.devices).toHaveLength(1);
    expect(res.body.devices[0]).toMatchObject({
      id: HEARD,
      label: null,
      chairId: null,
      chairName: null,
      timeZone: null,
      lastSeenAt: '2026-11-20T15:00:00.000Z',
    });
    expect(res.body.devices[0]?.firstSeenAt).not.toBeNull();
    const searched = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('entity', '=', 'devices')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(searched.action).toBe('search');
  });

  it('sets label, chair and time zone, normalising the zone’s spelling, and audits the change', async () => {
    const res = await patch(nurse, HEARD, {
      label: '  Bay 1 monitor ',
      chairId: chairs.one,
      timeZone: 'america/chicago',
    });
    expect(res.status).toBe(200);
    expect(res.body.device).toMatchObject({
      id: HEARD,
      label: 'Bay 1 monitor',
      chairId: chairs.one,
      chairName: 'Chair 1',
      timeZone: 'America/Chicago',
    });
    const rows = await auditRows(HEARD);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', entity: 'device' });
    expect(rows[0]?.detail).toEqual({
      changes: {
        label: { from: null, to: 'Bay 1 monitor' },
        chairId: { from: null, to: chairs.one },
        timeZone: { from: null, to: 'America/Chicago' },
      },
    });

    // Only what is sent changes; clearing the zone and the label takes null or empty text.
    const cleared = await patch(nurse, HEARD, { timeZone: null, label: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.device).toMatchObject({ label: null, chairId: chairs.one, timeZone: null });
    const again = await patch(nurse, HEARD, { timeZone: 'America/Chicago', label: 'Bay 1 monitor' });
    expect(again.body.device.timeZone).toBe('America/Chicago');
    expect(await auditRows(HEARD)).toHaveLength(3);

    // Sending what is already stored changes nothing and writes no audit row.
    expect((await patch(nurse, HEARD, { chairId: chairs.one })).status).toBe(200);
    expect(await auditRows(HEARD)).toHaveLength(3);
  });

  it('refuses a time zone that is not an IANA zone with a 400 on the field', async () => {
    for (const timeZone of ['Central', 'America/Chicag', '-06:00', 'CST']) {
      const res = await patch(nurse, HEARD, { timeZone });
      expect(res.status, timeZone).toBe(400);
      expect(res.body.error?.message).toContain('not a known time zone');
    }
    expect((await patch(nurse, HEARD, {})).status).toBe(400);
    expect((await list(nurse)).body.devices[0]?.timeZone).toBe('America/Chicago');
  });

  it('refuses a chair not in this clinic (400 on chairId) and an unknown monitor (404)', async () => {
    const res = await patch(nurse, HEARD, { chairId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('chair is not in this clinic');
    expect(res.body.error?.issues).toEqual([{ path: 'chairId', message: 'no such chair in this clinic' }]);
    expect((await patch(nurse, HEARD, { chairId: 'chair 2' })).status).toBe(400);

    const unknown = await patch(nurse, 'NO-SUCH-MONITOR', { label: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toContain('NO-SUCH-MONITOR');
    expect((await list(nurse)).body.devices.map((d) => d.chairId)).toEqual([chairs.one]);
  });

  it('registers a monitor before it sends: never heard, settings kept', async () => {
    const res = await register(nurse, {
      id: ` ${SPARE} `,
      label: 'Spare monitor',
      chairId: chairs.two,
      timeZone: 'America/Chicago',
    });
    expect(res.status).toBe(201);
    expect(res.body.device).toEqual({
      id: SPARE,
      label: 'Spare monitor',
      chairId: chairs.two,
      chairName: 'Chair 2',
      timeZone: 'America/Chicago',
      firstSeenAt: null,
      lastSeenAt: null,
    });
    expect((await list(nurse)).body.devices.map((d) => d.id)).toEqual([HEARD, SPARE]);
    const [created] = await auditRows(SPARE);
    expect(created).toMatchObject({ action: 'create', entity: 'device' });
    expect(created?.detail).toEqual({
      label: 'Spare monitor',
      chairId: chairs.two,
      timeZone: 'America/Chicago',
    });

    const twice = await register(nurse, { id: SPARE });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('device_exists');
    expect((await register(nurse, { id: 'MON^1' })).status).toBe(400);
    expect((await register(nurse, { id: 'NEW-1', timeZone: 'Nowhere/Land' })).status).toBe(400);
    expect((await register(nurse, { id: 'NEW-1', chairId: chairs.one })).status).toBe(409);
    expect((await list(nurse)).body.devices).toHaveLength(2);
  });

  it('charts a registered monitor’s first message on its chair’s patient, in its clock zone', async () => {
    const { infusionId } = await scheduleInfusionFor(t, {
      givenName: 'Maya',
      familyName: 'Stone',
      birthDate: '1985-05-05',
      indicationCode: 'F33.2',
      weightKg: 64,
    });
    await t.database.db
      .updateTable('infusions')
      .set({ chair_id: chairs.two })
      .where('id', '=', infusionId)
      .execute();
    t.clock.now = new Date('2026-11-20T15:05:00Z');
    // No MRN and a clock without an offset: 08:58 in Chicago is 14:58 UTC.
    const result = await ingest('S-2', SPARE, '20261120085800');
    expect(result.status).toBe('stored');
    expect(result.infusionId).toBe(infusionId);
    const readings = await t.database.db
      .selectFrom('vital_signs')
      .select(['kind', 'effective_at'])
      .where('infusion_id', '=', infusionId)
      .execute();
    expect(readings.map((r) => new Date(r.effective_at).toISOString())).toContain('2026-11-20T14:58:00.000Z');

    const spare = (await list(nurse)).body.devices.find((d) => d.id === SPARE);
    expect(spare).toMatchObject({
      chairId: chairs.two,
      timeZone: 'America/Chicago',
      firstSeenAt: '2026-11-20T15:05:00.000Z',
      lastSeenAt: '2026-11-20T15:05:00.000Z',
    });
    t.clock.now = new Date('2026-11-20T15:09:00Z');
    await ingest('S-3', SPARE, '20261120090800');
    const later = (await list(nurse)).body.devices.find((d) => d.id === SPARE);
    expect(later).toMatchObject({
      firstSeenAt: '2026-11-20T15:05:00.000Z',
      lastSeenAt: '2026-11-20T15:09:00.000Z',
    });
  });

  it('answers 409 naming the monitor already on a chair; moveChair moves it, audited on both', async () => {
    const taken = await patch(nurse, HEARD, { chairId: chairs.two });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('chair_taken');
    expect(taken.body.error?.message).toContain('Chair 2 already has monitor “Spare monitor”');
    expect(taken.body.error?.message).toContain(SPARE);
    expect((await list(nurse)).body.devices.map((d) => [d.id, d.chairName])).toEqual([
      [HEARD, 'Chair 1'],
      [SPARE, 'Chair 2'],
    ]);

    const moved = await patch(nurse, HEARD, { chairId: chairs.two, moveChair: true });
    expect(moved.status).toBe(200);
    expect(moved.body.device).toMatchObject({ chairId: chairs.two, chairName: 'Chair 2' });
    const devices = (await list(nurse)).body.devices;
    expect(devices.map((d) => [d.id, d.chairName])).toEqual([
      [HEARD, 'Chair 2'],
      [SPARE, null],
    ]);
    const spareAudit = (await auditRows(SPARE)).at(-1);
    expect(spareAudit?.detail).toEqual({
      changes: { chairId: { from: chairs.two, to: null } },
      chairMovedTo: HEARD,
    });
    const heardAudit = (await auditRows(HEARD)).at(-1);
    expect(heardAudit?.detail).toEqual({
      changes: { chairId: { from: chairs.one, to: chairs.two } },
      chairMovedFrom: SPARE,
    });

    // Taking a monitor off its chair frees the chair for another.
    expect((await patch(nurse, HEARD, { chairId: null })).body.device.chairId).toBeNull();
    expect((await patch(nurse, SPARE, { chairId: chairs.two })).status).toBe(200);
  });

  it('the database itself refuses two monitors on one chair', async () => {
    await expect(
      t.database.db
        .insertInto('devices')
        .values({ id: 'RAW-1', clinic_id: t.clinicId, chair_id: chairs.two })
        .execute(),
    ).rejects.toThrow(/devices_one_per_chair/);
  });

  it('keeps a registered monitor’s settings when its first message comes through the group commit', async () => {
    expect(
      (await register(nurse, { id: 'BATCH-1', chairId: chairs.three, timeZone: 'Europe/Berlin' })).status,
    ).toBe(201);
    t.clock.now = new Date('2026-11-20T15:10:00Z');
    const raw = nistMessage({
      controlId: 'B-1',
      device: 'BATCH-1',
      at: '20261120160900',
      vitals: { pulse: 70 },
    });
    await inClinic(t.database.db, t.clinicId, (tx) =>
      storeReadingBatch(tx, t.clinicId, [{ report: parsePcd01(raw), raw }], t.clock.now),
    );
    expect((await list(nurse)).body.devices.find((d) => d.id === 'BATCH-1')).toMatchObject({
      chairId: chairs.three,
      timeZone: 'Europe/Berlin',
      firstSeenAt: '2026-11-20T15:10:00.000Z',
      lastSeenAt: '2026-11-20T15:10:00.000Z',
    });
    expect((await patch(nurse, 'BATCH-1', { chairId: null })).status).toBe(200);
  });

  it('lets the front desk see the monitors but not change them; therapist and billing neither', async () => {
    const frontDesk = await t.as('front_desk');
    expect((await list(frontDesk)).status).toBe(200);
    expect((await patch(frontDesk, HEARD, { label: 'x' })).status).toBe(403);
    expect((await register(frontDesk, { id: 'FD-1' })).status).toBe(403);

    const admin = await t.as('admin');
    expect((await list(admin)).status).toBe(200);
    expect((await patch(admin, HEARD, { label: 'Set up by IT' })).status).toBe(200);
    expect((await register(admin, { id: 'ADMIN-1' })).status).toBe(201);
    const physician = await t.as('physician');
    expect((await patch(physician, HEARD, { chairId: chairs.three })).status).toBe(200);

    for (const role of ['therapist', 'billing'] as const) {
      const headers = await t.as(role);
      const res = await list(headers);
      expect(res.status, role).toBe(403);
      expect(res.body.error?.code).toBe('forbidden');
      expect((await patch(headers, HEARD, { label: 'x' })).status).toBe(403);
      expect((await register(headers, { id: 'NOPE-1' })).status).toBe(403);
    }
    expect((await list(nurse)).body.devices.find((d) => d.id === HEARD)?.label).toBe('Set up by IT');
  });
});
