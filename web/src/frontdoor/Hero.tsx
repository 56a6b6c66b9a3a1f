import {
  Badge,
  Box,
  Button,
  Container,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconArrowDown,
  IconCalendarRepeat,
  IconCar,
  IconDeviceHeartMonitor,
  IconDroplet,
} from '@tabler/icons-react';
import classes from './FrontDoor.module.css';

const glance = [
  { icon: IconDroplet, text: 'A low dose of ketamine given slowly through an IV, in a reclining chair.' },
  {
    icon: IconCalendarRepeat,
    text: 'A short series of infusions first, then boosters only if and when you need them.',
  },
  {
    icon: IconDeviceHeartMonitor,
    text: 'Heart rate, blood pressure and oxygen level watched the whole time.',
  },
  { icon: IconCar, text: 'You rest until you are steady, then go home with someone who drives you.' },
];

export function Hero() {
  return (
    <Box className={classes.hero} id="top">
      <Container size="lg" py={{ base: 48, sm: 88 }}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing={48} verticalSpacing={40}>
          <Stack gap="lg" justify="center">
            <Group gap="xs">
              <Badge variant="white" color="clinic" size="lg">
                Ketamine infusion therapy
              </Badge>
              <Badge variant="outline" color="gray.0" size="lg">
                Ketamine-assisted psychotherapy
              </Badge>
            </Group>
            <Title order={1} className={classes.heroTitle}>
              Ketamine infusions for hard-to-treat depression
            </Title>
            <Text className={classes.heroLead}>
              When antidepressants have not helped enough, ketamine infusions are one option worth discussing
              with a doctor. Here is what the treatment involves, what it can and cannot do, and how we keep
              you safe.
            </Text>
            <Group gap="sm">
              <Button component="a" href="#consultation" size="lg" variant="white" color="clinic">
                Request a consultation
              </Button>
              <Button
                component="a"
                href="#treatment"
                size="lg"
                variant="outline"
                color="gray.0"
                rightSection={<IconArrowDown size={18} aria-hidden />}
              >
                How it works
              </Button>
            </Group>
          </Stack>
          <Paper className={classes.glance} p="xl" shadow="xl" radius="lg" style={{ alignSelf: 'center' }}>
            <Text fw={700} size="lg" mb="md">
              At a glance
            </Text>
            <List spacing="md" size="md" center className={classes.glanceList}>
              {glance.map(({ icon: Icon, text }) => (
                <List.Item
                  key={text}
                  icon={
                    <ThemeIcon size={36} radius="md" variant="light" aria-hidden>
                      <Icon size={20} />
                    </ThemeIcon>
                  }
                >
                  {text}
                </List.Item>
              ))}
            </List>
          </Paper>
        </SimpleGrid>
      </Container>
    </Box>
  );
}
