/**
 * Issue 5, the DEA inspector's reports: GET /api/ledger/reports/:report over a small ledger recorded
 * through the API, with every number worked out by hand below. The clinic is in America/Chicago
 * (UTC−6 in November); the harness clock stands at 2026-11-20 09:00 local.
 *
 * Each location takes its zero initial inventory before stock first arrives (21 CFR 1304.11(b)). The
 * November history is entered on the 20th, more than a week late, so each such entry says why.
 * Main clinic (A): 3 vials of 50 mg/mL × 10 mL (500 mg each) received on 2 Nov; that evening a
 * (biennial) inventory of the 3 sealed vials; K-3 transferred to the satellite (B) on 5 Nov; 2 mg of K-2 lost on 10 Nov;
 * K-2 adjusted −1 mg on 12 Nov; on 20 Nov Maya Okafor's session draws 1 mL (50 mg) of K-1, the pump
 * gives 35 mg and 15 mg is wasted before a witness; a daily count then finds K-1 at 9 mL (450 mg, as
 * expected) and K-2 at 9.9 mL (495 mg where the ledger says 497): a 2 mg difference nothing explains.
 * Satellite (B): K-3 arrives by transfer; 100 mg of it is destroyed (DEA-41) on 6 Nov; its only
 * inventory is the zero one before K-3 came. Storeroom (C): 100 vials received and counted as a
 * (biennial) inventory, for a PDF long enough to run over several pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, PASSWORD, type TestClinic, startClinic } from './harness.ts';
import type { StaffRole } from '@openkap/domain/auth/schema';

interface Section {
  location: { id: string; name: string; deaRegistration: string };
}
interface Report<S extends Section> {
  report: string;
  clinic: { name: string; timeZone: string };
  period: { from: string; to: string; start: string; end: string };
  sections: S[];
}
interface AdminRow {
  kind: string;
  quantityMg: number;
  volumeMl: number | null;
  occurredLocal: string;
  containers: string[];
  strength: string;
  actor: string;
  witness: string | null;
  method: string | null;
}
interface AdminSection extends Section {
  patients: {
    name: string;
    address: string | null;
    mrn: string;
    administeredMg: number;
    wastedMg: number;
    rows: AdminRow[];
  }[];
  totals: {
    patients: number;
    administrations: number;
    administeredMg: number;
    wastes: number;
    wastedMg: number;
  };
}
interface ReceiptsSection extends Section {
  receipts: {
    receivedLocal: string;
    invoiceNumber: string;
    supplier: { name: string; address: string; deaRegistration: string };
    containerCount: number;
    quantityMg: number;
    containers: { label: string }[];
  }[];
  dispositions: {
    kind: string;
    quantityMg: number;
    form: string | null;
    detail: string;
    reason: string | null;
    witness: string | null;
    container: string;
  }[];
  corrections: unknown[];
  totals: Record<string, number>;
}
interface InventorySection extends Section {
  status: 'inventory' | 'draft';
  notice: string | null;
  kind: string | null;
  timing: string | null;
  takenLocal: string;
  countedBy: string | null;
  witnessedBy: string | null;
  lines: {
    sealedContainers: number;
    openContainers: number;
    openEstimatedMl: number;
    totalMg: number;
    containerMl: number;
    strength: string;
    containers: { label: string; sealed: boolean; estimatedMl: number }[];
  }[];
  totals: { containers: number; totalMg: number };
}
interface AccountabilitySection extends Section {
  lines: {
    openingMg: number;
    receivedMg: number;
    transferredInMg: number;
    transferredOutMg: number;
    administeredMg: number;
    wastedMg: number;
    disposedMg: number;
    lostMg: number;
    adjustedMg: number;
    expectedClosingMg: number;
    closingMg: number;
    countedClosingMg: number | null;
    differenceMg: number | null;
    unexplained: boolean;
    explanations: {
      kind: string;
      container: string;
      differenceMg: number;
      reason: string | null;
      explained: boolean;
    }[];
  }[];
}

const utc = (s: string): string => new Date(s).toISOString();

/** Pages in a pdfkit file: one "/Type /Page" dictionary each (dictionaries are not compressed). */
const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe.each(backends)('ledger reports (%s)', (backend) => {
  let t: TestClinic;
  const ids = { a: '', b: '', c: '', product: '', patient: '', other: '' };
  const label = new Map<string, string>();

  /** Entries dated more than the clinic's 7 days back say why they are recorded late. */
  const late = { lateReason: 'Entered from the paper log' };
  const witness = (role: StaffRole) => ({
    email: `${role}.${t.clinicId.slice(0, 8)}@test.clinic`,
    password: PASSWORD,
  });
  const post = async <T = Record<string, unknown>>(
    url: string,
    payload: object,
    role: StaffRole = 'nurse',
  ) => {
    const res = await call<T>(t.app, { method: 'POST', url, headers: await t.as(role), payload });
    if (res.status >= 300) {
      throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
  const report = async <T>(name: string, query: string, role: StaffRole = 'nurse') =>
    call<T>(t.app, { method: 'GET', url: `/api/ledger/reports/${name}?${query}`, headers: await t.as(role) });
  /** The one section of a report asked for one location. */
  const only = async <S extends Section>(name: string, query: string): Promise<S> => {
    const res = await report<Report<S>>(name, query);
    const [section, ...more] = res.body.sections;
    if (res.status !== 200 || !section || more.length > 0) {
      throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return section;
  };
  const raw = async (name: string, query: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/ledger/reports/${name}?${query}`,
      headers: await t.as('nurse'),
    });
  const november = 'from=2026-11-01&to=2026-11-20';

  async function location(name: string, deaRegistration: string): Promise<string> {
    const body = await post<{ location: { id: string } }>(
      '/api/ledger/locations',
      { name, deaRegistration, address: `${name}, 1 Main St, Springfield`, storage: 'Locked safe' },
      'physician',
    );
    return body.location.id;
  }
  async function receive(
    locationId: string,
    at: string,
    invoiceNumber: string,
    labels: string[],
  ): Promise<void> {
    await post('/api/ledger/receipts', {
      locationId,
      productId: ids.product,
      receivedAt: utc(at),
      invoiceNumber,
      supplier: {
        name: 'Acme Medical Supply',
        address: '9 Depot Rd, Memphis TN',
        deaRegistration: 'RA7654321',
      },
      containers: labels.map((l) => ({ label: l, lot: 'L2026A', expiresOn: '2028-06-30' })),
      ...late,
    });
    const stock = await call<{ containers: { id: string; label: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/ledger/stock',
      headers: await t.as('nurse'),
    });
    for (const c of stock.body.containers) {
      label.set(c.label, c.id);
    }
  }
  const vial = (l: string): string => label.get(l) ?? `no container ${l}`;

  /** The zero initial inventory of a location, before its first stock. */
  const zeroInventory = (locationId: string, at: string) =>
    post('/api/ledger/counts', {
      locationId,
      kind: 'initial',
      timing: 'opening',
      lines: [],
      witness: witness('physician'),
      occurredAt: utc(at),
      ...late,
    });

  beforeAll(async () => {
    t = await startClinic(backend);
    ids.a = await location('Main clinic', 'AB1234563');
    ids.b = await location('Satellite', 'BC7654321');
    ids.c = await location('Storeroom', 'CD1111111');
    ids.product = (
      await post<{ product: { id: string } }>(
        '/api/ledger/products',
        { name: 'Ketamine HCl injection', ndc: '0409-2051-05', mgPerMl: 50, containerMl: 10 },
        'physician',
      )
    ).product.id;

    await zeroInventory(ids.a, '2026-11-02T14:00:00Z');
    await receive(ids.a, '2026-11-02T15:00:00Z', 'INV-1001', ['K-1', 'K-2', 'K-3']);
    await post('/api/ledger/counts', {
      locationId: ids.a,
      kind: 'biennial',
      timing: 'close',
      lines: ['K-1', 'K-2', 'K-3'].map((l) => ({ containerId: vial(l), countedMl: 10 })),
      witness: witness('physician'),
      occurredAt: utc('2026-11-02T23:00:00Z'),
      ...late,
    });
    const storeroom = Array.from({ length: 100 }, (_, i) => `C-${String(i + 1).padStart(3, '0')}`);
    await zeroInventory(ids.c, '2026-11-03T14:00:00Z');
    await receive(ids.c, '2026-11-03T15:00:00Z', 'INV-1002', storeroom);
    await post('/api/ledger/counts', {
      locationId: ids.c,
      kind: 'biennial',
      timing: 'opening',
      lines: storeroom.map((l) => ({ containerId: vial(l), countedMl: 10 })),
      witness: witness('physician'),
      occurredAt: utc('2026-11-03T16:00:00Z'),
      ...late,
    });
    await zeroInventory(ids.b, '2026-11-05T14:00:00Z');
    await post('/api/ledger/transfers', {
      containerId: vial('K-3'),
      toLocationId: ids.b,
      occurredAt: utc('2026-11-05T15:00:00Z'),
      ...late,
    });
    await post('/api/ledger/disposals', {
      containerId: vial('K-3'),
      quantityMg: 100,
      method: 'witnessed_destruction',
      reason: 'Vial cracked in the safe',
      witness: witness('physician'),
      occurredAt: utc('2026-11-06T15:00:00Z'),
      ...late,
    });
    await post('/api/ledger/losses', {
      containerId: vial('K-2'),
      quantityMg: 2,
      lossType: 'significant_loss',
      discoveredAt: utc('2026-11-10T15:00:00Z'),
      form106Filed: true,
      reason: 'Spilled while drawing',
      ...late,
    });
    await post('/api/ledger/adjustments', {
      containerId: vial('K-2'),
      quantityMg: -1,
      reason: 'Overfill estimate corrected',
      occurredAt: utc('2026-11-12T15:00:00Z'),
      ...late,
    });

    // The session on 20 Nov, 09:00–09:40 local.
    const patient = await post<{ patient: { id: string } }>('/api/patients', {
      givenName: 'Maya',
      familyName: 'Okafor',
      birthDate: '1988-04-12',
      indicationCode: 'F33.2',
      weightKg: 70,
      address: '12 Elm St, Springfield IL',
    });
    ids.patient = patient.patient.id;
    await post(`/api/patients/${ids.patient}/plan`, { protocolId: 'iv-depression' }, 'physician');
    const infusionId = (
      await post<{ infusion: { id: string } }>('/api/infusions', { patientId: ids.patient })
    ).infusion.id;
    const on = (path: string, payload: object) => post(`/api/infusions/${infusionId}/${path}`, payload);
    await on('dose-order', { mgPerKg: 0.5 });
    await on('prechecks', { consentSigned: true, fastingConfirmed: true, escortName: 'Sam Okafor' });
    await on('vitals', { hr: 72, sbp: 124, dbp: 78, spo2: 98, rr: 14 });
    await post('/api/ledger/draws', { infusionId, containerId: vial('K-1'), volumeMl: 1 });
    await on('pump', { kind: 'start', at: utc('2026-11-20T15:00:00Z') });
    t.clock.now = new Date('2026-11-20T15:45:00Z');
    await on('pump', { kind: 'stop', at: utc('2026-11-20T15:40:00Z') });
    await post('/api/ledger/waste', {
      infusionId,
      quantityMg: 15,
      method: 'Drug disposal pouch',
      witness: witness('physician'),
    });
    t.clock.now = new Date('2026-11-20T16:00:00Z');
    await post('/api/ledger/counts', {
      locationId: ids.a,
      kind: 'daily',
      timing: 'opening',
      lines: [
        { containerId: vial('K-1'), countedMl: 9 },
        { containerId: vial('K-2'), countedMl: 9.9 },
      ],
      witness: witness('physician'),
    });

    // Someone else, with no ledger activity: the patient filter must leave only Maya.
    ids.other = (
      await post<{ patient: { id: string } }>('/api/patients', {
        givenName: 'Ann',
        familyName: 'Abbott',
        birthDate: '1970-01-01',
        indicationCode: 'F33.2',
      })
    ).patient.id;
  }, 120_000);
  afterAll(() => t.close());

  it('administrations: each dose and waste with patient, address, quantity, vial, who gave it and the witness', async () => {
    const res = await report<Report<AdminSection>>('administrations', `${november}&locationId=${ids.a}`);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({
      from: '2026-11-01',
      to: '2026-11-20',
      start: '2026-11-01T05:00:00.000Z',
      end: '2026-11-21T06:00:00.000Z',
    });
    expect(res.body.clinic).toEqual({ name: 'Test clinic', timeZone: 'America/Chicago' });
    const [s] = res.body.sections;
    expect(s?.location).toMatchObject({ name: 'Main clinic', deaRegistration: 'AB1234563' });
    expect(s?.totals).toEqual({
      patients: 1,
      administrations: 1,
      administeredMg: 35,
      wastes: 1,
      wastedMg: 15,
    });
    expect(s?.patients).toHaveLength(1);
    expect(s?.patients[0]).toMatchObject({
      name: 'Okafor, Maya',
      address: '12 Elm St, Springfield IL',
      administeredMg: 35,
      wastedMg: 15,
    });
    expect(s?.patients[0]?.mrn).toBeTruthy();
    expect(s?.patients[0]?.rows).toEqual([
      expect.objectContaining({
        kind: 'administer',
        quantityMg: 35,
        volumeMl: 0.7,
        occurredLocal: '2026-11-20 09:40',
        containers: ['K-1 (lot L2026A)'],
        strength: '50 mg/mL',
        actor: 'Test nurse',
        witness: null,
      }),
      expect.objectContaining({
        kind: 'waste',
        quantityMg: 15,
        volumeMl: 0.3,
        occurredLocal: '2026-11-20 09:45',
        actor: 'Test nurse',
        witness: 'Test physician',
        method: 'Drug disposal pouch',
      }),
    ]);

    // One patient; a day with no sessions; another location.
    const mine = await report<Report<AdminSection>>(
      'administrations',
      `${november}&patientId=${ids.patient}`,
    );
    expect(mine.body.sections.flatMap((x) => x.patients.map((p) => p.name))).toEqual(['Okafor, Maya']);
    const other = await report<Report<AdminSection>>('administrations', `${november}&patientId=${ids.other}`);
    expect(other.body.sections.every((x) => x.patients.length === 0)).toBe(true);
    const before = await report<Report<AdminSection>>('administrations', 'from=2026-11-01&to=2026-11-19');
    expect(before.body.sections.map((x) => x.totals.administrations)).toEqual([0, 0, 0]);
  });

  it('receipts and dispositions: invoice and supplier, DEA-41 disposal, DEA-106 loss, transfers, adjustments', async () => {
    const a = await only<ReceiptsSection>('receipts-dispositions', `${november}&locationId=${ids.a}`);
    expect(a.receipts).toEqual([
      expect.objectContaining({
        receivedLocal: '2026-11-02 09:00',
        invoiceNumber: 'INV-1001',
        supplier: {
          name: 'Acme Medical Supply',
          address: '9 Depot Rd, Memphis TN',
          deaRegistration: 'RA7654321',
        },
        containerCount: 3,
        quantityMg: 1500,
      }),
    ]);
    expect(a.dispositions.map((d) => [d.kind, d.container, d.quantityMg, d.form])).toEqual([
      ['transfer_out', 'K-3', 500, null],
      ['loss', 'K-2', 2, 'DEA-106'],
      ['adjust', 'K-2', -1, null],
    ]);
    expect(a.dispositions[0]?.detail).toBe('to Satellite (BC7654321)');
    expect(a.dispositions[1]).toMatchObject({ reason: 'Spilled while drawing' });
    expect(a.dispositions[1]?.detail).toMatch(/significant loss.*Form 106 filed/);
    expect(a.totals).toEqual({
      receivedContainers: 3,
      receivedMg: 1500,
      disposedMg: 0,
      lostMg: 2,
      transferredOutMg: 500,
      transferredInMg: 0,
      adjustedMg: -1,
    });

    const b = await only<ReceiptsSection>('receipts-dispositions', `${november}&locationId=${ids.b}`);
    expect(b.receipts).toEqual([]);
    expect(b.dispositions).toEqual([
      expect.objectContaining({
        kind: 'transfer_in',
        container: 'K-3',
        quantityMg: 500,
        detail: 'from Main clinic (AB1234563)',
      }),
      expect.objectContaining({
        kind: 'dispose',
        container: 'K-3',
        quantityMg: 100,
        form: 'DEA-41',
        detail: 'witnessed destruction',
        reason: 'Vial cracked in the safe',
        witness: 'Test physician',
      }),
    ]);
  });

  it('inventory: the latest inventory as counted, and an unsigned draft where none was taken', async () => {
    const res = await report<Report<InventorySection>>('inventory', november);
    const [a, b, c] = res.body.sections;
    expect(a).toMatchObject({
      status: 'inventory',
      kind: 'biennial',
      timing: 'close',
      takenLocal: '2026-11-02 17:00',
      countedBy: 'Test nurse',
      witnessedBy: 'Test physician',
      totals: { containers: 3, totalMg: 1500 },
    });
    expect(a?.lines).toEqual([
      expect.objectContaining({
        strength: '50 mg/mL',
        containerMl: 10,
        sealedContainers: 3,
        openContainers: 0,
        totalMg: 1500,
      }),
    ]);
    // B's only inventory is the zero one taken before K-3 arrived (K-3 now holds 400 mg).
    expect(b).toMatchObject({
      status: 'inventory',
      kind: 'initial',
      countedBy: 'Test nurse',
      totals: { containers: 0, totalMg: 0 },
    });
    expect(c).toMatchObject({
      status: 'inventory',
      timing: 'opening',
      totals: { containers: 100, totalMg: 50_000 },
    });

    // Before the first inventory there is none to show: a draft of the stock at the end of that day.
    const early = await report<Report<InventorySection>>(
      'inventory',
      `from=2026-11-01&to=2026-11-01&locationId=${ids.a}`,
    );
    expect(early.body.sections[0]).toMatchObject({ status: 'draft', totals: { containers: 0, totalMg: 0 } });
  });

  it('accountability: opening + in − out = expected closing, against the count, with every difference explained or flagged', async () => {
    const a = await only<AccountabilitySection>('accountability', `${november}&locationId=${ids.a}`);
    expect(a.lines).toHaveLength(1);
    const [line] = a.lines;
    expect(line).toMatchObject({
      openingMg: 0,
      receivedMg: 1500,
      transferredInMg: 0,
      transferredOutMg: 500,
      administeredMg: 35,
      wastedMg: 15,
      disposedMg: 0,
      lostMg: 2,
      adjustedMg: -1,
      // 0 + 1500 − 500 − 35 − 15 − 2 − 1
      expectedClosingMg: 947,
      closingMg: 947,
      // K-1 450 + K-2 495
      countedClosingMg: 945,
      differenceMg: -2,
      unexplained: true,
    });
    expect(line?.explanations.map((x) => [x.kind, x.container, x.differenceMg, x.explained])).toEqual([
      ['loss', 'K-2', -2, true],
      ['adjust', 'K-2', -1, true],
      ['count', 'K-2', -2, false],
    ]);
    expect(line?.explanations[1]?.reason).toBe('Overfill estimate corrected');

    const b = await only<AccountabilitySection>('accountability', `${november}&locationId=${ids.b}`);
    expect(b.lines[0]).toMatchObject({
      openingMg: 0,
      transferredInMg: 500,
      disposedMg: 100,
      expectedClosingMg: 400,
      closingMg: 400,
      countedClosingMg: null,
      differenceMg: null,
      unexplained: false,
    });

    // The day after the receipt: yesterday's closing is today's opening.
    const later = await only<AccountabilitySection>(
      'accountability',
      `from=2026-11-03&to=2026-11-20&locationId=${ids.a}`,
    );
    expect(later.lines[0]).toMatchObject({ openingMg: 1500, receivedMg: 0, expectedClosingMg: 947 });
  });

  it('answers each report as CSV: one flat table with a header row', async () => {
    const expectations: [string, string, RegExp][] = [
      [
        'administrations',
        'location,dea_registration,patient,patient_address,mrn,date_time,entry',
        /Okafor, Maya.*waste/,
      ],
      ['receipts-dispositions', 'location,dea_registration,date_time,entry,invoice', /INV-1001/],
      [
        'inventory',
        'location,dea_registration,status,inventory,taken_at',
        /Satellite,BC7654321,inventory,initial/,
      ],
      ['accountability', 'location,dea_registration,product,ndc,opening_mg', /UNEXPLAINED/],
    ];
    for (const [name, header, row] of expectations) {
      const res = await raw(name, `${november}&format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="ledger-${name}-2026-11-01-to-2026-11-20.csv"`,
      );
      const lines = res.body.trimEnd().split('\r\n');
      expect(lines[0]?.startsWith(header)).toBe(true);
      expect(lines.length).toBeGreaterThan(1);
      expect(res.body).toMatch(row);
    }
    const acc = (await raw('accountability', `${november}&locationId=${ids.a}&format=csv`)).body.split(
      '\r\n',
    );
    expect(acc[1]).toMatch(
      /^Main clinic,AB1234563,Ketamine HCl injection 50 mg\/mL,0409-2051-05,0,1500,0,500,35,15,0,2,-1,947,947,945,-2,UNEXPLAINED,/,
    );
  });

  it('answers each report as a PDF with a page per location and more where a table runs over', async () => {
    for (const name of ['administrations', 'receipts-dispositions', 'inventory', 'accountability']) {
      const res = await raw(name, `${november}&format=pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="ledger-${name}-2026-11-01-to-2026-11-20.pdf"`,
      );
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Three locations, one short section each.
      if (name !== 'inventory') {
        expect(pageCount(res.rawPayload)).toBe(3);
      }
    }
    // The storeroom's 100 vials: the container table runs over three pages under a repeated header row
    // (34 rows under the summary on page 1, 42 on page 2, 24 and the signature lines on page 3); all
    // three locations take 1 + 1 + 3 pages.
    const c = await raw('inventory', `${november}&locationId=${ids.c}&format=pdf`);
    expect(pageCount(c.rawPayload)).toBe(3);
    const all = await raw('inventory', `${november}&format=pdf`);
    expect(pageCount(all.rawPayload)).toBe(5);
  });

  it('is for ledger staff only, and names what is wrong with a query', async () => {
    for (const role of ['therapist', 'billing', 'front_desk'] as const) {
      expect((await report('inventory', november, role)).status).toBe(403);
    }
    const bad = await report<{ error: { message: string; issues: { path: string }[] } }>(
      'inventory',
      'from=2026-13-01&to=2026-11-20',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(['from']);
    const reversed = await report<{ error: { issues: { path: string }[] } }>(
      'inventory',
      'from=2026-11-20&to=2026-11-01',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues.map((i) => i.path)).toEqual(['to']);
    expect((await report('inventory', 'to=2026-11-20')).status).toBe(400);
    expect((await report('inventory', `${november}&format=xml`)).status).toBe(400);
    expect((await report('inventory', `${november}&locationId=nope`)).status).toBe(400);
    expect((await report('inventory', `${november}&patientId=${ids.patient}`)).status).toBe(400);
    expect(
      (await report('inventory', `${november}&locationId=00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    expect((await report('stock-take', november)).status).toBe(404);
  });

  it('writes an audit row for each report read', async () => {
    await report('administrations', `${november}&patientId=${ids.patient}`);
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity', 'patient_id', 'detail'])
      .where('entity', '=', 'ledger_report')
      .where('patient_id', '=', ids.patient)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({
      action: 'report',
      detail: expect.objectContaining({ report: 'administrations' }),
    });
  });
});
