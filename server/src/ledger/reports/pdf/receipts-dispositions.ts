import type {
  CorrectionRow,
  DispositionRow,
  ReceiptRow,
  ReceiptsDispositionsReport,
} from '../receipts-dispositions.ts';
import { ReportPdf, type Column } from './document.ts';

const kindLabels: Record<DispositionRow['kind'], string> = {
  dispose: 'Disposal',
  loss: 'Theft / loss',
  transfer_out: 'Transfer out',
  transfer_in: 'Transfer in',
  adjust: 'Adjustment',
};

const receiptColumns: Column<ReceiptRow>[] = [
  { header: 'Received (actual date)', width: 8, value: (r) => r.receivedLocal },
  { header: 'Invoice', width: 7, value: (r) => r.invoiceNumber },
  {
    header: 'Supplier (name, address, DEA number)',
    width: 17,
    value: (r) => `${r.supplier.name}\n${r.supplier.address}\nDEA ${r.supplier.deaRegistration}`,
  },
  {
    header: 'Product',
    width: 14,
    value: (r) =>
      `${r.product.name} ${r.product.strength}\n${r.product.form}, ${r.product.containerMl} mL per container\nNDC ${r.product.ndc}`,
  },
  { header: 'Count', width: 5, align: 'right', value: (r) => String(r.containerCount) },
  {
    header: 'Labels (lot, expiry)',
    width: 16,
    value: (r) => r.containers.map((c) => `${c.label} (${c.lot}, exp ${c.expiresOn})`).join('; '),
  },
  { header: 'Quantity mg', width: 6, align: 'right', value: (r) => String(r.quantityMg) },
  { header: 'Recorded by', width: 8, value: (r) => r.recordedBy },
];

const dispositionColumns: Column<DispositionRow>[] = [
  { header: 'Date and time', width: 8, value: (r) => r.occurredLocal },
  { header: 'Entry', width: 7, value: (r) => kindLabels[r.kind] },
  { header: 'Form', width: 5, value: (r) => r.form ?? '' },
  { header: 'Container (lot)', width: 8, value: (r) => (r.lot ? `${r.container} (${r.lot})` : r.container) },
  { header: 'Product', width: 10, value: (r) => r.product },
  { header: 'mg', width: 5, align: 'right', value: (r) => String(r.quantityMg) },
  { header: 'Detail', width: 17, value: (r) => r.detail },
  { header: 'Reason', width: 13, value: (r) => r.reason ?? '' },
  { header: 'Recorded by', width: 8, value: (r) => r.actor },
  { header: 'Witness', width: 8, value: (r) => r.witness ?? '' },
  { header: 'Entry #', width: 4, align: 'right', value: (r) => String(r.seq) },
];

const correctionColumns: Column<CorrectionRow>[] = [
  { header: 'Date and time', width: 8, value: (r) => r.occurredLocal },
  { header: 'Reverses entry', width: 10, value: (r) => `#${r.correctsSeq} (${r.correctsKind})` },
  { header: 'Reason', width: 30, value: (r) => r.reason ?? '' },
  { header: 'Recorded by', width: 10, value: (r) => r.actor },
  { header: 'Entry #', width: 5, align: 'right', value: (r) => String(r.seq) },
];

export function receiptsDispositionsPdf(r: ReceiptsDispositionsReport): Promise<Buffer> {
  const pdf = new ReportPdf(r, 'landscape');
  for (const s of r.sections) {
    const t = s.totals;
    pdf.section(s.location);
    pdf.facts([
      ['Received', `${t.receivedContainers} containers, ${t.receivedMg} mg`],
      ['Disposed (DEA-41)', `${t.disposedMg} mg`],
      ['Lost or stolen (DEA-106)', `${t.lostMg} mg`],
      ['Adjusted', `${t.adjustedMg} mg`],
      ['Transferred out', `${t.transferredOutMg} mg`],
      ['Transferred in', `${t.transferredInMg} mg`],
    ]);
    pdf.heading('Receipts');
    pdf.table(receiptColumns, s.receipts, { empty: 'No receipts in the period.' });
    pdf.heading('Dispositions: disposals, thefts and losses, transfers, adjustments');
    pdf.table(dispositionColumns, s.dispositions, { empty: 'No dispositions in the period.' });
    if (s.corrections.length > 0) {
      pdf.heading('Corrections (the reversed entries are not listed above)');
      pdf.table(correctionColumns, s.corrections);
    }
  }
  return pdf.finish();
}
