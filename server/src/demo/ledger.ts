import { mgToUg, mlToUg } from '@openkap/domain/ledger/units';
import type { Tx } from '../db/clinic-scope.ts';
import { recordEntries, type EntrySpec } from '../ledger/record.ts';
import * as ledgerStore from '../ledger/store.ts';

const DAY = 86_400_000;
const MIN = 60_000;

/**
 * Made-up products and vials for the demo. The NDCs are shaped like real ones but are examples:
 * a clinic sets up its own products from the labels on its stock.
 */
const demoProducts = [
  {
    key: 10,
    name: 'Ketamine HCl injection 10 mg/mL (demo)',
    ndc: '0000-0010-20',
    mgPerMl: 10,
    containerMl: 20,
  },
  {
    key: 50,
    name: 'Ketamine HCl injection 50 mg/mL (demo)',
    ndc: '0000-0050-10',
    mgPerMl: 50,
    containerMl: 10,
  },
  {
    key: 100,
    name: 'Ketamine HCl injection 100 mg/mL (demo)',
    ndc: '0000-0100-05',
    mgPerMl: 100,
    containerMl: 5,
  },
] as const;

interface Vial {
  id: string;
  label: string;
  leftUg: number;
}

/**
 * A ledger history consistent with the demo infusions: the zero initial inventory, then vials received
 * before the first session and counted into the safe, each past session's draw (rounded up to the next 0.1 mL), the dose given and
 * the leftover wasted with the physician as witness, one expired vial disposed of through a reverse
 * distributor, one expired vial still awaiting destruction, and this morning's count. Every entry goes
 * through the same rule check and hash chain as the app's own writes.
 */
