// Psychotherapy sessions for the demo clinic's made-up patients: preparation before the first dosing
// session, a therapist in the room for IM ketamine-assisted psychotherapy, integration afterwards, and
// motivational enhancement then relapse prevention for patients treated for alcohol or opioid use.
// Summaries are invented progress-note summaries, never process notes.
import { TherapySessionInput, type TherapySessionKind } from '@openkap/domain/therapy/schema';
import { therapySessionProblems } from '@openkap/domain/therapy/sessions';
import type { Tx } from '../db/clinic-scope.ts';
import { audit } from '../audit/store.ts';
import * as patientStore from '../patients/store.ts';
import * as infusionStore from '../infusions/store.ts';
import * as store from '../therapy/store.ts';
import { demoPatients, type DemoPatient } from './people.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const summaries: Record<TherapySessionKind, readonly string[]> = {
  preparation: [
    'Went through what an infusion feels like (dissociation, time distortion) and agreed a grounding plan with music and eyeshades. Intentions: less self-criticism, more energy for family. Plan: integration the day after infusion 1.',
    'Reviewed hopes and fears about treatment; patient worried about losing control. Practised a breathing anchor to use at onset. Plan: bring the intentions list to the first session.',
    'Set intentions for the series and agreed a signal for needing support during dosing. Safety plan reviewed and up to date.',
  ],
  during_dosing: [
    'Present throughout; brief anxiety at onset settled with reassurance and the breathing anchor. Patient described a sense of distance from old guilt. Plan: integration tomorrow.',
    'Present throughout; quiet, eyeshades on, music. Emotional near the end, settled before recovery. Plan: integration tomorrow.',
  ],
  integration: [
    'Discussed the infusion experience; patient noticed less rumination and slept better for two nights. Practised turning one insight into a weekly plan. Plan: continue journaling.',
    'Patient linked imagery from the session to grief about a parent; explored it gently. Mood brighter, still low energy in the mornings. Plan: morning walk three times this week.',
    'Reviewed changes since the series began: fewer low days, more contact with friends. Plan: keep the routines that helped; re-rate PHQ-9 weekly.',
  ],
  motivational_enhancement: [
    'Explored ambivalence about use; importance 8/10, confidence 5/10. Patient set a goal of no use on weekdays. Plan: weekly use diary, review next week.',
    'Reviewed the use diary: two days used, one heavy. Reflected on what made the other five days possible. Confidence up to 6/10.',
    'Patient described the cost of use to work and family in their own words; decisional balance completed. Plan: tell one trusted person about the goal.',
  ],
  relapse_prevention: [
    'Mapped high-risk situations (Friday evenings, old friends from using days). Practised urge surfing and the breathing space. Plan: daily three-minute practice.',
    'Reviewed a lapse on Saturday without judgement; identified the trigger (argument, alone at home). Rehearsed an alternative. Plan: call sponsor when alone in the evening.',
    'Craving lower this week; patient used the breathing space twice when the urge came. Plan: keep practising, review the diary next session.',
  ],
  other: ['Supportive session around a work stressor; coping plan reviewed.'],
};

interface Planned {
  kind: TherapySessionKind;
  heldAt: number;
  minutes: number | null;
  attendance: 'attended' | 'cancelled_late' | 'no_show';
  infusion: { id: string; at: number; cancelled: boolean } | null;
  therapistId: string;
}

/** Noon in New York (the demo clinic's zone), whatever the day: sessions land in office hours. */
const officeHours = (ms: number, hourUtc = 17): number => {
  const d = new Date(ms);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.getTime();
};

