import type { InventoryContainerRow, InventoryLineRow, InventoryReport } from '../inventory.ts';
import { ReportPdf, type Column } from './document.ts';

const lineColumns: Column<InventoryLineRow>[] = [
  { header: 'Drug (NDC)', width: 14, value: (l) => `${l.product}\nNDC ${l.ndc}` },
  { header: 'Strength', width: 6, value: (l) => l.strength },
  { header: 'Form', width: 10, value: (l) => l.form },
  { header: 'Units per container', width: 6, align: 'right', value: (l) => `${l.containerMl} mL` },
  { header: 'Sealed containers', width: 6, align: 'right', value: (l) => String(l.sealedContainers) },
  {
    header: 'Open containers (estimated volume)',
    width: 8,
    align: 'right',
    value: (l) => `${l.openContainers} (${l.openEstimatedMl} mL)`,
  },
  { header: 'Of which expired', width: 5, align: 'right', value: (l) => String(l.expiredContainers) },
  { header: 'Total', width: 8, align: 'right', value: (l) => `${l.totalMg} mg\n${l.totalMl} mL` },
];

const containerColumns: Column<InventoryContainerRow>[] = [
  { header: 'Container', width: 8, value: (c) => c.label },
  { header: 'Lot', width: 8, value: (c) => c.lot },
  { header: 'Expires', width: 7, value: (c) => c.expiresOn + (c.expired ? ' (expired)' : '') },
  { header: 'Sealed / open', width: 6, value: (c) => (c.sealed ? 'sealed' : 'open (estimated)') },
  { header: 'mL', width: 5, align: 'right', value: (c) => String(c.estimatedMl) },
  { header: 'mg', width: 5, align: 'right', value: (c) => String(c.quantityMg) },
];

const timingLabel = { opening: 'opening of business', close: 'close of business' } as const;

export function inventoryPdf(r: InventoryReport): Promise<Buffer> {
  const pdf = new ReportPdf(r, 'portrait');
  for (const s of r.sections) {
    pdf.section(s.location, s.status === 'draft' ? 'UNSIGNED DRAFT - NOT AN INVENTORY' : null);
    if (s.status === 'draft') {
      pdf.paragraph(s.notice ?? 'UNSIGNED DRAFT', { bold: true, size: 12, color: '#b00000' });
      pdf.paragraph(
        `Ledger balances as of ${s.takenLocal}. Take an initial or biennial inventory (a witnessed count) ` +
          'to replace this draft; it is not to be signed.',
      );
    } else {
      pdf.facts([
        ['Inventory', s.kind === 'biennial' ? 'Biennial' : 'Initial'],
        ['Taken', `${s.takenLocal}, at the ${s.timing ? timingLabel[s.timing] : ''}`],
        ['Counted by', s.countedBy ?? ''],
        ['Witnessed by', s.witnessedBy ?? ''],
      ]);
    }
    pdf.paragraph(
      `Schedule III: open containers are estimated by remaining volume (21 CFR 1304.11(e)(3)). ` +
        `Total on hand: ${s.totals.containers} containers, ${s.totals.totalMg} mg.`,
    );
    pdf.table(lineColumns, s.lines, { empty: 'No controlled-substance products are set up.' });
    pdf.heading('Containers on hand');
    pdf.table(
      containerColumns,
      s.lines.flatMap((l) => l.containers),
      { empty: 'None on hand (a zero inventory).', highlight: (c) => c.expired },
    );
    if (s.status === 'inventory') {
      pdf.signatures([
        `Counted by: ${s.countedBy ?? ''}`,
        `Witness: ${s.witnessedBy ?? ''}`,
        `Registrant (DEA ${s.location.deaRegistration}), name and signature`,
        'Inspector / reviewer, name and signature',
      ]);
    }
  }
  return pdf.finish();
}
