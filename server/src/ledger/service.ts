/**
 * The controlled-substance ledger (issue 5): stock set-up, receipts, draws, waste, returns, transfers,
 * disposals, losses, adjustments and corrections. Each write is one clinic transaction that takes the
 * chain lock, checks the domain rules against the replayed ledger, appends hashed entries and audits.
 */
import type {
  AdjustInput,
  CorrectionInput,
  DisposeInput,
  DrawInput,
  LocationInput,
  LossInput,
  ProductInput,
  ReceiveInput,
  ReturnInput,
  TransferInput,
  WasteInput,
} from '@openkap/domain/ledger/schema';
import { stockArrivalRefusal } from '@openkap/domain/ledger/inventory-schedule';
import { mgToUg, mlToUg } from '@openkap/domain/ledger/units';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import * as infusionStore from '../infusions/store.ts';
import { arrivalGate } from './followups/store.ts';
import { stateAround } from './record.ts';
import { verifyWitness, type Witness } from './witness.ts';
import * as store from './store.ts';
import type { EntryView } from './views.ts';
import { occurred, write, type LedgerDeps } from './write.ts';

export type { LedgerDeps };

/**
 * Stock arrives at a location (a receipt, or a transfer in) only after its initial inventory
 * (21 CFR 1304.11(b)); see stockArrivalRefusal for locations that held stock before this rule.
 */
async function requireInitialInventory(tx: Tx, location: store.LocationRow, at: Date): Promise<void> {
  const gate = await arrivalGate(tx, location.id);
  const refusal = stockArrivalRefusal(
    {
      initialAt: gate.initialAt?.toISOString() ?? null,
      firstStockAt: gate.firstStockAt?.toISOString() ?? null,
      locationName: location.name,
    },
    at.toISOString(),
  );
  if (refusal) {
    throw conflict(refusal.code, refusal.message);
  }
}

async function requireContainer(tx: Tx, id: string): Promise<store.ContainerRow> {
  const [row] = await store.containersByIds(tx, [id]);
  if (!row) {
    throw notFound('container');
  }
  return row;
}

/** Where a container is now (after transfers), from the replayed ledger. */
async function currentLocation(tx: Tx, containerId: string): Promise<string> {
  const { state } = await stateAround(tx, { containerIds: [containerId] });
  const c = state.containers[containerId];
  if (!c) {
    throw notFound('container');
  }
  return c.locationId;
}

/** An open session in this clinic; its drug is drawn, given, wasted or returned only while open. */
async function requireOpenInfusion(tx: Tx, id: string): Promise<infusionStore.InfusionRow> {
  const row = await infusionStore.findInfusion(tx, id);
  if (!row) {
    throw notFound('infusion');
  }
  if (row.stage === 'discharged' || row.stage === 'cancelled') {
    throw conflict('session_closed', 'This session is closed.');
  }
  return row;
}

/** The location an infusion's drug came from: where its first draw was recorded. */
async function drawLocation(tx: Tx, infusionId: string): Promise<string> {
  const entries = await store.entriesTouching(tx, { infusionIds: [infusionId] });
  const draw = entries.find((e) => e.kind === 'draw');
  if (!draw) {
    throw conflict('nothing_drawn', 'Nothing has been drawn for this session.');
  }
  return draw.location_id;
}

// ---- set-up ------------------------------------------------------------------------------------

export async function createLocation(deps: LedgerDeps, caller: Caller, input: LocationInput) {
  requirePermission(caller, 'ledger.setup');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const exists = await store.locationByRegistration(tx, input.deaRegistration);
    if (exists) {
      throw conflict('duplicate_registration', `Registration ${input.deaRegistration} is already set up.`);
    }
    const row = await store.insertLocation(tx, {
      clinicId: caller.clinicId,
      name: input.name,
      deaRegistration: input.deaRegistration,
      address: input.address,
      storage: input.storage,
      createdBy: caller.staffId,
    });
    await audit(tx, caller, { action: 'create', entity: 'ledger_location', entityId: row.id });
    return row;
  });
}

export async function createProduct(deps: LedgerDeps, caller: Caller, input: ProductInput) {
  requirePermission(caller, 'ledger.setup');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const exists = await store.productByNdc(tx, input.ndc);
    if (exists) {
      throw conflict('duplicate_product', `NDC ${input.ndc} is already set up.`);
    }
    const row = await store.insertProduct(tx, {
      clinicId: caller.clinicId,
      name: input.name,
      ndc: input.ndc,
      form: input.form,
      mgPerMl: input.mgPerMl,
      containerMl: input.containerMl,
      createdBy: caller.staffId,
    });
    await audit(tx, caller, { action: 'create', entity: 'ledger_product', entityId: row.id });
    return row;
  });
}

