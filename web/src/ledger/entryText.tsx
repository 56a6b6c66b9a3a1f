// How one ledger entry reads on screen: its kind in the clinic's words, the amount it moved, and the
// facts a DEA inspector asks about (invoice, method, witness, the entry a correction reverses).
import { Badge } from '@mantine/core';
import type { EntryKind } from '@openkap/domain/ledger/types';
import type { LedgerEntry } from './api.ts';
import { formatMg, formatSignedMg } from './units.ts';

export const kindLabels: Record<EntryKind, string> = {
  receive: 'Received',
  draw: 'Drawn',
  administer: 'Given',
  waste: 'Wasted',
  return: 'Returned',
  transfer: 'Transferred',
  dispose: 'Disposed (DEA-41)',
  loss: 'Loss (DEA-106)',
  adjust: 'Adjusted',
  count: 'Counted',
  correction: 'Correction',
  dea_notice: 'DEA notified',
  loss_review: 'Loss reviewed',
};

const kindColors: Record<EntryKind, string> = {
  receive: 'teal',
  draw: 'blue',
  administer: 'indigo',
  waste: 'orange',
  return: 'cyan',
  transfer: 'grape',
  dispose: 'red',
  loss: 'red',
  adjust: 'yellow',
  count: 'gray',
  correction: 'pink',
  dea_notice: 'red',
  loss_review: 'yellow',
};

export function KindBadge({ kind }: { kind: EntryKind }) {
  return (
    <Badge
      variant="light"
      color={kindColors[kind] ?? 'gray'}
      tt="none"
      radius="sm"
      // The kind is the word that matters in a narrow column: never cut to "Dispose…".
      styles={{
        root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
        label: { overflow: 'visible' },
      }}
    >
      {kindLabels[kind] ?? kind}
    </Badge>
  );
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The amount column: a signed change to stock where stock changed, else what happened to drawn drug. */
export function entryAmount(e: LedgerEntry): string {
  if (e.containerDeltaUg !== 0) {
    return formatSignedMg(e.containerDeltaUg);
  }
  switch (e.kind) {
    case 'administer':
      return `${formatMg(e.quantityUg)} given`;
    case 'waste':
      return `${formatMg(e.quantityUg)} wasted`;
    case 'count':
      return `${formatMg(e.quantityUg)} counted`;
    case 'transfer':
      return `${formatMg(e.quantityUg)} moved`;
    case 'correction':
      return e.drawnDeltaUg !== 0 ? `${formatSignedMg(e.drawnDeltaUg)} held` : formatMg(e.quantityUg);
    default:
      return formatMg(e.quantityUg);
  }
}

const lossTypes: Record<string, string> = {
  theft: 'theft',
  significant_loss: 'significant loss',
  lost_in_transit: 'lost in transit',
};

/** One line of facts particular to the kind; the reason is shown on its own. */
export function entryFacts(e: LedgerEntry, locationName: (id: string | null) => string): string {
  const d = e.details;
  switch (e.kind) {
    case 'receive': {
      const supplier = d.supplier as { name?: unknown } | undefined;
      return [
        str(d.invoiceNumber) ? `Invoice ${String(d.invoiceNumber)}` : null,
        str(supplier?.name),
        str(d.lot) ? `lot ${String(d.lot)}` : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'draw':
      return num(d.volumeMl) != null ? `${num(d.volumeMl)} mL drawn` : '';
    case 'administer':
      return d.source === 'pump' ? 'Recorded when the pump stopped' : '';
    case 'waste':
      return str(d.method) ? `Method: ${String(d.method)}` : '';
    case 'transfer':
      return `To ${locationName(e.toLocationId)}`;
    case 'dispose': {
      const rd = d.reverseDistributor as { name?: unknown } | null | undefined;
      return d.method === 'reverse_distributor'
        ? `Reverse distributor${str(rd?.name) ? `: ${String(rd?.name)}` : ''}`
        : 'Witnessed destruction';
    }
    case 'loss':
      return [
        lossTypes[String(d.lossType)] ?? null,
        str(d.policeReport) ? `police report ${String(d.policeReport)}` : null,
        d.form106Filed ? 'Form 106 filed' : 'Form 106 not yet filed',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'adjust':
      return e.refersToSeq != null ? `Reconciles count #${e.refersToSeq}` : '';
    case 'count': {
      const expected = num(d.expectedUg);
      if (d.countKind === 'initial' || d.countKind === 'biennial') {
        const what = `${d.countKind === 'initial' ? 'Initial' : 'Biennial'} inventory${str(d.timing) ? ` (${String(d.timing)})` : ''}`;
        if (d.nothingOnHand) {
          return `${what} · nothing on hand: a zero inventory`;
        }
        return [
          what,
          expected != null ? `expected ${formatMg(expected)}` : null,
          expected != null && expected !== e.quantityUg
            ? `difference ${formatSignedMg(e.quantityUg - expected)}`
            : null,
        ]
          .filter(Boolean)
          .join(' · ');
      }
      const kind = [str(d.countKind), str(d.timing)].filter(Boolean).join(' ');
      return [
        kind ? `${kind[0]?.toUpperCase()}${kind.slice(1)} count` : 'Count',
        expected != null ? `expected ${formatMg(expected)}` : null,
        expected != null && expected !== e.quantityUg
          ? `difference ${formatSignedMg(e.quantityUg - expected)}`
          : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'dea_notice': {
      const methods: Record<string, string> = {
        email: 'email',
        fax: 'fax',
        mail: 'mail',
        hand_delivered: 'hand delivery',
      };
      return [
        `Written notice of #${e.refersToSeq ?? '?'} sent`,
        methods[String(d.method)] ? `by ${methods[String(d.method)]}` : null,
        str(d.sentTo) ? `to ${String(d.sentTo)}` : null,
        d.form106Filed ? 'Form 106 filed' : 'Form 106 to follow',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'loss_review': {
      const factors = Array.isArray(d.factors) ? d.factors.length : 0;
      return [
        `Review of #${e.refersToSeq ?? '?'}: ${d.significant ? 'significant loss, DEA notice due' : 'minor discrepancy'}`,
        factors ? `${factors} factor${factors === 1 ? '' : 's'} pointing to significance` : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'correction': {
      const corrects = d.corrects as { kind?: unknown } | undefined;
      const kind = kindLabels[corrects?.kind as EntryKind];
      return `Reverses #${e.refersToSeq ?? '?'}${kind ? ` (${kind.toLowerCase()})` : ''}`;
    }
    default:
      return '';
  }
}

/**
 * Whether a correction may reverse it, as the server says (a count moves nothing, a correction is not
 * itself corrected, and a closed session's drug is settled).
 */
export function correctable(e: LedgerEntry): boolean {
  return e.correctable;
}
