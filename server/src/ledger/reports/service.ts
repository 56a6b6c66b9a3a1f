/**
 * The inspector's reports of the controlled-substance ledger (issue 5): each is read in one clinic
 * transaction, with an audit row, and rendered as JSON, CSV or PDF after the transaction ends.
 */
import type { Tx } from '../../db/clinic-scope.ts';
import { inClinic } from '../../db/clinic-scope.ts';
import type { Caller } from '../../auth/caller.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { audit } from '../../audit/store.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import type { LedgerDeps } from '../service.ts';
import * as store from '../store.ts';
import { findPatient } from '../../patients/store.ts';
import { clinicPeriod } from './store.ts';
import { reportTitles, type ReportHeader, type ReportName, type ReportScope } from './common.ts';
import { administrationsCsv, loadAdministrations } from './administrations.ts';
import { loadReceiptsDispositions, receiptsDispositionsCsv } from './receipts-dispositions.ts';
import { inventoryCsv, loadInventory } from './inventory.ts';
import { accountabilityCsv, loadAccountability } from './accountability.ts';
import { administrationsPdf } from './pdf/administrations.ts';
import { receiptsDispositionsPdf } from './pdf/receipts-dispositions.ts';
import { inventoryPdf } from './pdf/inventory.ts';
import { accountabilityPdf } from './pdf/accountability.ts';

export interface ReportRequest {
  from: string;
  to: string;
  locationId?: string | undefined;
  patientId?: string | undefined;
  format: 'json' | 'csv' | 'pdf';
}

/** A report's data and its two renderings. */
export interface RenderedReport {
  data: ReportHeader;
  csv(): string;
  pdf(): Promise<Buffer>;
}

interface ReportKind<T extends ReportHeader> {
  load(tx: Tx, scope: ReportScope): Promise<T>;
  csv(data: T): string;
  pdf(data: T): Promise<Buffer>;
}

const kind =
  <T extends ReportHeader>(k: ReportKind<T>) =>
  async (tx: Tx, scope: ReportScope): Promise<RenderedReport> => {
    const data = await k.load(tx, scope);
    return { data, csv: () => k.csv(data), pdf: () => k.pdf(data) };
  };

const kinds: Record<ReportName, (tx: Tx, scope: ReportScope) => Promise<RenderedReport>> = {
  administrations: kind({ load: loadAdministrations, csv: administrationsCsv, pdf: administrationsPdf }),
  'receipts-dispositions': kind({
    load: loadReceiptsDispositions,
    csv: receiptsDispositionsCsv,
    pdf: receiptsDispositionsPdf,
  }),
  inventory: kind({ load: loadInventory, csv: inventoryCsv, pdf: inventoryPdf }),
  accountability: kind({ load: loadAccountability, csv: accountabilityCsv, pdf: accountabilityPdf }),
};

export async function ledgerReport(
  deps: LedgerDeps,
  caller: Caller,
  report: ReportName,
  q: ReportRequest,
): Promise<RenderedReport> {
  requirePermission(caller, 'ledger.read');
  if (q.patientId && report !== 'administrations') {
    throw badRequest('patientId applies only to the administrations report', [
      { path: 'patientId', message: 'only for administrations' },
    ]);
  }
  const generatedAt = deps.now();
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const [period, locations] = await Promise.all([clinicPeriod(tx, q.from, q.to), store.listLocations(tx)]);
    const covered = q.locationId ? locations.filter((l) => l.id === q.locationId) : locations;
    if (q.locationId && covered.length === 0) {
      throw notFound('location');
    }
    if (q.patientId) {
      const patient = await findPatient(tx, q.patientId);
      if (!patient) {
        throw notFound('patient');
      }
    }
    const scope: ReportScope = {
      header: {
        report,
        title: reportTitles[report],
        clinic: { name: period.name, timeZone: period.timeZone },
        period: { from: q.from, to: q.to, start: period.start.toISOString(), end: period.end.toISOString() },
        generatedAt: generatedAt.toISOString(),
        locationId: q.locationId ?? null,
      },
      start: period.start,
      end: period.end,
      timeZone: period.timeZone,
      locations: covered,
      allLocations: new Map(locations.map((l) => [l.id, l])),
      patientId: q.patientId ?? null,
    };
    const rendered = await kinds[report](tx, scope);
    await audit(tx, caller, {
      action: 'report',
      entity: 'ledger_report',
      entityId: q.locationId,
      patientId: q.patientId,
      detail: { report, from: q.from, to: q.to, format: q.format, locationId: q.locationId ?? null },
    });
    return rendered;
  });
}
