import { Alert, Card, Grid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDeviceMobileMessage, IconLifebuoy } from '@tabler/icons-react';
import { ConsultationForm } from './ConsultationForm.tsx';
import { Section } from './Section.tsx';

export function ConsultationSection() {
  return (
    <Section
      id="consultation"
      eyebrow="Get started"
      title="Request a consultation"
      intro="Leave your details and the clinic will contact you to arrange a conversation with a physician. Asking does not commit you to anything."
    >
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ConsultationForm />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Alert
              color="red"
              variant="light"
              icon={<IconLifebuoy aria-hidden />}
              title="If you are in crisis now"
            >
              This form is not watched around the clock. In the US, call or text <strong>988</strong> (Suicide
              &amp; Crisis Lifeline) at any time, or call <strong>911</strong> in an emergency.
            </Alert>
            <Card id="patients" style={{ scrollMarginTop: 72 }}>
              <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                <IconDeviceMobileMessage size={24} />
              </ThemeIcon>
              <Title order={3} size="h4" mt="md">
                Patients: answering your questionnaire
              </Title>
              <Text mt="xs" c="dimmed">
                Before and during treatment, the clinic sends you a one-time link by text or email. Open it on
                your phone and answer a few short questions — no account or password needed. Each link works
                once and expires after a few days; if yours no longer opens, ask the clinic for a new one.
              </Text>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Section>
  );
}
