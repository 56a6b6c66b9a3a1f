/**
 * Issue 10, ledger gaps: the initial inventory before the first stock (21 CFR 1304.11(b)) and the
 * biennial inventory's due date (1304.11(c)); entries dated before their vial's receipt, or further
 * back than the clinic's limit without a written reason; the one-business-day DEA notice of a theft or
 * loss (1301.76(b)) tracked until marked sent; the significant-loss review of a count adjustment above
 * the clinic's threshold; the clinic's ledger rules.
 *
 * The clinic is in America/Chicago; the clock stands at Wednesday 25 November 2026, 14:00 local, the
 * day before Thanksgiving (a federal holiday).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { StaffRole } from '@openkap/domain/auth/schema';
import type { ComplianceView } from '@openkap/domain/ledger/responses';
import { backends, call, otherClinic, startClinic, type TestClinic } from './harness.ts';
import { witnessOf, type Entries, type ErrorBody } from './ledger-fixtures.ts';

const NOW = new Date('2026-11-25T20:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const late = { lateReason: 'Entered from the paper log after the system outage' };

interface EntryWithDetails {
  seq: number;
  kind: string;
  refersToSeq: number | null;
  details: Record<string, unknown>;
}

describe.each(backends)('ledger follow-ups (%s)', (backend) => {
  let t: TestClinic;
  const ids = { main: '', product: '' };
  const vials: string[] = [];

  const post = async <T = Entries>(url: string, payload: object, role: StaffRole = 'nurse') =>
    call<T & ErrorBody>(t.app, { method: 'POST', url, headers: await t.as(role), payload });
  const get = async <T>(url: string, role: StaffRole = 'nurse') =>
    call<T>(t.app, { method: 'GET', url, headers: await t.as(role) });
  const chainSeq = async () => (await get<{ chain: { seq: number } }>('/api/ledger/stock')).body.chain.seq;
  const compliance = async () => (await get<ComplianceView>('/api/ledger/compliance')).body;
  const settings = async (payload: object, role: StaffRole = 'physician') =>
    call<{ settings: Record<string, unknown> } & ErrorBody>(t.app, {
      method: 'PUT',
      url: '/api/ledger/settings',
      headers: await t.as(role),
      payload,
    });
  const location = async (name: string, deaRegistration: string) =>
    (
      await post<{ location: { id: string } }>(
        '/api/ledger/locations',
        { name, deaRegistration, address: `${name}, 1 Main St`, storage: 'Locked safe' },
        'physician',
      )
    ).body.location.id;
  const zeroInventory = (locationId: string, occurredAt: string, kind = 'initial', extra: object = late) =>
    post('/api/ledger/counts', {
      locationId,
      kind,
      timing: 'opening',
      lines: [],
      witness: witnessOf(t, 'physician'),
      occurredAt,
      ...extra,
    });
  const receipt = (receivedAt: string, labels: string[], extra: object = late) =>
    post('/api/ledger/receipts', {
      locationId: ids.main,
      productId: ids.product,
      receivedAt,
      invoiceNumber: 'INV-7',
      supplier: { name: 'Acme Medical Supply', address: '9 Depot Rd', deaRegistration: 'RA7654321' },
      containers: labels.map((label) => ({ label, lot: 'L1', expiresOn: '2028-06-30' })),
      ...extra,
    });
  const loss = (containerId: string, discoveredAt: string) =>
    post('/api/ledger/losses', {
      containerId,
      quantityMg: 5,
      lossType: 'theft',
      discoveredAt,
      reason: 'Vial short at the opening count; safe found unlocked',
    });
  const adjust = (containerId: string, quantityMg: number, extra: object = {}) =>
    post('/api/ledger/adjustments', { containerId, quantityMg, reason: 'Count differs', ...extra });

  beforeAll(async () => {
    t = await startClinic(backend, { now: NOW });
    await t.as('physician');
    ids.main = await location('Main clinic', 'FK1234563');
    ids.product = (
      await post<{ product: { id: string } }>(
        '/api/ledger/products',
        { name: 'Ketamine HCl injection 50 mg/mL', ndc: '0409-2051-05', mgPerMl: 50, containerMl: 10 },
        'physician',
      )
    ).body.product.id;
  });
  afterAll(() => t.close());

  it('keeps the clinic’s ledger rules: defaults, changed by those who answer for the registration, audited', async () => {
    const initial = await get<{ settings: Record<string, unknown> }>('/api/ledger/settings');
    expect(initial.body.settings).toEqual({
      backdateLimitDays: 7,
      lossReviewAboveMg: 10,
      isDefault: true,
      changedAt: null,
      changedBy: null,
    });
    expect((await settings({ backdateLimitDays: 14, lossReviewAboveMg: 20 }, 'nurse')).status).toBe(403);
    for (const role of ['therapist', 'billing', 'front_desk'] as const) {
      expect((await get('/api/ledger/settings', role)).status).toBe(403);
      expect((await get('/api/ledger/compliance', role)).status).toBe(403);
    }
    for (const bad of [
      { backdateLimitDays: 0, lossReviewAboveMg: 10 },
      { backdateLimitDays: 7.5, lossReviewAboveMg: 10 },
      { backdateLimitDays: 7, lossReviewAboveMg: -1 },
      { backdateLimitDays: 7 },
    ]) {
      expect((await settings(bad)).status).toBe(400);
    }
    const changed = await settings({ backdateLimitDays: 14, lossReviewAboveMg: 20 });
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toEqual({
      backdateLimitDays: 14,
      lossReviewAboveMg: 20,
      isDefault: false,
      changedAt: NOW.toISOString(),
      changedBy: 'Test physician',
    });
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('entity', '=', 'ledger_settings')
      .execute();
    expect(audited).toEqual([
      {
        action: 'update',
        detail: {
          backdateLimitDays: { from: 7, to: 14 },
          lossReviewAboveMg: { from: 10, to: 20 },
        },
      },
    ]);
    // Another clinic keeps its own (default) rules and cannot change these.
    const other = await otherClinic(t, 'physician');
    const theirs = await call<{ settings: { backdateLimitDays: number } }>(t.app, {
      method: 'GET',
      url: '/api/ledger/settings',
      headers: other.headers,
    });
    expect(theirs.body.settings.backdateLimitDays).toBe(7);
    expect((await settings({ backdateLimitDays: 7, lossReviewAboveMg: 10 })).status).toBe(200);
    expect(
      (await get<{ settings: { isDefault: boolean } }>('/api/ledger/settings')).body.settings,
    ).toMatchObject({ backdateLimitDays: 7, lossReviewAboveMg: 10, isDefault: false });
  });

  it('receives stock at a location only after its initial inventory, not back-dated before it', async () => {
    const first = await receipt(daysAgo(10), ['K-0001']);
    expect(first.status).toBe(409);
    expect(first.body.error).toMatchObject({
      code: 'initial_inventory_required',
      message: expect.stringMatching(/initial inventory of Main clinic before its first stock/),
    });
    expect(await chainSeq()).toBe(0);

    expect((await zeroInventory(ids.main, daysAgo(20))).status).toBe(201);
    const before = await receipt(daysAgo(21), ['K-0001']);
    expect(before.status).toBe(409);
    expect(before.body.error.message).toMatch(/taken later than this/);
    expect((await receipt(daysAgo(10), ['K-0001', 'K-0002', 'K-0003', 'K-0004'])).status).toBe(201);
    const stock = await get<{ containers: { id: string; label: string }[] }>('/api/ledger/stock');
    vials.push(...stock.body.containers.sort((a, b) => a.label.localeCompare(b.label)).map((c) => c.id));
    expect(vials).toHaveLength(4);
  });

  it('asks a written reason of an entry dated past the clinic’s limit, and refuses one before the receipt', async () => {
    const [vial = ''] = vials;
    const seq = await chainSeq();
    const unexplained = await adjust(vial, -1, { occurredAt: daysAgo(9) });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error).toEqual({
      code: 'late_reason_required',
      message:
        'This is dated more than 7 days ago: say why it is recorded late (a written reason is kept on the entry).',
    });
    expect(await chainSeq()).toBe(seq);

    const explained = await post<{ entries: EntryWithDetails[] }>('/api/ledger/adjustments', {
      containerId: vial,
      quantityMg: -1,
      reason: 'Count differs',
      occurredAt: daysAgo(9),
      lateReason: '  Found in the paper count sheet  ',
    });
    expect(explained.status).toBe(201);
    expect(explained.body.entries[0]?.details).toMatchObject({
      lateReason: 'Found in the paper count sheet',
    });
    // Within the limit no reason is needed.
    expect((await adjust(vial, -1, { occurredAt: daysAgo(6) })).status).toBe(201);

    // The vial arrived 10 days ago: nothing about it happened 11 days ago.
    const early = await adjust(vial, -1, { occurredAt: daysAgo(11), ...late });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('before_receipt');

    // The limit is the clinic's: at 30 days, 9 days back needs no reason.
    expect((await settings({ backdateLimitDays: 30, lossReviewAboveMg: 10 })).status).toBe(200);
    expect((await adjust(vial, -1, { occurredAt: daysAgo(9) })).status).toBe(201);
    expect((await settings({ backdateLimitDays: 7, lossReviewAboveMg: 10 })).status).toBe(200);
  });

  it('tracks the DEA notice of each theft or loss: due the next business day, overdue after, until marked sent', async () => {
    const [, a = '', b = '', c = ''] = vials;
    const today = await loss(a, NOW.toISOString());
    const yesterday = await loss(b, '2026-11-24T18:00:00Z');
    // 21:00 on Monday in Chicago, though already Tuesday in UTC: the clinic's day counts.
    const monday = await loss(c, '2026-11-24T03:00:00Z');
    const seqOf = (r: typeof today) => r.body.entries[0]?.seq ?? 0;
    const notices = (await compliance()).notices;
    expect(notices.map((n) => [n.seq, n.discoveredOn, n.dueOn, n.state])).toEqual([
      // Thursday is Thanksgiving: Wednesday's notice is due on Friday.
      [seqOf(today), '2026-11-25', '2026-11-27', 'due'],
      [seqOf(yesterday), '2026-11-24', '2026-11-25', 'due_today'],
      [seqOf(monday), '2026-11-23', '2026-11-24', 'overdue'],
    ]);
    expect(notices[0]).toMatchObject({
      kind: 'loss',
      containerLabel: 'K-0002',
      lostUg: 5_000,
      locationId: ids.main,
    });

    const send = (fields: object, role: StaffRole = 'physician') =>
      post<{ entries: EntryWithDetails[] }>(
        '/api/ledger/notices',
        {
          seq: seqOf(monday),
          sentAt: NOW.toISOString(),
          method: 'email',
          sentTo: 'Chicago Division',
          ...fields,
        },
        role,
      );
    expect((await send({}, 'nurse')).status).toBe(403);
    expect((await send({ seq: 9999 })).status).toBe(404);
    const receiptSeq = 2;
    expect((await send({ seq: receiptSeq })).body.error.code).toBe('not_a_loss');
    expect((await send({ sentAt: '2026-11-24T02:00:00Z' })).body.error.code).toBe('before_discovery');
    expect((await send({ method: 'pigeon' })).status).toBe(400);

    const sent = await send({ form106Filed: false });
    expect(sent.status).toBe(201);
    expect(sent.body.entries[0]).toMatchObject({
      kind: 'dea_notice',
      refersToSeq: seqOf(monday),
      details: { method: 'email', sentTo: 'Chicago Division', form106Filed: false },
    });
    expect((await compliance()).notices.map((n) => n.seq)).toEqual([seqOf(today), seqOf(yesterday)]);
    expect((await send({})).body.error.code).toBe('already_noticed');

    // Marked sent by mistake: the correction reopens it.
    const undo = await post('/api/ledger/corrections', {
      seq: sent.body.entries[0]?.seq,
      reason: 'Not sent yet: the email bounced',
    });
    expect(undo.status).toBe(201);
    expect((await compliance()).notices.map((n) => n.seq)).toContain(seqOf(monday));
    expect((await send({})).status).toBe(201);

    // Another clinic sees none of it and cannot mark it.
    const other = await otherClinic(t, 'admin');
    const theirs = await call<ComplianceView>(t.app, {
      method: 'GET',
      url: '/api/ledger/compliance',
      headers: other.headers,
    });
    expect(theirs.body.notices).toEqual([]);
    const foreign = await call(t.app, {
      method: 'POST',
      url: '/api/ledger/notices',
      headers: other.headers,
      payload: { seq: seqOf(today), sentAt: NOW.toISOString(), method: 'fax' },
    });
    expect(foreign.status).toBe(404);
  });

  it('prompts a significant-loss review of a count adjustment above the threshold, and a DEA notice if significant', async () => {
    const [vial = ''] = vials;
    const big = await adjust(vial, -25);
    const small = await adjust(vial, -5);
    const bigSeq = big.body.entries[0]?.seq ?? 0;
    const reviews = (await compliance()).reviews;
    expect(reviews.map((r) => [r.seq, r.lostUg, r.containerLabel, r.reason])).toEqual([
      [bigSeq, 25_000, 'K-0001', 'Count differs'],
    ]);
    expect(reviews.some((r) => r.seq === small.body.entries[0]?.seq)).toBe(false);

    const review = (fields: object, role: StaffRole = 'physician') =>
      post<{ entries: EntryWithDetails[] }>(
        '/api/ledger/loss-reviews',
        {
          seq: bigSeq,
          significant: false,
          factors: [],
          reason: 'One reading of an open vial; no pattern over the last year',
          ...fields,
        },
        role,
      );
    expect((await review({}, 'nurse')).status).toBe(403);
    expect((await review({ reason: '' })).status).toBe(400);
    expect((await review({ factors: ['astrology'] })).status).toBe(400);
    const lossSeq = (await compliance()).notices[0]?.seq ?? 0;
    expect((await review({ seq: lossSeq })).body.error.code).toBe('not_a_loss');

    const notSignificant = await review({});
    expect(notSignificant.status).toBe(201);
    expect(notSignificant.body.entries[0]).toMatchObject({
      kind: 'loss_review',
      refersToSeq: bigSeq,
      details: { significant: false, factors: [] },
    });
    let open = await compliance();
    expect(open.reviews).toEqual([]);
    expect(open.notices.some((n) => n.seq === bigSeq)).toBe(false);
    expect((await review({})).body.error.code).toBe('already_reviewed');

    const bigger = await adjust(vial, -30);
    const biggerSeq = bigger.body.entries[0]?.seq ?? 0;
    expect((await compliance()).reviews.map((r) => r.seq)).toEqual([biggerSeq]);
    const significant = await review({
      seq: biggerSeq,
      significant: true,
      factors: ['quantity', 'pattern', 'pattern'],
      reason: 'Second shortfall this week on the same shift',
    });
    expect(significant.body.entries[0]?.details).toMatchObject({
      significant: true,
      factors: ['quantity', 'pattern'],
    });
    open = await compliance();
    expect(open.reviews).toEqual([]);
    expect(open.notices.find((n) => n.seq === biggerSeq)).toMatchObject({
      kind: 'adjust',
      lostUg: 30_000,
      discoveredOn: '2026-11-25',
      dueOn: '2026-11-27',
      state: 'due',
    });

    // The threshold is the clinic's: at 50 mg a 40 mg shortfall is not prompted.
    expect((await settings({ backdateLimitDays: 7, lossReviewAboveMg: 50 })).status).toBe(200);
    const forty = (await adjust(vial, -40)).body.entries[0]?.seq;
    expect((await compliance()).reviews).toEqual([]);
    expect((await settings({ backdateLimitDays: 7, lossReviewAboveMg: 10 })).status).toBe(200);
    expect((await compliance()).reviews.map((r) => r.seq)).toEqual([forty]);
  });

  it('shows each location’s biennial inventory due two years after the last, and overdue after that', async () => {
    const annex = await location('Annex', 'FA7654321');
    const old = await location('Old office', 'FB7654321');
    const byLocation = async () => new Map((await compliance()).inventories.map((i) => [i.locationId, i]));
    let inventories = await byLocation();
    expect(inventories.get(ids.main)).toEqual({
      locationId: ids.main,
      initialAt: daysAgo(20),
      lastAt: daysAgo(20),
      lastKind: 'initial',
      dueOn: '2028-11-05',
      state: 'ok',
    });
    expect(inventories.get(annex)).toMatchObject({ state: 'initial_needed', dueOn: null, lastAt: null });

    // An initial inventory two years and five days ago (entered from the paper record): overdue.
    expect((await zeroInventory(old, '2024-11-20T15:00:00Z')).status).toBe(201);
    inventories = await byLocation();
    expect(inventories.get(old)).toMatchObject({
      lastKind: 'initial',
      dueOn: '2026-11-20',
      state: 'overdue',
    });
    // A biennial one a month later: due within 60 days.
    expect((await zeroInventory(old, '2024-12-20T15:00:00Z', 'biennial')).status).toBe(201);
    inventories = await byLocation();
    expect(inventories.get(old)).toMatchObject({
      initialAt: '2024-11-20T15:00:00.000Z',
      lastKind: 'biennial',
      dueOn: '2026-12-20',
      state: 'due_soon',
    });
  });

  it('hashes notices and reviews into the chain: verify finds one changed behind the app’s back', async () => {
    const ok = await get<{ ok: boolean }>('/api/ledger/verify', 'physician');
    expect(ok.body.ok).toBe(true);
    await t.database.db.transaction().execute(async (tx) => {
      await sql`select set_config('openkap.clinic_id', ${t.clinicId}, true)`.execute(tx);
      await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(tx);
      await sql`update ledger_entries set details = jsonb_set(details, '{method}', '"fax"')
        where kind = 'dea_notice'`.execute(tx);
      await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(tx);
    });
    const broken = await get<{ ok: boolean; firstBreak: { kind: string; problem: string } }>(
      '/api/ledger/verify',
      'physician',
    );
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBreak).toMatchObject({
      kind: 'dea_notice',
      problem: expect.stringMatching(/changed after it was written/),
    });
  });
});
