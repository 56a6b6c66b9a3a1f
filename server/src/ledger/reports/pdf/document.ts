/**
 * The one PDF frame every ledger report is drawn in (pdfkit, standard Helvetica): US Letter, a header
 * on every page naming the clinic, the report, the registered location and its DEA number, the period
 * and when it was generated; "Page n of m" at the foot; tables whose header row repeats on each page
 * they run onto; signature lines.
 */
import PDFDocument from 'pdfkit';
import type { LocationHead, ReportHeader } from '../common.ts';
import { localTime } from '../common.ts';

export interface Column<R> {
  header: string;
  /** Relative width; the columns share the page's width in these proportions. */
  width: number;
  align?: 'left' | 'right';
  value: (row: R) => string;
}

const MARGIN = 36;
const FOOTER = 24;
const PAD = 3;
const TABLE_FONT = 7.5;
const MAX_ROW = 160;

export class ReportPdf {
  readonly doc: PDFKit.PDFDocument;
  private location: LocationHead | null = null;
  private note: string | null = null;

  constructor(
    private readonly header: ReportHeader,
    layout: 'portrait' | 'landscape',
  ) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      layout,
      margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
      bufferPages: true,
      autoFirstPage: false,
      info: {
        Title: `${header.title}, ${header.period.from} to ${header.period.to}`,
        Author: header.clinic.name,
        Creator: 'OpenKAP',
        CreationDate: new Date(header.generatedAt),
      },
    });
    this.doc.on('pageAdded', () => this.pageHeader());
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /**
   * Starts a location's part of the report on a new page; each page's header names the location and
   * repeats `note` (in red) if given.
   */
  section(location: LocationHead, note: string | null = null): void {
    this.location = location;
    this.note = note;
    this.doc.addPage();
  }

  private pageHeader(): void {
    const d = this.doc;
    const x = d.page.margins.left;
    const h = this.header;
    d.font('Helvetica-Bold').fontSize(12).fillColor('black');
    d.text(`${h.clinic.name} - ${h.title}`, x, MARGIN, { width: this.width });
    d.font('Helvetica').fontSize(8.5);
    if (this.location) {
      const l = this.location;
      d.text(`Registered location: ${l.name}, ${l.address}  -  DEA registration ${l.deaRegistration}`, {
        width: this.width,
      });
    }
    d.text(
      `Period: ${h.period.from} to ${h.period.to} (clinic days, ${h.clinic.timeZone})  -  ` +
        `Generated ${localTime(h.generatedAt, h.clinic.timeZone)} by OpenKAP`,
      { width: this.width },
    );
    if (this.note) {
      d.font('Helvetica-Bold').fillColor('#b00000').text(this.note, { width: this.width }).fillColor('black');
    }
    const y = d.y + 4;
    d.moveTo(x, y)
      .lineTo(x + this.width, y)
      .lineWidth(0.75)
      .stroke('black');
    d.y = y + 8;
    d.x = x;
  }

  /** Room for `height` points below the cursor, or a new page. */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
    }
  }

  heading(text: string): void {
    this.ensure(40);
    this.doc.font('Helvetica-Bold').fontSize(10).fillColor('black');
    this.doc.text(text, this.doc.page.margins.left, this.doc.y + 4, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, opts: { bold?: boolean; size?: number; color?: string } = {}): void {
    const d = this.doc;
    d.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(opts.size ?? 8.5)
      .fillColor(opts.color ?? 'black');
    this.ensure(d.heightOfString(text, { width: this.width }) + 4);
    d.text(text, d.page.margins.left, d.y, { width: this.width });
    d.fillColor('black');
    d.moveDown(0.4);
  }

  /** Label: value pairs in two columns. */
  facts(pairs: readonly (readonly [string, string])[]): void {
    const d = this.doc;
    const x = d.page.margins.left;
    const half = this.width / 2;
    for (let i = 0; i < pairs.length; i += 2) {
      this.ensure(14);
      const y = d.y;
      let next = y;
      for (const [j, pair] of pairs.slice(i, i + 2).entries()) {
        d.font('Helvetica-Bold')
          .fontSize(8.5)
          .text(`${pair[0]}: `, x + j * half, y, { continued: true });
        d.font('Helvetica').text(pair[1], { width: half - 8 });
        next = Math.max(next, d.y);
      }
      d.y = next + 2;
    }
    d.x = x;
    d.moveDown(0.3);
  }

  /**
   * A table: rows are as tall as their tallest cell (cut at MAX_ROW points); a row that does not fit
   * goes to the next page, under the header row drawn again. `highlight` shades a row.
   */
  table<R>(
    columns: readonly Column<R>[],
    rows: readonly R[],
    opts: { empty?: string; highlight?: (row: R) => boolean } = {},
  ): void {
    const d = this.doc;
    const x0 = d.page.margins.left;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    // Each column placed once: its left edge, inner width (less padding) and alignment.
    let left = x0;
    const placed = columns.map((c) => {
      const w = (c.width / total) * this.width;
      const at = { x: left + PAD, width: w - 2 * PAD, align: c.align ?? 'left' };
      left += w;
      return at;
    });
    type Cell = { text: string; at: (typeof placed)[number] };
    const line = (texts: readonly string[]): Cell[] => placed.map((at, i) => ({ text: texts[i] ?? '', at }));

    const heightOf = (cells: readonly Cell[], font: string): number => {
      d.font(font).fontSize(TABLE_FONT);
      const h = Math.max(...cells.map((c) => d.heightOfString(c.text || ' ', { width: c.at.width })));
      return Math.min(h, MAX_ROW) + 2 * PAD;
    };
    const drawRow = (cells: readonly Cell[], font: string, height: number, fill?: string): void => {
      const y = d.y;
      if (fill) {
        d.rect(x0, y, this.width, height).fill(fill);
      }
      d.font(font).fontSize(TABLE_FONT).fillColor('black');
      for (const c of cells) {
        d.text(c.text, c.at.x, y + PAD, {
          width: c.at.width,
          height: height - 2 * PAD,
          align: c.at.align,
          ellipsis: true,
        });
      }
      d.moveTo(x0, y + height)
        .lineTo(x0 + this.width, y + height)
        .lineWidth(0.25)
        .stroke('#999999');
      d.y = y + height;
      d.x = x0;
    };
    const header = line(columns.map((c) => c.header));
    const headerHeight = heightOf(header, 'Helvetica-Bold');
    const drawHeader = (): void => drawRow(header, 'Helvetica-Bold', headerHeight, '#e6e6e6');

    const body = rows.map((r) => ({
      cells: line(columns.map((c) => c.value(r))),
      shade: opts.highlight?.(r) ?? false,
    }));
    this.ensure(headerHeight + (body[0] ? heightOf(body[0].cells, 'Helvetica') : 14));
    drawHeader();
    if (body.length === 0) {
      d.font('Helvetica-Oblique')
        .fontSize(TABLE_FONT)
        .text(opts.empty ?? 'None.', x0 + PAD, d.y + PAD);
      d.x = x0;
    }
    for (const row of body) {
      const h = heightOf(row.cells, 'Helvetica');
      if (d.y + h > this.bottom) {
        d.addPage();
        drawHeader();
      }
      drawRow(row.cells, 'Helvetica', h, row.shade ? '#fde2e2' : undefined);
    }
    d.moveDown(0.8);
  }

  /** Lines to sign on, two to a row, each with who signs beneath. */
  signatures(labels: readonly string[]): void {
    const d = this.doc;
    const x0 = d.page.margins.left;
    const w = (this.width - 24) / 2;
    this.ensure(Math.ceil(labels.length / 2) * 44 + 10);
    d.moveDown(1);
    for (let i = 0; i < labels.length; i += 2) {
      const y = d.y + 22;
      labels.slice(i, i + 2).forEach((label, j) => {
        const x = x0 + j * (w + 24);
        d.moveTo(x, y)
          .lineTo(x + w * 0.68, y)
          .moveTo(x + w * 0.74, y)
          .lineTo(x + w, y)
          .lineWidth(0.5)
          .stroke('black');
        d.font('Helvetica').fontSize(7.5).fillColor('black');
        d.text(label, x, y + 3, { width: w * 0.68 });
        d.text('Date', x + w * 0.74, y + 3, { width: w * 0.26 });
      });
      d.y = y + 22;
    }
    d.x = x0;
  }

  /** Writes the page footers and answers the finished file. */
  finish(): Promise<Buffer> {
    const d = this.doc;
    if (d.bufferedPageRange().count === 0) {
      d.addPage();
    }
    const { start, count } = d.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      d.switchToPage(i);
      // The footer sits in the bottom margin: lift the margin so pdfkit does not start a new page.
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = d.page.height - MARGIN - 10;
      d.font('Helvetica').fontSize(7.5).fillColor('#444444');
      d.text(`${this.header.clinic.name} - ${this.header.title}`, d.page.margins.left, y, {
        width: this.width * 0.7,
        lineBreak: false,
      });
      d.text(`Page ${i - start + 1} of ${count}`, d.page.margins.left, y, {
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
