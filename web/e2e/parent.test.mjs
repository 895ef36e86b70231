// Journey 3: a parent attaches a child's space with the other parent's agreement, then acts in it with a
// permanent banner saying for whom, and comes back to their own space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, signIn, tab, activateWithIdentity } from './support.mjs';

const env = name => process.env[name];

test('un parent rattache l’espace de son enfant et agit pour lui', async () => {
  for (const name of ['E2E_PARENT_NIR', 'E2E_PARENT_NAME', 'E2E_PARENT_BIRTH', 'E2E_CHILD_NIR', 'E2E_CHILD_NAME', 'E2E_CHILD_BIRTH']) {
    assert.ok(env(name), `${name} est requis`);
  }
  const chrome = await browser();
  const violations = [];
  try {
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/enfants`);
    await signIn(page, `e2e-parent-${Date.now()}`);
    await activateWithIdentity(page, { nir: env('E2E_PARENT_NIR'), birth: env('E2E_PARENT_BIRTH'), name: env('E2E_PARENT_NAME') });

    await page.getByRole('link', { name: 'Mes enfants' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mes enfants' }).waitFor();
    await page.getByText('Aucun enfant rattaché à votre compte.').waitFor();
    violations.push(...await axe(page, '20-enfants-vide'));

    // Without the other parent's agreement nor sole authority: the API's message, next to the form
    await page.getByLabel('Numéro de sécurité sociale de l’enfant').fill(env('E2E_CHILD_NIR'));
    await page.getByLabel('Date de naissance de l’enfant').fill(env('E2E_CHILD_BIRTH'));
    await page.getByLabel('Nom de naissance de l’enfant').fill(env('E2E_CHILD_NAME'));
    await page.getByRole('button', { name: 'Rattacher l’espace de mon enfant' }).click();
    await page.getByRole('alert').filter({ hasText: 'autre parent' }).waitFor();
    violations.push(...await axe(page, '21-enfants-erreur'));

    await page.getByLabel('Nom de l’autre parent qui a donné son accord').fill('Marc Exemple');
    await page.getByRole('button', { name: 'Rattacher l’espace de mon enfant' }).click();
    const act = page.getByRole('button', { name: /^Agir pour / });
    await act.waitFor();
    violations.push(...await axe(page, '22-enfants-rattache'));

    await act.click();
    const banner = page.getByRole('region', { name: 'Espace de votre enfant' });
    await banner.getByText('Vous agissez dans l’espace santé de').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mes documents' }).waitFor();
    await page.getByText('Aucun document ne correspond.').waitFor();
    violations.push(...await axe(page, '23-documents-enfant'));

    // The banner stays on every page until the parent comes back to their own space
    await page.getByRole('link', { name: 'Historique' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Historique des accès' }).waitFor();
    await banner.waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const rows = await page.locator('table tbody tr').allTextContents();
    assert.ok(rows.some(r => r.includes('Un représentant légal')), `l’historique de l’enfant montre le représentant : ${rows.join(' | ')}`);
    await banner.getByRole('button', { name: 'Revenir à mon espace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Espace de votre enfant' }).count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
