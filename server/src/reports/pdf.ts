/**
 * The clinic outcome report as a PDF for the medical director and the board (issue 4): the filters,
 * the headline figures with their Wilson 95 % intervals, who is left out of the rates and why, the
 * induction series, and the Kaplan–Meier time to first booster, with a note on what is counted.
 * No patient is named: it is meant to be handed round.
 *
 * Not built on the ledger's ReportPdf (server/src/ledger/reports/pdf/document.ts): its header is
 * typed to the ledger's report names and registered locations. The tables here are short and one
 * line a row, so a small drawer does. Standard Helvetica speaks WinAnsi only: no "≥" or "−" below.
 */
import PDFDocument from 'pdfkit';
import { getOutcomeCriteria } from '@openkap/domain/outcomes/criteria';
import { getInstrument } from '@openkap/domain/instruments/registry';
import type { OutcomeReport } from '@openkap/domain/outcomes/report';
import type { KaplanMeierStep } from '@openkap/domain/statistics/kaplan-meier';
import type { ProportionInterval } from '@openkap/domain/statistics/wilson';
import { localTime } from '../ledger/reports/common.ts';
import type { OutcomeReportPdfData } from './service.ts';
import { DENOMINATORS, describeFollowUp, statusOf } from './view.ts';

const MARGIN = 48;
const FOOTER = 20;
const ROW = 14;
const TEXT = 9;
/** Kaplan–Meier rows that still leave the report at two pages; more are grouped into intervals. */
const MAX_KM_ROWS = 30;

const indicationTitles: Record<string, string> = {
  depression: 'Depression',
  ptsd: 'PTSD',
  chronic_pain: 'Chronic pain',
  substance_use: 'Substance use',
  kap: 'Ketamine-assisted psychotherapy',
};

const pct = (rate: number | null): string => (rate == null ? 'no rate' : `${Math.round(rate * 100)} %`);
const ci = (c: ProportionInterval | null): string =>
  c ? `${Math.round(c[0] * 100)}\u2013${Math.round(c[1] * 100)} %` : 'none';
const signed = (change: number | null): string =>
  change == null ? 'none' : `${change > 0 ? '+' : ''}${Math.round(change)} %`;
const n = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

interface Column {
  header: string;
  /** Share of the page's width. */
  width: number;
  align?: 'left' | 'right';
}

class OutcomePdf {
  readonly doc: PDFKit.PDFDocument;

