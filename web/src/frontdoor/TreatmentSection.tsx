import { Card, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconBrain, IconChartLine, IconFlask, IconInfoCircle } from '@tabler/icons-react';
import classes from './FrontDoor.module.css';
import { Section } from './Section.tsx';

export function TreatmentSection() {
  return (
    <Section
      id="treatment"
      eyebrow="The treatment"
      title="What ketamine is, and how it may help depression"
      intro="Ketamine is not new. What is newer is using small doses, given slowly and under supervision, to treat depression."
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <Card className={classes.factCard}>
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
            <IconFlask size={24} />
          </ThemeIcon>
          <Title order={3} size="h4" mt="md">
            A long-established medicine
          </Title>
          <Text mt="xs" c="dimmed">
            Ketamine was first made in 1962 and has been used as an anaesthetic ever since — in operating
            rooms, emergency departments and ambulances, and often for children. It is on the World Health
            Organization&rsquo;s list of essential medicines. Its use for depression, at much lower doses, has
            been studied for over twenty years.
          </Text>
        </Card>
        <Card className={classes.factCard}>
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
            <IconBrain size={24} />
          </ThemeIcon>
          <Title order={3} size="h4" mt="md">
            How it works
          </Title>
          <Text mt="xs" c="dimmed">
            Ketamine acts on the brain&rsquo;s glutamate system (the NMDA receptor) and raises BDNF, a protein
            that helps nerve cells grow new connections. Depression is linked to a loss of these connections;
            rebuilding them is thought to explain why ketamine can act within hours or days rather than weeks.
            It also acts on opioid receptors, which may add to its effect on mood and pain.
          </Text>
        </Card>
        <Card className={classes.factCard}>
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
            <IconChartLine size={24} />
          </ThemeIcon>
          <Title order={3} size="h4" mt="md">
            How well it works
          </Title>
          <Text mt="xs" c="dimmed">
            In reports on IV ketamine for depression, most people — the figure often quoted is about seven in
            ten — have a clear drop in symptoms, including many whose depression had not responded to
            antidepressants. Not everyone responds, and no one can tell in advance who will. We track your
            symptoms with short questionnaires so you and your clinician can see whether it is helping you.
          </Text>
        </Card>
      </SimpleGrid>

      <Card mt="lg" className={classes.notPromise} bg="var(--mantine-color-yellow-light)">
        <Stack gap="xs">
          <Title order={3} size="h4" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <IconAlertCircle size={22} aria-hidden />
            What ketamine does not promise
          </Title>
          <List spacing={6}>
            <List.Item>
              <strong>It is not a cure.</strong> Like high blood pressure or diabetes, depression is often a
              long-term condition: it can be treated well, but not switched off for good.
            </List.Item>
            <List.Item>
              <strong>Relief usually wears off.</strong> Many people feel better for weeks to months after a
              series, and then need a booster infusion to keep the benefit.
            </List.Item>
            <List.Item>
              <strong>It is not the same as recreational use.</strong> Street use involves far higher doses
              with no supervision. Clinical doses are small and given with continuous monitoring.
            </List.Item>
          </List>
        </Stack>
      </Card>

      <Text size="sm" c="dimmed" mt="md" style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
        <IconInfoCircle size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        This page is general information, not medical advice. A physician decides with you whether ketamine is
        suitable.
      </Text>
    </Section>
  );
}
