import type { Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { can } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import * as store from './store.ts';
import { therapySessionView, type TherapySessionView } from './view.ts';

// Kept apart from service.ts so the patient chart can read sessions without importing the patient
// service back (service.ts needs requirePatient from it).

/**
 * The chart's therapy sessions: null when the caller's role may not read therapy summaries (front desk,
 * billing), so "none recorded" is never confused with "not yours to see". Reading them is audited on its
 * own, apart from the chart read, so who read therapy records can be listed.
 */
export async function chartSessions(
  tx: Tx,
  caller: Caller,
  patientId: string,
): Promise<TherapySessionView[] | null> {
  if (!can(caller, 'therapy.read')) {
    return null;
  }
  return readSessions(tx, caller, patientId, 'chart');
}

export async function readSessions(
  tx: Tx,
  caller: Caller,
  patientId: string,
  via: 'list' | 'chart',
): Promise<TherapySessionView[]> {
  const rows = await store.listForPatient(tx, patientId);
  if (via === 'list' || rows.length > 0) {
    await audit(tx, caller, {
      action: 'read',
      entity: 'therapy_session',
      patientId,
      detail: { results: rows.length, via },
    });
  }
  return rows.map(therapySessionView);
}
