import type { AccountabilityLine, AccountabilityReport, Explanation } from '../accountability.ts';
import { ReportPdf, type Column } from './document.ts';

const amount = (
  header: string,
  pick: (l: AccountabilityLine) => number | null,
  width = 6,
): Column<AccountabilityLine> => ({
  header,
  width,
  align: 'right',
  value: (l) => {
    const v = pick(l);
    return v == null ? '-' : String(v);
  },
});

const lineColumns: Column<AccountabilityLine>[] = [
  {
    header: 'Product',
    width: 11,
    value: (l) => `${l.product.name} ${l.product.strength}\nNDC ${l.product.ndc}`,
  },
  amount('Opening', (l) => l.openingMg),
  amount('+ Received', (l) => l.receivedMg),
  amount('+ Transfers in', (l) => l.transferredInMg),
  amount('- Transfers out', (l) => l.transferredOutMg),
  amount('- Administered', (l) => l.administeredMg, 8),
  amount('- Wasted', (l) => l.wastedMg),
  amount('- Disposed', (l) => l.disposedMg),
  amount('- Lost', (l) => l.lostMg),
  amount('+/- Adjusted', (l) => l.adjustedMg),
  amount('= Expected closing', (l) => l.expectedClosingMg),
  amount('Ledger closing', (l) => l.closingMg),
  amount('Counted closing', (l) => l.countedClosingMg),
  amount('Difference', (l) => l.differenceMg, 6.5),
  { header: 'Status', width: 9, value: (l) => (l.unexplained ? 'UNEXPLAINED' : 'accounted for') },
];

const explanationColumns: Column<Explanation>[] = [
  { header: 'Entry #', width: 4, align: 'right', value: (x) => String(x.seq) },
  { header: 'Date and time', width: 8, value: (x) => x.occurredLocal },
  { header: 'Entry', width: 6, value: (x) => x.kind },
  { header: 'Container', width: 6, value: (x) => x.container },
  { header: 'Difference mg', width: 6, align: 'right', value: (x) => String(x.differenceMg) },
  { header: 'Explanation', width: 18, value: (x) => x.detail },
  { header: 'Reason given', width: 18, value: (x) => x.reason ?? '' },
  { header: 'Recorded by', width: 8, value: (x) => x.actor },
  { header: 'Status', width: 7, value: (x) => (x.explained ? 'explained' : 'UNEXPLAINED') },
];

export function accountabilityPdf(r: AccountabilityReport): Promise<Buffer> {
  const pdf = new ReportPdf(r, 'landscape');
  for (const s of r.sections) {
    pdf.section(s.location);
    pdf.paragraph(
      'Opening balance + received + transfers in - transfers out - administered - wasted - disposed - lost ' +
        '+/- adjustments = expected closing, against the ledger closing and the counted closing (where counts ' +
        'in the period cover every container). Amounts in mg.',
    );
    pdf.table(lineColumns, s.lines, {
      empty: 'No stock and no activity at this location in the period.',
      highlight: (l) => l.unexplained,
    });
    for (const l of s.lines.filter((x) => x.explanations.length > 0 || x.unexplained)) {
      pdf.heading(`Differences: ${l.product.name} ${l.product.strength}`);
      const warn = { bold: true, color: '#b00000' };
      if (l.differenceMg !== null && l.differenceMg !== 0) {
        const unexplained = l.explanations.filter((x) => !x.explained).length;
        pdf.paragraph(
          `The counted closing differs from the expected closing by ${l.differenceMg} mg` +
            (unexplained > 0
              ? `: ${unexplained} count difference(s) below are not reconciled.`
              : ' and no entry explains it.'),
          warn,
        );
      }
      if (l.expectedClosingMg !== l.closingMg) {
        pdf.paragraph(
          'The ledger closing does not equal the expected closing: verify the ledger (openkap ledger verify).',
          warn,
        );
      }
      pdf.table(explanationColumns, l.explanations, {
        empty: 'No adjustments, losses or count differences.',
        highlight: (x) => !x.explained,
      });
    }
  }
  return pdf.finish();
}