function planFor(
  p: DemoPatient,
  n: number,
  infusions: readonly { id: string; at: number; done: boolean }[],
  staff: { therapist: string; physician: string },
  now: number,
): Planned[] {
  const kap = p.protocolId === 'im-kap';
  const substance = /^F1[0-9]/.test(p.indicationCode);
  // A third of the IV patients see a therapist outside the clinic: nothing is recorded here.
  if (!kap && !substance && n % 3 === 2) {
    return [];
  }
  const link = (i: { id: string; at: number }) => ({ id: i.id, at: i.at, cancelled: false });
  const first = infusions[0];
  const done = infusions.filter((i) => i.done);
  const planned: Planned[] = [];
  const add = (s: Omit<Planned, 'therapistId' | 'attendance'> & Partial<Planned>) =>
    planned.push({ therapistId: staff.therapist, attendance: 'attended', ...s });

  // Preparation a few days before the first dosing session (or just now, before one is booked).
  const prepAt = officeHours((first?.at ?? now) - 3 * DAY, 19);
  add({
    kind: 'preparation',
    heldAt: prepAt,
    minutes: kap ? 90 : 60,
    infusion: first ? link(first) : null,
    // The prescriber prepares IV patients; the therapist who will sit in prepares KAP patients.
    therapistId: kap || substance ? staff.therapist : staff.physician,
  });

  if (substance) {
    // Motivational enhancement weekly before dosing starts, then relapse prevention weekly after it.
    const start = first?.at ?? now;
    for (const weeksBefore of [2, 1]) {
      add({
        kind: 'motivational_enhancement',
        heldAt: officeHours(start - weeksBefore * 7 * DAY - DAY),
        minutes: 50,
        infusion: null,
      });
    }
    if (first) {
      for (let week = 1; week <= 8 && officeHours(first.at + week * 7 * DAY - 2 * DAY) < now; week++) {
        add({
          kind: 'relapse_prevention',
          heldAt: officeHours(first.at + week * 7 * DAY - 2 * DAY),
          minutes: 90,
          infusion: null,
          // One late cancellation, as happens.
          ...(week === 2 && !p.responder ? { attendance: 'cancelled_late' as const, minutes: null } : {}),
        });
      }
    }
  }

  for (const [k, inf] of done.entries()) {
    if (kap) {
      // KAP: the therapist sits in for the dose, then integrates the next day, before the next dose.
      add({ kind: 'during_dosing', heldAt: inf.at, minutes: 120, infusion: link(inf) });
      add({ kind: 'integration', heldAt: officeHours(inf.at + DAY), minutes: 60, infusion: link(inf) });
    } else if (k === 0 || k === done.length - 1 || k === 3) {
      const missed = k === 3 && !p.responder;
      add({
        kind: 'integration',
        heldAt: officeHours(inf.at + DAY),
        minutes: missed ? null : 50,
        attendance: missed ? 'no_show' : 'attended',
        infusion: link(inf),
      });
    }
  }
  // Only sessions already held are on record.
  return planned.filter((s) => s.heldAt <= now - HOUR);
}

/** Adds the demo patients' psychotherapy sessions (inside the seed's clinic transaction). */
export async function seedTherapySessions(
  tx: Tx,
  clinicId: string,
  staffIds: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const staff = {
    therapist: staffIds.get('therapist@demo.clinic') as string,
    physician: staffIds.get('physician@demo.clinic') as string,
  };
  const patients = await patientStore.searchPatients(tx, undefined, 1000);
  for (const [n, p] of demoPatients.entries()) {
    const row = patients.find((r) => r.given_name === p.givenName && r.family_name === p.familyName);
    if (!row) {
      continue;
    }
    const infusions = (await infusionStore.listForPatient(tx, row.id))
      .filter((i) => i.stage !== 'cancelled')
      .map((i) => ({
        id: i.id,
        at: new Date(i.started_at ?? i.scheduled_at).getTime(),
        done: i.stage === 'discharged',
      }));
    for (const [k, s] of planFor(p, n, infusions, staff, now.getTime()).entries()) {
      const summary =
        s.attendance === 'attended' ? summaries[s.kind][(n + k) % summaries[s.kind].length] : undefined;
      // The demo keeps the rules a clinician is held to; a broken one is a bug in this file.
      const input = TherapySessionInput.parse({
        kind: s.kind,
        heldAt: new Date(s.heldAt).toISOString(),
        attendance: s.attendance,
        ...(s.minutes != null ? { minutes: s.minutes } : {}),
        ...(s.infusion ? { infusionId: s.infusion.id } : {}),
        ...(summary ? { summary } : {}),
      });
      const problems = therapySessionProblems(
        { kind: s.kind, heldAt: s.heldAt },
        { now: now.getTime(), dosing: s.infusion },
      );
      if (problems.length) {
        throw new Error(`demo therapy session for ${p.familyName}: ${problems[0]?.message}`);
      }
      const id = await store.insertSession(tx, {
        clinicId,
        patientId: row.id,
        therapistId: s.therapistId,
        kind: input.kind,
        heldAt: new Date(input.heldAt),
        minutes: input.minutes ?? null,
        attendance: input.attendance,
        infusionId: input.infusionId ?? null,
        summary: input.summary ?? null,
        recordedBy: s.therapistId,
      });
      await audit(
        tx,
        { clinicId, actor: 'demo-seed' },
        { action: 'create', entity: 'therapy_session', entityId: id, patientId: row.id },
      );
    }
  }
}
