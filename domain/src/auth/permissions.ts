import type { StaffRole } from './schema.ts';

/**
 * Who may do what in the clinic. The server checks every request against this table; the web app
 * reads the same table to offer only what the server will accept.
 */
export const permissions = {
  'patients.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk', 'billing'],
  'patients.write': ['admin', 'physician', 'nurse', 'front_desk'],
  'patients.clinical_write': ['physician', 'nurse'],
  'flags.acknowledge': ['physician'],
  'protocols.edit': ['admin', 'physician'],
  'plans.write': ['physician'],
  'infusions.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  'infusions.schedule': ['physician', 'nurse', 'front_desk'],
  'infusions.chart': ['physician', 'nurse'],
  'infusions.order': ['physician', 'nurse'],
  // Starting a dose over the pre-dose BP hold is a prescriber's decision (Spravato: "an elevated baseline
  // reading is a prescriber decision"; issue 10): physicians only, with a reason.
  'infusions.override_hold': ['physician'],
  'questionnaires.enter': ['physician', 'nurse', 'therapist', 'front_desk'],
  // Clinician-rated scales (MADRS) record a clinical judgement from an interview: clinical staff only.
  'questionnaires.rate': ['physician', 'nurse', 'therapist'],
  'safety.manage': ['physician', 'nurse', 'therapist'],
  'leads.read': ['admin', 'front_desk'],
  'devices.review': ['physician', 'nurse', 'front_desk'],
  // A monitor's chair decides whose chart its readings land on: clinical staff and the administrator
  // who sets up equipment, not the front desk (who may still see the list through devices.review).
  'devices.configure': ['admin', 'physician', 'nurse'],
  'tokens.manage': ['admin'],
  // The clinic's own outcome numbers (response, remission, time to booster): the medical director
  // (a physician) and the administrator.
  'reports.view': ['admin', 'physician'],
  // Who to call about a booster: the clinical team, and the front desk who books it.
  'boosters.review': ['physician', 'nurse', 'therapist', 'front_desk'],
  // Psychotherapy sessions (issue 4): the therapist or physician who holds them records them; the care
  // team reads their summaries. Front desk and billing do not read therapy summaries.
  'therapy.record': ['therapist', 'physician'],
  'therapy.read': ['admin', 'physician', 'nurse', 'therapist'],
  // A relapse (issue 4) is a clinician's judgement that symptoms or use returned; it ends the time to
  // booster or relapse on the outcome report. Read with the chart (patients.read).
  'relapses.record': ['physician', 'nurse', 'therapist'],
  // The controlled-substance ledger (issue 5): only those who may handle ketamine see or sign it;
  // a witness must hold ledger.witness and re-authenticate at that moment.
  'ledger.read': ['admin', 'physician', 'nurse'],
  'ledger.record': ['admin', 'physician', 'nurse'],
  'ledger.witness': ['admin', 'physician', 'nurse'],
  // Registered locations and products: who answers for the DEA registration.
  'ledger.setup': ['admin', 'physician'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof permissions;

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return (permissions[permission] as readonly StaffRole[]).includes(role);
}

/** The roles allowed to do `permission`, for "a physician or nurse can" messages. */
export function rolesAllowed(permission: Permission): readonly StaffRole[] {
  return permissions[permission];
}
