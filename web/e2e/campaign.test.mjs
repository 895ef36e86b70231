// Journeys 4 and 2: an operator sees the imports (one still running), plans a wave for a département (a refused plan first),
// runs the sender through the local scheduler and sees the progress bar reach the total, pauses and
// resumes; then a notified person objects with the code read from the e-mail (SES emulator's store),
// and another, notified by letter, objects with their identity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, signIn, tab } from './support.mjs';

const DEPARTMENT = process.env.E2E_WAVE_DEPARTMENT;
const DAY = process.env.E2E_WAVE_DAY;
const SES = process.env.E2E_SES_URL;
const EMAILED = process.env.E2E_EMAILED_ADDRESS;
const LETTER = { nir: process.env.E2E_LETTER_NIR, name: process.env.E2E_LETTER_NAME, birth: process.env.E2E_LETTER_BIRTH };
const RUNNING = { file: process.env.E2E_IMPORT_RUNNING_FILE, ranges: process.env.E2E_IMPORT_RUNNING_RANGES };
const CODE = /[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}/;

test('un opérateur envoie une vague ; les personnes prévenues s’opposent, par code et par identité', async () => {
  assert.ok(DEPARTMENT && DAY && SES && EMAILED && LETTER.nir && RUNNING.file, 'les variables E2E de la campagne sont requises');
  const chrome = await browser();
  const violations = [];
  try {
    const page = await tab(chrome);
    await page.goto(BASE);
    await page.getByRole('button', { name: 'Espace opérateur' }).click();
    await signIn(page, `e2e-operateur-${Date.now()}`);
    await page.getByRole('heading', { level: 1, name: 'Imports du registre' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    // A file whose ranges wait in the queue (its workers held back by the test): the import is shown running
    const running = page.locator('table tbody tr').filter({ hasText: RUNNING.file });
    await running.getByRole('cell', { name: `En cours : 0 plage sur ${RUNNING.ranges}`, exact: true }).waitFor();
    violations.push(...await axe(page, '30-operateur-imports'));

    await page.getByRole('link', { name: 'Vagues' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vagues de notification' }).waitFor();
    await page.getByLabel('Départements').fill(DEPARTMENT);
    await page.getByLabel('Début').fill('06/01/2020');
    await page.getByRole('button', { name: 'Planifier' }).click();
    await page.getByRole('alert').filter({ hasText: 'date de début' }).waitFor();
    violations.push(...await axe(page, '31-operateur-vague-erreur'));

    await page.getByLabel('Début').fill(DAY);
    await page.getByRole('button', { name: 'Planifier' }).click();
    await page.getByText('Vague planifiée : 2 personnes ciblées.').waitFor();
    const wave = () => page.locator('li[data-vague]').filter({ hasText: `Vague ${DEPARTMENT} ` }).first();
    await wave().getByText('Notifiées : 0 sur 2').waitFor();

    // The sender runs through the local scheduler (EventBridge Scheduler on AWS)
    const run = await fetch(`${BASE}/_local/schedules/EveryMinute`, { method: 'POST' });
    assert.equal(run.status, 200);
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await wave().getByText('Notifiées : 2 sur 2').waitFor();
    const bar = wave().locator('progress');
    assert.equal(await bar.getAttribute('value'), await bar.getAttribute('max'), 'la barre atteint le total');
    violations.push(...await axe(page, '32-operateur-vagues'));
    const action = wave().getByRole('button', { name: 'Suspendre' });
    if (await action.count()) { // still running (not yet completed by a run that found the queue empty)
      await action.click();
      await wave().getByText('Suspendue').waitFor();
      await wave().getByRole('button', { name: 'Reprendre' }).click();
      await wave().getByText('En cours').waitFor();
    }

    // The e-mailed person objects with the code of their e-mail
    const store = await (await fetch(`${SES}/store`)).json();
    const mail = store.emails.filter(e => e.destination.to[0] === EMAILED).at(-1);
    assert.ok(mail, `un courriel pour ${EMAILED}`);
    const code = CODE.exec(mail.body.text)[0];
    const publicPage = await tab(chrome);
    await publicPage.goto(`${BASE}/#/opposition`);
    await publicPage.getByLabel('Code reçu par courriel ou courrier').fill(code.toLowerCase().replace('-', ' '));
    await publicPage.getByRole('button', { name: 'Enregistrer mon opposition' }).first().click();
    await publicPage.getByRole('status').filter({ hasText: 'Référence : OPP-' }).waitFor();

    // The person notified by letter objects with their identity
    await publicPage.goto(`${BASE}/#/opposition`);
    const form = publicPage.locator('form').filter({ hasText: 'Avec votre identité' });
    await form.getByLabel('Numéro de sécurité sociale').fill(LETTER.nir);
    await form.getByLabel('Date de naissance').fill(LETTER.birth);
    await form.getByLabel('Nom de naissance').fill(LETTER.name);
    await form.getByRole('button', { name: 'Enregistrer mon opposition' }).click();
    await publicPage.getByRole('status').filter({ hasText: 'Référence : OPP-' }).waitFor();
    violations.push(...await axe(publicPage, '13-opposition-apres-notification'));

    // The wave counts both objections
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await wave().getByText('oppositions 2').waitFor();
    assert.deepEqual([...page.problems, ...publicPage.problems], []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
