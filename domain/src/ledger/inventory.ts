import { DomainError } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import type { LedgerState } from './types.ts';
import { ugToMl } from './units.ts';

/**
 * Lines for an initial or biennial inventory (21 CFR 1304.11): for each product, the drug name,
 * strength, form, units per container, number of containers and the total. The date and whether it
 * was taken at the opening or close of business are the caller's header. Schedule III may be
 * estimated, so an open vial is given by its remaining volume; expired stock awaiting
 * destruction is included and flagged. Drug drawn into syringes is not stock and is not listed:
 * take the inventory when no infusion holds any.
 */

export interface InventoryProduct {
  id: string;
  name: string;
  ndc: string;
  mgPerMl: number;
  containerMl: number;
  form: string;
}

export interface InventoryContainer {
  containerId: string;
  /** Never drawn from and holding its full contents: counted as one whole unit. */
  sealed: boolean;
  balanceUg: number;
  /** Remaining volume, to 0.01 mL: the estimate an open vial is recorded by. */
  estimatedMl: number;
  expiresOn: string;
  /** Past its expiry on the inventory day: awaiting destruction (DEA Form 41). */
  expired: boolean;
}

export interface InventoryLine {
  productId: string;
  name: string;
  ndc: string;
  form: string;
  /** e.g. "50 mg/mL". */
  strength: string;
  mgPerMl: number;
  /** Units per container, e.g. 10 (mL). */
  containerMl: number;
  sealedContainers: number;
  openContainers: number;
  expiredContainers: number;
  sealedUg: number;
  openUg: number;
  /** Part of the totals above that is expired. */
  expiredUg: number;
  totalUg: number;
  totalMl: number;
  /** Sealed first, then open; each in container id order. */
  containers: InventoryContainer[];
}

function roundMl(ml: number): number {
  return Math.round(ml * 100) / 100;
}

/**
 * One line per product in `products` (a product with no stock gets a zero line: an initial
 * inventory may be a zero inventory). `onDay` (yyyy-mm-dd, the clinic-local inventory day) flags
 * expired containers; without it none is flagged. A container at the location whose product is not
 * in `products` is an error, not an omission: a DEA inventory must list all stock.
 */
export function inventoryLines(
  state: LedgerState,
  products: readonly InventoryProduct[],
  locationId: string,
  onDay?: string,
): InventoryLine[] {
  if (onDay !== undefined) {
    isoDateToDay(onDay);
  }
  const drawnFrom = new Set<string>();
  for (const entry of Object.values(state.entries)) {
    if (entry.kind === 'draw' && entry.containerId !== null && !state.corrected[entry.seq]) {
      drawnFrom.add(entry.containerId);
    }
  }
  const byProduct = new Map<string, InventoryContainer[]>(products.map((p) => [p.id, []]));
  const here = Object.values(state.containers)
    .filter((c) => c.locationId === locationId && c.balanceUg > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of here) {
    const list = byProduct.get(c.productId);
    if (!list) {
      throw new DomainError(
        'invalid_input',
        `container ${c.id} is of product ${c.productId}, which is not listed`,
        {
          containerId: c.id,
          productId: c.productId,
        },
      );
    }
    list.push({
      containerId: c.id,
      sealed: c.balanceUg === c.capacityUg && !drawnFrom.has(c.id),
      balanceUg: c.balanceUg,
      estimatedMl: roundMl(ugToMl(c.balanceUg, c.mgPerMl)),
      expiresOn: c.expiresOn,
      expired: onDay !== undefined && onDay > c.expiresOn,
    });
  }
  return products.map((p) => {
    const all = byProduct.get(p.id) ?? [];
    const sealed = all.filter((c) => c.sealed);
    const open = all.filter((c) => !c.sealed);
    const sum = (list: readonly InventoryContainer[]): number => list.reduce((s, c) => s + c.balanceUg, 0);
    const totalUg = sum(all);
    return {
      productId: p.id,
      name: p.name,
      ndc: p.ndc,
      form: p.form,
      strength: `${p.mgPerMl} mg/mL`,
      mgPerMl: p.mgPerMl,
      containerMl: p.containerMl,
      sealedContainers: sealed.length,
      openContainers: open.length,
      expiredContainers: all.filter((c) => c.expired).length,
      sealedUg: sum(sealed),
      openUg: sum(open),
      expiredUg: sum(all.filter((c) => c.expired)),
      totalUg,
      totalMl: roundMl(all.reduce((s, c) => s + ugToMl(c.balanceUg, p.mgPerMl), 0)),
      containers: [...sealed, ...open],
    };
  });
}
