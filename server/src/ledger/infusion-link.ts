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

/**
 * At pump stop, the infused amount is recorded as administered, up to what is held for the session
 * (the pump cannot give more than was drawn; any excess is noted on the entry for review).
 */
export async function recordAdministered(
  tx: Tx,
  caller: Caller,
  row: InfusionRow,
  givenMg: number,
  at: Date,
  now: Date,
): Promise<void> {
  if (!(await store.ledgerInUse(tx))) {
    return;
  }
  await store.lockChainHead(tx, row.clinic_id);
  const { state } = await stateAround(tx, { infusionIds: [row.id] });
  const holding = holdingOf(state, row.id);
  const givenUg = mgToUg(Math.round(givenMg * 1000) / 1000);
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
    caller,
    [
      {
        kind: 'administer',
        locationId: draw.location_id,
        infusionId: row.id,
        patientId: row.patient_id,
        quantityUg,
        occurredAt: at,
        details: {
          source: 'pump',
          givenUg,
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
