import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from './FrontDoor.module.css';

export function PublicFooter() {
  return (
    <Box component="footer" className={classes.footer} py="xl">
      <Container size="lg">
        <Group justify="space-between" gap="md">
          <Text size="sm" c="dimmed" maw={620}>
            General information, not medical advice. Whether ketamine is right for you is decided with a
            physician after a full assessment. Runs on OpenKAP, open-source software for ketamine clinics.
          </Text>
          <Group gap="lg">
            <Anchor href="#consultation" size="sm">
              Request a consultation
            </Anchor>
            <Anchor component={Link} to="/signin" size="sm">
              Staff sign-in
            </Anchor>
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
