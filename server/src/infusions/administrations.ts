import { checkManualDose } from '@openkap/domain/infusions/administrations';
import type { DoseOrder } from '@openkap/domain/dosing/dose-order';
import type { AdministrationInput } from '@openkap/domain/infusions/schema';
import { sessionSafetyOf } from '@openkap/domain/infusions/session-safety';
import type { Caller } from '../auth/caller.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import { recordAdministered } from '../ledger/infusion-link.ts';
import { advance, change, type InfusionDeps } from './change.ts';
import { protocolOf } from './protocol.ts';
import * as sessionStore from './session-store.ts';
import { assertReadyToStart, resolveAdministrator } from './start-checks.ts';
import * as store from './store.ts';
import type { InfusionView } from './view.ts';

/**
 * One IM injection or intranasal dose (issue 10). The first starts the session (the same checks as a
 * pump start: checklist, order, BP hold, drug drawn); each is checked against the order and the
 * injection site and written to the ledger as administered by the clinician who gave it; the last
 * (the order complete, or marked final) moves the patient to recovery.
 */
export function recordAdministration(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: AdministrationInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'record_administration', async (tx, row, now) => {
    const protocol = protocolOf(row);
    if (protocol.route !== 'im' && protocol.route !== 'intranasal') {
      throw conflict('wrong_route', 'An IV session is given by the pump: start and stop it there.');
    }
    if (row.stage !== 'precheck' && row.stage !== 'infusing') {
      throw conflict('wrong_stage', `No dose can be charted in ${row.stage}.`);
    }
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + 60_000) {
      throw badRequest('a dose cannot be charted in the future');
    }
    const first = row.stage === 'precheck';
    const order = (first
      ? await assertReadyToStart(tx, row, now)
      : row.dose_order) as unknown as DoseOrder & {
      vialConcentrationMgPerMl?: number;
    };
    const earlier = await sessionStore.listAdministrations(tx, id);
    const result = checkManualDose({
      route: protocol.route,
      orderedDoseMg: order.doseMg,
      // Orders from before the strength was stored: the draw volume was rounded from it.
      concentrationMgPerMl: order.vialConcentrationMgPerMl ?? order.doseMg / order.drawVolumeMl,
      given: earlier.map((a) => ({ at: new Date(a.at).getTime(), doseMg: Number(a.dose_mg) })),
      dose: {
        at: at.getTime(),
        doseMg: input.doseMg,
        volumeMl: input.volumeMl ?? null,
        site: input.site ?? null,
        side: input.side ?? null,
        devices: input.devices ?? null,
        nostril: input.nostril ?? null,
      },
      imSiteMaxMl: sessionSafetyOf(protocol).imSiteMaxMl,
      final: input.final,
    });
    const administeredBy = await resolveAdministrator(tx, caller, input.administeredBy);
    const administrationId = await sessionStore.insertAdministration(tx, {
      clinicId: row.clinic_id,
      infusionId: id,
      route: protocol.route,
      at,
      doseMg: input.doseMg,
      volumeMl: input.volumeMl ?? null,
      site: input.site ?? null,
      side: input.side ?? null,
      devices: input.devices ?? null,
      nostril: input.nostril ?? null,
      administeredBy,
      recordedBy: caller.staffId,
      note: input.note ?? null,
    });
    const patient = await requirePatient(tx, row.patient_id);
    await recordAdministered(
      tx,
      caller,
      row,
      {
        mg: input.doseMg,
        at,
        administeredBy,
        patientAddress: patient.address?.trim() || null,
        source: protocol.route === 'im' ? 'injection' : 'intranasal',
        administrationId,
      },
      now,
    );
    const changes: Parameters<typeof store.updateInfusion>[2] = {};
    let stage = row.stage;
    if (first) {
      stage = advance(stage, { type: 'start', prechecksComplete: true });
      changes.startedAt = at;
    }
    if (result.complete) {
      stage = advance(stage, { type: 'stop' });
      changes.endedAt = at;
      changes.totalDoseMg = result.totalMg;
    }
    if (stage !== row.stage) {
      Object.assign(changes, { stage, stageSince: at });
    }
    await store.updateInfusion(tx, id, changes);
    return {
      administrationId,
      doseMg: input.doseMg,
      totalMg: result.totalMg,
      complete: result.complete,
      administeredBy,
    };
  });
}
