import type { CountInput } from '@openkap/domain/ledger/schema';
import { mlToUg } from '@openkap/domain/ledger/units';
import { clinicTimeZone, inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { currentRules } from './followups/settings.ts';
import { recordEntries, stateAround, type EntrySpec } from './record.ts';
import type { LedgerDeps } from './service.ts';
import { verifyWitness } from './witness.ts';
import * as store from './store.ts';
import { entryView, type EntryView } from './views.ts';

export interface CountLine {
  containerId: string;
  label: string;
  expectedUg: number;
  countedUg: number;
  /** counted − expected: reconciled with an adjustment (or a loss report) that names the count. */
  differenceUg: number;
  seq: number;
}

/**
 * A witnessed count of every container at a location that still holds drug: the start-of-day count,
 * or the initial / biennial inventory (21 CFR 1304.11: an open container may be estimated, here by
 * volume). Each container gets a count entry with the expected and counted amounts; differences are
 * answered, not hidden: the response lists them for reconciliation.
 */
export async function recordCount(
  deps: LedgerDeps,
  caller: Caller,
  input: CountInput,
): Promise<{ lines: CountLine[]; entries: EntryView[] }> {
  requirePermission(caller, 'ledger.record');
  const now = deps.now();
  const witness = await verifyWitness(deps.db, caller, input.witness, now);
  const at = input.occurredAt ? new Date(input.occurredAt) : now;
  if (at.getTime() > now.getTime() + 60_000) {
    throw badRequest('a count cannot be dated in the future');
  }
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const location = await store.findLocation(tx, input.locationId);
    if (!location) {
      throw notFound('location');
    }
    await store.lockChainHead(tx, caller.clinicId);
    const containers = await store.allContainers(tx);
    const { state } = await stateAround(tx, { containerIds: containers.map((c) => c.id) });
    const here = containers.filter((c) => {
      const s = state.containers[c.id];
      return s != null && s.locationId === location.id && s.balanceUg > 0;
    });
    const counted = new Map(input.lines.map((l) => [l.containerId, l.countedMl]));
    const byId = new Map(containers.map((c) => [c.id, c]));
    const stray = input.lines.find((l) => !here.some((c) => c.id === l.containerId));
    if (stray) {
      const c = byId.get(stray.containerId);
      throw badRequest(
        c
          ? `container ${c.label} is not on hand at ${location.name}`
          : `unknown container ${stray.containerId}`,
      );
    }
    const missing = here.filter((c) => !counted.has(c.id));
    if (missing.length > 0) {
      throw badRequest(
        `count every container on hand: ${missing.map((c) => c.label).join(', ')} not counted`,
      );
    }
    const specs: EntrySpec[] = here.map((c) => {
      const expectedUg = state.containers[c.id]?.balanceUg ?? 0;
      const countedUg = Math.min(Number(c.capacity_ug), mlToUg(counted.get(c.id) ?? 0, Number(c.mg_per_ml)));
      return {
        kind: 'count' as const,
        locationId: location.id,
        containerId: c.id,
        quantityUg: countedUg,
        witness,
        occurredAt: at,
        lateReason: input.lateReason,
        details: {
          countKind: input.kind,
          timing: input.timing,
          expectedUg,
          countedMl: counted.get(c.id) ?? 0,
          label: c.label,
          estimated: expectedUg !== Number(c.capacity_ug),
        },
      };
    });
    if (specs.length === 0) {
      // Nothing on hand is still counted and signed: the zero inventory of 21 CFR 1304.11(b).
      specs.push({
        kind: 'count',
        locationId: location.id,
        containerId: null,
        quantityUg: 0,
        witness,
        occurredAt: at,
        lateReason: input.lateReason,
        details: { countKind: input.kind, timing: input.timing, nothingOnHand: true },
      });
    }
    const rows = await recordEntries(tx, caller, specs, {
      timeZone: await clinicTimeZone(tx),
      now,
      backdateLimitDays: (await currentRules(tx)).backdateLimitDays,
    });
    await audit(tx, caller, {
      action: 'ledger_count',
      entity: 'ledger_location',
      entityId: location.id,
      detail: { kind: input.kind, containers: rows.length },
    });
    return {
      lines: rows.flatMap((r) => {
        if (!r.container_id) {
          return [];
        }
        const expectedUg = Number(r.details.expectedUg);
        return {
          containerId: r.container_id,
          label: String(r.details.label),
          expectedUg,
          countedUg: Number(r.quantity_ug),
          differenceUg: Number(r.quantity_ug) - expectedUg,
          seq: Number(r.seq),
        };
      }),
      entries: (
        await store.namedEntriesBySeq(
          tx,
          rows.map((r) => Number(r.seq)),
        )
      ).map(entryView),
    };
  });
}
