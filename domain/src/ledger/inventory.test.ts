import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { inventoryLines } from './inventory.ts';
import type { InventoryProduct } from './inventory.ts';
import { build, entry, vial } from './test-fixtures.ts';

const products: InventoryProduct[] = [
  {
    id: 'ket50',
    name: 'Ketamine HCl',
    ndc: '0409-2051-05',
    mgPerMl: 50,
    containerMl: 10,
    form: 'injection, vial',
  },
  {
    id: 'ket100',
    name: 'Ketamine HCl',
    ndc: '0409-2053-10',
    mgPerMl: 100,
    containerMl: 5,
    form: 'injection, vial',
  },
];

const state = build(
  [
    vial('a-sealed'),
    vial('b-open'),
    vial('c-returned'),
    vial('d-expired', { expiresOn: '2026-02-28' }),
    vial('e-empty'),
    vial('f-annex', { locationId: 'annex' }),
    vial('g-not-received'),
  ],
  [
    entry(1, 'receive', { containerId: 'a-sealed', quantityUg: 500_000 }),
    entry(2, 'receive', { containerId: 'b-open', quantityUg: 500_000 }),
    entry(3, 'receive', { containerId: 'c-returned', quantityUg: 500_000 }),
    entry(4, 'receive', { containerId: 'd-expired', quantityUg: 500_000 }),
    // Received (and emptied, below) weeks before the others.
    entry(5, 'receive', { containerId: 'e-empty', quantityUg: 500_000, occurredAt: '2026-01-15T09:00:00Z' }),
    entry(6, 'receive', { containerId: 'f-annex', quantityUg: 500_000 }),
    // 3.3 mL of 50 mg/mL drawn.
    entry(7, 'draw', { containerId: 'b-open', infusionId: 'i1', quantityUg: 165_000 }),
    entry(8, 'administer', { infusionId: 'i1', quantityUg: 165_000 }),
    // Drawn and all put back: the seal is broken although the vial is full.
    entry(9, 'draw', { containerId: 'c-returned', infusionId: 'i2', quantityUg: 10_000 }),
    entry(10, 'return', { containerId: 'c-returned', infusionId: 'i2', quantityUg: 10_000 }),
    entry(11, 'draw', {
      containerId: 'e-empty',
      infusionId: 'i3',
      quantityUg: 500_000,
      occurredAt: '2026-02-01T09:00:00Z',
    }),
    entry(12, 'administer', { infusionId: 'i3', quantityUg: 500_000 }),
  ],
);

describe('inventoryLines', () => {
  const [ket50, ket100] = inventoryLines(state, products, 'main', '2026-03-02');

  it('lists sealed containers as whole units and open ones by estimated volume', () => {
    expect(ket50).toMatchObject({
      productId: 'ket50',
      name: 'Ketamine HCl',
      ndc: '0409-2051-05',
      form: 'injection, vial',
      strength: '50 mg/mL',
      containerMl: 10,
      sealedContainers: 2,
      openContainers: 2,
      sealedUg: 1_000_000,
      openUg: 835_000,
      totalUg: 1_835_000,
      totalMl: 36.7,
    });
    expect(ket50?.containers.map((c) => [c.containerId, c.sealed, c.estimatedMl])).toEqual([
      ['a-sealed', true, 10],
      ['d-expired', true, 10],
      ['b-open', false, 6.7],
      ['c-returned', false, 10],
    ]);
  });

  it('includes expired stock awaiting destruction, flagged', () => {
    expect(ket50).toMatchObject({ expiredContainers: 1, expiredUg: 500_000 });
    expect(ket50?.containers.find((c) => c.expired)?.containerId).toBe('d-expired');
  });

  it('flags nothing as expired without an inventory day', () => {
    const [line] = inventoryLines(state, products, 'main');
    expect(line?.expiredContainers).toBe(0);
  });

  it('gives a zero line for a product with no stock (a zero inventory)', () => {
    expect(ket100).toMatchObject({
      sealedContainers: 0,
      openContainers: 0,
      totalUg: 0,
      totalMl: 0,
      containers: [],
    });
  });

  it('lists only the location asked for', () => {
    const [annex] = inventoryLines(state, products, 'annex');
    expect(annex?.containers.map((c) => c.containerId)).toEqual(['f-annex']);
  });

  it('refuses to leave out stock of a product it was not given', () => {
    expect(() => inventoryLines(state, products.slice(1), 'main')).toThrow(DomainError);
    expect(() => inventoryLines(state, products, 'main', '2026-02-30')).toThrow(DomainError);
  });
});