export async function seedLedger(
  tx: Tx,
  clinicId: string,
  staff: { nurseId: string; physicianId: string; adminId: string },
  now: Date,
): Promise<void> {
  const infusions = await ledgerStore.dischargedInfusionsForLedger(tx);
  const first = infusions[0]?.started_at
    ? new Date(infusions[0].started_at)
    : new Date(now.getTime() - 30 * DAY);
  const receivedAt = new Date(first.getTime() - 7 * DAY);

  const location = await ledgerStore.insertLocation(tx, {
    clinicId,
    name: 'Demo clinic — main office',
    deaRegistration: 'FD0000001',
    address: '100 Example Ave, Suite 2, Springfield (made-up)',
    storage: 'Double-locked steel safe, medication room',
    createdBy: staff.adminId,
  });
  const products = new Map<number, { id: string; capacityUg: number; mgPerMl: number }>();
  for (const p of demoProducts) {
    const row = await ledgerStore.insertProduct(tx, {
      clinicId,
      name: p.name,
      ndc: p.ndc,
      form: 'injection, solution (vial)',
      mgPerMl: p.mgPerMl,
      containerMl: p.containerMl,
      createdBy: staff.adminId,
    });
    products.set(p.key, { id: row.id, capacityUg: mlToUg(p.containerMl, p.mgPerMl), mgPerMl: p.mgPerMl });
  }

  const nurse = { clinicId, staffId: staff.nurseId };
  const write = (specs: EntrySpec[], at: Date, by = nurse) =>
    recordEntries(tx, by, specs, { timeZone: 'America/New_York', now: at });
  const witness = (at: Date) => ({ staffId: staff.physicianId, at });

  // What each product's sessions need, received up front in boxes of 10, plus spares.
  const concentrationOf = (protocol: unknown): number =>
    Number(
      (protocol as { preparation?: { vialConcentrationMgPerMl?: number } }).preparation
        ?.vialConcentrationMgPerMl ?? 10,
    );
  const sourceOf = (protocol: unknown): 'pump' | 'injection' | 'intranasal' => {
    const route = (protocol as { route?: string }).route;
    return route === 'im' ? 'injection' : route === 'intranasal' ? 'intranasal' : 'pump';
  };
  const needUg = new Map<number, number>();
  for (const inf of infusions) {
    const c = concentrationOf(inf.protocol);
    needUg.set(c, (needUg.get(c) ?? 0) + mgToUg(Number(inf.total_dose_mg ?? 0)) + 10_000);
  }
  // The registration's first day: its initial inventory, of nothing yet, comes before the first delivery
  // (21 CFR 1304.11(b)).
  const initialAt = new Date(receivedAt.getTime() - 60 * MIN);
  await write(
    [
      {
        kind: 'count',
        locationId: location.id,
        containerId: null,
        quantityUg: 0,
        witness: witness(initialAt),
        occurredAt: initialAt,
        details: { countKind: 'initial', timing: 'opening', nothingOnHand: true },
      },
    ],
    initialAt,
  );

  const vials = new Map<number, Vial[]>();
  let labelNo = 0;
  let invoiceNo = 4100;
  for (const p of demoProducts) {
    const product = products.get(p.key);
    if (!product) {
      continue;
    }
    const count = Math.ceil((needUg.get(p.key) ?? 0) / product.capacityUg / 10) * 10 + 10;
    const rows = await ledgerStore.insertContainers(
      tx,
      Array.from({ length: count }, (_, i) => ({
        clinicId,
        productId: product.id,
        locationId: location.id,
        label: `K${p.key}-${String(++labelNo).padStart(4, '0')}`,
        lot: `DEMO${p.key}${i < count - 1 ? 'A' : 'X'}`,
        // The last vial of each product expired last month: stock awaiting destruction.
        expiresOn: i < count - 1 ? '2028-03-31' : isoDay(new Date(now.getTime() - 30 * DAY)),
        capacityUg: product.capacityUg,
      })),
    );
    invoiceNo += 1;
    await write(
      rows.map((r) => ({
        kind: 'receive',
        locationId: location.id,
        containerId: r.id,
        quantityUg: product.capacityUg,
        occurredAt: receivedAt,
        details: {
          invoiceNumber: `INV-${invoiceNo}`,
          supplier: {
            name: 'Example Medical Distributors (made-up)',
            address: '1 Warehouse Way, Memphis, TN',
            deaRegistration: 'RE0000002',
          },
          productId: product.id,
          ndc: p.ndc,
          label: r.label,
          lot: r.lot,
          expiresOn: r.expires_on,
          capacityUg: product.capacityUg,
        },
      })),
      receivedAt,
    );
    // Usable vials in label order; the expired one is set aside.
    vials.set(
      p.key,
      rows.slice(0, -1).map((r) => ({ id: r.id, label: r.label, leftUg: product.capacityUg })),
    );
  }
  // The delivery counted into the safe at the end of that day.
  const arrivalCountAt = new Date(receivedAt.getTime() + 60 * MIN);
  const onHand = await ledgerStore.containerLabels(tx);
  await write(
    onHand.map((c) => ({
      kind: 'count',
      locationId: location.id,
      containerId: c.id,
      quantityUg: Number(c.capacity_ug),
      witness: witness(arrivalCountAt),
      occurredAt: arrivalCountAt,
      details: {
        countKind: 'daily',
        timing: 'close',
        expectedUg: Number(c.capacity_ug),
        label: c.label,
        estimated: false,
      },
    })),
    arrivalCountAt,
  );

  for (const inf of infusions) {
    const c = concentrationOf(inf.protocol);
    const givenUg = mgToUg(Number(inf.total_dose_mg ?? 0));
    if (!inf.started_at) {
      continue;
    }
    const start = new Date(inf.started_at);
    const end = new Date(inf.ended_at ?? inf.started_at);
    // A syringe reads to 0.1 mL: the draw is the order rounded up.
    let wantUg = mlToUg(Math.ceil((givenUg / 1000 / c) * 10) / 10, c);
    const drawAt = new Date(start.getTime() - 10 * MIN);
    const draws: EntrySpec[] = [];
    for (const vial of vials.get(c) ?? []) {
      if (wantUg === 0) {
        break;
      }
      const take = Math.min(vial.leftUg, wantUg);
      if (take === 0) {
        continue;
      }
      vial.leftUg -= take;
      wantUg -= take;
      draws.push({
        kind: 'draw',
        locationId: location.id,
        containerId: vial.id,
        infusionId: inf.id,
        patientId: inf.patient_id,
        quantityUg: take,
        occurredAt: drawAt,
        details: { volumeMl: take / 1000 / c, label: vial.label },
      });
    }
    const drawnUg = draws.reduce((s, d) => s + d.quantityUg, 0);
    await write(draws, drawAt);
    await write(
      [
        {
          kind: 'administer',
          locationId: location.id,
          infusionId: inf.id,
          patientId: inf.patient_id,
          quantityUg: givenUg,
          occurredAt: end,
          // As the console records it (issue 10): by route, with the patient's address of the day.
          details: {
            source: sourceOf(inf.protocol),
            givenUg,
            patientAddress: inf.patient_address,
          },
        },
      ],
      end,
    );
    if (drawnUg > givenUg) {
      const wasteAt = new Date(end.getTime() + 5 * MIN);
      await write(
        [
          {
            kind: 'waste',
            locationId: location.id,
            infusionId: inf.id,
            patientId: inf.patient_id,
            quantityUg: drawnUg - givenUg,
            witness: witness(wasteAt),
            occurredAt: wasteAt,
            details: { method: 'drug disposal pouch', witnessName: 'Dr. Ruth Alvarez' },
          },
        ],
        wasteAt,
      );
    }
  }

  // One expired vial went back through a reverse distributor (DEA Form 41 data).
  const expired = await ledgerStore.containersByLotSuffix(tx, 'X');
  const [sent] = expired;
  if (sent) {
    const at = new Date(now.getTime() - 3 * DAY);
    await write(
      [
        {
          kind: 'dispose',
          locationId: location.id,
          containerId: sent.id,
          quantityUg: Number(sent.capacity_ug),
          witness: witness(at),
          occurredAt: at,
          reason: 'Expired',
          details: {
            form: 'DEA-41',
            method: 'reverse_distributor',
            reverseDistributor: {
              name: 'Example Returns Inc. (made-up)',
              address: '5 Return Rd, Tulsa, OK',
              deaRegistration: 'RE0000003',
            },
            label: sent.label,
            lot: sent.lot,
            witnessName: 'Dr. Ruth Alvarez',
          },
        },
      ],
      at,
    );
  }
  await morningCount(tx, location.id, vials, products, write, witness, now);
}

