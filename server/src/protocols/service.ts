import type { Kysely } from 'kysely';
import { protocols as builtIn } from '@openkap/domain/plans/protocols';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { withDosingDefaults } from '@openkap/domain/plans/protocol-defaults';
import { ProtocolSchema } from '@openkap/domain/plans/schema';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import { loadChart, type PatientChart } from '../patients/chart.ts';
import * as store from './store.ts';

/** The built-in protocols with this clinic's edits laid over them (edits saved before a field existed get its default). */
export async function clinicProtocols(tx: Tx): Promise<Protocol[]> {
  const edited = new Map(
    (await store.listClinicProtocols(tx)).map((r) => [
      r.id,
      withDosingDefaults(r.definition as unknown as Protocol),
    ]),
  );
  const merged = Object.values(builtIn).map((p) => edited.get(p.id) ?? p);
  for (const [id, p] of edited) {
    if (!(id in builtIn)) {
      merged.push(p);
    }
  }
  return merged;
}

export async function listProtocols(db: Kysely<DB>, caller: Caller): Promise<Protocol[]> {
  requirePermission(caller, 'patients.read');
  return inClinic(db, caller.clinicId, clinicProtocols);
}

export async function saveProtocol(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  input: unknown,
): Promise<Protocol> {
  requirePermission(caller, 'protocols.edit');
  const protocol = ProtocolSchema.parse(input) as Protocol;
  if (protocol.id !== id) {
    throw badRequest('the protocol id in the body must match the URL');
  }
  return inClinic(db, caller.clinicId, async (tx) => {
    await store.upsertProtocol(tx, {
      clinicId: caller.clinicId,
      id,
      definition: protocol as unknown as Record<string, unknown>,
      by: caller.staffId,
    });
    await audit(tx, caller, { action: 'update', entity: 'protocol', entityId: id });
    return protocol;
  });
}

/** Starts a plan from a protocol; the protocol is copied so later edits do not change a running plan. */
export async function startPlan(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
  protocolId: string,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'plans.write');
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    const protocol = (await clinicProtocols(tx)).find((p) => p.id === protocolId);
    if (!protocol) {
      throw notFound(`protocol ${protocolId}`);
    }
    await store.closeActivePlans(tx, patientId);
    const planId = await store.insertPlan(tx, {
      clinicId: caller.clinicId,
      patientId,
      protocolId,
      protocol: protocol as unknown as Record<string, unknown>,
      startedOn: now.toISOString().slice(0, 10),
      by: caller.staffId,
    });
    await audit(tx, caller, {
      action: 'create',
      entity: 'treatment_plan',
      entityId: planId,
      patientId,
      detail: { protocolId },
    });
    return loadChart(tx, caller, patientId, now);
  });
}
