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

  await step('a figure opens the patients behind it, each a link to the chart', async () => {
    await page.getByTestId('open-responders').click();
    const dialog = page.getByRole('dialog', { name: /Responders/ });
    await dialog.getByTestId('drilldown-row').first().waitFor();
    await dialog.getByRole('link').first().waitFor();
    // The drawer slides in: shoot it once its CSS transitions have finished (a string: no DOM types here).
    await page.waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')");
    const pdf = await page.getByRole('link', { name: /Download PDF/ }).getAttribute('href');
    if (!pdf?.includes('format=pdf')) {
      throw new Error(`PDF link is ${String(pdf)}`);
    }
    await shot('outcomes-4-responders');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
};