  constructor(
    private readonly title: string,
    private readonly subtitle: string,
    info: { author: string; created: Date },
  ) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: title, Author: info.author, Creator: 'OpenKAP', CreationDate: info.created },
    });
    this.pageHeader();
    this.doc.on('pageAdded', () => this.pageHeader());
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private pageHeader(): void {
    const d = this.doc;
    d.font('Helvetica-Bold')
      .fontSize(14)
      .fillColor('black')
      .text(this.title, MARGIN, MARGIN, { width: this.width });
    d.font('Helvetica').fontSize(TEXT).fillColor('#333333').text(this.subtitle, { width: this.width });
    const y = d.y + 4;
    d.moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.75)
      .stroke('black');
    d.fillColor('black');
    d.y = y + 10;
    d.x = MARGIN;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
    }
  }

  heading(text: string): void {
    this.ensure(3 * ROW);
    this.doc.font('Helvetica-Bold').fontSize(11).fillColor('black');
    this.doc.text(text, MARGIN, this.doc.y + 6, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, opts: { bold?: boolean; indent?: number } = {}): void {
    const d = this.doc;
    const indent = opts.indent ?? 0;
    d.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(TEXT);
    this.ensure(d.heightOfString(text, { width: this.width - indent }) + 4);
    d.text(text, MARGIN + indent, d.y, { width: this.width - indent });
    d.moveDown(0.35);
    d.x = MARGIN;
  }

  bullets(items: readonly string[]): void {
    const d = this.doc;
    for (const item of items) {
      d.font('Helvetica').fontSize(TEXT);
      this.ensure(d.heightOfString(item, { width: this.width - 12 }) + 3);
      const y = d.y;
      d.text('\u2022', MARGIN, y, { lineBreak: false });
      d.text(item, MARGIN + 12, y, { width: this.width - 12 });
      d.moveDown(0.25);
    }
    d.x = MARGIN;
  }

  /** Label and value, one pair a line. */
  facts(pairs: readonly (readonly [string, string])[]): void {
    const d = this.doc;
    for (const [label, value] of pairs) {
      d.font('Helvetica').fontSize(TEXT);
      this.ensure(d.heightOfString(value, { width: this.width - 110 }) + 2);
      const y = d.y;
      d.font('Helvetica-Bold').text(label, MARGIN, y, { width: 105 });
      d.font('Helvetica').text(value, MARGIN + 110, y, { width: this.width - 110 });
      d.moveDown(0.15);
    }
    d.x = MARGIN;
    d.moveDown(0.3);
  }

  /** One line a row, the header row again at the top of any page the table runs onto. */
  table(
    columns: readonly Column[],
    rows: readonly (readonly string[])[],
    bold?: (i: number) => boolean,
  ): void {
    const d = this.doc;
    const total = columns.reduce((s, c) => s + c.width, 0);
    let left = MARGIN;
    const at = columns.map((c) => {
      const w = (c.width / total) * this.width;
      const x = left;
      left += w;
      return { x: x + 4, width: w - 8, align: c.align ?? 'left' };
    });
    const row = (cells: readonly string[], font: string, fill?: string): void => {
      const y = d.y;
      if (fill) {
        d.rect(MARGIN, y, this.width, ROW).fill(fill);
      }
      d.font(font).fontSize(TEXT).fillColor('black');
      cells.forEach((text, i) => {
        const c = at[i];
        if (c) {
          d.text(text, c.x, y + 3, { width: c.width, align: c.align, lineBreak: false, ellipsis: true });
        }
      });
      d.moveTo(MARGIN, y + ROW)
        .lineTo(MARGIN + this.width, y + ROW)
        .lineWidth(0.25)
        .stroke('#999999');
      d.y = y + ROW;
    };
    const header = (): void =>
      row(
        columns.map((c) => c.header),
        'Helvetica-Bold',
        '#e8e8e8',
      );
    this.ensure(2 * ROW);
    header();
    rows.forEach((cells, i) => {
      if (d.y + ROW > this.bottom) {
        d.addPage();
        header();
      }
      row(cells, bold?.(i) ? 'Helvetica-Bold' : 'Helvetica');
    });
    d.x = MARGIN;
    d.moveDown(0.6);
  }

  finish(footer: string): Promise<Buffer> {
    const d = this.doc;
    const { start, count } = d.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      d.switchToPage(i);
      // The footer sits in the bottom margin: lift the margin so pdfkit does not start a new page.
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = d.page.height - MARGIN - 6;
      d.font('Helvetica').fontSize(7.5).fillColor('#444444');
      d.text(footer, MARGIN, y, { width: this.width * 0.75, lineBreak: false });
      d.text(`Page ${i - start + 1} of ${count}`, MARGIN, y, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      d.page.margins.bottom = bottom;
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      d.on('data', (c: Buffer) => chunks.push(c));
      d.on('end', () => resolve(Buffer.concat(chunks)));
      d.on('error', reject);
      d.end();
    });
  }
}

/**
 * The Kaplan–Meier table: every observed day while they fit on the page, else intervals of a week or
 * more. An interval's "at risk" is the number followed at its first observed day, its survival the
 * estimate at its last: the same curve, read less often.
 */
export function boosterTableRows(steps: readonly KaplanMeierStep[]): {
  rows: string[][];
  grouped: number | null;
} {
  const survival = (s: number): string => `${(s * 100).toFixed(1)} %`;
  if (steps.length <= MAX_KM_ROWS) {
    return {
      rows: steps.map((s) => [
        String(s.time),
        String(s.atRisk),
        String(s.events),
        String(s.censored),
        survival(s.survival),
      ]),
      grouped: null,
    };
  }
  const last = steps[steps.length - 1]?.time ?? 0;
  const widths = [7, 14, 28, 56, 91, 182, 365];
  const width =
    widths.find((w) => Math.floor(last / w) + 1 <= MAX_KM_ROWS) ?? Math.ceil((last + 1) / MAX_KM_ROWS);
  const buckets = new Map<number, KaplanMeierStep[]>();
  for (const s of steps) {
    const k = Math.floor(s.time / width);
    buckets.set(k, [...(buckets.get(k) ?? []), s]);
  }
  const rows = [...buckets.entries()].map(([k, group]) => {
    const first = group[0] as KaplanMeierStep;
    const end = group[group.length - 1] as KaplanMeierStep;
    return [
      `${k * width}\u2013${(k + 1) * width - 1}`,
      String(first.atRisk),
      String(group.reduce((sum, s) => sum + s.events, 0)),
      String(group.reduce((sum, s) => sum + s.censored, 0)),
      survival(end.survival),
    ];
  });
  return { rows, grouped: width };
}

