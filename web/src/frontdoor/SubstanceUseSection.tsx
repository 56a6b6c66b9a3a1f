import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Section } from './Section.tsx';

const studies = [
  {
    label: 'Alcohol use disorder',
    text: 'A randomised trial published in the American Journal of Psychiatry in 2020 combined one ketamine infusion with motivational enhancement therapy. More people stayed abstinent, relapse came later, and heavy drinking days were fewer. The infusions were well tolerated.',
  },
  {
    label: 'Opioid use disorder',
    text: 'Two published studies found benefit when ketamine was given alongside psychotherapy. In randomised trials in people addicted to heroin, a higher dose led to more abstinence than a very low dose, and repeated sessions reduced craving more than a single one.',
  },
  {
    label: 'Across substances',
    text: 'A systematic review in Frontiers in Psychiatry concluded that ketamine may help people stay abstinent from several substances, and that it needs broader study.',
  },
];

export function SubstanceUseSection() {
  return (
    <Section
      id="substance-use"
      eyebrow="Alcohol and drug use"
      title="Ketamine alongside therapy for alcohol or drug cravings"
      intro="This use is off-label: it is not approved by the FDA for these conditions. The research is promising but still early, and in the studies ketamine was always combined with psychotherapy."
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {studies.map((study) => (
          <Card key={study.label}>
            <Group gap="xs">
              <Badge variant="light">Research</Badge>
            </Group>
            <Title order={3} size="h4" mt="sm">
              {study.label}
            </Title>
            <Text mt="xs" c="dimmed">
              {study.text}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text mt="lg" maw={760}>
        If you are considering ketamine for substance use, we talk through the evidence, the risks and how it
        would fit with your therapy and recovery plan before anything is decided.
      </Text>
    </Section>
  );
}
