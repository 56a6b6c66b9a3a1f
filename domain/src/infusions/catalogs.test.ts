import { describe, expect, it } from 'vitest';
import { interventions } from './interventions.ts';
import { sideEffectSeverities, sideEffects } from './side-effects.ts';

describe('side-effect and intervention catalogs', () => {
  it('has unique ids and a three-step severity scale', () => {
    expect(new Set(sideEffects.map((s) => s.id)).size).toBe(sideEffects.length);
    expect(new Set(interventions.map((i) => i.id)).size).toBe(interventions.length);
    expect(sideEffectSeverities.map((s) => s.id)).toEqual(['mild', 'moderate', 'severe']);
  });

  it('offers the UX quick-charting set', () => {
    expect(sideEffects.filter((s) => s.quickCharting).map((s) => s.id)).toEqual([
      'dissociation',
      'nausea',
      'dizziness',
      'sedation',
      'anxiety',
      'headache',
    ]);
  });

  it('links every intervention to known side effects and cites a source', () => {
    const known = new Set(sideEffects.map((s) => s.id));
    for (const intervention of interventions) {
      expect(intervention.source.length, intervention.id).toBeGreaterThan(0);
      for (const id of intervention.usedFor) {
        expect(known.has(id), `${intervention.id} → ${id}`).toBe(true);
      }
      if (intervention.kind === 'medication') {
        expect(intervention.defaultDoses.length).toBeGreaterThan(0);
      }
    }
  });

  it('marks unverified doses as [U]', () => {
    for (const id of ['ondansetron', 'labetalol', 'midazolam']) {
      expect(interventions.find((i) => i.id === id)?.source).toContain('[U]');
    }
  });
});
