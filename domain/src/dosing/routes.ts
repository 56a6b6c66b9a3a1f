import { DomainError } from '../errors.ts';

export type RouteId = 'iv' | 'im' | 'intranasal' | 'oral' | 'sublingual';

export interface Route {
  id: RouteId;
  label: string;
  /** Fraction of the dose reaching the circulation, as a published range (0–1). */
  bioavailability: { min: number; max: number };
  /** Given over time by a pump (rate fields make sense) rather than as one administration. */
  usesPump: boolean;
  note?: string;
}

/**
 * Ketamine bioavailability by route.
 * IV 100 %, IM 93 %, intranasal 25–50 % (esketamine ~48 %), sublingual ~30 % (Chong 2006: 32 ± 17 %),
 * oral 17–23 %. Sources: https://primidi.com/ketamine/pharmacokinetics ;
 * https://www.ketamine.com/bioavailability.html (Chong et al. 2006, Pain Med) ; Spravato PK [V per
 * shared/reference/domain.md §2.1].
 */
export const routes: Readonly<Record<RouteId, Route>> = {
  iv: { id: 'iv', label: 'Intravenous', bioavailability: { min: 1, max: 1 }, usesPump: true },
  im: { id: 'im', label: 'Intramuscular', bioavailability: { min: 0.93, max: 0.93 }, usesPump: false },
  intranasal: {
    id: 'intranasal',
    label: 'Intranasal',
    bioavailability: { min: 0.25, max: 0.5 },
    usesPump: false,
    note: 'Weaker and variable absorption; compounded sprays differ between pharmacies.',
  },
  oral: { id: 'oral', label: 'Oral', bioavailability: { min: 0.17, max: 0.23 }, usesPump: false },
  sublingual: {
    id: 'sublingual',
    label: 'Sublingual',
    bioavailability: { min: 0.3, max: 0.3 },
    usesPump: false,
    note: 'About 30 % on average, with wide spread between patients (Chong 2006: 32 ± 17 %).',
  },
};

export function getRoute(id: string): Route {
  const route = Object.hasOwn(routes, id) ? routes[id as RouteId] : undefined;
  if (!route) {
    throw new DomainError('unknown_route', `Unknown route "${id}"`, { route: id });
  }
  return route;
}
