// Journey 4 (part): an operator logs in on the operators' identity provider, sees the registry imports,
// plans a wave for a département, follows it in the list with its progress bar, pauses and resumes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, signIn, tab } from './support.mjs';

const DEPARTMENT = process.env.E2E_WAVE_DEPARTMENT ?? '09';

test('un opérateur consulte les imports, planifie une vague et la suspend', async () => {
  const chrome = await browser();
  const violations = [];
  try {
    const page = await tab(chrome);
    await page.goto(BASE);
    await page.getByRole('button', { name: 'Espace opérateur' }).click();
    await signIn(page, `e2e-operateur-${Date.now()}`);
    await page.getByRole('heading', { level: 1, name: 'Imports du registre' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    violations.push(...await axe(page, '30-operateur-imports'));

    await page.getByRole('link', { name: 'Vagues' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vagues de notification' }).waitFor();
    // A start date in the past is refused with the API's message
    await page.getByLabel('Départements').fill(DEPARTMENT);
    await page.getByLabel('Début').fill('2020-01-06');
    await page.getByRole('button', { name: 'Planifier' }).click();
    await page.getByRole('alert').waitFor();
    violations.push(...await axe(page, '31-operateur-vague-erreur'));

    const start = new Date(Date.now() + 86_400_000 * 400).toISOString().slice(0, 10);
    await page.getByLabel('Début').fill(start);
    await page.getByRole('button', { name: 'Planifier' }).click();
    await page.getByText('Vague planifiée').waitFor();
    const wave = page.locator('li[data-vague]').filter({ hasText: `Vague ${DEPARTMENT}` }).filter({ hasText: 'En cours' }).first();
    await wave.waitFor();
    assert.equal(await wave.locator('progress').count(), 1, 'la vague a sa barre de progression');
    violations.push(...await axe(page, '32-operateur-vagues'));

    await wave.getByRole('button', { name: 'Suspendre' }).click();
    const paused = page.locator('li[data-vague]').filter({ hasText: `Vague ${DEPARTMENT}` }).filter({ hasText: 'Suspendue' }).first();
    await paused.waitFor();
    await paused.getByRole('button', { name: 'Reprendre' }).click();
    await page.locator('li[data-vague]').filter({ hasText: `Vague ${DEPARTMENT}` }).filter({ hasText: 'En cours' }).first().waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
