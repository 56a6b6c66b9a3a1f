/**
 * The dispenser's record of each administration (21 CFR 1304.22(c)): patient name and address, date,
 * quantity, and who gave it, with the drug drawn but not given for that session wasted before a
 * witness. One section per registered location; patients by name, then time.
 */
import type { Tx } from '../../db/clinic-scope.ts';
import * as store from '../store.ts';
import { correctionsOf } from './store.ts';
import {
  csvTable,
  iso,
  localTime,
  locationHead,
  mg,
  ml,
  mlText,
  type LocationHead,
  type ReportHeader,
  type ReportScope,
} from './common.ts';

export interface AdministrationRow {
  seq: number;
  kind: 'administer' | 'waste';
  occurredAt: string;
  occurredLocal: string;
  infusionId: string | null;
  quantityMg: number;
  /** Null when the session's drug came from vials of different strengths. */
  volumeMl: number | null;
  product: string;
  strength: string;
  /** The vials the session's drug was drawn from: "K-0001 (lot A123)". */
  containers: string[];
  /** Who gave (or wasted) it. */
  actor: string;
  witness: string | null;
  /** Waste: how it was made non-retrievable. */
  method: string | null;
}

export interface PatientAdministrations {
  patientId: string | null;
  name: string;
  address: string | null;
  mrn: string;
  administeredMg: number;
  wastedMg: number;
  rows: AdministrationRow[];
}

export interface AdministrationsSection {
  location: LocationHead;
  patients: PatientAdministrations[];
  totals: {
    patients: number;
    administrations: number;
    administeredMg: number;
    wastes: number;
    wastedMg: number;
  };
}

export interface AdministrationsReport extends ReportHeader {
  report: 'administrations';
  patientId: string | null;
  sections: AdministrationsSection[];
}

/** What a session's drug was drawn from: its uncorrected draws. */
interface Source {
  products: Set<string>;
  strengths: Set<number>;
  containers: string[];
}

export async function loadAdministrations(tx: Tx, scope: ReportScope): Promise<AdministrationsReport> {
  const here = new Set(scope.locations.map((l) => l.id));
  const period = (await store.entriesBetween(tx, scope.start, scope.end)).filter(
    (e) =>
      (e.kind === 'administer' || e.kind === 'waste') &&
      here.has(e.location_id) &&
      (scope.patientId === null || e.patient_id === scope.patientId),
  );
  const corrected = new Set(
    (
      await correctionsOf(
        tx,
        period.map((e) => Number(e.seq)),
      )
    ).map((c) => Number(c.refers_to_seq)),
  );
  const given = period.filter((e) => !corrected.has(Number(e.seq)));

  const infusionIds = [...new Set(given.flatMap((e) => e.infusion_id ?? []))];
  const touching = await store.entriesTouching(tx, { infusionIds });
  const reversed = new Set(
    touching.flatMap((e) => (e.kind === 'correction' ? [Number(e.refers_to_seq)] : [])),
  );
  const draws = touching.filter((e) => e.kind === 'draw' && !reversed.has(Number(e.seq)));
  const containers = new Map(
    (await store.containersByIds(tx, [...new Set(draws.flatMap((d) => d.container_id ?? []))])).map((c) => [
      c.id,
      c,
    ]),
  );
  const sources = new Map<string, Source>();
  for (const d of draws) {
    const c = d.container_id ? containers.get(d.container_id) : undefined;
    if (!c || !d.infusion_id) {
      continue;
    }
    const s = sources.get(d.infusion_id) ?? { products: new Set(), strengths: new Set(), containers: [] };
    sources.set(d.infusion_id, s);
    s.products.add(c.product_name);
    s.strengths.add(Number(c.mg_per_ml));
    const label = `${c.label} (lot ${c.lot})`;
    if (!s.containers.includes(label)) {
      s.containers.push(label);
    }
  }

  const sections = scope.locations.map((location): AdministrationsSection => {
    const byPatient = new Map<string, PatientAdministrations>();
    for (const e of given.filter((g) => g.location_id === location.id)) {
      const key = e.patient_id ?? '';
      let patient = byPatient.get(key);
      if (!patient) {
        patient = {
          patientId: e.patient_id,
          name: e.given_name ? `${e.family_name}, ${e.given_name}` : 'Unknown patient',
          // The address recorded with the dose (issue 10) when there is one; else the chart's.
          address:
            typeof e.details.patientAddress === 'string' && e.details.patientAddress
              ? e.details.patientAddress
              : e.patient_address,
          mrn: e.mrn ?? '',
          administeredMg: 0,
          wastedMg: 0,
          rows: [],
        };
        byPatient.set(key, patient);
      }
      const source = e.infusion_id ? sources.get(e.infusion_id) : undefined;
      const strengths = [...(source?.strengths ?? [])];
      const [strength] = strengths;
      const q = Number(e.quantity_ug);
      const kind = e.kind as AdministrationRow['kind'];
      patient.rows.push({
        seq: Number(e.seq),
        kind,
        occurredAt: iso(e.occurred_at),
        occurredLocal: localTime(e.occurred_at, scope.timeZone),
        infusionId: e.infusion_id,
        quantityMg: mg(q),
        volumeMl: strength !== undefined && strengths.length === 1 ? ml(q, strength) : null,
        product: [...(source?.products ?? [])].join(', '),
        strength: strengths.map((s) => `${s} mg/mL`).join(', '),
        containers: source?.containers ?? [],
        actor: e.actor_name,
        witness: e.witness_name,
        method: kind === 'waste' && typeof e.details.method === 'string' ? e.details.method : null,
      });
      if (kind === 'administer') {
        patient.administeredMg += q;
      } else {
        patient.wastedMg += q;
      }
    }
    // Sums were kept in µg so that they are exact; shown in mg.
    const patients = [...byPatient.values()]
      .map((p) => ({ ...p, administeredMg: mg(p.administeredMg), wastedMg: mg(p.wastedMg) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.mrn.localeCompare(b.mrn));
    const rows = patients.flatMap((p) => p.rows);
    const sum = (kind: AdministrationRow['kind']) =>
      mg(
        given
          .filter((g) => g.location_id === location.id && g.kind === kind)
          .reduce((s, g) => s + Number(g.quantity_ug), 0),
      );
    return {
      location: locationHead(location),
      patients,
      totals: {
        patients: patients.length,
        administrations: rows.filter((r) => r.kind === 'administer').length,
        administeredMg: sum('administer'),
        wastes: rows.filter((r) => r.kind === 'waste').length,
        wastedMg: sum('waste'),
      },
    };
  });
  return { ...scope.header, report: 'administrations', patientId: scope.patientId, sections };
}

export function administrationsCsv(r: AdministrationsReport): string {
  const header = [
    'location',
    'dea_registration',
    'patient',
    'patient_address',
    'mrn',
    'date_time',
    'entry',
    'quantity_mg',
    'quantity_ml',
    'product',
    'strength',
    'containers',
    'given_by',
    'witness',
    'waste_method',
    'seq',
  ];
  const rows = r.sections.flatMap((s) =>
    s.patients.flatMap((p) =>
      p.rows.map((row) => [
        s.location.name,
        s.location.deaRegistration,
        p.name,
        p.address,
        p.mrn,
        row.occurredLocal,
        row.kind,
        row.quantityMg,
        mlText(row.volumeMl),
        row.product,
        row.strength,
        row.containers.join('; '),
        row.actor,
        row.witness,
        row.method,
        row.seq,
      ]),
    ),
  );
  return csvTable(header, rows);
}
