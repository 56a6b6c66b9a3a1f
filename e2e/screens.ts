import { api, signIn } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signInPage, type Journey } from './journey.ts';

/**
 * Every main screen, as the people who use it see it, checked with axe-core: the journeys run on a
 * tablet; this one runs on a phone (and run.ts gives it a 390 px viewport), where menus fold into a
 * slide-in menu and tables scroll sideways.
 */
export const screensOnAPhone: Journey = async (page, base, step, shot) => {
  const physician = await signIn(base, 'physician@demo.clinic');
  const { patients } = await api<{ patients: { id: string }[] }>(base, physician, 'GET', '/api/patients');
  const { chairs } = await api<{ chairs: { session: { id: string } | null }[] }>(
    base,
    physician,
    'GET',
    '/api/infusions/board',
  );
  const sessionId = chairs.find((c) => c.session)?.session?.id;
  const screens: [name: string, path: string, ready: string][] = [
    ['phone-board', '/app/infusions', 'Infusion room'],
    ['phone-patients', '/app/patients', 'Patients'],
    ['phone-chart', `/app/patients/${patients[0]?.id ?? ''}`, ''],
    ['phone-console', `/app/infusions/${sessionId ?? ''}`, ''],
    ['phone-safety-alerts', '/app/safety-alerts', 'Safety alerts'],
    ['phone-protocols', '/app/protocols', 'Protocols'],
    ['phone-ledger', '/app/ledger', 'Ledger'],
    ['phone-outcomes', '/app/reports', 'Outcomes'],
    ['phone-monitors', '/app/devices', 'Monitors'],
  ];
  await step('sign in on a phone', () => signInPage(page, base, 'physician@demo.clinic'));
  for (const [name, path, heading] of screens) {
    await step(name, async () => {
      await page.goto(`${base}${path}`);
      await page.locator('main').first().waitFor();
      if (heading) {
        await page.getByRole('heading', { name: heading }).first().waitFor();
      }
      // Let charts and lists settle (they load after the page).
      await page.waitForLoadState('networkidle');
      await shot(name);
    });
  }
  await step('the navigation menu', async () => {
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page
      .locator('.mantine-AppShell-navbar')
      .getByRole('link', { name: /Patients/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'navigation menu');
    await shot('phone-navigation');
  });
};
