import type { Kysely } from 'kysely';
import { rolesAllowed } from '@openkap/domain/auth/permissions';
import type { StaffRole } from '@openkap/domain/auth/schema';
import { TherapySessionInput } from '@openkap/domain/therapy/schema';
import { therapySessionProblems } from '@openkap/domain/therapy/sessions';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import * as store from './store.ts';
import { therapySessionView, type TherapySessionView } from './view.ts';
import { readSessions } from './read.ts';

function refuse(issues: readonly { path: string; message: string }[]): never {
  throw badRequest(
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

/** Records one psychotherapy session (therapist or physician); answers it as the chart lists it. */
export async function recordSession(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
  input: TherapySessionInput,
  now: Date,
): Promise<TherapySessionView> {
  requirePermission(caller, 'therapy.record');
  const s = TherapySessionInput.parse(input);
  const heldAt = new Date(s.heldAt);
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    const therapistId = s.therapistId ?? caller.staffId;
    const therapist = await store.findClinicStaff(tx, caller.clinicId, therapistId);
    if (!therapist || !rolesAllowed('therapy.record').includes(therapist.role as StaffRole)) {
      refuse([
        // Said plainly: the id may be a real person in another clinic, which is not ours to confirm.
        { path: 'therapistId', message: 'not a therapist or physician of this clinic' },
      ]);
    }
    let dosing: { at: number; cancelled: boolean } | null = null;
    if (s.infusionId) {
      const infusion = await store.findDosingSession(tx, s.infusionId);
      if (!infusion || infusion.patient_id !== patientId) {
        refuse([{ path: 'infusionId', message: 'not a dosing session of this patient' }]);
      }
      dosing = {
        at: new Date(infusion.started_at ?? infusion.scheduled_at).getTime(),
        cancelled: infusion.stage === 'cancelled',
      };
    }
    const issues = therapySessionProblems(
      { kind: s.kind, heldAt: heldAt.getTime() },
      { now: now.getTime(), dosing },
    );
    if (issues.length) {
      refuse(issues);
    }
    const id = await store.insertSession(tx, {
      clinicId: caller.clinicId,
      patientId,
      therapistId,
      kind: s.kind,
      heldAt,
      minutes: s.minutes ?? null,
      attendance: s.attendance,
      infusionId: s.infusionId ?? null,
      summary: s.summary || null,
      recordedBy: caller.staffId,
    });
    // The summary stays out of the audit trail: the trail says who wrote what kind of record, not its words.
    await audit(tx, caller, {
      action: 'create',
      entity: 'therapy_session',
      entityId: id,
      patientId,
      detail: { kind: s.kind, attendance: s.attendance },
    });
    const row = await store.findSession(tx, id);
    if (!row) {
      throw new Error('therapy session vanished inside its own transaction');
    }
    return therapySessionView(row);
  });
}

export async function listSessions(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
): Promise<TherapySessionView[]> {
  requirePermission(caller, 'therapy.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    return readSessions(tx, caller, patientId, 'list');
  });
}
