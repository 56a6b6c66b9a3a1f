// The controlled-substance ledger for ketamine (Schedule III, issue 5): stock on hand per registered
// location, the hash-chained entries, the records a nurse or physician makes (receive, count, transfer,
// dispose, loss, adjust, correct), set-up, the chain check and the inspector's reports. Only those who
// may handle ketamine see it (ledger.read); the server enforces the same table.
import { Alert, Button, Drawer, Menu, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAdjustmentsAlt,
  IconAlertOctagon,
  IconArrowsExchange,
  IconChevronDown,
  IconFileTypeCsv,
  IconHistory,
  IconListCheck,
  IconLock,
  IconPackageImport,
  IconPencilPlus,
  IconSettings,
  IconTrash,
  IconVaccineBottle,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { notifyError } from '../api/notify.tsx';
import { useResource } from '../api/useResource.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { ErrorState, LoadingState } from '../app/States.tsx';
import { useStaffUser } from '../auth/session.tsx';
import { ledgerSettingsDefaults } from '@openkap/domain/ledger/settings';
import { AdjustForm, type AdjustPreset } from './AdjustForm.tsx';
import { ledgerApi, type ChainReport, type LedgerContainer, type LedgerEntry } from './api.ts';
import { ComplianceAlerts } from './ComplianceAlerts.tsx';
import type { OpenNotice, PendingReview } from './compliance.ts';
import { CorrectionForm } from './CorrectionForm.tsx';
import { CountForm, type CountKind, type CountResult } from './CountForm.tsx';
import { CountResultCard } from './CountResult.tsx';
import { DisposeForm } from './DisposeForm.tsx';
import { EntriesTab, ENTRIES_PAGE } from './EntriesTab.tsx';
import { LossForm } from './LossForm.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { ReceiveForm } from './ReceiveForm.tsx';
import { ReportsTab } from './ReportsTab.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { LocationForm, ProductForm } from './SetupForms.tsx';
import { SetupTab } from './SetupTab.tsx';
import { StockTab, type ContainerAction } from './StockTab.tsx';
import { TransferForm } from './TransferForm.tsx';
import { VerifyButton, VerifyResult } from './VerifyChain.tsx';

type Action =
  | { kind: 'receive' }
  | { kind: 'count'; preset?: { locationId: string; kind: CountKind } }
  | { kind: 'notice'; notice: OpenNotice }
  | { kind: 'review'; review: PendingReview }
  | { kind: 'settings' }
  | { kind: 'transfer' | 'dispose' | 'loss'; containerId?: string }
  | { kind: 'adjust'; preset?: AdjustPreset }
  | { kind: 'correct'; entry: LedgerEntry }
  | { kind: 'location' }
  | { kind: 'product' };

const titles: Record<Action['kind'], string> = {
  receive: 'Receive stock',
  count: 'Count stock',
  notice: 'Mark the DEA notice sent',
  review: 'Significant-loss review',
  settings: 'Ledger rules',
  transfer: 'Transfer a container',
  dispose: 'Dispose of stock (DEA Form 41)',
  loss: 'Report a theft or loss (DEA Form 106)',
  adjust: 'Adjust a balance',
  correct: 'Correct an entry',
  location: 'Add a registered location',
  product: 'Add a product',
};

const tabs = ['stock', 'entries', 'reports', 'setup'] as const;
type Tab = (typeof tabs)[number];

export function LedgerPage() {
  const user = useStaffUser();
  const { can, cannot } = usePermissions();
  const allowed = can('ledger.read');
  const canRecord = can('ledger.record');
  const canSetup = can('ledger.setup');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'stock';

  const stock = useResource(allowed ? 'ledger-stock' : null, (signal) => ledgerApi.stock(signal));
  const recent = useResource(allowed ? 'ledger-entries' : null, (signal) =>
    ledgerApi.entries({ limit: ENTRIES_PAGE }, signal),
  );
  const compliance = useResource(allowed ? 'ledger-compliance' : null, (signal) =>
    ledgerApi.compliance(signal),
  );
  // Bumped after every write so the entries list starts again from the newest.
  const [version, setVersion] = useState(0);
  // Each opening gets its own key, so a form never keeps the last one's typing (or witness).
  const [opened, setOpened] = useState<{ action: Action; key: number } | null>(null);
  const action = opened?.action ?? null;
  const setAction = (next: Action | null) => setOpened(next ? { action: next, key: Date.now() } : null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<ChainReport | null>(null);
  const [countResult, setCountResult] = useState<CountResult | null>(null);
  const [adjusted, setAdjusted] = useState<ReadonlySet<number>>(new Set());

  if (!allowed) {
    return (
      <>
        <PageHeader title="Controlled-substance ledger" />
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock aria-hidden />}
          title="Not available to your role"
        >
          {cannot('ledger.read', 'see the controlled-substance ledger')}
        </Alert>
      </>
    );
  }

  const refresh = () => {
    // A check from before this write no longer speaks for the chain.
    setVerified(null);
    stock.reload();
    recent.reload();
    compliance.reload();
    setVersion((v) => v + 1);
  };
  const close = () => setAction(null);
  const done = () => {
    close();
    refresh();
  };

  async function verify() {
    setVerifying(true);
    try {
      setVerified(await ledgerApi.verify());
    } catch (error) {
      notifyError(error, 'Could not check the chain');
    } finally {
      setVerifying(false);
    }
  }

  const data = stock.data;
  const ready = Boolean(data && data.locations.length && data.products.length);
  const rules = compliance.data?.settings;
  const backdateLimitDays = rules?.backdateLimitDays ?? ledgerSettingsDefaults.backdateLimitDays;
  const needsInitialInventory = new Set(
    (compliance.data?.inventories ?? []).filter((i) => i.state === 'initial_needed').map((i) => i.locationId),
  );
  const onContainer = canRecord
    ? (a: ContainerAction, c: LedgerContainer) =>
        setAction(
          a === 'adjust' ? { kind: 'adjust', preset: { containerId: c.id } } : { kind: a, containerId: c.id },
        )
    : undefined;

  const recordMenu = canRecord ? (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          rightSection={<IconChevronDown size={16} aria-hidden />}
          leftSection={<IconPencilPlus size={18} aria-hidden />}
        >
          Record
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPackageImport size={16} aria-hidden />}
          disabled={!ready}
          onClick={() => setAction({ kind: 'receive' })}
        >
          Receive stock…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconListCheck size={16} aria-hidden />}
          disabled={!data?.locations.length}
          onClick={() => setAction({ kind: 'count' })}
        >
          Count (daily / inventory)…
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconArrowsExchange size={16} aria-hidden />}
          disabled={!data?.containers.length}
          onClick={() => setAction({ kind: 'transfer' })}
        >
          Transfer…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconTrash size={16} aria-hidden />}
          disabled={!data?.containers.length}
          onClick={() => setAction({ kind: 'dispose' })}
        >
          Dispose (DEA-41)…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconAlertOctagon size={16} aria-hidden />}
          disabled={!data?.containers.length}
          onClick={() => setAction({ kind: 'loss' })}
        >
          Report loss (DEA-106)…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconAdjustmentsAlt size={16} aria-hidden />}
          disabled={!data?.containers.length}
          onClick={() => setAction({ kind: 'adjust' })}
        >
          Adjust…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  ) : null;

  function form(a: Action) {
    if (!data) {
      return null;
    }
    const tz = user.clinicTimeZone;
    switch (a.kind) {
      case 'receive':
        return (
          <ReceiveForm
            locations={data.locations}
            products={data.products}
            timeZone={tz}
            today={data.today}
            backdateLimitDays={backdateLimitDays}
            needsInitialInventory={needsInitialInventory}
            onDone={done}
            onCancel={close}
          />
        );
      case 'count':
        return (
          <CountForm
            stock={data}
            preset={a.preset}
            onDone={(result) => {
              setCountResult(result);
              setAdjusted(new Set());
              done();
            }}
            onCancel={close}
          />
        );
      case 'transfer':
        return (
          <TransferForm
            stock={data}
            timeZone={tz}
            backdateLimitDays={backdateLimitDays}
            containerId={a.containerId}
            onDone={done}
            onCancel={close}
          />
        );
      case 'dispose':
        return (
          <DisposeForm
            stock={data}
            timeZone={tz}
            backdateLimitDays={backdateLimitDays}
            containerId={a.containerId}
            onDone={done}
            onCancel={close}
          />
        );
      case 'loss':
        return (
          <LossForm
            stock={data}
            timeZone={tz}
            backdateLimitDays={backdateLimitDays}
            containerId={a.containerId}
            onDone={done}
            onCancel={close}
          />
        );
      case 'adjust':
        return (
          <AdjustForm
            stock={data}
            preset={a.preset}
            onDone={() => {
              const seq = a.preset?.countSeq;
              if (seq != null) {
                setAdjusted((s) => new Set([...s, seq]));
              }
              done();
            }}
            onCancel={close}
          />
        );
      case 'correct':
        return <CorrectionForm entry={a.entry} onDone={done} onCancel={close} />;
      case 'notice':
        return (
          <NoticeForm
            notice={a.notice}
            timeZone={tz}
            backdateLimitDays={backdateLimitDays}
            onDone={done}
            onCancel={close}
          />
        );
      case 'review':
        return (
          <ReviewForm
            review={a.review}
            thresholdMg={rules?.lossReviewAboveMg ?? ledgerSettingsDefaults.lossReviewAboveMg}
            onDone={done}
            onCancel={close}
          />
        );
      case 'settings':
        return rules ? <SettingsForm settings={rules} onDone={done} onCancel={close} /> : null;
      case 'location':
        return <LocationForm onDone={done} onCancel={close} />;
      case 'product':
        return <ProductForm onDone={done} onCancel={close} />;
    }
  }

  return (
    <>
      <PageHeader
        title="Controlled-substance ledger"
        description={
          <>
            Ketamine, Schedule III: every receipt, draw, waste, disposal and count, in one hash-chained
            record.
            {data ? ` ${data.chain.seq} entr${data.chain.seq === 1 ? 'y' : 'ies'}.` : ''}
          </>
        }
        actions={
          <>
            <VerifyButton busy={verifying} onClick={verify} />
            {recordMenu}
          </>
        }
      />
      <Stack gap="sm" mb="sm">
        {verified ? <VerifyResult report={verified} onClose={() => setVerified(null)} /> : null}
        {compliance.data && data ? (
          <ComplianceAlerts
            compliance={compliance.data}
            locations={data.locations}
            onNotice={canSetup ? (notice) => setAction({ kind: 'notice', notice }) : undefined}
            onReview={canSetup ? (review) => setAction({ kind: 'review', review }) : undefined}
            onInventory={
              canRecord
                ? (locationId, kind) => setAction({ kind: 'count', preset: { locationId, kind } })
                : undefined
            }
            setupNote={canSetup ? null : cannot('ledger.setup', 'record DEA notices and loss reviews')}
          />
        ) : null}
        {countResult ? (
          <CountResultCard
            result={countResult}
            stock={data}
            adjusted={adjusted}
            onAdjust={
              canRecord
                ? (line) =>
                    setAction({
                      kind: 'adjust',
                      preset: {
                        containerId: line.containerId,
                        quantityMg: line.differenceUg / 1000,
                        countSeq: line.seq,
                        reason: `Difference found at the ${countResult.kind} ${countResult.timing} count`,
                      },
                    })
                : undefined
            }
            onClose={() => setCountResult(null)}
          />
        ) : null}
        {!canRecord ? (
          <Text size="sm" c="dimmed">
            {cannot('ledger.record', 'record in the ledger')}
          </Text>
        ) : null}
      </Stack>

      <Tabs
        value={tab}
        onChange={(v) => setSearch(v && v !== 'stock' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        {/* On a phone the four words fit one row without their icons. */}
        <Tabs.List mb="md" grow={phone}>
          <Tabs.Tab value="stock" leftSection={phone ? null : <IconVaccineBottle size={16} aria-hidden />}>
            Stock
          </Tabs.Tab>
          <Tabs.Tab value="entries" leftSection={phone ? null : <IconHistory size={16} aria-hidden />}>
            Entries
          </Tabs.Tab>
          <Tabs.Tab value="reports" leftSection={phone ? null : <IconFileTypeCsv size={16} aria-hidden />}>
            Reports
          </Tabs.Tab>
          <Tabs.Tab value="setup" leftSection={phone ? null : <IconSettings size={16} aria-hidden />}>
            Set-up
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="stock">
          {data ? (
            <StockTab
              stock={data}
              inventories={compliance.data?.inventories}
              onAction={onContainer}
              onSetup={canSetup ? () => setSearch({ tab: 'setup' }, { replace: true }) : undefined}
            />
          ) : stock.error ? (
            <ErrorState error={stock.error} onRetry={stock.reload} />
          ) : (
            <LoadingState label="Loading stock…" />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="entries">
          <EntriesTab
            first={recent.data?.entries}
            firstError={recent.error}
            onRetry={recent.reload}
            version={version}
            stock={data}
            onCorrect={canRecord ? (entry) => setAction({ kind: 'correct', entry }) : undefined}
          />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          {data ? <ReportsTab locations={data.locations} today={data.today} /> : <LoadingState />}
        </Tabs.Panel>
        <Tabs.Panel value="setup">
          {data ? (
            <SetupTab
              locations={data.locations}
              products={data.products}
              settings={rules}
              onEditRules={canSetup ? () => setAction({ kind: 'settings' }) : undefined}
              onAddLocation={canSetup ? () => setAction({ kind: 'location' }) : undefined}
              onAddProduct={canSetup ? () => setAction({ kind: 'product' }) : undefined}
              cannotNote={canSetup ? null : cannot('ledger.setup', 'add locations or products')}
            />
          ) : stock.error ? (
            <ErrorState error={stock.error} onRetry={stock.reload} />
          ) : (
            <LoadingState />
          )}
        </Tabs.Panel>
      </Tabs>

      <Drawer
        opened={action !== null}
        onClose={close}
        position={phone ? 'bottom' : 'right'}
        size={
          phone
            ? '94%'
            : action?.kind === 'receive' || action?.kind === 'count'
              ? 'xl'
              : action?.kind === 'review'
                ? 'lg'
                : 'md'
        }
        title={action ? titles[action.kind] : ''}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {opened ? <div key={opened.key}>{form(opened.action)}</div> : null}
      </Drawer>
    </>
  );
}
