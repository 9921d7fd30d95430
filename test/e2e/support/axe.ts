/** axe-core run inside a page of the extension, over the DevTools protocol (the page's CSP does not govern it). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeSummary {
  violations: { id: string; impact: string | null; count: number }[];
  rulesPassed: number;
}

export async function runAxe(page: Page): Promise<AxeSummary> {
  await page.evaluate(AXE_SOURCE);
  type AxeResult = { violations: { id: string; impact: string | null; nodes: unknown[] }[]; passes: unknown[] };
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return { violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length })), rulesPassed: result.passes.length };
  });
}

export const seriousOrCritical = (summary: AxeSummary): AxeSummary['violations'] =>
  summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