// ---- stock movements ---------------------------------------------------------------------------

/** Containers arrive on an invoice: one container row and one receive entry each. */
export function receive(deps: LedgerDeps, caller: Caller, input: ReceiveInput): Promise<EntryView[]> {
  const now = deps.now();
  const receivedAt = occurred(input.receivedAt, now);
  return write(deps, caller, 'ledger.record', 'ledger_receive', async (tx) => {
    const product = await store.findProduct(tx, input.productId);
    const location = await store.findLocation(tx, input.locationId);
    if (!product) {
      throw notFound('product');
    }
    if (!location) {
      throw notFound('location');
    }
    await requireInitialInventory(tx, location, receivedAt);
    const labels = input.containers.map((c) => c.label);
    const taken = await store.takenLabels(tx, labels);
    if (taken.length > 0 || new Set(labels).size !== labels.length) {
      const dup = taken[0] ?? labels.find((l, i) => labels.indexOf(l) !== i);
      throw conflict('duplicate_label', `Container label ${dup} is already in use.`);
    }
    const capacityUg = mlToUg(Number(product.container_ml), Number(product.mg_per_ml));
    const containers = await store.insertContainers(
      tx,
      input.containers.map((c) => ({
        clinicId: caller.clinicId,
        productId: product.id,
        locationId: location.id,
        label: c.label,
        lot: c.lot,
        expiresOn: c.expiresOn,
        capacityUg,
      })),
    );
    return {
      specs: containers.map((c) => ({
        kind: 'receive' as const,
        locationId: location.id,
        containerId: c.id,
        quantityUg: capacityUg,
        occurredAt: receivedAt,
        lateReason: input.lateReason,
        details: {
          invoiceNumber: input.invoiceNumber,
          supplier: input.supplier,
          productId: product.id,
          ndc: product.ndc,
          label: c.label,
          lot: c.lot,
          expiresOn: c.expires_on,
          capacityUg,
        },
      })),
    };
  });
}

export function draw(deps: LedgerDeps, caller: Caller, input: DrawInput): Promise<EntryView[]> {
  const at = occurred(input.occurredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_draw', async (tx) => {
    const infusion = await requireOpenInfusion(tx, input.infusionId);
    const container = await requireContainer(tx, input.containerId);
    const quantityUg = mlToUg(input.volumeMl, Number(container.mg_per_ml));
    return {
      patientId: infusion.patient_id,
      specs: [
        {
          kind: 'draw',
          locationId: await currentLocation(tx, container.id),
          containerId: container.id,
          infusionId: infusion.id,
          patientId: infusion.patient_id,
          quantityUg,
          occurredAt: at,
          lateReason: input.lateReason,
          details: { volumeMl: input.volumeMl, label: container.label },
        },
      ],
    };
  });
}

export async function waste(deps: LedgerDeps, caller: Caller, input: WasteInput): Promise<EntryView[]> {
  requirePermission(caller, 'ledger.record');
  const witness = await verifyWitness(deps.db, caller, input.witness, deps.now());
  const at = occurred(input.occurredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_waste', async (tx) => {
    const infusion = await requireOpenInfusion(tx, input.infusionId);
    return {
      patientId: infusion.patient_id,
      specs: [
        {
          kind: 'waste',
          locationId: await drawLocation(tx, infusion.id),
          infusionId: infusion.id,
          patientId: infusion.patient_id,
          quantityUg: mgToUg(input.quantityMg),
          witness,
          occurredAt: at,
          lateReason: input.lateReason,
          details: { method: input.method, witnessName: witness.name },
        },
      ],
    };
  });
}

export function returnToStock(deps: LedgerDeps, caller: Caller, input: ReturnInput): Promise<EntryView[]> {
  const at = occurred(input.occurredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_return', async (tx) => {
    const infusion = await requireOpenInfusion(tx, input.infusionId);
    const container = await requireContainer(tx, input.containerId);
    return {
      patientId: infusion.patient_id,
      specs: [
        {
          kind: 'return',
          locationId: await currentLocation(tx, container.id),
          containerId: container.id,
          infusionId: infusion.id,
          patientId: infusion.patient_id,
          quantityUg: mgToUg(input.quantityMg),
          occurredAt: at,
          lateReason: input.lateReason,
          details: { label: container.label },
        },
      ],
    };
  });
}

export function transfer(deps: LedgerDeps, caller: Caller, input: TransferInput): Promise<EntryView[]> {
  const at = occurred(input.occurredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_transfer', async (tx) => {
    const container = await requireContainer(tx, input.containerId);
    const { state } = await stateAround(tx, { containerIds: [container.id] });
    const balance = state.containers[container.id];
    const to = await store.findLocation(tx, input.toLocationId);
    if (!to || !balance) {
      throw notFound(to ? 'container' : 'location');
    }
    await requireInitialInventory(tx, to, at);
    return {
      specs: [
        {
          kind: 'transfer',
          locationId: balance.locationId,
          containerId: container.id,
          quantityUg: balance.balanceUg,
          toLocationId: to.id,
          occurredAt: at,
          lateReason: input.lateReason,
          details: { label: container.label, toRegistration: to.dea_registration },
        },
      ],
    };
  });
}

