import type { Kysely } from 'kysely';
import { protocols } from '@openkap/domain/plans/protocols';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { computeDoseOrder, doseCeiling } from '@openkap/domain/dosing/dose-order';
import { defaultDosingWeightRule, dosingWeight } from '@openkap/domain/dosing/dosing-weight';
import { getInstrument } from '@openkap/domain/instruments/registry';
import { noConditions } from '@openkap/domain/patients/schema';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import { hashPassword } from '../auth/passwords.ts';
import * as patientStore from '../patients/store.ts';
import * as planStore from '../protocols/store.ts';
import * as infusionStore from '../infusions/store.ts';
import * as sessionStore from '../infusions/session-store.ts';
import { recordResponse } from '../questionnaires/service.ts';
import { reconcileAlerts } from '../infusions/vitals.ts';
import { audit } from '../audit/store.ts';
import { demoPatients, demoStaff, type DemoPatient } from './people.ts';
import { insertChairs, insertClinic, insertStaff } from './store.ts';
import { insertLead } from '../leads/store.ts';
import { seedTherapySessions } from './therapy.ts';
import { seedLedger } from './ledger.ts';
import { padss } from '@openkap/domain';

export const DEMO_ADMIN = { email: 'admin@demo.clinic', password: 'openkap-demo' } as const;

const DAY = 86_400_000;
/** PHQ-9 item 9, the suicide-risk item. */
const PHQ9_ITEM9 = getInstrument('phq9').safetyItem?.linkId ?? '44260-8';
const MIN = 60_000;

/** Small deterministic PRNG (mulberry32) so every demo clinic looks the same. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spreads a PHQ-9/GAD-7 total over the items (0–3 each); item 9 kept at 0 unless asked. */
function answersFor(
  instrumentId: string,
  total: number,
  item9: number,
  rand: () => number,
): Record<string, number> {
  const items = getInstrument(instrumentId).items.map((i) => i.linkId);
  const safety = instrumentId === 'phq9' ? items.at(-1) : undefined;
  const free = items.filter((i) => i !== safety);
  const values = new Map<string, number>(items.map((i) => [i, 0]));
  if (safety) {
    values.set(safety, item9);
  }
  let left = Math.max(0, Math.min(total - item9, free.length * 3));
  while (left > 0) {
    const pick = free[Math.floor(rand() * free.length)] as string;
    const v = values.get(pick) ?? 0;
    if (v < 3) {
      values.set(pick, v + 1);
      left -= 1;
    }
  }
  return Object.fromEntries(values);
}

/** Session dates, oldest first: induction every 2–3 days, then boosters about every 4 weeks. */
function sessionDays(count: number, protocol: Protocol, lastDaysAgo: number): number[] {
  const offsets: number[] = [];
  let day = 0;
  for (let i = 0; i < count; i++) {
    offsets.push(day);
    day += i < protocol.induction.sessions - 1 ? (i % 3 === 2 ? 3 : 2) : protocol.booster.defaultIntervalDays;
  }
  const last = offsets.at(-1) ?? 0;
  return offsets.map((o) => o - last - lastDaysAgo);
}

interface SeedCtx {
  tx: Tx;
  clinicId: string;
  nurseId: string;
  physicianId: string;
  now: Date;
  rand: () => number;
  chairIds: string[];
}

