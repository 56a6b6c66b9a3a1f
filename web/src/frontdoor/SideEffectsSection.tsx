import { Alert, Card, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBed,
  IconCloud,
  IconHeartbeat,
  IconMoonStars,
  IconMoodSick,
  IconRotate2,
} from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { Section } from './Section.tsx';

const effects: { icon: Icon; title: string; text: string }[] = [
  {
    icon: IconCloud,
    title: 'Dissociation',
    text: 'A floating or dreamlike feeling, some confusion, or sights and sounds seeming altered. It happens during the infusion, fades soon after it stops, and you are watched the whole time.',
  },
  {
    icon: IconBed,
    title: 'Tiredness',
    text: 'Feeling tired or groggy for the rest of the day is common. Plan to rest at home.',
  },
  {
    icon: IconMoodSick,
    title: 'Mild nausea',
    text: 'If you tend to feel sick, tell us: an anti-nausea medicine (an antiemetic) can be given before or during the infusion.',
  },
  {
    icon: IconRotate2,
    title: 'Dizziness',
    text: 'You stay in recovery until you can stand and walk steadily, and someone takes you home.',
  },
  {
    icon: IconHeartbeat,
    title: 'Higher heart rate and blood pressure',
    text: 'A mild rise is expected. Both are measured continuously; if they go above safe limits we slow the infusion or give medicine. They usually settle soon after the infusion ends.',
  },
];

export function SideEffectsSection() {
  return (
    <Section
      id="side-effects"
      eyebrow="Side effects"
      title="Short-lived side effects, watched and treated as they happen"
      intro="Most side effects last only as long as the infusion and the hours after it. For most people they are gone after a full night's sleep."
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        {effects.map(({ icon: EffectIcon, title, text }) => (
          <Card key={title}>
            <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
              <EffectIcon size={24} />
            </ThemeIcon>
            <Title order={3} size="h4" mt="md">
              {title}
            </Title>
            <Text mt="xs" c="dimmed">
              {text}
            </Text>
          </Card>
        ))}
        <Card bg="var(--mantine-primary-color-light)">
          <ThemeIcon size={44} radius="md" aria-hidden>
            <IconMoonStars size={24} />
          </ThemeIcon>
          <Title order={3} size="h4" mt="md">
            Longer term
          </Title>
          <Text mt="xs">
            No lasting side effects are known at the doses and frequency used in clinics. Heavy, repeated
            street use at high doses can damage the bladder; that is not the pattern of clinical treatment.
          </Text>
        </Card>
      </SimpleGrid>
      <Alert
        mt="lg"
        variant="light"
        color="clinic"
        title="Something bothering you after a visit?"
        icon={<IconHeartbeat aria-hidden />}
      >
        If a side effect lasts, worries you, or you simply have a question, contact the clinic. You can also
        ask us before your first visit how to reduce the chance of a particular side effect.
      </Alert>
    </Section>
  );
}