/** This morning's opening count of every vial on hand, matching the ledger. */
async function morningCount(
  tx: Tx,
  locationId: string,
  vials: Map<number, Vial[]>,
  products: Map<number, { mgPerMl: number; capacityUg: number }>,
  write: (specs: EntrySpec[], at: Date) => Promise<unknown>,
  witness: (at: Date) => { staffId: string; at: Date },
  now: Date,
): Promise<void> {
  const at = new Date(now.getTime() - 3 * 60 * MIN);
  const expired = await ledgerStore.containersByLotSuffix(tx, 'X');
  const specs: EntrySpec[] = [];
  for (const [key, list] of vials) {
    for (const v of list.filter((x) => x.leftUg > 0)) {
      const p = products.get(key) ?? { capacityUg: 0, mgPerMl: 0 };
      specs.push(
        countSpec(locationId, v.id, v.label, v.leftUg, v.leftUg < p.capacityUg, p.mgPerMl, at, witness),
      );
    }
  }
  // The expired vials not yet sent away are counted too (1304.11(a): stock awaiting destruction).
  for (const e of expired.slice(1)) {
    specs.push(countSpec(locationId, e.id, e.label, Number(e.capacity_ug), false, 0, at, witness));
  }
  await write(specs, at);
}

function countSpec(
  locationId: string,
  containerId: string,
  label: string,
  ug: number,
  estimated: boolean,
  mgPerMl: number,
  at: Date,
  witness: (at: Date) => { staffId: string; at: Date },
): EntrySpec {
  return {
    kind: 'count',
    locationId,
    containerId,
    quantityUg: ug,
    witness: witness(at),
    occurredAt: at,
    details: {
      countKind: 'daily',
      timing: 'opening',
      expectedUg: ug,
      label,
      estimated,
      ...(mgPerMl ? { countedMl: ug / 1000 / mgPerMl } : {}),
    },
  };
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
