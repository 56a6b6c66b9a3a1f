import { Card, Grid, List, Stack, Table, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconCalendarRepeat,
  IconClipboardHeart,
  IconDroplet,
  IconMessageCircle,
  IconSpray,
} from '@tabler/icons-react';
import { Section } from './Section.tsx';

export function SeriesSection() {
  return (
    <Section
      id="series"
      eyebrow="The course of treatment"
      title="A series first, then boosters tailored to you"
      intro="Treatment starts with a short series of infusions close together. After that, the timing of any further infusions depends on how you are doing."
      tinted
    >
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Timeline active={3} bulletSize={36} lineWidth={2} aria-label="Steps of treatment">
            <Timeline.Item
              bullet={<IconMessageCircle size={18} aria-hidden />}
              title={
                <Title order={3} size="h5">
                  Consultation and screening
                </Title>
              }
            >
              <Text c="dimmed" size="sm" mt={4}>
                A physician reviews your history, current medicines and other conditions, and whether ketamine
                is a reasonable option for you. You fill in short symptom questionnaires to set a starting
                point.
              </Text>
            </Timeline.Item>
            <Timeline.Item
              bullet={<IconDroplet size={18} aria-hidden />}
              title={
                <Title order={3} size="h5">
                  The infusion series
                </Title>
              }
            >
              <Text c="dimmed" size="sm" mt={4}>
                Several infusions over a few weeks — often six, but your physician sets the plan. Each visit
                has pre-checks, the infusion itself while you rest in a chair, and quiet recovery time
                afterwards.
              </Text>
            </Timeline.Item>
            <Timeline.Item
              bullet={<IconClipboardHeart size={18} aria-hidden />}
              title={
                <Title order={3} size="h5">
                  Checking progress
                </Title>
              }
            >
              <Text c="dimmed" size="sm" mt={4}>
                You answer the same questionnaires during the series, on your phone or at the clinic, so
                changes are measured rather than guessed.
              </Text>
            </Timeline.Item>
            <Timeline.Item
              bullet={<IconCalendarRepeat size={18} aria-hidden />}
              title={
                <Title order={3} size="h5">
                  Boosters when needed
                </Title>
              }
            >
              <Text c="dimmed" size="sm" mt={4}>
                If symptoms begin to return, a single booster infusion can restore the benefit. How often
                varies a lot from person to person; on average people come about every four weeks. Some need
                fewer, some more.
              </Text>
            </Timeline.Item>
          </Timeline>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card h="100%">
            <Stack gap="sm">
              <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                <IconSpray size={24} />
              </ThemeIcon>
              <Title order={3} size="h4">
                Why IV rather than a nasal spray?
              </Title>
              <Table withRowBorders verticalSpacing="xs" fz="sm">
                <caption
                  style={{
                    captionSide: 'top',
                    textAlign: 'left',
                    paddingBottom: 8,
                    color: 'var(--mantine-color-dimmed)',
                  }}
                >
                  Ketamine through a vein compared with ketamine sprayed into the nose
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col"> </Table.Th>
                    <Table.Th scope="col">IV infusion</Table.Th>
                    <Table.Th scope="col">Intranasal</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">Dose received</Table.Th>
                    <Table.Td>All of it, at a set rate</Table.Td>
                    <Table.Td>Only part is absorbed</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">Effect at the same dose</Table.Th>
                    <Table.Td>Stronger</Table.Td>
                    <Table.Td>Weaker; a higher dose does not fully make up for it</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">Consistency</Table.Th>
                    <Table.Td>Can be adjusted or stopped at once</Table.Td>
                    <Table.Td>Compounded sprays vary between pharmacies and devices</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <List size="sm" c="dimmed" spacing={4}>
                <List.Item>
                  We give ketamine by IV so the dose is exact and can be changed minute by minute.
                </List.Item>
              </List>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Section>
  );
}
