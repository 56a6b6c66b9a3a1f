import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  getOutcomeCriteria,
  madrsOutcomeCriteria,
  meetsRemission,
  outcomeCriteria,
  phq9OutcomeCriteria,
  requireCriteria,
} from './criteria.ts';
import type { OutcomeCriteria } from './criteria.ts';

describe('outcome criteria table', () => {
  it('encodes the NCQA HEDIS PHQ-9 definitions: response ≥ 50 %, remission < 5', () => {
    expect(phq9OutcomeCriteria).toMatchObject({
      responseReduction: 0.5,
      remission: { operator: '<', value: 5 },
    });
    expect(meetsRemission(4, phq9OutcomeCriteria.remission)).toBe(true);
    expect(meetsRemission(5, phq9OutcomeCriteria.remission)).toBe(false);
  });

  it('encodes MADRS remission as the validated < 10 (Hawley 2002; Zimmerman 2004: ≤ 9), with its sources', () => {
    expect(madrsOutcomeCriteria).toMatchObject({
      responseReduction: 0.5,
      remission: { operator: '<', value: 10 },
    });
    expect(meetsRemission(9, madrsOutcomeCriteria.remission)).toBe(true);
    // 10 is not remission: the unvalidated "≤ 10" would have counted it.
    expect(meetsRemission(10, madrsOutcomeCriteria.remission)).toBe(false);
    expect(madrsOutcomeCriteria.sources.some((s) => s.startsWith('[U]'))).toBe(false);
    expect(madrsOutcomeCriteria.sources.some((s) => s.includes('12200208'))).toBe(true);
  });

  it('cites a source for every entry', () => {
    for (const criteria of Object.values(outcomeCriteria)) {
      expect(criteria.sources.length).toBeGreaterThan(0);
      expect(requireCriteria(criteria)).toBe(criteria);
    }
  });

  it('looks criteria up by instrument id, own entries only', () => {
    expect(getOutcomeCriteria('phq9')).toBe(phq9OutcomeCriteria);
    expect(getOutcomeCriteria('madrs')).toBe(madrsOutcomeCriteria);
    for (const id of ['gad7', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(() => getOutcomeCriteria(id)).toThrow(DomainError);
    }
  });

  it('takes a clinic table in place of the built-in one', () => {
    const custom: OutcomeCriteria = { ...madrsOutcomeCriteria, remission: { operator: '<=', value: 12 } };
    expect(getOutcomeCriteria('madrs', { madrs: custom })).toBe(custom);
    expect(() => getOutcomeCriteria('phq9', { madrs: custom })).toThrow(DomainError);
  });

  it('rejects criteria that would make every count wrong', () => {
    const bad = (patch: Partial<OutcomeCriteria>): OutcomeCriteria => ({ ...phq9OutcomeCriteria, ...patch });
    expect(() => requireCriteria(bad({ responseReduction: 0 }))).toThrow(DomainError);
    expect(() => requireCriteria(bad({ responseReduction: 1.5 }))).toThrow(DomainError);
    expect(() => requireCriteria(bad({ remission: { operator: '<', value: -1 } }))).toThrow(DomainError);
    expect(() => requireCriteria(bad({ remission: { operator: '>' as '<', value: 5 } }))).toThrow(
      DomainError,
    );
    expect(() =>
      requireCriteria(bad({ remission: undefined as unknown as OutcomeCriteria['remission'] })),
    ).toThrow(DomainError);
    expect(() => requireCriteria(null as unknown as OutcomeCriteria)).toThrow(DomainError);
  });
});
