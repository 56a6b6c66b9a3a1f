import { holdingOf } from '@openkap/domain/ledger/holding';
import type { InfusionHolding } from '@openkap/domain/ledger/types';
import { clinicTimeZone, inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { notFound } from '../http/errors.ts';
import { clinicDay } from '../clinic-day.ts';
import * as infusionStore from '../infusions/store.ts';
import { stateAround } from './record.ts';
import type { LedgerDeps } from './service.ts';
import * as store from './store.ts';
import {
  containerView,
  entryView,
  locationView,
  productView,
  type ContainerView,
  type EntryView,
  type LocationView,
  type ProductView,
} from './views.ts';

export interface OpenHolding extends InfusionHolding {
  infusionId: string;
  patientId: string | null;
  patientName: string | null;
  /** The session's stage: drug held for a closed session needs a correction or a look. */
  stage: string | null;
}

export interface StockView {
  locations: LocationView[];
  products: ProductView[];
  containers: ContainerView[];
  /** Drug drawn for sessions and not yet given, wasted or returned. */
  holdings: OpenHolding[];
  chain: { seq: number; hash: string };
  today: string;
}

/**
 * The ledger that still matters, replayed: containers holding drug or ever moved, and sessions holding
 * drawn drug, from only their own entries (years of empty vials and settled sessions are not replayed;
 * an empty vial that never moved is where it was received).
 */
async function replayLive(tx: Tx) {
  const [balances, heldIds] = await Promise.all([store.containerBalances(tx), store.heldInfusionIds(tx)]);
  const { state } = await stateAround(tx, {
    containerIds: balances.filter((b) => b.balanceUg !== 0 || b.moved).map((b) => b.containerId),
    infusionIds: heldIds,
  });
  // Only these sessions' entries are all loaded; others appear in the replay through a vial's draws.
  return { state, heldIds };
}

/** Every container with its balance and place. */
export async function stock(deps: LedgerDeps, caller: Caller): Promise<StockView> {
  requirePermission(caller, 'ledger.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const [locations, products, containers, { state, heldIds }, head, tz] = await Promise.all([
      store.listLocations(tx),
      store.listProducts(tx),
      store.allContainers(tx),
      replayLive(tx),
      store.chainHead(tx),
      clinicTimeZone(tx),
    ]);
    const today = clinicDay(deps.now(), tz);
    const held = heldIds.map((id) => [id, holdingOf(state, id)] as const);
    const sessions = new Map(
      (
        await store.sessionsWithPatients(
          tx,
          held.map(([id]) => id),
        )
      ).map((s) => [s.id, s]),
    );
    await audit(tx, caller, { action: 'read', entity: 'ledger_stock' });
    return {
      locations: locations.map(locationView),
      products: products.map(productView),
      containers: containers.map((c) => containerView(c, state, today)),
      holdings: held.map(([infusionId, h]) => {
        const s = sessions.get(infusionId);
        return {
          ...h,
          infusionId,
          patientId: s?.patient_id ?? null,
          patientName: s ? `${s.given_name} ${s.family_name}` : null,
          stage: s?.stage ?? null,
        };
      }),
      chain: { seq: Number(head?.seq ?? 0), hash: head?.hash ?? store.GENESIS },
      today,
    };
  });
}

export async function recentEntries(
  deps: LedgerDeps,
  caller: Caller,
  q: { limit: number; beforeSeq?: number | undefined },
): Promise<EntryView[]> {
  requirePermission(caller, 'ledger.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const rows = await store.recentEntries(tx, q.limit, q.beforeSeq);
    await audit(tx, caller, { action: 'read', entity: 'ledger_entries' });
    return rows.map(entryView);
  });
}

export interface InfusionLedgerView {
  /** False when the clinic keeps no ledger in OpenKAP: the console then hides the panel. */
  inUse: boolean;
  holding: InfusionHolding;
  entries: EntryView[];
  /** Containers a dose can be drawn from now: unexpired, not empty. */
  drawable: ContainerView[];
}

/** The drug side of one session, read in the caller's transaction (the console's ledger panel). */
export async function infusionLedger(tx: Tx, infusionId: string, now: Date): Promise<InfusionLedgerView> {
  const [inUse, tz] = await Promise.all([store.ledgerInUse(tx), clinicTimeZone(tx)]);
  const { state } = await stateAround(tx, { infusionIds: [infusionId] });
  const today = clinicDay(now, tz);
  const rows = await store.recentEntriesForInfusion(tx, infusionId);
  let drawable: ContainerView[] = [];
  if (inUse) {
    const [containers, { state: all }] = await Promise.all([store.allContainers(tx), replayLive(tx)]);
    drawable = containers
      .map((c) => containerView(c, all, today))
      .filter((c) => c.status === 'open' || c.status === 'sealed')
      // Open vials first, so a partly used vial is finished before a new one is broken.
      .sort((a, b) =>
        a.status === b.status ? a.label.localeCompare(b.label) : a.status === 'open' ? -1 : 1,
      );
  }
  return { inUse, holding: holdingOf(state, infusionId), entries: rows.map(entryView), drawable };
}

export async function infusionLedgerFor(deps: LedgerDeps, caller: Caller, infusionId: string) {
  requirePermission(caller, 'ledger.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const infusion = await infusionStore.findInfusion(tx, infusionId);
    if (!infusion) {
      throw notFound('infusion');
    }
    const view = await infusionLedger(tx, infusionId, deps.now());
    await audit(tx, caller, {
      action: 'read',
      entity: 'ledger_infusion',
      entityId: infusionId,
      patientId: infusion.patient_id,
    });
    return view;
  });
}
