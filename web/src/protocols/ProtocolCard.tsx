// One protocol, read-only: the numbers a clinician checks, its notes and where they come from.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Protocol } from '../api/types.ts';
import { routeLabels } from '../infusions/protocol.ts';
import { routes, type RouteId } from '@openkap/domain/dosing/routes';
import { defaultScreeningConfig } from '@openkap/domain/screening/screen';
import { indicationLabels } from './api.ts';
import { ProtocolForm } from './ProtocolForm.tsx';
import { ruleLabel } from './AlertRulesFields.tsx';

/** Share of the dose that reaches the circulation by this route (domain table, cited there). */
function bioavailability(route: RouteId): string {
  const { min, max } = routes[route].bioavailability;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return min === max ? pct(min) : `${pct(min)}–${pct(max)}`;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      <Text size="sm" className="ok-figure">
        {children}
      </Text>
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Actual, weighed ≤ 30 d before" / "Adjusted from BMI 40, weighed ≤ 30 d before". */
function dosingWeightText(p: Protocol): string {
  const rule = p.dosingWeight;
  if (!rule) {
    return 'Actual body weight';
  }
  const basis =
    rule.basis === 'actual'
      ? 'Actual body weight'
      : `${rule.basis === 'adjusted' ? 'Adjusted' : 'Ideal'} from BMI ${rule.fromBmi}`;
  return `${basis}; weighed ≤ ${plural(rule.maxAgeDays, 'day')} before`;
}

export function ProtocolCard({
  protocol: p,
  canEdit,
  onSaved,
}: {
  protocol: Protocol;
  canEdit: boolean;
  onSaved: (p: Protocol) => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const { limits } = p.dose;
  const headingId = `protocol-${p.id}`;

  return (
    <Card component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {p.title}
            </Title>
            <Group gap={6} mt={4}>
              <Badge variant="light">{routeLabels[p.route] ?? p.route}</Badge>
              <Badge variant="light" color="gray">
                {indicationLabels[p.indication]}
              </Badge>
            </Group>
          </div>
          {canEdit ? (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={open}
              aria-label={`Edit ${p.title}`}
            >
              Edit
            </Button>
          ) : null}
        </Group>

        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
          <Fact label="Default dose">{p.dose.defaultMgPerKg} mg/kg</Fact>
          <Fact label="Allowed range">
            {limits.minMgPerKg}–{limits.maxMgPerKg} mg/kg
          </Fact>
          <Fact label="Hard maximum">
            {limits.hardMaxMgPerKg} mg/kg
            {limits.maxTotalMg ? ` (≤ ${limits.maxTotalMg} mg)` : ''}
          </Fact>
          <Fact label="Duration">
            {p.dose.durationMin == null ? 'Single dose' : `${p.dose.durationMin} min`}
          </Fact>
          {p.route === 'iv' ? (
            <Fact label="Infusion hard stops">
              {[
                limits.minDurationMin != null ? `≥ ${limits.minDurationMin} min` : null,
                limits.maxMgPerKgPerHour != null ? `≤ ${limits.maxMgPerKgPerHour} mg/kg/h` : null,
                limits.maxMgPerHour != null ? `≤ ${limits.maxMgPerHour} mg/h` : null,
              ]
                .filter((x) => x != null)
                .join(' · ')}
            </Fact>
          ) : null}
          <Fact label="Dosing weight">{dosingWeightText(p)}</Fact>
          <Fact label="Bioavailability">{bioavailability(p.route)}</Fact>
          <Fact label="Vial">{p.preparation.vialConcentrationMgPerMl} mg/mL</Fact>
          <Fact label="Diluent">
            {p.preparation.diluentVolumeMl > 0
              ? `${p.preparation.diluentVolumeMl} mL ${p.preparation.diluent ?? ''}`.trim()
              : 'None (undiluted)'}
          </Fact>
          <Fact label="Induction">
            {plural(p.induction.sessions, p.sessionNoun.toLowerCase())}, ≥{' '}
            {plural(p.induction.minDaysBetween, 'day')} apart, ≤ {p.induction.maxSessionsPerWeek}/week
          </Fact>
          <Fact label="Booster interval">{plural(p.booster.defaultIntervalDays, 'day')}</Fact>
          <Fact label="Observation before discharge">≥ {p.recovery.minObservationMin} min</Fact>
          <Fact label="Recent stroke or heart attack">
            ≤{' '}
            {plural(
              p.screening?.recentEventWindowDays ?? defaultScreeningConfig.recentEventWindowDays,
              'day',
            )}{' '}
            ago
          </Fact>
        </SimpleGrid>
        <Text size="sm">
          <Text span fw={700}>
            Alerts:{' '}
          </Text>
          {p.alerts
            .filter((r) => r.enabled)
            .map((r) => `${ruleLabel(r)} ${r.limit}${r.sustainMs ? ` for ${r.sustainMs / 60_000} min` : ''}`)
            .join(' · ') || 'none'}
        </Text>

        {p.notes.length ? (
          <List size="sm" spacing={2}>
            {p.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        ) : null}
        {p.sources.length ? (
          <Stack gap={2}>
            <Text size="xs" fw={700} c="dimmed">
              Sources
            </Text>
            {p.sources.map((source) =>
              /^https?:\/\//.test(source) ? (
                <Anchor
                  key={source}
                  href={source}
                  target="_blank"
                  rel="noreferrer"
                  size="xs"
                  style={{ wordBreak: 'break-all' }}
                >
                  {source}
                </Anchor>
              ) : (
                <Text key={source} size="xs">
                  {source}
                </Text>
              ),
            )}
          </Stack>
        ) : null}
      </Stack>

      {canEdit ? (
        <Modal opened={opened} onClose={close} title={`Edit ${p.title}`} size="lg">
          {opened ? (
            <ProtocolForm
              protocol={p}
              onCancel={close}
              onSaved={(saved) => {
                onSaved(saved);
                close();
              }}
            />
          ) : null}
        </Modal>
      ) : null}
    </Card>
  );
}
