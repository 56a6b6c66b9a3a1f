import { describe, expect, it } from 'vitest';
import { biennialDueOn, inventorySchedule, stockArrivalRefusal } from './inventory-schedule.ts';

describe('initial and biennial inventories (21 CFR 1304.11)', () => {
  it('makes the biennial inventory due two calendar years after the last one', () => {
    expect(biennialDueOn('2026-12-04')).toBe('2028-12-04');
    // Never a day beyond two years: 29 February → 28 February.
    expect(biennialDueOn('2028-02-29')).toBe('2030-02-28');
  });

  it('shows it due soon in the last 60 days and overdue after the due day', () => {
    const at = (today: string) => inventorySchedule({ lastOn: '2026-12-04', hadStock: true, today });
    expect(at('2027-06-01')).toEqual({ state: 'ok', dueOn: '2028-12-04' });
    expect(at('2028-10-05').state).toBe('ok');
    expect(at('2028-10-06').state).toBe('due_soon');
    expect(at('2028-12-04').state).toBe('due_soon');
    expect(at('2028-12-05').state).toBe('overdue');
  });

  it('asks for the initial inventory first, and flags stock that came without one', () => {
    expect(inventorySchedule({ lastOn: null, hadStock: false, today: '2026-12-04' })).toEqual({
      state: 'initial_needed',
      dueOn: null,
    });
    expect(inventorySchedule({ lastOn: null, hadStock: true, today: '2026-12-04' }).state).toBe(
      'initial_missing',
    );
  });

  it('lets stock arrive only after the initial inventory', () => {
    const q = { locationName: 'Main', firstStockAt: null };
    expect(stockArrivalRefusal({ ...q, initialAt: null }, '2026-12-04T15:00:00Z')).toMatchObject({
      code: 'initial_inventory_required',
      message: expect.stringMatching(/initial inventory of Main before its first stock/),
    });
    expect(
      stockArrivalRefusal({ ...q, initialAt: '2026-12-04T14:00:00Z' }, '2026-12-04T15:00:00Z'),
    ).toBeNull();
    expect(
      stockArrivalRefusal({ ...q, initialAt: '2026-12-04T15:00:00Z' }, '2026-12-04T15:00:00Z'),
    ).toBeNull();
    // A receipt back-dated before the inventory is refused too.
    expect(
      stockArrivalRefusal({ ...q, initialAt: '2026-12-04T14:00:00Z' }, '2026-12-03T15:00:00Z')?.message,
    ).toMatch(/taken later than this/);
  });

  it('does not hold up a location that already held stock before the rule', () => {
    expect(
      stockArrivalRefusal(
        { locationName: 'Main', initialAt: null, firstStockAt: '2026-01-05T15:00:00Z' },
        '2026-12-04T15:00:00Z',
      ),
    ).toBeNull();
  });
});
