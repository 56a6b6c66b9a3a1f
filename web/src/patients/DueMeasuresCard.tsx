// "Due now": the questionnaires the plan's protocol asks for at this point (issue 4 cadence), so staff
// see at a glance what to enter or send before the next session. A clinician's scale (MADRS, the CADSS
// at the session) links straight to its staff form.
import { Anchor, Badge, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardList, IconStethoscope } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DueMeasure } from '../api/types.ts';
import { usePermissions } from '../app/permissions.ts';

export function DueMeasuresCard({ due, patientId }: { due: DueMeasure[]; patientId?: string }) {
  const { can } = usePermissions();
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Questionnaires due
        </Title>
        {due.length > 0 ? (
          <Badge color="orange" variant="light">
            {due.length} due
          </Badge>
        ) : null}
      </Group>
      {due.length === 0 ? (
        <Group gap="xs">
          <ThemeIcon color="teal" variant="light" size="sm" aria-hidden>
            <IconCircleCheck size={14} />
          </ThemeIcon>
          <Text size="sm">Nothing due now under this protocol.</Text>
        </Group>
      ) : (
        <List spacing="xs" size="sm" center>
          {due.map((d) => (
            <List.Item
              key={d.instrumentId}
              icon={
                <ThemeIcon
                  color={d.clinicianRated ? 'grape' : 'orange'}
                  variant="light"
                  size="sm"
                  aria-hidden
                >
                  {d.clinicianRated ? <IconStethoscope size={14} /> : <IconClipboardList size={14} />}
                </ThemeIcon>
              }
            >
              <Text span fw={600} size="sm">
                {d.shortTitle}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                {d.reason}
                {d.clinicianRated ? ' · staff enter it' : ' · patient answers'}
              </Text>
              {d.clinicianRated && patientId && can('questionnaires.rate') ? (
                <>
                  {' '}
                  <Anchor
                    component={Link}
                    to={`/app/patients/${patientId}/questionnaire/${d.instrumentId}`}
                    size="sm"
                    fw={600}
                  >
                    Enter {d.shortTitle}
                  </Anchor>
                </>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
