import { describe, expect, it } from 'vitest';
import { instruments } from './registry.ts';
import { safetyAlertKind } from './safety.ts';

describe('safety alert kinds', () => {
  it('tells an alert (positive answer) from a task (item not answered) for every safety item', () => {
    const rules = Object.values(instruments).flatMap((i) => (i.safetyItem ? [i.safetyItem] : []));
    expect(rules.map((r) => r.linkId)).toEqual(['44260-8', 'openkap-madrs-10']);
    for (const rule of rules) {
      expect(safetyAlertKind(rule.kinds.positive).type).toBe('alert');
      expect(safetyAlertKind(rule.kinds.unanswered).type).toBe('task');
    }
    expect(safetyAlertKind('phq9_item9_unanswered').label).toBe('PHQ-9 item 9 not answered');
  });

  it('reads an unknown kind as an alert, never as something less urgent', () => {
    expect(safetyAlertKind('new_kind')).toEqual({ type: 'alert', label: 'new kind' });
    expect(safetyAlertKind('toString').type).toBe('alert');
  });
});