async function pastInfusion(
  c: SeedCtx,
  p: DemoPatient,
  patientId: string,
  planId: string,
  protocol: Protocol,
  start: Date,
  index: number,
  intakeDay: string,
): Promise<void> {
  // Weighed at each visit; the prescriber gives the protocol's default dose, stepped down (to 0.05 mg/kg)
  // where a cap binds for this weight (the chronic-pain 25 mg/h for a heavier patient).
  const day = start.toISOString().slice(0, 10);
  await patientStore.insertWeight(c.tx, {
    clinicId: c.clinicId,
    patientId,
    kg: p.weightKg,
    measuredOn: day,
    recordedBy: c.nurseId,
  });
  const weight = dosingWeight({
    weight: { kg: p.weightKg, measuredOn: day },
    height: { cm: p.heightCm, measuredOn: intakeDay },
    sex: p.sex,
    today: day,
    rule: protocol.dosingWeight ?? defaultDosingWeightRule,
  });
  const ceiling = doseCeiling(protocol.dose.limits, weight.kg, protocol.dose.durationMin).mgPerKg;
  const order = computeDoseOrder({
    weightKg: weight.kg,
    mgPerKg: Math.min(protocol.dose.defaultMgPerKg, Math.floor(ceiling * 20) / 20),
    route: protocol.route,
    durationMin: protocol.dose.durationMin,
    vialConcentrationMgPerMl: protocol.preparation.vialConcentrationMgPerMl,
    diluentVolumeMl: protocol.preparation.diluentVolumeMl,
    limits: protocol.dose.limits,
  });
  const minutes = protocol.dose.durationMin ?? 10;
  const end = new Date(start.getTime() + minutes * MIN);
  const id = await infusionStore.insertInfusion(c.tx, {
    clinicId: c.clinicId,
    patientId,
    planId,
    chairId: c.chairIds[index % 2] ?? null,
    scheduledAt: new Date(start.getTime() - 20 * MIN),
    protocol: protocol as unknown as Record<string, unknown>,
    createdBy: c.nurseId,
  });
  if (order.rateMlPerHour == null && (protocol.route === 'im' || protocol.route === 'intranasal')) {
    // One injection (or the nasal doses) at the start; an IM volume above the deltoid's 2 mL goes in
    // the ventrogluteal site, as the console would split or place it.
    await sessionStore.insertAdministration(c.tx, {
      clinicId: c.clinicId,
      infusionId: id,
      route: protocol.route,
      at: start,
      doseMg: order.doseMg,
      volumeMl: protocol.route === 'im' ? order.drawVolumeMl : null,
      site: protocol.route === 'im' ? (order.drawVolumeMl > 2 ? 'ventrogluteal' : 'deltoid') : null,
      side: protocol.route === 'im' ? (index % 2 ? 'right' : 'left') : null,
      devices: protocol.route === 'intranasal' ? Math.max(1, Math.round(order.doseMg / 10)) : null,
      nostril: protocol.route === 'intranasal' ? 'both' : null,
      administeredBy: c.nurseId,
      recordedBy: c.nurseId,
      note: null,
    });
  }
  if (order.rateMlPerHour != null) {
    await sessionStore.setAdministeredBy(c.tx, id, c.nurseId);
    await infusionStore.insertPumpEvent(c.tx, {
      clinicId: c.clinicId,
      infusionId: id,
      kind: 'start',
      at: start,
      rateMlPerH: order.rateMlPerHour,
      by: c.nurseId,
    });
    await infusionStore.insertPumpEvent(c.tx, {
      clinicId: c.clinicId,
      infusionId: id,
      kind: 'stop',
      at: end,
      rateMlPerH: null,
      by: c.nurseId,
    });
  }
  // Vitals: baseline, every 5 min while infusing (BP peaks near 40 min), then recovery.
  const hr0 = 64 + Math.round(c.rand() * 18);
  const sbp0 = 112 + Math.round(c.rand() * 18) + (p.conditions?.hypertension === 'controlled' ? 10 : 0);
  const dbp0 = 70 + Math.round(c.rand() * 10);
  const spike = index === 1 && p.conditions?.hypertension === 'controlled';
  const rows: infusionStore.VitalRowInput[] = [];
  for (let m = -10; m <= minutes + 30; m += 5) {
    const rise = m < 0 ? 0 : m <= minutes ? Math.min(1, m / 40) : Math.max(0, 1 - (m - minutes) / 40);
    const at = new Date(start.getTime() + m * MIN);
    const base = {
      clinicId: c.clinicId,
      patientId,
      infusionId: id,
      effectiveAt: at,
      source: 'device' as const,
      device: 'Demo monitor',
      recordedBy: null,
    };
    const sbp = Math.round(sbp0 + 16 * rise + (spike && m >= 30 && m <= 40 ? 48 : 0) + c.rand() * 6 - 3);
    rows.push({ ...base, kind: 'hr', value: Math.round(hr0 + 9 * rise + c.rand() * 4 - 2), diastolic: null });
    rows.push({
      ...base,
      kind: 'bp',
      value: sbp,
      diastolic: Math.round(dbp0 + 11 * rise + c.rand() * 4 - 2),
    });
    rows.push({ ...base, kind: 'spo2', value: 96 + Math.round(c.rand() * 3), diastolic: null });
    rows.push({ ...base, kind: 'rr', value: 12 + Math.round(c.rand() * 4), diastolic: null });
  }
  await infusionStore.insertVitals(c.tx, rows);
  const row = await infusionStore.findInfusion(c.tx, id);
  if (row) {
    await reconcileAlerts(c.tx, row, new Date(end.getTime() + 30 * MIN));
  }
  if (spike) {
    await infusionStore.insertIntervention(c.tx, {
      clinicId: c.clinicId,
      infusionId: id,
      code: 'labetalol',
      doseText: '10 mg IV',
      at: new Date(start.getTime() + 36 * MIN),
      note: 'SBP above 180 twice; settled by 55 min',
      by: c.physicianId,
    });
  }
  if (c.rand() < 0.6) {
    await infusionStore.insertSideEffect(c.tx, {
      clinicId: c.clinicId,
      infusionId: id,
      code: 'dissociation',
      severity: c.rand() < 0.7 ? 'mild' : 'moderate',
      at: new Date(start.getTime() + 15 * MIN),
      by: c.nurseId,
    });
  }
  if (c.rand() < 0.25) {
    await infusionStore.insertSideEffect(c.tx, {
      clinicId: c.clinicId,
      infusionId: id,
      code: 'nausea',
      severity: 'mild',
      at: new Date(start.getTime() + 25 * MIN),
      by: c.nurseId,
    });
    if (!p.allergies.includes('Ondansetron')) {
      await infusionStore.insertIntervention(c.tx, {
        clinicId: c.clinicId,
        infusionId: id,
        code: 'ondansetron',
        doseText: '4 mg IV',
        at: new Date(start.getTime() + 27 * MIN),
        by: c.nurseId,
      });
    }
  }
  const dischargedAt = new Date(end.getTime() + 40 * MIN);
  const score = c.rand() < 0.8 ? 10 : 9;
  const items = Object.fromEntries(
    padss.items.map((item) => item.id).map((k, i) => [k, score === 9 && i === 1 ? 1 : 2]),
  );
  await infusionStore.updateInfusion(c.tx, id, {
    stage: 'discharged',
    stageSince: dischargedAt,
    prechecks: { consentSigned: true, fastingConfirmed: true, escortName: 'Family member' },
    doseOrder: { ...order, weightOn: day, dosingWeight: weight, orderedBy: 'Dr. Ruth Alvarez' },
    startedAt: start,
    // A hand-given dose ends dosing when it is given; a pump run when it stops.
    endedAt: order.rateMlPerHour == null ? start : end,
    totalDoseMg: order.doseMg,
    discharge: {
      scoreType: 'padss',
      items,
      score,
      escortName: 'Family member',
      instructionsGiven: true,
      note: null,
      at: dischargedAt.toISOString(),
      by: 'Jordan Lee, RN',
    },
  });
}

