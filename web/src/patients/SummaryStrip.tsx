// The chart's first line: the facts a clinician checks before anything else.
import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDownRight,
  IconArrowRight,
  IconArrowUpRight,
  IconCalendarDue,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Patient } from '../api/types.ts';
import { formatDate } from '../app/format.ts';
import { PlanPicker } from './PlanPicker.tsx';

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={4} data-testid={testId} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Phq9Trend({ patient }: { patient: Patient }) {
  const phq = patient.questionnaires
    .filter((q) => q.instrument === 'phq9' && q.total != null)
    .sort((a, b) => a.authoredAt.localeCompare(b.authoredAt));
  const last = phq[phq.length - 1];
  const previous = phq[phq.length - 2];
  if (!last || last.total == null) {
    return <Text c="dimmed">No PHQ-9 yet</Text>;
  }
  const delta = previous?.total != null ? last.total - previous.total : null;
  let trend: ReactNode = null;
  if (delta !== null) {
    if (delta < 0) {
      trend = (
        <Badge color="teal" variant="light" leftSection={<IconArrowDownRight size={14} aria-hidden />}>
          Improving ({delta})
        </Badge>
      );
    } else if (delta > 0) {
      trend = (
        <Badge color="red" variant="light" leftSection={<IconArrowUpRight size={14} aria-hidden />}>
          Worse (+{delta})
        </Badge>
      );
    } else {
      trend = (
        <Badge color="gray" variant="light" leftSection={<IconArrowRight size={14} aria-hidden />}>
          No change
        </Badge>
      );
    }
  }
  return (
    <Group gap="xs" align="baseline" wrap="wrap">
      <Text fz={26} fw={700} className="ok-figure">
        {last.total}
      </Text>
      <Text size="sm">{last.bandLabel ?? ''}</Text>
      {trend}
    </Group>
  );
}

function PlanProgress({ patient, onChange }: { patient: Patient; onChange: (p: Patient) => void }) {
  const plan = patient.plan;
  if (!plan) {
    return <PlanPicker patientId={patient.id} onChange={onChange} />;
  }
  if (plan.phase === 'booster') {
    return (
      <>
        <Text fw={600}>{plan.nextLabel ?? 'Booster phase'}</Text>
        <Text size="sm" c="dimmed">
          {plan.protocolName} · {plan.completedInfusions} infusions so far
        </Text>
      </>
    );
  }
  const next = Math.min(plan.completedInfusions + 1, plan.inductionCount);
  return (
    <>
      <Text fw={600}>{plan.nextLabel ?? `Infusion ${next} of ${plan.inductionCount}`}</Text>
      <Progress
        value={(plan.completedInfusions / Math.max(1, plan.inductionCount)) * 100}
        size="sm"
        aria-label={`${plan.completedInfusions} of ${plan.inductionCount} induction infusions completed`}
      />
      <Text size="xs" c="dimmed">
        {plan.completedInfusions} done · {plan.protocolName}
      </Text>
    </>
  );
}

export function SummaryStrip({
  patient,
  today,
  onChange,
}: {
  patient: Patient;
  today: string;
  onChange: (p: Patient) => void;
}) {
  const weight = patient.weights[0];
  const boosterDue = patient.plan?.nextBoosterDue ?? null;
  const overdue = boosterDue !== null && boosterDue < today;
  return (
    <Card>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="lg" verticalSpacing="md">
        <Stat label="Indication">
          <Text fw={600}>{patient.indicationCode}</Text>
          {patient.indicationText ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {patient.indicationText}
            </Text>
          ) : null}
        </Stat>
        <Stat label="Age · weight">
          <Text fw={600}>
            {patient.ageYears} y · {weight ? `${weight.kg} kg` : 'no weight'}
          </Text>
          <Text size="xs" c="dimmed">
            {weight ? `weighed ${formatDate(weight.measuredOn)}` : 'Add a weight before dosing'}
          </Text>
        </Stat>
        <Stat label="Allergies">
          {patient.allergies.length ? (
            <Group gap={4}>
              {patient.allergies.map((a) => (
                <Badge
                  key={a}
                  color="red"
                  variant="light"
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                >
                  {a}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text fw={600}>No known allergies</Text>
          )}
        </Stat>
        <Stat label="Plan" testId="plan-progress">
          <PlanProgress patient={patient} onChange={onChange} />
        </Stat>
        <Stat label="Next booster due">
          {boosterDue ? (
            <Group gap={6}>
              <IconCalendarDue size={18} aria-hidden />
              <Text fw={600}>{formatDate(boosterDue)}</Text>
              {overdue ? (
                <Badge color="orange" variant="light">
                  Overdue
                </Badge>
              ) : null}
            </Group>
          ) : (
            <Text c="dimmed">{patient.plan?.phase === 'induction' ? 'After the series' : '—'}</Text>
          )}
        </Stat>
        <Stat label="Last PHQ-9">
          <Phq9Trend patient={patient} />
        </Stat>
      </SimpleGrid>
    </Card>
  );
}
