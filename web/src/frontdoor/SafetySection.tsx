import { Alert, Card, Grid, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCar,
  IconClipboardHeart,
  IconDeviceHeartMonitor,
  IconPill,
  IconShieldCheck,
  IconUserHeart,
} from '@tabler/icons-react';
import { Section } from './Section.tsx';

export function SafetySection() {
  return (
    <Section
      id="safety"
      eyebrow="Safety"
      title="A clinical setting, monitored from start to finish"
      intro="Ketamine is given here the way it is in hospitals: by trained staff, with equipment and medicines ready, and limits set by a physician."
      tinted
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card h="100%">
            <Stack gap="md">
              <Title order={3} size="h4">
                During and after your infusion
              </Title>
              <List spacing="md" center>
                <List.Item
                  icon={
                    <ThemeIcon size={36} variant="light" radius="md" aria-hidden>
                      <IconDeviceHeartMonitor size={20} />
                    </ThemeIcon>
                  }
                >
                  A monitor measures your heart rate, blood pressure and blood oxygen (SpO2) continuously. If
                  a reading crosses a safety limit, staff are alerted at once.
                </List.Item>
                <List.Item
                  icon={
                    <ThemeIcon size={36} variant="light" radius="md" aria-hidden>
                      <IconUserHeart size={20} />
                    </ThemeIcon>
                  }
                >
                  Your dose is calculated from your weight, checked against the physician&rsquo;s limits, and
                  given by a pump that can be slowed or stopped at any moment.
                </List.Item>
                <List.Item
                  icon={
                    <ThemeIcon size={36} variant="light" radius="md" aria-hidden>
                      <IconShieldCheck size={20} />
                    </ThemeIcon>
                  }
                >
                  Afterwards you rest until a standard recovery check shows you are ready to leave.
                </List.Item>
                <List.Item
                  icon={
                    <ThemeIcon size={36} variant="light" radius="md" aria-hidden>
                      <IconCar size={20} />
                    </ThemeIcon>
                  }
                >
                  You must go home with an adult who drives you. Do not drive yourself until after a full
                  night&rsquo;s sleep.
                </List.Item>
              </List>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card h="100%" id="medications" style={{ scrollMarginTop: 72 }}>
            <Stack gap="sm">
              <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                <IconPill size={24} />
              </ThemeIcon>
              <Title order={3} size="h4">
                Your other medicines
              </Title>
              <Text c="dimmed">
                Most people keep taking their usual medicines; only a few do not mix well with ketamine. Bring
                a full list to your consultation so the physician can check for interactions before planning
                treatment.
              </Text>
              <Alert
                color="yellow"
                variant="light"
                icon={<IconPill aria-hidden />}
                title="Tell us first if you take an opioid blocker"
              >
                Medicines such as naltrexone block opioid receptors and may make ketamine less effective. Do
                not stop anything on your own — discuss it with your doctor.
              </Alert>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          {/* The label contraindications screening checks (domain/src/screening/condition-flags.ts), in plain words. */}
          <Alert
            color="blue"
            variant="light"
            icon={<IconClipboardHeart aria-hidden />}
            title="Ketamine is not safe for everyone: tell us about your health"
          >
            <Text size="sm" mb="xs">
              Ketamine raises blood pressure for a while. Before any treatment is planned, a physician checks
              your history. Tell us if you have ever had:
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>an aneurysm, a blood-vessel malformation or bleeding in the brain</List.Item>
              <List.Item>a stroke or a heart attack, and when it happened</List.Item>
              <List.Item>an overactive thyroid that is not treated</List.Item>
              <List.Item>raised pressure in the head or in the eyes (such as glaucoma)</List.Item>
              <List.Item>serious liver disease</List.Item>
              <List.Item>pre-eclampsia, or if you are or may be pregnant</List.Item>
            </List>
          </Alert>
        </Grid.Col>
      </Grid>
    </Section>
  );
}
