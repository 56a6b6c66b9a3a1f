import type { AdministrationRow, AdministrationsReport, PatientAdministrations } from '../administrations.ts';
import { ReportPdf, type Column } from './document.ts';

type Line = AdministrationRow & { patient: PatientAdministrations };

const columns: Column<Line>[] = [
  {
    header: 'Patient (MRN, address)',
    width: 16,
    value: (r) => `${r.patient.name}\nMRN ${r.patient.mrn}\n${r.patient.address ?? 'no address on file'}`,
  },
  { header: 'Date and time', width: 8, value: (r) => r.occurredLocal },
  { header: 'Entry', width: 7.5, value: (r) => (r.kind === 'administer' ? 'Administered' : 'Wasted') },
  { header: 'mg', width: 5, align: 'right', value: (r) => String(r.quantityMg) },
  { header: 'mL', width: 4.5, align: 'right', value: (r) => (r.volumeMl == null ? '' : String(r.volumeMl)) },
  { header: 'Product, strength', width: 12, value: (r) => `${r.product}\n${r.strength}` },
  { header: 'Drawn from (container, lot)', width: 11, value: (r) => r.containers.join('\n') },
  { header: 'Given / wasted by', width: 9, value: (r) => r.actor },
  { header: 'Witness', width: 9, value: (r) => r.witness ?? '' },
  { header: 'Waste method', width: 9, value: (r) => r.method ?? '' },
  { header: 'Entry #', width: 4.5, align: 'right', value: (r) => String(r.seq) },
];

export function administrationsPdf(r: AdministrationsReport): Promise<Buffer> {
  const pdf = new ReportPdf(r, 'landscape');
  for (const s of r.sections) {
    pdf.section(s.location);
    pdf.facts([
      ['Patients', String(s.totals.patients)],
      ['Administrations', `${s.totals.administrations} (${s.totals.administeredMg} mg)`],
      ['Wastes (witnessed)', `${s.totals.wastes} (${s.totals.wastedMg} mg)`],
      ['Order', 'by patient, then date and time'],
    ]);
    pdf.table(
      columns,
      s.patients.flatMap((patient) => patient.rows.map((row) => ({ ...row, patient }))),
      { empty: 'No administrations recorded at this location in the period.' },
    );
  }
  return pdf.finish();
}
