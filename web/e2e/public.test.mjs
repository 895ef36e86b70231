// Journey 2 (part): objection by identity before any notification, with the API's message for a wrong
// code first; the reference is shown; objecting again gives the same reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, tab } from './support.mjs';

const NIR = process.env.E2E_OBJECTOR_NIR;
const BIRTH = process.env.E2E_OBJECTOR_BIRTH;
const NAME = process.env.E2E_OBJECTOR_NAME;

test('une personne s’oppose avec son identité, avant toute notification', async () => {
  assert.ok(NIR && BIRTH && NAME, 'E2E_OBJECTOR_NIR, E2E_OBJECTOR_BIRTH et E2E_OBJECTOR_NAME sont requis');
  const chrome = await browser();
  const violations = [];
  try {
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/opposition`);
    await page.getByRole('heading', { level: 1, name: 'M’opposer à la création de mon espace santé' }).waitFor();
    violations.push(...await axe(page, '10-opposition'));
    await page.getByLabel('Code reçu par courriel ou courrier').fill('AAAAA-AAAAA');
    await page.getByRole('button', { name: 'Enregistrer mon opposition' }).first().click();
    await page.getByRole('alert').filter({ hasText: 'ne permettent pas de vous identifier' }).waitFor();
    violations.push(...await axe(page, '11-opposition-erreur'));

    const form = page.locator('form').filter({ hasText: 'Avec votre identité' });
    await form.getByLabel('Numéro de sécurité sociale').fill(NIR);
    await form.getByLabel('Date de naissance').fill(BIRTH);
    await form.getByLabel('Nom de naissance').fill(NAME);
    await form.getByRole('button', { name: 'Enregistrer mon opposition' }).click();
    const receipt = page.getByRole('status').filter({ hasText: 'Référence : OPP-' });
    await receipt.waitFor();
    const reference = /OPP-[A-Z0-9-]+/.exec(await receipt.textContent())[0];
    violations.push(...await axe(page, '12-opposition-enregistree'));

    await form.getByRole('button', { name: 'Enregistrer mon opposition' }).click();
    await page.getByText('était déjà enregistrée').waitFor();
    assert.ok((await page.getByRole('status').filter({ hasText: 'Référence' }).textContent()).includes(reference));
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
