// Edits a protocol's numbers. The whole protocol goes back with the edits; ProtocolSchema checks it here
// first (limits must agree; an IV protocol needs a duration, a minimum duration and a rate ceiling) and
// the server's 400 issues land inline.
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ProtocolSchema } from '@openkap/domain/plans/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import type { Protocol } from '../api/types.ts';
import { check, optionalNumber, type FieldErrors } from '../api/validate.ts';
import { protocolsApi } from './api.ts';
import { AlertRulesFields } from './AlertRulesFields.tsx';
import { SafetyFields } from './SafetyFields.tsx';
import { sessionSafetyOf, type SessionSafety } from '@openkap/domain/infusions/session-safety';
import type { VitalAlertRule } from '@openkap/domain/monitoring/alerts';
import { defaultScreeningConfig } from '@openkap/domain/screening/screen';
import {
  defaultDosingWeightRule,
  suggestedFromBmi,
  type WeightBasis,
} from '@openkap/domain/dosing/dosing-weight';

/** Editable numbers, keyed by their path in the protocol (also the path of Zod and server issues). */
const numberFields = [
  { path: 'dose.defaultMgPerKg', label: 'Default dose', suffix: ' mg/kg', decimals: 3 },
  { path: 'dose.limits.minMgPerKg', label: 'Minimum', suffix: ' mg/kg', decimals: 3 },
  { path: 'dose.limits.maxMgPerKg', label: 'Maximum', suffix: ' mg/kg', decimals: 3 },
  { path: 'dose.limits.hardMaxMgPerKg', label: 'Hard maximum', suffix: ' mg/kg', decimals: 3 },
  { path: 'dose.durationMin', label: 'Duration', suffix: ' min', decimals: 0 },
  // Infusion hard stops (IV only).
  { path: 'dose.limits.minDurationMin', label: 'Minimum duration', suffix: ' min', decimals: 0 },
  { path: 'dose.limits.maxMgPerKgPerHour', label: 'Maximum rate', suffix: ' mg/kg/h', decimals: 3 },
  { path: 'dose.limits.maxMgPerHour', label: 'Cap per hour', suffix: ' mg/h', decimals: 1 },
  { path: 'dose.limits.maxTotalMg', label: 'Cap per session', suffix: ' mg', decimals: 1 },
  // Dosing weight.
  { path: 'dosingWeight.fromBmi', label: 'From BMI', suffix: ' kg/m²', decimals: 1 },
  { path: 'dosingWeight.maxAgeDays', label: 'Weight valid for', suffix: ' d', decimals: 0 },
  {
    path: 'preparation.vialConcentrationMgPerMl',
    label: 'Vial concentration',
    suffix: ' mg/mL',
    decimals: 1,
  },
  { path: 'preparation.diluentVolumeMl', label: 'Diluent volume', suffix: ' mL', decimals: 0 },
  { path: 'induction.sessions', label: 'Induction sessions', suffix: '', decimals: 0 },
  { path: 'induction.minDaysBetween', label: 'Days between sessions (at least)', suffix: ' d', decimals: 0 },
  { path: 'induction.maxSessionsPerWeek', label: 'Sessions per week (at most)', suffix: '', decimals: 0 },
  { path: 'booster.defaultIntervalDays', label: 'Booster interval', suffix: ' d', decimals: 0 },
  { path: 'recovery.minObservationMin', label: 'Observation before discharge', suffix: ' min', decimals: 0 },
  {
    path: 'screening.recentEventWindowDays',
    label: 'Recent stroke or heart attack: within',
    suffix: ' d',
    decimals: 0,
  },
] as const;

type NumberPath = (typeof numberFields)[number]['path'];

const descriptions: Partial<Record<NumberPath, string>> = {
  'dose.durationMin': 'Leave empty for a single dose (IM, intranasal)',
  'dose.limits.maxMgPerHour': 'Empty: no hourly cap',
  'dose.limits.maxTotalMg': 'Empty: no cap per session',
  'dosingWeight.fromBmi': 'Adjusted or ideal weight from this BMI, actual below (40: extreme obesity)',
  'dosingWeight.maxAgeDays': 'An older weight blocks the order until re-weighed',
  'screening.recentEventWindowDays':
    'A contraindication within this many days; older events are still flagged (Spravato EU label: 6 weeks = 42 d)',
};
type Values = Record<NumberPath, number | string>;