/** DEA Form 41 data: stock destroyed or handed to a reverse distributor, witnessed. */
export async function dispose(deps: LedgerDeps, caller: Caller, input: DisposeInput): Promise<EntryView[]> {
  requirePermission(caller, 'ledger.record');
  if (input.method === 'reverse_distributor' && !input.reverseDistributor) {
    throw badRequest('a reverse distributor’s name, address and registration are needed', [
      { path: 'reverseDistributor', message: 'required for reverse_distributor' },
    ]);
  }
  const witness = await verifyWitness(deps.db, caller, input.witness, deps.now());
  const at = occurred(input.occurredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_dispose', async (tx) => {
    const container = await requireContainer(tx, input.containerId);
    const { state } = await stateAround(tx, { containerIds: [container.id] });
    const balance = state.containers[container.id];
    if (!balance) {
      throw notFound('container');
    }
    return {
      specs: [
        {
          kind: 'dispose',
          locationId: balance.locationId,
          containerId: container.id,
          quantityUg: input.quantityMg != null ? mgToUg(input.quantityMg) : balance.balanceUg,
          witness,
          occurredAt: at,
          reason: input.reason,
          lateReason: input.lateReason,
          details: {
            form: 'DEA-41',
            method: input.method,
            reverseDistributor: input.reverseDistributor ?? null,
            label: container.label,
            lot: container.lot,
            witnessName: witness.name,
          },
        },
      ],
    };
  });
}

/** DEA Form 106 data: theft or significant loss. */
export function loss(deps: LedgerDeps, caller: Caller, input: LossInput): Promise<EntryView[]> {
  const at = occurred(input.discoveredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_loss', async (tx) => {
    const container = await requireContainer(tx, input.containerId);
    return {
      specs: [
        {
          kind: 'loss',
          locationId: await currentLocation(tx, container.id),
          containerId: container.id,
          quantityUg: mgToUg(input.quantityMg),
          occurredAt: at,
          reason: input.reason,
          lateReason: input.lateReason,
          details: {
            form: 'DEA-106',
            lossType: input.lossType,
            policeReport: input.policeReport ?? null,
            form106Filed: input.form106Filed,
            label: container.label,
            lot: container.lot,
          },
        },
      ],
    };
  });
}

export function adjust(deps: LedgerDeps, caller: Caller, input: AdjustInput): Promise<EntryView[]> {
  const at = occurred(input.occurredAt, deps.now());
  return write(deps, caller, 'ledger.record', 'ledger_adjust', async (tx) => {
    const container = await requireContainer(tx, input.containerId);
    if (input.countSeq != null) {
      const count = await store.entryBySeq(tx, input.countSeq);
      if (!count || count.kind !== 'count' || count.container_id !== container.id) {
        throw badRequest(`entry #${input.countSeq} is not a count of container ${container.label}`);
      }
    }
    return {
      specs: [
        {
          kind: 'adjust',
          locationId: await currentLocation(tx, container.id),
          containerId: container.id,
          quantityUg: Math.sign(input.quantityMg) * mgToUg(Math.abs(input.quantityMg)),
          occurredAt: at,
          refersToSeq: input.countSeq ?? null,
          reason: input.reason,
          lateReason: input.lateReason,
          details: { label: container.label },
        },
      ],
    };
  });
}

/** Reverses one entry exactly; the right entry is then recorded anew. */
export function correct(deps: LedgerDeps, caller: Caller, input: CorrectionInput): Promise<EntryView[]> {
  const now = deps.now();
  return write(deps, caller, 'ledger.record', 'ledger_correction', async (tx) => {
    const target = await store.entryBySeq(tx, input.seq);
    if (!target) {
      throw notFound(`entry #${input.seq}`);
    }
    if (target.infusion_id) {
      await requireOpenInfusion(tx, target.infusion_id);
    }
    return {
      patientId: target.patient_id,
      specs: [
        {
          kind: 'correction',
          locationId: target.location_id,
          containerId: target.container_id,
          infusionId: target.infusion_id,
          patientId: target.patient_id,
          quantityUg: Number(target.quantity_ug),
          occurredAt: now,
          refersToSeq: Number(target.seq),
          reason: input.reason,
          details: { corrects: { seq: Number(target.seq), kind: target.kind } },
        },
      ],
    };
  });
}

export type { Witness };