/** Response and remission over each denominator, one row each, named in the second column. */
export function rateRows(r: OutcomeReport): string[][] {
  const itt = r.intentToTreat;
  const followed = 'With a follow-up score';
  const all = 'Intent to treat';
  return [
    [
      'Response',
      followed,
      String(r.responders),
      String(r.withFollowUp),
      pct(r.responseRate),
      ci(r.responseCI95),
    ],
    [
      'Response',
      all,
      String(itt.responders),
      String(itt.patients),
      pct(itt.responseRate),
      ci(itt.responseCI95),
    ],
    [
      'Remission',
      followed,
      String(r.remitters),
      String(r.withFollowUp),
      pct(r.remissionRate),
      ci(r.remissionCI95),
    ],
    [
      'Remission',
      all,
      String(itt.remitters),
      String(itt.patients),
      pct(itt.remissionRate),
      ci(itt.remissionCI95),
    ],
  ];
}

/** What each denominator is, in words, under the table. */
export function denominatorNotes(r: OutcomeReport): string[] {
  return [
    `Rows "With a follow-up score" are the rates ${DENOMINATORS.followedUp} (${n(r.withFollowUp, 'patient')}).`,
    `Rows "Intent to treat" are the rates ${DENOMINATORS.intentToTreat} (${n(r.intentToTreat.patients, 'patient')}, ` +
      `of whom ${n(r.noFollowUp, 'has', 'have')} no follow-up score).`,
  ];
}