function valuesOf(p: Protocol): Values {
  return {
    'dose.defaultMgPerKg': p.dose.defaultMgPerKg,
    'dose.limits.minMgPerKg': p.dose.limits.minMgPerKg,
    'dose.limits.maxMgPerKg': p.dose.limits.maxMgPerKg,
    'dose.limits.hardMaxMgPerKg': p.dose.limits.hardMaxMgPerKg,
    'dose.durationMin': p.dose.durationMin ?? '',
    'dose.limits.minDurationMin': p.dose.limits.minDurationMin ?? '',
    'dose.limits.maxMgPerKgPerHour': p.dose.limits.maxMgPerKgPerHour ?? '',
    'dose.limits.maxMgPerHour': p.dose.limits.maxMgPerHour ?? '',
    'dose.limits.maxTotalMg': p.dose.limits.maxTotalMg ?? '',
    'dosingWeight.fromBmi': p.dosingWeight?.fromBmi ?? '',
    'dosingWeight.maxAgeDays': p.dosingWeight?.maxAgeDays ?? defaultDosingWeightRule.maxAgeDays,
    'preparation.vialConcentrationMgPerMl': p.preparation.vialConcentrationMgPerMl,
    'preparation.diluentVolumeMl': p.preparation.diluentVolumeMl,
    'induction.sessions': p.induction.sessions,
    'induction.minDaysBetween': p.induction.minDaysBetween,
    'induction.maxSessionsPerWeek': p.induction.maxSessionsPerWeek,
    'booster.defaultIntervalDays': p.booster.defaultIntervalDays,
    'recovery.minObservationMin': p.recovery.minObservationMin,
    'screening.recentEventWindowDays':
      p.screening?.recentEventWindowDays ?? defaultScreeningConfig.recentEventWindowDays,
  };
}

const basisOptions = [
  { value: 'actual', label: 'Actual body weight' },
  { value: 'adjusted', label: 'Adjusted body weight' },
  { value: 'ideal', label: 'Ideal body weight' },
];