async function seedPatient(c: SeedCtx, p: DemoPatient, n: number): Promise<void> {
  const protocol = protocols[p.protocolId];
  if (!protocol) {
    throw new Error(`demo protocol ${p.protocolId} missing`);
  }
  const mrn = `K${1001 + n}`;
  const patientId = await patientStore.insertPatient(c.tx, {
    clinicId: c.clinicId,
    mrn,
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate,
    sex: p.sex,
    phone: `(555) 01${String(n).padStart(2, '0')}-${String(4000 + n * 7)}`,
    email: `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase()}@example.org`,
    address: `${100 + n * 11} Elm Street, Springfield`,
    indicationCode: p.indicationCode,
    indicationText: p.indicationText,
    allergies: p.allergies,
    conditions: { ...noConditions, ...p.conditions },
  });
  const lastDaysAgo = p.today ? 2 : 3 + Math.floor(c.rand() * 18);
  const days = sessionDays(p.pastSessions, protocol, lastDaysAgo);
  const firstDay = days[0] ?? -(2 + Math.floor(c.rand() * 5));
  const at = (dayOffset: number, hour: number): Date => {
    const d = new Date(c.now.getTime() + dayOffset * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  // Weight history: intake, a re-weigh two weeks in, and one at each visit (pastInfusion); height at intake.
  const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
  await patientStore.insertWeight(c.tx, {
    clinicId: c.clinicId,
    patientId,
    kg: Math.round((p.weightKg + 1.2) * 10) / 10,
    measuredOn: isoDay(at(firstDay - 7, 15)),
    recordedBy: c.nurseId,
  });
  await patientStore.insertWeight(c.tx, {
    clinicId: c.clinicId,
    patientId,
    kg: p.weightKg,
    measuredOn: isoDay(at(Math.min(-1, firstDay + 14), 15)),
    recordedBy: c.nurseId,
  });
  const intakeDay = isoDay(at(firstDay - 7, 15));
  await patientStore.insertHeight(c.tx, {
    clinicId: c.clinicId,
    patientId,
    cm: p.heightCm,
    measuredOn: intakeDay,
    recordedBy: c.nurseId,
  });
  for (const m of p.medications) {
    await patientStore.insertMedication(c.tx, {
      clinicId: c.clinicId,
      patientId,
      ...m,
      startedOn: isoDay(at(firstDay - 200, 12)),
    });
  }
  const planId = await planStore.insertPlan(c.tx, {
    clinicId: c.clinicId,
    patientId,
    protocolId: protocol.id,
    protocol: protocol as unknown as Record<string, unknown>,
    startedOn: isoDay(at(firstDay - 7, 15)),
    by: c.physicianId,
  });

  // PHQ-9 and GAD-7 at intake, before each session, and once recently.
  const actor = `staff:${c.nurseId}`;
  const phqAt = (k: number): number => {
    const improvement = p.responder ? 0.65 * (1 - Math.exp(-k / 2)) : 0.12 * (1 - Math.exp(-k / 3));
    return Math.max(0, Math.min(27, Math.round(p.baselinePhq9 * (1 - improvement) + (c.rand() * 4 - 2))));
  };
  const assessments = [
    firstDay - 7,
    ...days.map((d) => d - 0.01),
    ...(p.pastSessions > 0 ? [Math.min(-1, (days.at(-1) ?? 0) + 2)] : []),
  ];
  let previousPhq = p.baselinePhq9;
  for (const [k, dayOffset] of assessments.entries()) {
    const authoredAt = at(dayOffset, 14);
    const last = k === assessments.length - 1;
    // Symptoms coming back after the series: 6 points above the last score, so the booster signal
    // (5 points above the post-series low) fires.
    const phq = last && p.climbingBack ? Math.min(27, previousPhq + 6) : phqAt(k);
    previousPhq = phq;
    for (const instrument of ['phq9', 'gad7'] as const) {
      const total = instrument === 'phq9' ? phq : Math.max(0, Math.round(phq * 0.7 + c.rand() * 3 - 1));
      const item9 = instrument === 'phq9' && last && p.item9 ? 1 : 0;
      const answers = answersFor(instrument, Math.min(total, instrument === 'phq9' ? 27 : 21), item9, c.rand);
      // "Prefer not to answer" on the phone: item 9 kept unanswered, and an urgent task to ask it.
      const declined = instrument === 'phq9' && last && p.item9Declined ? [PHQ9_ITEM9] : [];
      const fromPhone = k % 2 === 1 || (last && p.item9Declined === true);
      await recordResponse(
        c.tx,
        {
          clinicId: c.clinicId,
          patientId,
          instrument,
          answers: declined.length ? { ...answers, [PHQ9_ITEM9]: null } : answers,
          declined,
          authoredAt,
          source: fromPhone ? 'patient' : 'staff',
          enteredBy: fromPhone ? null : c.nurseId,
          actor,
        },
        c.now,
      );
    }
  }

  if (/^F1[01]\./.test(p.indicationCode)) {
    await seedSubstanceUse(c, p, patientId, firstDay, at);
  }

  for (const [i, d] of days.entries()) {
    await pastInfusion(c, p, patientId, planId, protocol, at(d, 15), i, intakeDay);
  }

  if (p.today) {
    const chairId = c.chairIds[p.today === 'chair-1' ? 0 : 1] ?? null;
    await infusionStore.insertInfusion(c.tx, {
      clinicId: c.clinicId,
      patientId,
      planId,
      chairId,
      scheduledAt: new Date(c.now.getTime() + (p.today === 'chair-1' ? -10 : 50) * MIN),
      protocol: protocol as unknown as Record<string, unknown>,
      createdBy: c.nurseId,
    });
  }
  await audit(
    c.tx,
    { clinicId: c.clinicId, actor: 'demo-seed' },
    { action: 'create', entity: 'patient', entityId: patientId, patientId },
  );
}

/**
 * Weekly use diary and craving (PACS) for the alcohol and opioid patients, two weeks before the first
 * infusion to now: heavy use at intake; responders cut down to mostly abstinent weeks with one lapse.
 */
async function seedSubstanceUse(
  c: SeedCtx,
  p: DemoPatient,
  patientId: string,
  firstDay: number,
  at: (dayOffset: number, hour: number) => Date,
): Promise<void> {
  const actor = `patient:${patientId}`;
  // Its own random stream, so adding diaries does not change any other demo patient's history.
  const rand = prng(firstDay * 7919 + p.baselinePhq9);
  for (let week = firstDay - 14, k = 0; week <= -1; week += 7, k += 1) {
    const after = week > firstDay;
    const lapse = after && k === 4;
    const used = !after ? 5 : lapse ? 3 : p.responder ? Math.max(0, 2 - Math.floor(k / 2)) : 4;
    const heavy = !after ? 4 : lapse ? 2 : p.responder ? 0 : 2;
    const craving = Math.max(
      0,
      Math.min(30, (after ? (p.responder ? 9 : 18) : 22) + (lapse ? 6 : 0) + Math.round(rand() * 4 - 2)),
    );
    const authoredAt = at(week, 13);
    await recordResponse(
      c.tx,
      {
        clinicId: c.clinicId,
        patientId,
        instrument: 'use_diary',
        answers: { 'openkap-usediary-1': used, 'openkap-usediary-2': Math.min(heavy, used) },
        authoredAt,
        source: 'patient',
        enteredBy: null,
        actor,
      },
      c.now,
    );
    const per = Math.floor(craving / 5);
    const pacsAnswers = Object.fromEntries(
      [1, 2, 3, 4, 5].map((i) => [`openkap-pacs-${i}`, Math.min(6, per + (i <= craving % 5 ? 1 : 0))]),
    );
    await recordResponse(
      c.tx,
      {
        clinicId: c.clinicId,
        patientId,
        instrument: 'pacs',
        answers: pacsAnswers,
        authoredAt,
        source: 'patient',
        enteredBy: null,
        actor,
      },
      c.now,
    );
  }
}

/** A clearly labelled demo clinic: two chairs, staff of every role, 20 made-up patients with histories. */
export async function seedDemoClinic(db: Kysely<DB>, now: Date): Promise<string> {
  const clinicId = await insertClinic(db, {
    name: 'OpenKAP Demo Clinic (made-up data)',
    timeZone: 'America/New_York',
    isDemo: true,
  });
  const hash = await hashPassword(DEMO_ADMIN.password);
  const staffIds = new Map<string, string>();
  for (const s of demoStaff) {
    staffIds.set(
      s.email,
      await insertStaff(db, { clinicId, email: s.email, name: s.name, role: s.role, passwordHash: hash }),
    );
  }
  await inClinic(db, clinicId, async (tx) => {
    const chairIds = await insertChairs(tx, clinicId, ['Chair 1 — Willow', 'Chair 2 — Cedar']);
    const c: SeedCtx = {
      tx,
      clinicId,
      nurseId: staffIds.get('nurse@demo.clinic') as string,
      physicianId: staffIds.get('physician@demo.clinic') as string,
      now,
      rand: prng(20261125),
      chairIds,
    };
    for (const [n, p] of demoPatients.entries()) {
      await seedPatient(c, p, n);
    }
    await seedTherapySessions(tx, clinicId, staffIds, now);
    await seedLedger(
      tx,
      clinicId,
      {
        nurseId: c.nurseId,
        physicianId: c.physicianId,
        adminId: staffIds.get('admin@demo.clinic') as string,
      },
      now,
    );
    await insertLead(tx, {
      clinicId,
      name: 'Jamie Doe',
      email: 'jamie@example.org',
      interest: 'depression',
      message: 'My psychiatrist suggested ketamine. What does the first visit involve?',
      preferredContact: 'email',
    });
    await insertLead(tx, {
      clinicId,
      name: 'Taylor Smith',
      phone: '(555) 010-2233',
      interest: 'ptsd',
      preferredContact: 'phone',
    });
  });
  return clinicId;
}
