/**
 * The ledger's side of the infusion console (issue 5): the dose given is the ledger's administered
 * amount, and what was drawn and not given must be wasted with a witness or returned before the
 * session closes. Clinics that keep no ledger in OpenKAP (no registered location) are not held up.
 */
import { holdingOf } from '@openkap/domain/ledger/holding';
import { formatMg, mgToUg } from '@openkap/domain/ledger/units';
import { clinicTimeZone, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { conflict } from '../http/errors.ts';
import type { InfusionRow } from '../infusions/store.ts';
import { recordEntries, stateAround } from './record.ts';
import * as store from './store.ts';

/**
 * Rounding of the drawn volume (a syringe reads to 0.1 mL) may leave the drawn amount a little under
 * the ordered dose; 2 % below is accepted, more means the dose was not drawn.
 */
const DRAW_TOLERANCE = 0.02;

/** The clinic keeps its controlled-substance ledger in OpenKAP (a location is registered). */
export function keepsLedger(tx: Tx): Promise<boolean> {
  return store.ledgerInUse(tx);
}

/** Before the pump starts: the ordered dose has been drawn from a logged container. */
export async function requireDoseDrawn(tx: Tx, row: InfusionRow, doseMg: number): Promise<void> {
  if (!(await store.ledgerInUse(tx))) {
    return;
  }
  await store.lockChainHead(tx, row.clinic_id);
  const { state } = await stateAround(tx, { infusionIds: [row.id] });
  const held = holdingOf(state, row.id).heldUg;
  if (held < mgToUg(doseMg) * (1 - DRAW_TOLERANCE)) {
    throw conflict(
      'dose_not_drawn',
      `Draw the dose from a logged vial before starting: ${formatMg(mgToUg(doseMg))} ordered, ${formatMg(held)} drawn.`,
    );
  }
}

/** One dose as the chair gave it: the pump run of an IV session, or one injection or nasal dose. */
export interface GivenDose {
  mg: number;
  at: Date;
  /** The clinician who gave it, chosen in the console: the record's "administered by". */
  administeredBy: string;
  /** The patient's address as it stands at the dose: 21 CFR 1304.22(c) wants it on the record. */
  patientAddress: string | null;
  source: 'pump' | 'injection' | 'intranasal';
  administrationId?: string;
}

/**
 * Records a dose given as administered, up to what is held for the session (the chair cannot give
 * more than was drawn; any excess is noted on the entry for review). The entry's actor is the
 * clinician who gave the dose; whoever charted it, if someone else, is noted beside.
 */
export async function recordAdministered(
  tx: Tx,
  caller: Caller,
  row: InfusionRow,
  dose: GivenDose,
  now: Date,
): Promise<void> {
  if (!(await store.ledgerInUse(tx))) {
    return;
  }
  await store.lockChainHead(tx, row.clinic_id);
  const { state } = await stateAround(tx, { infusionIds: [row.id] });
  const holding = holdingOf(state, row.id);
  const givenUg = mgToUg(Math.round(dose.mg * 1000) / 1000);
  const quantityUg = Math.min(givenUg, holding.heldUg);
  if (quantityUg <= 0) {
    return;
  }
  const draw = (await store.entriesTouching(tx, { infusionIds: [row.id] })).find((e) => e.kind === 'draw');
  if (!draw) {
    return;
  }
  await recordEntries(
    tx,
    { clinicId: caller.clinicId, staffId: dose.administeredBy },
    [
      {
        kind: 'administer',
        locationId: draw.location_id,
        infusionId: row.id,
        patientId: row.patient_id,
        quantityUg,
        occurredAt: dose.at,
        details: {
          source: dose.source,
          givenUg,
          patientAddress: dose.patientAddress,
          ...(dose.administrationId ? { administrationId: dose.administrationId } : {}),
          ...(dose.administeredBy !== caller.staffId ? { recordedBy: caller.staffId } : {}),
          ...(givenUg > quantityUg ? { overDrawnUg: givenUg - quantityUg } : {}),
        },
      },
    ],
    { timeZone: await clinicTimeZone(tx), now },
  );
}

/** Before discharge: drawn = administered + wasted + returned. */
export async function requireReconciled(tx: Tx, row: InfusionRow): Promise<void> {
  if (!(await store.ledgerInUse(tx))) {
    return;
  }
  await store.lockChainHead(tx, row.clinic_id);
  const { state } = await stateAround(tx, { infusionIds: [row.id] });
  const held = holdingOf(state, row.id).heldUg;
  if (held > 0) {
    throw conflict(
      'ledger_unreconciled',
      `${formatMg(held)} of ketamine drawn for this session is unaccounted for: waste it with a witness or return it before discharge.`,
    );
  }
}
