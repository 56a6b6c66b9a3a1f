import { api, signIn } from './api.ts';
import { signInPage, type Journey } from './journey.ts';
import { drawTheDose, recordVitals, wasteLeftover } from './console.ts';

/**
 * The infusion day, as a nurse does it on the room's tablet: sign in, open a demo patient, draw the
 * dose from a logged vial, start the infusion, a monitor reading crosses a threshold, the alert shows
 * in the console, stop, waste the leftover with a witness, discharge, and find it all in the ledger.
 */
export const infusionDay: Journey = async (page, base, step, shot) => {
  // Set-up an admin and a physician would do: observation minimum 0 so the test need not wait 30 min,
  // and a fresh plan so the patient's next infusion uses it.
  const admin = await signIn(base, 'admin@demo.clinic');
  const { protocols } = await api<{ protocols: { id: string; recovery: { minObservationMin: number } }[] }>(
    base,
    admin,
    'GET',
    '/api/protocols',
  );
  const iv = protocols.find((p) => p.id === 'iv-depression');
  await api(base, admin, 'PUT', '/api/protocols/iv-depression', {
    ...iv,
    recovery: { minObservationMin: 0 },
  });
  const physician = await signIn(base, 'physician@demo.clinic');
  const { patients } = await api<{ patients: { id: string }[] }>(
    base,
    physician,
    'GET',
    '/api/patients?q=goldberg',
  );
  const patientId = patients[0]?.id as string;
  await api(base, physician, 'POST', `/api/patients/${patientId}/plan`, { protocolId: 'iv-depression' });

  await step('sign in', () => signInPage(page, base, 'nurse@demo.clinic'));

  await step('open a demo patient', async () => {
    await page.getByRole('link', { name: 'Patients' }).first().click();
    await page.getByLabel('Search patients').fill('Goldberg');
    await page.getByRole('table', { name: 'Patients' }).getByText('Goldberg').first().click();
    await page.getByRole('heading', { name: 'Hannah Goldberg' }).waitFor();
    await shot('chart');
  });

  await step('start an infusion', async () => {
    await page.getByTestId('start-infusion').click();
    await page.waitForURL(/\/app\/infusions\//);
    const consoleRoot = page.getByTestId('infusion-console');
    await consoleRoot.waitFor();
    const prechecks = page.getByRole('form', { name: 'Pre-checks' });
    await prechecks.getByLabel('Consent signed').check();
    await prechecks.getByLabel('Fasting confirmed').check();
    await prechecks.getByLabel('Escort (ride home)').fill('Ben Goldberg');
    await prechecks.getByRole('button', { name: 'Save pre-checks' }).click();
    await recordVitals(page, { hr: '72', sbp: '124', dbp: '78', spo2: '98' });
    await page
      .getByRole('form', { name: 'Dose order' })
      .getByRole('button', { name: /Compute order/ })
      .click();
    await page.getByTestId('dose-order').waitFor();
    await drawTheDose(page);
    await shot('drawn');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('[data-testid="infusion-console"][data-stage="infusing"]').waitFor();
    await shot('infusing');
  });

  await step('a monitor reading crosses a threshold and the alert shows', async () => {
    // The bedside monitor's reading arrives as a FHIR Observation; the console learns of it live.
    const nurse = await signIn(base, 'nurse@demo.clinic');
    const res = await fetch(`${base}/fhir/R4/Observation`, {
      method: 'POST',
      headers: { cookie: nurse, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
            ],
          },
        ],
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: new Date().toISOString(),
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: {
              value: 186,
              unit: 'mm[Hg]',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: {
              value: 104,
              unit: 'mm[Hg]',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
        ],
      }),
    });
    if (res.status !== 201) {
      throw new Error(`monitor reading refused: ${res.status} ${await res.text()}`);
    }
    const banner = page.getByTestId('alert-banner');
    await banner.getByText(/186/).first().waitFor({ timeout: 5000 });
    await shot('alert');
    await banner
      .getByLabel('What was done (required)')
      .first()
      .fill('Rechecked; labetalol 10 mg IV per physician');
    await banner
      .getByRole('button', { name: /Acknowledge/ })
      .first()
      .click();
    await banner.waitFor({ state: 'hidden' });
  });

  await step('discharge', async () => {
    const vitals = page.getByRole('form', { name: 'Manual vitals' });
    await vitals.getByLabel('SBP (mmHg)').fill('138');
    await vitals.getByLabel('DBP (mmHg)').fill('84');
    await vitals.getByRole('button', { name: 'Record vitals' }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.locator('[data-testid="infusion-console"][data-stage="recovery"]').waitFor();
    // What was drawn and not given is wasted; the physician witnesses with their own password.
    await wasteLeftover(page);
    const form = page.getByRole('form', { name: 'Discharge' });
    for (const group of await form.getByRole('radiogroup').all()) {
      await group.getByRole('radio').first().check();
    }
    await form.getByLabel(/Discharge instructions given/).check();
    await shot('recovery');
    await form.getByRole('button', { name: 'Discharge' }).click();
    await page.locator('[data-testid="infusion-console"][data-stage="discharged"]').waitFor();
    await page.getByTestId('total-dose').first().waitFor();
    await shot('discharged');
  });

  await step('the ledger shows the draw and the witnessed waste; the chain verifies', async () => {
    await page.getByRole('link', { name: 'Ledger' }).first().click();
    await page.getByRole('tab', { name: /Entries/ }).click();
    const entries = page.getByRole('table').first();
    await entries.getByText('Goldberg').first().waitFor();
    // The journey's pump ran for seconds: the dose given rounds to nothing and the draw is wasted.
    for (const kind of ['Drawn', 'Wasted']) {
      await entries.getByText(kind, { exact: true }).first().waitFor();
    }
    await page.getByRole('button', { name: /Verify chain/ }).click();
    await page.getByText(/Chain intact/).waitFor();
    await shot('ledger');
  });
};
