import { describe, expect, it } from 'vitest';
import { roleCan } from '../auth/permissions.ts';
import { staffRoles } from '../auth/schema.ts';
import {
  THERAPY_MINUTES,
  TherapySessionInput,
  therapyAttendance,
  therapyAttendanceLabels,
  therapySessionKindCatalog,
  therapySessionKinds,
} from './schema.ts';

const infusionId = '6f1c1c2e-8a53-4e0c-9a51-0d4a5b1f0a11';
const base = { kind: 'integration', heldAt: '2026-11-19T16:00:00Z', minutes: 50 } as const;
const pathsOf = (input: unknown): string[] => {
  const r = TherapySessionInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('therapy session payload', () => {
  it('takes an attended integration session and fills attendance', () => {
    expect(TherapySessionInput.parse({ ...base, summary: '  Noticed less rumination.  ' })).toEqual({
      ...base,
      attendance: 'attended',
      summary: 'Noticed less rumination.',
    });
  });

  it('needs minutes for an attended session, within the plausible range, in whole minutes', () => {
    expect(pathsOf({ kind: 'preparation', heldAt: base.heldAt })).toEqual(['minutes']);
    expect(pathsOf({ ...base, minutes: THERAPY_MINUTES.min - 1 })).toEqual(['minutes']);
    expect(pathsOf({ ...base, minutes: THERAPY_MINUTES.max + 1 })).toEqual(['minutes']);
    expect(pathsOf({ ...base, minutes: 50.5 })).toEqual(['minutes']);
    expect(pathsOf({ ...base, minutes: THERAPY_MINUTES.max })).toEqual([]);
  });

  it('records a no-show or late cancellation without minutes, and refuses minutes for one', () => {
    expect(pathsOf({ kind: 'motivational_enhancement', heldAt: base.heldAt, attendance: 'no_show' })).toEqual(
      [],
    );
    expect(pathsOf({ ...base, attendance: 'cancelled_late' })).toEqual(['minutes']);
  });

  it('names the dosing session a "during dosing" session accompanied', () => {
    expect(pathsOf({ ...base, kind: 'during_dosing', minutes: 120 })).toEqual(['infusionId']);
    expect(pathsOf({ ...base, kind: 'during_dosing', minutes: 120, infusionId })).toEqual([]);
  });

  it('refuses an unknown kind, a time without an offset, a bad id and an essay for a summary', () => {
    expect(pathsOf({ ...base, kind: 'process_notes' })).toEqual(['kind']);
    expect(pathsOf({ ...base, heldAt: '2026-11-19 16:00' })).toEqual(['heldAt']);
    expect(pathsOf({ ...base, therapistId: 'dana' })).toEqual(['therapistId']);
    expect(pathsOf({ ...base, summary: 'x'.repeat(2001) })).toEqual(['summary']);
  });

  it('labels every kind and attendance, with distinct one-letter marks for the strip', () => {
    expect(therapySessionKindCatalog.map((k) => k.id)).toEqual([...therapySessionKinds]);
    const marks = therapySessionKindCatalog.map((k) => k.abbreviation);
    expect(new Set(marks).size).toBe(marks.length);
    expect(marks.every((m) => m.length === 1)).toBe(true);
    expect(Object.keys(therapyAttendanceLabels)).toEqual([...therapyAttendance]);
  });
});

describe('who records and reads therapy sessions', () => {
  it('lets therapists and physicians record; the care team read; never front desk or billing', () => {
    expect(staffRoles.filter((r) => roleCan(r, 'therapy.record'))).toEqual(['physician', 'therapist']);
    expect(staffRoles.filter((r) => roleCan(r, 'therapy.read'))).toEqual([
      'admin',
      'physician',
      'nurse',
      'therapist',
    ]);
    // Whoever records a session can read it back.
    expect(staffRoles.filter((r) => roleCan(r, 'therapy.record') && !roleCan(r, 'therapy.read'))).toEqual([]);
  });
});
