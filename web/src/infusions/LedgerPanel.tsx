// The session's ketamine in the ledger: drawn = given + wasted + returned + still held. The server will
// not start the pump until the ordered dose is drawn from a logged vial (dose_not_drawn), nor discharge
// while drug is held (ledger_unreconciled); this panel says plainly which of those is in the way and
// offers the draw, the witnessed waste and the return that clear it.
import {
  Alert,
  Autocomplete,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconInfoCircle,
  IconRecycle,
  IconVaccine,
} from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { mgToUg, mlToUg } from '@openkap/domain/ledger/units';
import type { InfusionHolding } from '@openkap/domain/ledger/types';
import { notifySaved } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { optionalNumber } from '../api/validate.ts';
import { formatTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { ErrorState } from '../app/States.tsx';
import { useStaffUser } from '../auth/session.tsx';
import { ledgerApi, type InfusionLedger, type LedgerContainer } from '../ledger/api.ts';
import { KindBadge } from '../ledger/entryText.tsx';
import { FormButtons, FormFailure, useSubmit } from '../ledger/formKit.tsx';
import { formatMg, formatMl, mlFor } from '../ledger/units.ts';
import {
  checkWitness,
  emptyWitness,
  onWitnessRefusal,
  WitnessFields,
  type WitnessValue,
} from '../ledger/WitnessFields.tsx';

/** The server accepts a draw up to 2 % under the order (a syringe reads to 0.1 mL): the same here. */
const DRAW_TOLERANCE = 0.02;

type Need =
  | { tone: 'gray'; title: string; text: string }
  | { tone: 'yellow'; title: string; text: string }
  | { tone: 'red'; title: string; text: string }
  | { tone: 'blue'; title: string; text: string }
  | { tone: 'teal'; title: string; text: string };

/** What stands between the session and its next step, in the nurse's words. */
function needOf(infusion: Infusion, h: InfusionHolding): Need {
  const stage = infusion.stage;
  const byHand = infusion.protocol?.route === 'im' || infusion.protocol?.route === 'intranasal';
  const orderedUg = infusion.doseOrder ? mgToUg(Math.round(infusion.doseOrder.doseMg * 1000) / 1000) : null;
  if (stage === 'precheck') {
    if (orderedUg == null) {
      return h.heldUg > 0
        ? {
            tone: 'blue',
            title: `${formatMg(h.heldUg)} drawn`,
            text: 'Order the dose to check it against what is drawn.',
          }
        : {
            tone: 'gray',
            title: 'Nothing drawn yet',
            text: 'Order the dose, then draw it here from a logged vial.',
          };
    }
    if (h.heldUg < orderedUg * (1 - DRAW_TOLERANCE)) {
      return {
        tone: 'yellow',
        title: `Draw ${formatMg(orderedUg - h.heldUg)} before starting`,
        text: `${formatMg(orderedUg)} ordered, ${formatMg(h.heldUg)} drawn. ${byHand ? 'No dose can be given' : 'The pump will not start'} until the dose is drawn from a logged vial.`,
      };
    }
    return {
      tone: 'teal',
      title: `Dose drawn: ${formatMg(h.heldUg)}`,
      text:
        h.heldUg > orderedUg
          ? `${formatMg(h.heldUg - orderedUg)} more than the ${formatMg(orderedUg)} ordered: waste or return the rest after the ${byHand ? 'session' : 'infusion'}.`
          : byHand
            ? 'Ready for the first dose.'
            : 'Ready to start the pump.',
    };
  }
  if (stage === 'infusing' || stage === 'paused') {
    return {
      tone: 'blue',
      title: `${formatMg(h.heldUg)} ${byHand ? 'held for the session' : 'in the line'}`,
      text: byHand
        ? 'Each dose is recorded as given when charted; after the last, the rest is wasted or returned.'
        : 'What the pump gives is recorded as given when it stops; the rest is then wasted or returned.',
    };
  }
  if (h.heldUg > 0) {
    return {
      tone: 'red',
      title: `${formatMg(h.heldUg)} unreconciled`,
      text:
        stage === 'recovery'
          ? 'Waste it with a witness or return it to its vial before discharge.'
          : 'This session is closed with drug unaccounted for: record a correction or adjustment in the Ledger and tell the registrant.',
    };
  }
  return h.drawnUg > 0
    ? { tone: 'teal', title: 'Reconciled', text: 'Drawn = given + wasted + returned.' }
    : { tone: 'gray', title: 'Nothing drawn', text: 'No ketamine was drawn for this session.' };
}

const needIcons = {
  gray: IconInfoCircle,
  yellow: IconAlertTriangle,
  red: IconAlertTriangle,
  blue: IconInfoCircle,
  teal: IconCircleCheck,
} as const;

function Figure({ label, ug, strong = false }: { label: string; ug: number; strong?: boolean }) {
  return (
    <Paper
      withBorder
      px={2}
      py={6}
      radius="md"
      ta="center"
      bg={strong && ug > 0 ? 'var(--mantine-color-orange-light)' : undefined}
    >
      {/* Small capitals so "Returned" fits a fifth of the console's side column. */}
      <Text fz={10} c="dimmed" fw={700} tt="uppercase" lh={1.2}>
        {label}
      </Text>
      <Text fw={800} size="sm" className="ok-figure" style={{ whiteSpace: 'nowrap' }}>
        {formatMg(ug)}
      </Text>
    </Paper>
  );
}

function drawableLabel(c: LedgerContainer): string {
  return `${c.label} · ${c.status === 'open' ? 'open' : 'sealed'} · ${formatMg(c.balanceUg)} (${formatMl(c.balanceUg, c.mgPerMl)}) · lot ${c.lot}`;
}

/** mL to prefill: what is still to draw for the order, at this vial's strength, at most what it holds. */
function prefillMl(c: LedgerContainer | undefined, toDrawUg: number): number | '' {
  if (!c || toDrawUg <= 0) {
    return '';
  }
  const wanted = mlFor(toDrawUg / 1000, c.mgPerMl);
  const held = Math.floor((c.balanceUg / 1000 / c.mgPerMl) * 100 + 1e-9) / 100;
  return Math.min(wanted, held);
}

function DrawForm({
  infusion,
  ledger,
  onDone,
  onCancel,
}: {
  infusion: Infusion;
  ledger: InfusionLedger;
  onDone: () => void;
  onCancel: () => void;
}) {
  const orderedUg = infusion.doseOrder ? mgToUg(Math.round(infusion.doseOrder.doseMg * 1000) / 1000) : 0;
  const toDrawUg = Math.max(0, orderedUg - ledger.holding.heldUg);
  const [containerId, setContainerId] = useState<string | null>(ledger.drawable[0]?.id ?? null);
  const [volume, setVolume] = useState<number | string>(() => prefillMl(ledger.drawable[0], toDrawUg));
  const [touched, setTouched] = useState(false);
  const { busy, failure, errors, setErrors, run } = useSubmit();
  const container = ledger.drawable.find((c) => c.id === containerId);
  const ml = optionalNumber(volume);
  const drawUg = container && ml != null && ml > 0 ? mlToUg(ml, container.mgPerMl) : null;
  const short = container && toDrawUg > 0 && drawUg != null && drawUg < toDrawUg * (1 - DRAW_TOLERANCE);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!containerId) {
      setErrors({ containerId: 'Pick the vial you draw from' });
      return;
    }
    if (ml == null || ml <= 0) {
      setErrors({ volumeMl: 'The mL drawn into the syringe' });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.draw({ infusionId: infusion.id, containerId, volumeMl: ml }));
    if (result) {
      notifySaved(
        `${formatMg(result.entries[0]?.quantityUg ?? 0)} drawn from ${container?.label ?? 'the vial'}.`,
        'Drawn',
      );
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Draw">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        {orderedUg > 0 ? (
          <Text size="sm">
            Ordered <strong>{formatMg(orderedUg)}</strong>
            {ledger.holding.heldUg > 0 ? `, ${formatMg(ledger.holding.heldUg)} already drawn` : ''}
            {toDrawUg > 0 && container
              ? ` — ${formatMg(toDrawUg)} is ${formatMl(toDrawUg, container.mgPerMl)} at ${container.mgPerMl} mg/mL.`
              : '.'}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No dose is ordered yet: enter the volume drawn.
          </Text>
        )}
        <Select
          label="Vial"
          description="Open vials first, so a started vial is finished before a new one is broken"
          required
          data={ledger.drawable.map((c) => ({ value: c.id, label: drawableLabel(c) }))}
          value={containerId}
          onChange={(id) => {
            setContainerId(id);
            if (!touched) {
              setVolume(
                prefillMl(
                  ledger.drawable.find((c) => c.id === id),
                  toDrawUg,
                ),
              );
            }
          }}
          error={errors.containerId}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          label="Volume drawn (mL)"
          required
          min={0}
          step={0.1}
          decimalScale={2}
          value={volume}
          onChange={(v) => {
            setTouched(true);
            setVolume(v);
          }}
          error={errors.volumeMl}
          rightSection={<Text size="xs">mL</Text>}
          maw={220}
          data-autofocus
        />
        {drawUg != null ? (
          <Text size="sm" fw={600} role="status">
            = {formatMg(drawUg)}
            {short ? ' — less than still to draw: draw the rest from another vial' : ''}
          </Text>
        ) : null}
        {container && drawUg != null && drawUg > container.balanceUg ? (
          <Text size="sm" c="red.8">
            {container.label} holds only {formatMl(container.balanceUg, container.mgPerMl)}.
          </Text>
        ) : null}
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record draw"
          icon={<IconVaccine size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

const wasteMethods = [
  'drug disposal pouch',
  'pharmaceutical waste container (black bin)',
  'chemical digestion cartridge',
];

function WasteForm({
  infusion,
  ledger,
  onDone,
  onCancel,
}: {
  infusion: Infusion;
  ledger: InfusionLedger;
  onDone: () => void;
  onCancel: () => void;
}) {
  const user = useStaffUser();
  const [amount, setAmount] = useState<number | string>(ledger.holding.heldUg / 1000);
  const [method, setMethod] = useState('drug disposal pouch');
  const [witness, setWitness] = useState<WitnessValue>(emptyWitness);
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const quantityMg = optionalNumber(amount);
    const issues = checkWitness(witness, user.email);
    if (quantityMg == null || quantityMg <= 0) {
      issues.quantityMg = 'The mg wasted';
    } else if (mgToUg(Math.round(quantityMg * 1000) / 1000) > ledger.holding.heldUg) {
      issues.quantityMg = `At most the ${formatMg(ledger.holding.heldUg)} held`;
    }
    if (!method.trim()) {
      issues.method = 'How it was made unrecoverable';
    }
    if (Object.keys(issues).length || quantityMg == null) {
      setErrors(issues);
      return;
    }
    setErrors({});
    const result = await run(
      () => ledgerApi.waste({ infusionId: infusion.id, quantityMg, method: method.trim(), witness }),
      onWitnessRefusal(setWitness, setErrors),
    );
    if (result) {
      const w = result.entries[0];
      notifySaved(
        `${formatMg(w?.quantityUg ?? 0)} wasted${w?.witnessName ? `, witnessed by ${w.witnessName}` : ' with a witness'}.`,
        'Wasted',
      );
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Waste">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <NumberInput
          label="Amount wasted (mg)"
          description={`${formatMg(ledger.holding.heldUg)} held for this session`}
          required
          min={0}
          decimalScale={3}
          value={amount}
          onChange={setAmount}
          error={errors.quantityMg}
          maw={260}
        />
        <Autocomplete
          label="Method"
          description="How it was made unrecoverable"
          required
          data={wasteMethods}
          value={method}
          onChange={setMethod}
          error={errors.method}
          comboboxProps={{ withinPortal: true }}
        />
        <WitnessFields what="the waste" value={witness} onChange={setWitness} errors={errors} />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record waste"
          color="orange"
          icon={<IconRecycle size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

function ReturnForm({
  infusion,
  ledger,
  onDone,
  onCancel,
}: {
  infusion: Infusion;
  ledger: InfusionLedger;
  onDone: () => void;
  onCancel: () => void;
}) {
  // A return goes back only to a vial it was drawn from, at most what was drawn from it.
  const labelOf = (id: string) =>
    ledger.drawable.find((c) => c.id === id)?.label ??
    ledger.entries.find((e) => e.containerId === id)?.containerLabel ??
    'vial';
  const sources = Object.entries(ledger.holding.netByContainer)
    .filter(([, ug]) => ug > 0)
    .map(([id, ug]) => ({ id, maxUg: Math.min(ug, ledger.holding.heldUg) }));
  const [containerId, setContainerId] = useState<string | null>(sources[0]?.id ?? null);
  const source = sources.find((s) => s.id === containerId);
  const [amount, setAmount] = useState<number | string>(source ? source.maxUg / 1000 : '');
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const quantityMg = optionalNumber(amount);
    if (!containerId) {
      setErrors({ containerId: 'The vial it was drawn from' });
      return;
    }
    if (quantityMg == null || quantityMg <= 0) {
      setErrors({ quantityMg: 'The mg returned' });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.return({ infusionId: infusion.id, containerId, quantityMg }));
    if (result) {
      notifySaved(
        `${formatMg(result.entries[0]?.quantityUg ?? 0)} returned to ${labelOf(containerId)}.`,
        'Returned',
      );
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Return">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <Select
          label="Back into vial"
          description="Only a vial this session drew from"
          required
          data={sources.map((s) => ({ value: s.id, label: `${labelOf(s.id)} · up to ${formatMg(s.maxUg)}` }))}
          value={containerId}
          onChange={(id) => {
            setContainerId(id);
            const s = sources.find((x) => x.id === id);
            setAmount(s ? s.maxUg / 1000 : '');
          }}
          error={errors.containerId}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          label="Amount returned (mg)"
          required
          min={0}
          decimalScale={3}
          value={amount}
          onChange={setAmount}
          error={errors.quantityMg}
          maw={260}
        />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record return"
          icon={<IconArrowBackUp size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

type Action = 'draw' | 'waste' | 'return';
const actionTitles: Record<Action, string> = {
  draw: 'Draw ketamine for this session',
  waste: 'Waste with a witness',
  return: 'Return to the vial',
};

export function LedgerPanel({ infusion }: { infusion: Infusion }) {
  const { can } = usePermissions();
  const canRecord = can('ledger.record');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  // The live view changes with every reading; the ledger only when the dose, pump, doses given or stage do.
  const liveKey = `${infusion.stage}|${infusion.pump.length}|${infusion.administrations.length}|${infusion.doseOrder?.doseMg ?? ''}|${infusion.totalDoseMg ?? ''}`;
  const ledger = useResource(
    `infusion-ledger:${infusion.id}`,
    // Each answer remembers which state of the session it was asked for, so the panel can say when it
    // is still showing the ledger from before the last change (data-fresh).
    (signal) => ledgerApi.forInfusion(infusion.id, signal).then((d) => ({ ...d, askedFor: liveKey })),
    // Another nurse may draw or waste from their own device: look again now and then.
    60_000,
  );
  const [action, setAction] = useState<Action | null>(null);

  const seen = useRef(liveKey);
  const { reload } = ledger;
  useEffect(() => {
    if (seen.current !== liveKey) {
      seen.current = liveKey;
      reload();
    }
  }, [liveKey, reload]);

  const data = ledger.data;
  if (!data) {
    return ledger.error ? (
      <Card padding="md">
        <ErrorState error={ledger.error} onRetry={ledger.reload} />
      </Card>
    ) : null;
  }
  if (!data.inUse) {
    return null;
  }

  const h = data.holding;
  const closed = infusion.stage === 'discharged' || infusion.stage === 'cancelled';
  // Drug is drawn before and during the infusion; in recovery it is only settled (wasted or returned).
  const drawOpen =
    infusion.stage === 'precheck' || infusion.stage === 'infusing' || infusion.stage === 'paused';
  const need = needOf(infusion, h);
  const NeedIcon = needIcons[need.tone];
  const done = () => {
    setAction(null);
    ledger.reload();
  };
  const props = { infusion, ledger: data, onDone: done, onCancel: () => setAction(null) };
  const forms: Record<Action, ReactNode> = {
    draw: <DrawForm {...props} />,
    waste: <WasteForm {...props} />,
    return: <ReturnForm {...props} />,
  };

  return (
    <Card
      padding="md"
      data-testid="ledger-panel"
      data-held-ug={h.heldUg}
      data-fresh={data.askedFor === liveKey}
    >
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h5">
          Ketamine ledger
        </Title>
        {h.heldUg > 0 ? (
          <Badge color="orange" variant="light" tt="none">
            {formatMg(h.heldUg)} held
          </Badge>
        ) : null}
      </Group>
      <Stack gap="sm">
        <Alert
          color={need.tone}
          variant={need.tone === 'red' ? 'filled' : 'light'}
          icon={<NeedIcon aria-hidden />}
          title={need.title}
          role={need.tone === 'red' || need.tone === 'yellow' ? 'alert' : 'status'}
          data-testid="ledger-need"
          data-tone={need.tone}
          p="xs"
        >
          {need.text}
        </Alert>
        <SimpleGrid
          cols={{ base: 3, xs: 5 }}
          spacing={4}
          aria-label="Drawn, given, wasted, returned and held"
        >
          <Figure label="Drawn" ug={h.drawnUg} />
          <Figure label="Given" ug={h.administeredUg} />
          <Figure label="Wasted" ug={h.wastedUg} />
          <Figure label="Returned" ug={h.returnedUg} />
          <Figure label="Held" ug={h.heldUg} strong />
        </SimpleGrid>
        {canRecord && !closed ? (
          <Group gap="xs" grow wrap="nowrap">
            {drawOpen ? (
              <Button
                px={8}
                variant={need.tone === 'yellow' ? 'filled' : 'default'}
                color={need.tone === 'yellow' ? 'yellow' : undefined}
                c={need.tone === 'yellow' ? 'dark.9' : undefined}
                leftSection={phone ? null : <IconVaccine size={18} aria-hidden />}
                onClick={() => setAction('draw')}
                disabled={data.drawable.length === 0}
              >
                Draw…
              </Button>
            ) : null}
            <Button
              px={8}
              variant={need.tone === 'red' ? 'filled' : 'default'}
              color={need.tone === 'red' ? 'orange' : undefined}
              leftSection={phone ? null : <IconRecycle size={18} aria-hidden />}
              onClick={() => setAction('waste')}
              disabled={h.heldUg <= 0}
            >
              Waste…
            </Button>
            <Button
              px={8}
              variant="default"
              leftSection={phone ? null : <IconArrowBackUp size={18} aria-hidden />}
              onClick={() => setAction('return')}
              disabled={h.heldUg <= 0}
            >
              Return…
            </Button>
          </Group>
        ) : null}
        {canRecord && drawOpen && data.drawable.length === 0 ? (
          <Text size="xs" c="dimmed">
            No vial can be drawn from (none in date with drug left): receive stock in the Ledger.
          </Text>
        ) : null}
        {data.entries.length ? (
          <Stack
            gap={4}
            component="ol"
            aria-label="This session's ledger entries"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {data.entries.map((e) => (
              <Box component="li" key={e.id}>
                <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
                  <Group gap={6} wrap="nowrap" miw={0} align="flex-start">
                    <Text size="xs" c="dimmed" className="ok-figure" w={36} style={{ flexShrink: 0 }}>
                      {formatTime(e.occurredAt)}
                    </Text>
                    <Box style={{ flexShrink: 0 }}>
                      <KindBadge kind={e.kind} />
                    </Box>
                    <Text size="xs" miw={0}>
                      {[e.containerLabel, e.witnessName ? `witness ${e.witnessName}` : null, e.reason]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Group>
                  <Text size="xs" fw={700} className="ok-figure" style={{ whiteSpace: 'nowrap' }}>
                    {formatMg(e.quantityUg)}
                  </Text>
                </Group>
              </Box>
            ))}
          </Stack>
        ) : null}
      </Stack>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? actionTitles[action] : ''}
        fullScreen={phone}
        size="md"
        centered
      >
        {action ? forms[action] : null}
      </Modal>
    </Card>
  );
}
