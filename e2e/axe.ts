import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[]; html: string; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it stands and throws, naming each rule and
 * element, if anything fails: the screens are checked as people use them, alerts and forms open.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ path: axePath });
  }
  const result = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as AxeResult;
  if (result.violations.length > 0) {
    const list = result.violations
      .map(
        (v) =>
          `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join(' | ')}`,
      )
      .join('\n  ');
    throw new Error(`accessibility (${what}):\n  ${list}`);
  }
}
