import type { SqlBool } from 'kysely';
import type { EntryKind, LedgerState } from '@openkap/domain/ledger/types';
import type * as store from './store.ts';

export interface EntryView {
  id: string;
  seq: number;
  kind: EntryKind;
  locationId: string;
  containerId: string | null;
  containerLabel: string | null;
  infusionId: string | null;
  patientId: string | null;
  patientName: string | null;
  quantityUg: number;
  containerDeltaUg: number;
  drawnDeltaUg: number;
  actorId: string;
  actorName: string | null;
  witnessId: string | null;
  witnessName: string | null;
  occurredAt: string;
  recordedAt: string;
  refersToSeq: number | null;
  toLocationId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  hash: string;
  /** A correction may still reverse it: not a count or correction, not reversed, its session open. */
  correctable: boolean;
}

type Named = Partial<{
  actor_name: string | null;
  witness_name: string | null;
  container_label: string | null;
  given_name: string | null;
  family_name: string | null;
  infusion_stage: string | null;
  corrected: SqlBool;
}>;

export function entryView(r: store.EntryRow & Named): EntryView {
  return {
    id: r.id,
    seq: Number(r.seq),
    kind: r.kind as EntryKind,
    locationId: r.location_id,
    containerId: r.container_id,
    containerLabel: r.container_label ?? null,
    infusionId: r.infusion_id,
    patientId: r.patient_id,
    patientName: r.given_name ? `${r.given_name} ${r.family_name ?? ''}`.trim() : null,
    quantityUg: Number(r.quantity_ug),
    containerDeltaUg: Number(r.container_delta_ug),
    drawnDeltaUg: Number(r.drawn_delta_ug),
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
    witnessId: r.witness_id,
    witnessName: r.witness_name ?? null,
    occurredAt: new Date(r.occurred_at).toISOString(),
    recordedAt: new Date(r.recorded_at).toISOString(),
    refersToSeq: r.refers_to_seq == null ? null : Number(r.refers_to_seq),
    toLocationId: r.to_location_id,
    reason: r.reason,
    details: r.details,
    hash: r.hash,
    correctable:
      r.kind !== 'count' &&
      r.kind !== 'correction' &&
      !r.corrected &&
      r.infusion_stage !== 'discharged' &&
      r.infusion_stage !== 'cancelled',
  };
}

export type ContainerStatus = 'sealed' | 'open' | 'empty' | 'expired';

export interface ContainerView {
  id: string;
  label: string;
  lot: string;
  expiresOn: string;
  productId: string;
  productName: string;
  ndc: string;
  mgPerMl: number;
  containerMl: number;
  locationId: string;
  capacityUg: number;
  balanceUg: number;
  status: ContainerStatus;
}

export function containerView(c: store.ContainerRow, state: LedgerState, today: string): ContainerView {
  const s = state.containers[c.id];
  const balanceUg = s?.balanceUg ?? 0;
  const capacityUg = Number(c.capacity_ug);
  const status: ContainerStatus =
    balanceUg === 0
      ? 'empty'
      : c.expires_on < today
        ? 'expired'
        : balanceUg === capacityUg
          ? 'sealed'
          : 'open';
  return {
    id: c.id,
    label: c.label,
    lot: c.lot,
    expiresOn: c.expires_on,
    productId: c.product_id,
    productName: c.product_name,
    ndc: c.ndc,
    mgPerMl: Number(c.mg_per_ml),
    containerMl: Number(c.container_ml),
    locationId: s?.locationId ?? c.location_id,
    capacityUg,
    balanceUg,
    status,
  };
}

export function locationView(l: store.LocationRow) {
  return {
    id: l.id,
    name: l.name,
    deaRegistration: l.dea_registration,
    address: l.address,
    storage: l.storage,
  };
}
export type LocationView = ReturnType<typeof locationView>;

export function productView(p: store.ProductRow) {
  return {
    id: p.id,
    name: p.name,
    ndc: p.ndc,
    form: p.form,
    mgPerMl: Number(p.mg_per_ml),
    containerMl: Number(p.container_ml),
  };
}
export type ProductView = ReturnType<typeof productView>;
