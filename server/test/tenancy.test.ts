import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inClinic } from '../src/db/clinic-scope.ts';
import { backends, call, otherClinic, startClinic, type TestClinic } from './harness.ts';

describe.each(backends)('clinic isolation (%s)', (backend) => {
  let t: TestClinic;
  let other: Record<string, string>;
  let otherClinicId: string;
  beforeAll(async () => {
    t = await startClinic(backend);
    ({ clinicId: otherClinicId, headers: other } = await otherClinic(t, 'nurse'));
  });
  afterAll(() => t.close());

  it('never shows one clinic’s patients to another, by API or by SQL', async () => {
    const created = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: { givenName: 'Ada', familyName: 'Quill', birthDate: '1980-02-02', indicationCode: 'F33.2' },
    });
    const id = created.body.patient.id;
    expect((await call(t.app, { method: 'GET', url: `/api/patients/${id}`, headers: other })).status).toBe(
      404,
    );
    const list = await call<{ patients: unknown[] }>(t.app, {
      method: 'GET',
      url: '/api/patients?q=quill',
      headers: other,
    });
    expect(list.body.patients).toEqual([]);
    // Row-level security, with no WHERE clause at all:
    const seen = await inClinic(t.database.db, otherClinicId, (tx) =>
      tx.selectFrom('patients').select('id').execute(),
    );
    expect(seen).toEqual([]);
    const mine = await inClinic(t.database.db, t.clinicId, (tx) =>
      tx.selectFrom('patients').select('id').execute(),
    );
    expect(mine.map((r) => r.id)).toContain(id);
    // And a write into another clinic's fence is refused by the database.
    await expect(
      inClinic(t.database.db, otherClinicId, (tx) =>
        tx
          .insertInto('patient_weights')
          .values({
            clinic_id: t.clinicId,
            patient_id: id,
            kg: 70,
            measured_on: '2026-11-01',
            recorded_by: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
