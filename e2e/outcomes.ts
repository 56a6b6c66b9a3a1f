import { signInPage, type Journey } from './journey.ts';

/**
 * Measurement-based care as the medical director sees it: the booster-signal banner on the patient
 * list, a chart's outcome card and psychotherapy sessions, a substance-use track, and the clinic's own
 * numbers on the Outcomes page (demo data).
 */
export const outcomesReview: Journey = async (page, base, step, shot) => {
  await step('sign in as the physician', () => signInPage(page, base, 'physician@demo.clinic'));

  await step('the patient list names who may need a booster', async () => {
    await page.goto(`${base}/app/patients`);
    await page.getByText(/Booster signal: \d+ patient/).waitFor();
    await shot('outcomes-1-booster-signal');
  });

  await step('a chart shows baseline, latest and the response label', async () => {
    await page.getByRole('link', { name: 'Adeyemi, Benjamin' }).click();
    await page.getByRole('heading', { name: 'PHQ-9 outcome' }).waitFor();
    await page.getByText(/Baseline \d+/).waitFor();
    await page.getByRole('heading', { name: 'Psychotherapy sessions' }).waitFor();
    await shot('outcomes-2-chart');
  });

  await step('a substance-use chart shows the use diary beside infusions and therapy', async () => {
    await page.getByRole('link', { name: 'Patients' }).first().click();
    await page.getByLabel('Search patients').fill('Whitfield');
    await page.getByRole('table', { name: 'Patients' }).getByText('Whitfield').first().click();
    await page.getByRole('heading', { name: 'Substance use' }).waitFor();
    await page.getByRole('heading', { name: 'Psychotherapy sessions' }).waitFor();
    await shot('outcomes-2b-substance-use');
  });

  await step('the Outcomes page shows rates with intervals and the booster curve', async () => {
    await page.getByRole('link', { name: 'Outcomes' }).first().click();
    await page.getByTestId('report-scope').waitFor();
    const tile = page.getByTestId('tile-response');
    await tile.waitFor();
    const text = (await tile.textContent()) ?? '';
    // The page puts non-breaking spaces before units: match any space.
    if (!/95\s*%\s*CI\s*\d+–\d+\s*%/.test(text)) {
      throw new Error(`response tile reads "${text}"`);
    }
    await page.getByTestId('booster-median').waitFor();
    const csv = page.getByRole('link', { name: /Download CSV/ });
    const href = await csv.getAttribute('href');
    if (!href?.includes('format=csv')) {
      throw new Error(`CSV link is ${String(href)}`);
    }
    await shot('outcomes-3-report');
  });
};
