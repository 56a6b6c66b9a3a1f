import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';

/** Who a drill-down row is about: the chart's link, its MRN and the name staff know the patient by. */
export interface PatientLabel {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
}

/**
 * One page of these patients, alphabetical by family name (then given name, then MRN, so the order is
 * total and pages never overlap). Sorting and cutting in SQL means only the page shown is read: a
 * "completed the series" group in a large clinic can hold thousands of patients.
 */
export async function patientPage(
  tx: Tx,
  patientIds: readonly string[],
  page: { offset: number; limit: number },
): Promise<PatientLabel[]> {
  if (patientIds.length === 0) {
    return [];
  }
  const rows = await tx
    .selectFrom('patients')
    .select(['id', 'mrn', 'given_name', 'family_name'])
    // One array parameter, not one parameter per id: a list can be longer than the wire's 65,535.
    .where(sql<boolean>`id = any(${[...patientIds]}::uuid[])`)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('mrn')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, mrn: r.mrn, givenName: r.given_name, familyName: r.family_name }));
}

/** The clinic this transaction is fenced to, for the PDF's header. */
export async function clinicHead(tx: Tx): Promise<{ name: string; timeZone: string }> {
  const row = await tx
    .selectFrom('clinics')
    .select(['name', 'time_zone'])
    .where(sql<boolean>`id = current_setting('openkap.clinic_id')::uuid`)
    .executeTakeFirst();
  return { name: row?.name ?? 'Clinic', timeZone: row?.time_zone ?? 'UTC' };
}
