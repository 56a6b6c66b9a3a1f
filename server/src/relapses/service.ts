import type { Kysely } from 'kysely';
import { RelapseInput, type RelapseView } from '@openkap/domain/outcomes/relapse';
import type { DB } from '../db/types.ts';
import { clinicTimeZone, inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest } from '../http/errors.ts';
import { clinicDay } from '../clinic-day.ts';
import { requirePatient } from '../patients/service.ts';
import * as store from './store.ts';
import { readRelapses, relapseView } from './read.ts';

/** Records a clinician's judgement that a patient relapsed; answers it as the chart lists it. */
export async function recordRelapse(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
  input: RelapseInput,
  now: Date,
): Promise<RelapseView> {
  requirePermission(caller, 'relapses.record');
  const r = RelapseInput.parse(input);
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    // "Today" is the clinic's calendar day, not the server's or UTC's.
    const today = clinicDay(now, await clinicTimeZone(tx));
    if (r.notedOn > today) {
      throw badRequest(`notedOn: a relapse cannot be dated after today (${today})`, [
        { path: 'notedOn', message: `a relapse cannot be dated after today (${today})` },
      ]);
    }
    const id = await store.insertRelapse(tx, {
      clinicId: caller.clinicId,
      patientId,
      notedOn: r.notedOn,
      kind: r.kind,
      note: r.note || null,
      recordedBy: caller.staffId,
    });
    // The note stays out of the audit trail: the trail says who recorded what kind of record, not its words.
    await audit(tx, caller, {
      action: 'create',
      entity: 'relapse',
      entityId: id,
      patientId,
      detail: { kind: r.kind, notedOn: r.notedOn },
    });
    const row = await store.findRelapse(tx, id);
    if (!row) {
      throw new Error('relapse vanished inside its own transaction');
    }
    return relapseView(row);
  });
}

export async function listRelapses(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
): Promise<RelapseView[]> {
  requirePermission(caller, 'patients.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    const relapses = await readRelapses(tx, patientId);
    await audit(tx, caller, {
      action: 'read',
      entity: 'relapse',
      patientId,
      detail: { results: relapses.length },
    });
    return relapses;
  });
}