/** The whole protocol with the edits in place; an empty number stays undefined so Zod says "Required". */
function withEdits(
  p: Protocol,
  v: Values,
  diluent: string,
  alerts: VitalAlertRule[],
  basis: WeightBasis,
): Protocol {
  const n = (path: NumberPath) => optionalNumber(v[path]) as number;
  // Infusion limits only for IV: an empty cap is "no cap" (null per hour, absent per session).
  const pumpLimits =
    p.route === 'iv'
      ? {
          minDurationMin: n('dose.limits.minDurationMin'),
          maxMgPerKgPerHour: n('dose.limits.maxMgPerKgPerHour'),
          maxMgPerHour: optionalNumber(v['dose.limits.maxMgPerHour']) ?? null,
          maxTotalMg: optionalNumber(v['dose.limits.maxTotalMg']),
        }
      : {};
  return {
    ...p,
    dose: {
      ...p.dose,
      defaultMgPerKg: n('dose.defaultMgPerKg'),
      durationMin: optionalNumber(v['dose.durationMin']) ?? null,
      limits: {
        ...p.dose.limits,
        minMgPerKg: n('dose.limits.minMgPerKg'),
        maxMgPerKg: n('dose.limits.maxMgPerKg'),
        hardMaxMgPerKg: n('dose.limits.hardMaxMgPerKg'),
        ...pumpLimits,
      },
    },
    preparation: {
      vialConcentrationMgPerMl: n('preparation.vialConcentrationMgPerMl'),
      diluentVolumeMl: n('preparation.diluentVolumeMl'),
      diluent: diluent.trim() === '' ? null : diluent.trim(),
    },
    induction: {
      sessions: n('induction.sessions'),
      minDaysBetween: n('induction.minDaysBetween'),
      maxSessionsPerWeek: n('induction.maxSessionsPerWeek'),
    },
    booster: { defaultIntervalDays: n('booster.defaultIntervalDays') },
    recovery: { minObservationMin: n('recovery.minObservationMin') },
    screening: { recentEventWindowDays: n('screening.recentEventWindowDays') },
    alerts,
    dosingWeight: {
      basis,
      fromBmi: basis === 'actual' ? null : (optionalNumber(v['dosingWeight.fromBmi']) ?? null),
      maxAgeDays: n('dosingWeight.maxAgeDays'),
    },
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

export function ProtocolForm({
  protocol,
  onSaved,
  onCancel,
}: {
  protocol: Protocol;
  onSaved: (p: Protocol) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(protocol));
  const [diluent, setDiluent] = useState(protocol.preparation.diluent ?? '');
  const [alerts, setAlerts] = useState<VitalAlertRule[]>(() => [...protocol.alerts]);
  const [safety, setSafety] = useState<SessionSafety>(() => sessionSafetyOf(protocol));
  const [basis, setBasis] = useState<WeightBasis>(protocol.dosingWeight?.basis ?? 'actual');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The modal may be scrolled down to the Save button; bring the reason into view.
    if (failure) {
      failureRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [failure]);

  const field = (path: NumberPath) => {
    const spec = numberFields.find((f) => f.path === path);
    return (
      <NumberInput
        key={path}
        label={spec?.label}
        suffix={spec?.suffix}
        decimalScale={spec?.decimals}
        min={0}
        value={values[path]}
        onChange={(value) => setValues((v) => ({ ...v, [path]: value }))}
        error={errors[path]}
        description={descriptions[path]}
        disabled={path === 'dosingWeight.fromBmi' && basis === 'actual'}
      />
    );
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const body = { ...withEdits(protocol, values, diluent, alerts, basis), safety };
    const parsed = check(ProtocolSchema, body);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setFailure(parsed.errors.dose ?? 'Some fields need attention: see the messages under each field.');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { protocol: saved } = await protocolsApi.save(body);
      notifySaved(`${saved.title} saved. Plans started from now on use it.`, 'Protocol saved');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        const fieldErrors = error.fieldErrors();
        setErrors(fieldErrors);
        setFailure(fieldErrors.dose ?? fieldErrors[''] ?? error.message);
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${protocol.title}`}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Edits apply to treatment plans started after saving; running plans keep their copy.
        </Text>
        {failure ? (
          <Alert
            ref={failureRef}
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title="Protocol not saved"
            role="alert"
          >
            {failure}
          </Alert>
        ) : null}
        <Section title="Dose (minimum ≤ default ≤ maximum ≤ hard maximum)">
          {field('dose.defaultMgPerKg')}
          {field('dose.durationMin')}
          {field('dose.limits.minMgPerKg')}
          {field('dose.limits.maxMgPerKg')}
          {field('dose.limits.hardMaxMgPerKg')}
        </Section>
        {protocol.route === 'iv' ? (
          <Section title="Infusion hard stops (an order outside them is refused)">
            {field('dose.limits.minDurationMin')}
            {field('dose.limits.maxMgPerKgPerHour')}
            {field('dose.limits.maxMgPerHour')}
            {field('dose.limits.maxTotalMg')}
          </Section>
        ) : null}
        <Section title="Dosing weight">
          <Select
            label="Dose from"
            data={basisOptions}
            value={basis}
            allowDeselect={false}
            onChange={(value) => {
              const next = (value ?? 'actual') as WeightBasis;
              setBasis(next);
              if (next !== 'actual' && values['dosingWeight.fromBmi'] === '') {
                setValues((v) => ({ ...v, 'dosingWeight.fromBmi': suggestedFromBmi }));
              }
            }}
            error={errors['dosingWeight.basis']}
          />
          {field('dosingWeight.fromBmi')}
          {field('dosingWeight.maxAgeDays')}
        </Section>
        <Section title="Preparation">
          {field('preparation.vialConcentrationMgPerMl')}
          {field('preparation.diluentVolumeMl')}
          <TextInput
            label="Diluent"
            description="Empty when given undiluted"
            value={diluent}
            onChange={(e) => setDiluent(e.currentTarget.value)}
            error={errors['preparation.diluent']}
          />
        </Section>
        <Section title="Series and recovery">
          {field('induction.sessions')}
          {field('induction.minDaysBetween')}
          {field('induction.maxSessionsPerWeek')}
          {field('booster.defaultIntervalDays')}
          {field('recovery.minObservationMin')}
        </Section>
        <SafetyFields safety={safety} route={protocol.route} onChange={setSafety} errors={errors} />
        <Section title="Screening">{field('screening.recentEventWindowDays')}</Section>
        <AlertRulesFields rules={alerts} onChange={setAlerts} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            Save protocol
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
