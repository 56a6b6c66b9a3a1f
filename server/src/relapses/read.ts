import type { RelapseKind, RelapseView } from '@openkap/domain/outcomes/relapse';
import type { Tx } from '../db/clinic-scope.ts';
import * as store from './store.ts';

// Kept apart from service.ts so the patient chart can read relapses without importing the patient
// service back (service.ts needs requirePatient from it). The chart read's own audit row covers it.

export function relapseView(r: store.RelapseRow): RelapseView {
  return {
    id: r.id,
    // DATE arrives as yyyy-mm-dd (the parser in db/database.ts).
    notedOn: r.noted_on,
    // The table's check constraint holds kind to the domain's list.
    kind: r.kind as RelapseKind,
    note: r.note,
    recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function readRelapses(tx: Tx, patientId: string): Promise<RelapseView[]> {
  return (await store.listForPatient(tx, patientId)).map(relapseView);
}
