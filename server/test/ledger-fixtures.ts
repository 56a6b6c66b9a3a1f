import { call, PASSWORD, scheduleInfusionFor, type TestClinic } from './harness.ts';

export interface EntryBody {
  seq: number;
  kind: string;
  quantityUg: number;
  containerDeltaUg: number;
  drawnDeltaUg: number;
  witnessId: string | null;
  witnessName: string | null;
  actorName: string | null;
  hash: string;
}
export type Entries = { entries: EntryBody[] };
export type ErrorBody = { error: { code: string; message: string } };

/** What the test staff of a role type as a witness (harness emails). */
export const witnessOf = (t: TestClinic, role: string, password = PASSWORD) => ({
  email: `${role}.${t.clinicId.slice(0, 8)}@test.clinic`,
  password,
});

/**
 * The location's initial inventory (21 CFR 1304.11(b)): nothing on hand yet, a zero inventory, taken
 * `daysAgo` days before the test clock, witnessed by the physician. Stock may arrive only after it.
 */
export async function initialInventory(t: TestClinic, locationId: string, daysAgo = 2): Promise<void> {
  await t.as('physician');
  const count = await call(t.app, {
    method: 'POST',
    url: '/api/ledger/counts',
    headers: await t.as('nurse'),
    payload: {
      locationId,
      kind: 'initial',
      timing: 'opening',
      lines: [],
      witness: witnessOf(t, 'physician'),
      occurredAt: new Date(t.clock.now.getTime() - daysAgo * 86_400_000).toISOString(),
    },
  });
  if (count.status !== 201) {
    throw new Error(`initial inventory failed: ${JSON.stringify(count.body)}`);
  }
}

/**
 * A registered location with its zero initial inventory, a 50 mg/mL 10 mL product (500 mg a vial)
 * and `vials` vials received, the set-up every ledger test starts from. Answers their ids.
 */
export async function stockClinic(
  t: TestClinic,
  vials = 3,
  prefix = 'K',
  opts: { reuse?: boolean } = {},
): Promise<{ locationId: string; productId: string; containerIds: string[] }> {
  const physician = await t.as('physician');
  if (opts.reuse) {
    // More vials of the product already set up, at the first location.
    const stock = await call<{ locations: { id: string }[]; products: { id: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/ledger/stock',
      headers: physician,
    });
    return receiveVials(
      t,
      stock.body.locations[0]?.id ?? '',
      stock.body.products[0]?.id ?? '',
      vials,
      prefix,
    );
  }
  const loc = await call<{ location: { id: string } }>(t.app, {
    method: 'POST',
    url: '/api/ledger/locations',
    headers: physician,
    payload: {
      name: 'Main clinic',
      deaRegistration: 'FK1234563',
      address: '1 Main St, Springfield',
      storage: 'Double-locked safe, med room',
    },
  });
  const product = await call<{ product: { id: string } }>(t.app, {
    method: 'POST',
    url: '/api/ledger/products',
    headers: physician,
    payload: {
      name: 'Ketamine HCl injection 50 mg/mL',
      ndc: '0409-2051-05',
      mgPerMl: 50,
      containerMl: 10,
    },
  });
  if (loc.status !== 201 || product.status !== 201) {
    throw new Error(`set-up failed: ${JSON.stringify([loc.body, product.body])}`);
  }
  await initialInventory(t, loc.body.location.id);
  return receiveVials(t, loc.body.location.id, product.body.product.id, vials, prefix);
}

async function receiveVials(
  t: TestClinic,
  locationId: string,
  productId: string,
  vials: number,
  prefix: string,
): Promise<{ locationId: string; productId: string; containerIds: string[] }> {
  const receipt = await call<Entries>(t.app, {
    method: 'POST',
    url: '/api/ledger/receipts',
    headers: await t.as('nurse'),
    payload: {
      locationId,
      productId,
      receivedAt: new Date(t.clock.now.getTime() - 86_400_000).toISOString(),
      invoiceNumber: 'INV-1001',
      supplier: { name: 'Acme Medical Supply', address: '9 Depot Rd', deaRegistration: 'RA7654321' },
      containers: Array.from({ length: vials }, (_, i) => ({
        label: `${prefix}-${String(i + 1).padStart(4, '0')}`,
        lot: 'L2026A',
        expiresOn: '2028-06-30',
      })),
    },
  });
  if (receipt.status !== 201) {
    throw new Error(`receipt failed: ${JSON.stringify(receipt.body)}`);
  }
  const stock = await call<{ containers: { id: string; label: string }[] }>(t.app, {
    method: 'GET',
    url: '/api/ledger/stock',
    headers: await t.as('nurse'),
  });
  return {
    locationId,
    productId,
    containerIds: stock.body.containers.filter((c) => c.label.startsWith(prefix)).map((c) => c.id),
  };
}

/** A session with a 35 mg order (0.5 mg/kg × 70 kg), pre-checks and baseline vitals done: ready to start. */
export async function infusionReadyToStart(t: TestClinic, familyName: string): Promise<string> {
  const { infusionId } = await scheduleInfusionFor(t, {
    givenName: 'Lee',
    familyName,
    birthDate: '1985-02-02',
    indicationCode: 'F33.2',
    weightKg: 70,
    address: '3 Cedar Court, Springfield',
  });
  const nurse = await t.as('nurse');
  const post = (url: string, payload: object) =>
    call(t.app, { method: 'POST', url: `/api/infusions/${infusionId}/${url}`, headers: nurse, payload });
  await post('dose-order', { mgPerKg: 0.5 });
  await post('prechecks', { consentSigned: true, fastingConfirmed: true, escortName: 'Kim' });
  await post('vitals', { hr: 72, sbp: 124, dbp: 78, spo2: 98, rr: 14 });
  return infusionId;
}