export function outcomeReportPdf(data: OutcomeReportPdfData): Promise<Buffer> {
  const { report: r, filters: f, clinic } = data;
  const criteria = getOutcomeCriteria(r.instrumentId);
  const label = getInstrument(r.instrumentId).shortTitle;
  const min = r.minBaselineScore;
  const remission = `${label} ${criteria.remission.operator === '<' ? 'below' : 'at or below'} ${criteria.remission.value}`;
  const response = `a fall of at least ${Math.round(criteria.responseReduction * 100)} % from baseline`;
  const generated = `${localTime(data.generatedAt, clinic.timeZone)} (${clinic.timeZone})`;
  const pdf = new OutcomePdf(
    `${clinic.name} - Clinic outcome report`,
    `${label}, baseline from ${f.from} to ${f.to}  -  generated ${generated} by OpenKAP`,
    { author: clinic.name, created: data.generatedAt },
  );

  pdf.facts([
    ['Instrument', `${label} (response: ${response}; remission: ${remission})`],
    ['Patients', `Baseline ${label} (without one, the first infusion) from ${f.from} to ${f.to}`],
    ['Counted up to', `${f.to}: follow-up scores, sessions and boosters after it are left out`],
    ['Follow-up score', describeFollowUp(r.followUp.rule, r.followUp.defaultWindow)],
    ['Indication', f.indication ? (indicationTitles[f.indication] ?? f.indication) : 'All indications'],
    ['Protocol', data.protocolTitle ?? 'All protocols'],
  ]);

  // The rates' denominator, and how many of them a median change exists for (a baseline of 0 has none).
  const rated = r.perPatient.filter((p) => statusOf(r, p) === 'assessed');
  const withChange = rated.filter(
    (p) => p.response.status === 'assessed' && p.response.percentChange !== null,
  );
  pdf.heading('Response and remission, over two denominators');
  pdf.table(
    [
      { header: 'Measure', width: 14 },
      { header: 'Denominator', width: 34 },
      { header: 'Patients', width: 10, align: 'right' },
      { header: 'Of', width: 9, align: 'right' },
      { header: 'Rate', width: 11, align: 'right' },
      { header: '95 % interval (Wilson)', width: 22, align: 'right' },
    ],
    rateRows(r),
  );
  pdf.bullets(denominatorNotes(r));
  pdf.paragraph(
    `Median change in ${label} from baseline to the follow-up score: ${signed(r.medianPercentChange)}` +
      (r.medianPercentChange == null
        ? ''
        : ` over ${n(withChange.length, 'patient')} (below zero means fewer symptoms)`) +
      '.',
  );
  if (r.withFollowUp > 0 && r.withFollowUp < 20) {
    pdf.paragraph(
      `With only ${n(r.withFollowUp, 'patient')} the 95 % intervals are wide: read them, not the rate alone.`,
    );
  }

  pdf.heading(`Who is in the report (${n(r.enrolled, 'patient')})`);
  const belowRow =
    min === null
      ? []
      : [[`Baseline under ${min}`, String(r.baselineBelowThreshold), 'No: too few symptoms at the start']];
  pdf.table(
    [
      { header: 'Patients', width: 44 },
      { header: 'Count', width: 12, align: 'right' },
      { header: 'In the rates?', width: 44 },
    ],
    [
      [
        min === null ? `With a baseline ${label}` : `With a baseline ${label} of ${min} or more`,
        String(r.patients),
        '',
      ],
      ['   with a follow-up score', String(r.withFollowUp), 'Yes: both denominators'],
      ['   without a follow-up score', String(r.noFollowUp), 'Intent to treat only, as not responding'],
      [`Without a baseline ${label}`, String(r.noBaseline), 'No: nothing to compare with'],
      ...belowRow,
    ],
  );

  pdf.heading('Induction series');
  pdf.table(
    [
      { header: 'Series', width: 44 },
      { header: 'Count', width: 12, align: 'right' },
      { header: 'Meaning', width: 44 },
    ],
    [
      ['Completed', String(r.completedInduction), 'Every planned induction infusion received'],
      [
        'Still in induction',
        String(r.inductionInProgress),
        'Short of the plan, a session in the last 14 days',
      ],
      ['Drop-outs', String(r.dropOuts), 'Short of the plan, no session for longer'],
    ],
  );

  const km = r.timeToBooster;
  pdf.heading('Time from the end of the series to the first booster or relapse (Kaplan-Meier)');
  pdf.paragraph(
    `${n(km.subjects, 'patient')} completed the series: ${n(km.events, 'event')} ` +
      `(${n(r.timeToBoosterEventKinds.booster, 'booster')}, ${n(r.timeToBoosterEventKinds.relapse, 'relapse')}), ` +
      `${km.censored} censored (followed without a booster or relapse up to the end date, ` +
      'or to their last session if their plan has ended). ' +
      (km.medianTime == null
        ? 'Median not reached: more than half had neither a booster nor a relapse by the end of their follow-up.'
        : `Median ${n(km.medianTime, 'day')}: by then half had had a booster or relapse.`),
  );
  const { rows, grouped } = boosterTableRows(km.steps);
  if (grouped !== null) {
    pdf.paragraph(
      `Days grouped by ${grouped}: "at risk" is the number followed at the first day observed in the interval, ` +
        '"without either" the estimate at its end.',
    );
  }
  if (rows.length === 0) {
    pdf.paragraph('No patient has completed the series in this report, so there is no estimate.');
  } else {
    pdf.table(
      [
        { header: grouped === null ? 'Day' : 'Days', width: 16, align: 'right' },
        { header: 'At risk', width: 16, align: 'right' },
        { header: 'Events', width: 16, align: 'right' },
        { header: 'Censored', width: 16, align: 'right' },
        { header: 'Without either', width: 22, align: 'right' },
      ],
      rows,
    );
  }

  pdf.heading('What is counted, and what is not');
  pdf.bullets([
    `A patient is in the report when their baseline ${label} (the latest complete score before the first ` +
      'dose; one answered after the dose that day is never the baseline) falls in the dates above; without a ' +
      'baseline, when their first infusion does.',
    `Follow-up score: ${describeFollowUp(r.followUp.rule, r.followUp.defaultWindow)} A score the day after ` +
      'the first infusion is not an outcome.',
    'Response and remission are given twice: over the patients with a follow-up score, and intent to treat, ' +
      'over everyone with a baseline, where a patient without a follow-up score (a drop-out, or not measured ' +
      'at the end of the series) counts as not responding. The truth for the clinic lies between the two.',
    min === null
      ? `Every patient with a baseline ${label} is in the response population.`
      : `Patients whose baseline ${label} is under ${min} are left out of every rate: they could "remit" ` +
        'without having had the symptoms the rate is about (HEDIS).',
    "The interval is the Wilson score 95 % interval of the proportion: the range the clinic's true rate is " +
      'likely to lie in, given how few patients it rests on.',
    'A booster is the first completed session after the planned induction series; a relapse is one a ' +
      'clinician recorded on the chart, on or after the end of the series. The event is whichever came first. ' +
      'The median is where the curve crosses 50 %; where it sits exactly at 50 % over a stretch, the middle ' +
      'of that stretch (the convention of R survival).',
    "Days are the clinic's calendar days. No patient is named in this document; the list behind each figure " +
      'is on the Outcomes page, and the per-patient CSV export.',
  ]);

  return pdf.finish(`${clinic.name} - Clinic outcome report, ${label}, ${f.from} to ${f.to}`);
}
