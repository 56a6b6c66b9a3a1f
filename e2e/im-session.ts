import { api, signIn } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signInPage, type Journey } from './journey.ts';
import { drawTheDose, recordVitals, wasteLeftover } from './console.ts';

/**
 * An IM ketamine-assisted session from start to discharge: a pre-dose BP above the hold limit stops the
 * first dose until re-measured below it; the injection is charted with its site and the clinician who
 * gave it (no pump); the leftover is wasted with a witness; phase-1 Aldrete, then PADSS sends the
 * patient home. The console is checked with axe-core along the way.
 */
export const imSession: Journey = async (page, base, step, shot) => {
  // Set-up an admin and a physician would do: observation minimum 0 so the test need not wait 30 min,
  // and a fresh plan so the patient's next session uses it.
  const admin = await signIn(base, 'admin@demo.clinic');
  const { protocols } = await api<{ protocols: { id: string }[] }>(base, admin, 'GET', '/api/protocols');
  const im = protocols.find((p) => p.id === 'im-kap');
  await api(base, admin, 'PUT', '/api/protocols/im-kap', { ...im, recovery: { minObservationMin: 0 } });
  const physician = await signIn(base, 'physician@demo.clinic');
  const { patients } = await api<{ patients: { id: string }[] }>(
    base,
    physician,
    'GET',
    '/api/patients?q=mendoza',
  );
  await api(base, physician, 'POST', `/api/patients/${patients[0]?.id as string}/plan`, {
    protocolId: 'im-kap',
  });

  await step('sign in and open the IM patient', async () => {
    await signInPage(page, base, 'nurse@demo.clinic');
    await page.getByRole('link', { name: 'Patients' }).first().click();
    await page.getByLabel('Search patients').fill('Mendoza');
    await page.getByRole('table', { name: 'Patients' }).getByText('Mendoza').first().click();
    await page.getByRole('heading', { name: 'Carlos Mendoza' }).waitFor();
  });

  await step('a pre-dose BP above 180/100 holds the first dose until re-measured', async () => {
    await page.getByTestId('start-infusion').click();
    await page.waitForURL(/\/app\/infusions\//);
    await page.getByTestId('infusion-console').waitFor();
    const prechecks = page.getByRole('form', { name: 'Pre-checks' });
    await prechecks.getByLabel('Consent signed').check();
    await prechecks.getByLabel('Fasting confirmed').check();
    await prechecks.getByLabel('Escort (ride home)').fill('Lucia Mendoza');
    await prechecks.getByRole('button', { name: 'Save pre-checks' }).click();
    await recordVitals(page, { hr: '88', sbp: '186', dbp: '104', spo2: '98' });
    await page.locator('[data-testid="bp-hold"][data-held="true"]').waitFor();
    await page
      .getByRole('form', { name: 'Dose order' })
      .getByRole('button', { name: /Compute order/ })
      .click();
    await page.getByTestId('dose-order').waitFor();
    await expectAccessible(page, 'console with a BP hold');
    await shot('im-bp-hold');
    await recordVitals(page, { hr: '80', sbp: '148', dbp: '90', spo2: '98' });
    await page.getByTestId('bp-hold').waitFor({ state: 'hidden' });
  });

  await step('draw the dose and chart the injection, given by the physician', async () => {
    await drawTheDose(page);
    const injection = page.getByRole('form', { name: 'Injection' });
    await injection.getByLabel('Site').click();
    await page.getByRole('option', { name: /Ventrogluteal/ }).click();
    await injection.getByLabel('Given by').click();
    await page.getByRole('option', { name: /Ruth Alvarez/ }).click();
    await expectAccessible(page, 'console before the injection');
    await shot('im-injection');
    await injection.getByRole('button', { name: 'Injection given' }).click();
    await page.locator('[data-testid="infusion-console"][data-stage="recovery"]').waitFor();
    await page
      .getByTestId('timeline')
      .getByText(/Injection 38\.7 mg/)
      .waitFor();
    await page
      .getByTestId('timeline')
      .getByText(/given by Dr\. Ruth Alvarez/)
      .waitFor();
  });

  await step('waste the leftover, phase 1 Aldrete, then PADSS sends the patient home', async () => {
    await wasteLeftover(page);
    const phase1 = page.getByRole('form', { name: 'Phase 1 score' });
    for (const group of await phase1.getByRole('radiogroup').all()) {
      await group.getByRole('radio').first().check();
    }
    await phase1.getByRole('button', { name: 'Record phase 1 score' }).click();
    await page
      .getByTestId('phase1-score')
      .getByText(/10\/10 at/)
      .waitFor();
    const form = page.getByRole('form', { name: 'Discharge' });
    for (const group of await form.getByRole('radiogroup').all()) {
      await group.getByRole('radio').first().check();
    }
    await form.getByLabel(/Discharge instructions given/).check();
    await expectAccessible(page, 'recovery and discharge');
    await shot('im-recovery');
    await form.getByRole('button', { name: 'Discharge' }).click();
    await page.locator('[data-testid="infusion-console"][data-stage="discharged"]').waitFor();
    await shot('im-discharged');
  });
};
