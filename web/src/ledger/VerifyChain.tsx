// Re-checks the hash chain on the server: any entry changed or removed behind the app's back shows as a
// break at the first entry touched.
import { Alert, Button } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { formatDateTime } from '../app/format.ts';
import type { ChainReport } from './api.ts';
import { kindLabels } from './entryText.tsx';
import type { EntryKind } from '@openkap/domain/ledger/types';

export function VerifyResult({ report, onClose }: { report: ChainReport; onClose: () => void }) {
  if (report.ok) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconShieldCheck aria-hidden />}
        title={`Chain intact: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'}`}
        withCloseButton
        closeButtonLabel="Close the check result"
        onClose={onClose}
        role="status"
        data-testid="verify-result"
        data-ok="true"
      >
        Every entry still matches its hash and links to the one before it, up to #{report.headSeq}.
      </Alert>
    );
  }
  const b = report.firstBreak;
  const kind = b?.kind ? (kindLabels[b.kind as EntryKind] ?? b.kind) : null;
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconShieldX aria-hidden />}
      title={b ? `Broken at entry #${b.seq}: ${b.problem}` : 'Chain broken'}
      withCloseButton
      closeButtonLabel="Close the check result"
      onClose={onClose}
      role="alert"
      data-testid="verify-result"
      data-ok="false"
    >
      {[kind, b?.occurredAt ? formatDateTime(b.occurredAt) : null].filter(Boolean).join(' · ')}
      {kind || b?.occurredAt ? '. ' : ''}
      The ledger was changed outside OpenKAP. Tell the administrator and the registrant now; do not record
      more until it is explained.
    </Alert>
  );
}

export function VerifyButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  return (
    <Button
      variant="default"
      loading={busy}
      leftSection={<IconShieldCheck size={18} aria-hidden />}
      onClick={onClick}
    >
      Verify chain
    </Button>
  );
}
