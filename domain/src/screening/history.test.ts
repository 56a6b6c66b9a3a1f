import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { flagRules } from './flags.ts';
import { futureEventDates, isEventDate, latestEventDay } from './history.ts';
import { defaultScreeningConfig, screenPatient, type ScreeningConditions } from './screen.ts';

const today = '2026-11-20';

function screen(conditions: ScreeningConditions, config = defaultScreeningConfig) {
  return screenPatient({ medications: [], conditions, today }, config);
}

const codes = (conditions: ScreeningConditions): string[] => screen(conditions).map((f) => f.code);

describe('label contraindications from the medical history', () => {
  it.each<[string, ScreeningConditions, string]>([
    ['aneurysmal vascular disease or AVM', { aneurysmOrAvm: true }, 'aneurysm_or_avm'],
    ['intracerebral hemorrhage', { intracerebralHemorrhageHistory: true }, 'intracerebral_hemorrhage'],
    ['untreated hyperthyroidism', { hyperthyroidismUntreated: true }, 'untreated_hyperthyroidism'],
    ['raised intracranial pressure', { raisedIntracranialPressure: true }, 'raised_intracranial_pressure'],
    ['pre-eclampsia or eclampsia', { preEclampsia: true }, 'pre_eclampsia'],
  ])('flags %s as a contraindication with its source', (_label, conditions, code) => {
    const flags = screen(conditions);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code, severity: 'contraindication' });
    expect(flags[0]?.source).toMatch(/https:\/\//);
  });

  it('flags raised intraocular pressure and severe hepatic impairment as relative contraindications', () => {
    const flags = screen({ raisedIntraocularPressure: true, hepaticImpairment: 'severe' });
    expect(flags.map((f) => [f.code, f.severity])).toEqual([
      ['raised_intraocular_pressure', 'relative_contraindication'],
      ['severe_hepatic_impairment', 'relative_contraindication'],
    ]);
  });

  it('flags moderate hepatic impairment as a caution and mild or none not at all', () => {
    expect(screen({ hepaticImpairment: 'moderate' })).toMatchObject([
      { code: 'moderate_hepatic_impairment', severity: 'caution' },
    ]);
    expect(codes({ hepaticImpairment: 'mild' })).toEqual([]);
    expect(codes({ hepaticImpairment: 'none' })).toEqual([]);
  });

  it('flags nothing for an empty history or all false', () => {
    expect(
      codes({
        aneurysmOrAvm: false,
        intracerebralHemorrhageHistory: false,
        strokeOn: null,
        myocardialInfarctionOn: null,
        hyperthyroidismUntreated: false,
        raisedIntracranialPressure: false,
        raisedIntraocularPressure: false,
        preEclampsia: false,
      }),
    ).toEqual([]);
  });

  it('has a title, reason and source for every history flag', () => {
    for (const code of [
      'aneurysm_or_avm',
      'intracerebral_hemorrhage',
      'recent_stroke',
      'recent_myocardial_infarction',
      'stroke_history',
      'myocardial_infarction_history',
      'untreated_hyperthyroidism',
      'raised_intracranial_pressure',
      'raised_intraocular_pressure',
      'severe_hepatic_impairment',
      'moderate_hepatic_impairment',
      'pre_eclampsia',
    ] as const) {
      const rule = flagRules[code];
      expect(rule.title.length, code).toBeGreaterThan(0);
      expect(rule.source, code).toMatch(/https?:\/\//);
    }
  });
});

describe('recent stroke or myocardial infarction against the protocol window', () => {
  it('flags an infarction within 6 weeks (42 days) as a contraindication, the day after as a caution', () => {
    // 2026-11-20 minus 42 days = 2026-10-09.
    expect(screen({ myocardialInfarctionOn: '2026-10-09' })).toMatchObject([
      { code: 'recent_myocardial_infarction', severity: 'contraindication' },
    ]);
    expect(screen({ myocardialInfarctionOn: '2026-10-08' })).toMatchObject([
      { code: 'myocardial_infarction_history', severity: 'caution' },
    ]);
  });

  it('flags a recent stroke as a contraindication and an older one as a relative contraindication', () => {
    const recent = screen({ strokeOn: '2026-11-01' });
    expect(recent).toMatchObject([{ code: 'recent_stroke', severity: 'contraindication' }]);
    expect(recent[0]?.reason).toMatch(
      /^Stroke on 2026-11-01 \(19 days ago\): within the protocol's 42-day window\./,
    );
    expect(screen({ strokeOn: '2019-03-02' })).toMatchObject([
      { code: 'stroke_history', severity: 'relative_contraindication' },
    ]);
  });

  it('counts a month-only date from the last day of that month, erring towards "recent"', () => {
    // September 2026 ends on the 30th: 51 days before 2026-11-20; October ends 20 days before.
    expect(codes({ strokeOn: '2026-09' })).toEqual(['stroke_history']);
    const october = screen({ strokeOn: '2026-10' });
    expect(october[0]?.code).toBe('recent_stroke');
    expect(october[0]?.reason).toContain('counted from the last day of that month');
  });

  it('uses the window it is given (a protocol setting)', () => {
    const config = { ...defaultScreeningConfig, recentEventWindowDays: 90 };
    expect(screen({ myocardialInfarctionOn: '2026-09-01' }, config).map((f) => f.code)).toEqual([
      'recent_myocardial_infarction',
    ]);
    expect(codes({ myocardialInfarctionOn: '2026-09-01' })).toEqual(['myocardial_infarction_history']);
  });

  it('flags both events when both are recorded', () => {
    expect(codes({ strokeOn: '2026-11-10', myocardialInfarctionOn: '2024-01' })).toEqual([
      'recent_stroke',
      'myocardial_infarction_history',
    ]);
  });

  it('needs today’s date to judge a dated event, and refuses an impossible date', () => {
    expect(() => screenPatient({ medications: [], conditions: { strokeOn: '2026-11-01' } })).toThrow(
      DomainError,
    );
    expect(() => screen({ strokeOn: '2026-13' })).toThrow(DomainError);
    expect(() => screen({ myocardialInfarctionOn: '2026-02-30' })).toThrow(DomainError);
    // No dated event: no date needed.
    expect(screenPatient({ medications: [], conditions: { aneurysmOrAvm: true } })).toHaveLength(1);
  });
});

describe('event dates', () => {
  it('takes a full date as is and a month as its last day', () => {
    expect(latestEventDay('2026-10-09')).toBe(isoDateToDay('2026-10-09'));
    expect(latestEventDay('2026-02')).toBe(isoDateToDay('2026-02-28'));
    expect(latestEventDay('2024-02')).toBe(isoDateToDay('2024-02-29'));
    expect(latestEventDay('2026-12')).toBe(isoDateToDay('2026-12-31'));
  });

  it('knows a real date or month from anything else', () => {
    expect(['2026-10-09', '2026-10'].map(isEventDate)).toEqual([true, true]);
    expect(['2026-00', '2026-10-32', '10/2026', '2026', ''].map(isEventDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('finds event dates after today; the current month is not in the future', () => {
    expect(futureEventDates({ strokeOn: '2026-11-21', myocardialInfarctionOn: '2026-11' }, today)).toEqual([
      'strokeOn',
    ]);
    expect(futureEventDates({ myocardialInfarctionOn: '2026-12' }, today)).toEqual([
      'myocardialInfarctionOn',
    ]);
    expect(futureEventDates({ strokeOn: today, myocardialInfarctionOn: null }, today)).toEqual([]);
  });
});
