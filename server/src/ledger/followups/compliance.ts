/**
 * What the ledger still asks of the clinic, for the ledger page: DEA notices to send (with their
 * one-business-day deadline), significant-loss reviews to do, each location's inventory due date, and
 * the rules in force. Days are the clinic's (its time zone); the rules are the domain's.
 */
import { followUps, type FollowUpEntry } from '@openkap/domain/ledger/followups';
import { inventorySchedule } from '@openkap/domain/ledger/inventory-schedule';
import type { ComplianceView } from '@openkap/domain/ledger/responses';
import type { EntryKind } from '@openkap/domain/ledger/types';
import { clinicDay } from '../../clinic-day.ts';
import { clinicTimeZone, inClinic } from '../../db/clinic-scope.ts';
import type { Caller } from '../../auth/caller.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { audit } from '../../audit/store.ts';
import { listLocations } from '../store.ts';
import type { LedgerDeps } from '../write.ts';
import { settingsView } from './settings.ts';
import * as store from './store.ts';

export async function compliance(deps: LedgerDeps, caller: Caller): Promise<ComplianceView> {
  requirePermission(caller, 'ledger.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const [timeZone, rows, inventories, firstStock, locations, settings] = await Promise.all([
      clinicTimeZone(tx),
      store.followUpEntries(tx),
      store.inventoriesByLocation(tx),
      store.firstStockByLocation(tx),
      listLocations(tx),
      settingsView(tx),
    ]);
    const today = clinicDay(deps.now(), timeZone);
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    const entries: FollowUpEntry[] = rows.map((r) => ({
      seq: Number(r.seq),
      kind: r.kind as EntryKind,
      containerId: r.container_id,
      quantityUg: Number(r.quantity_ug),
      day: clinicDay(r.occurred_at, timeZone),
      refersToSeq: r.refers_to_seq == null ? null : Number(r.refers_to_seq),
      significant: r.details.significant === true,
    }));
    const open = followUps(entries, { today, reviewAboveUg: Math.round(settings.lossReviewAboveMg * 1000) });
    const facts = (seq: number) => {
      const r = bySeq.get(seq);
      return {
        containerLabel: r?.container_label ?? null,
        locationId: r?.location_id ?? '',
        at: r ? new Date(r.occurred_at).toISOString() : '',
        reason: r?.reason ?? null,
      };
    };
    await audit(tx, caller, { action: 'read', entity: 'ledger_compliance' });
    return {
      today,
      settings,
      notices: open.notices.map((n) => {
        const f = facts(n.seq);
        return {
          seq: n.seq,
          kind: n.kind,
          containerId: n.containerId,
          containerLabel: f.containerLabel,
          locationId: f.locationId,
          lostUg: n.lostUg,
          discoveredAt: f.at,
          discoveredOn: n.discoveredOn,
          dueOn: n.dueOn,
          state: n.state,
        };
      }),
      reviews: open.reviews.map((r) => {
        const f = facts(r.seq);
        return {
          seq: r.seq,
          containerId: r.containerId,
          containerLabel: f.containerLabel,
          locationId: f.locationId,
          lostUg: r.lostUg,
          adjustedAt: f.at,
          reason: f.reason,
        };
      }),
      inventories: locations.map((l) => {
        const inv = inventories.find((i) => i.locationId === l.id);
        const schedule = inventorySchedule({
          lastOn: inv ? clinicDay(inv.lastAt, timeZone) : null,
          hadStock: firstStock.has(l.id),
          today,
        });
        return {
          locationId: l.id,
          initialAt: inv?.initialAt?.toISOString() ?? null,
          lastAt: inv?.lastAt.toISOString() ?? null,
          lastKind: inv ? (inv.lastKind === 'biennial' ? 'biennial' : 'initial') : null,
          dueOn: schedule.dueOn,
          state: schedule.state,
        };
      }),
    };
  });
}
