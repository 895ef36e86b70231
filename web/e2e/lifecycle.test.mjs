// Journey 6: a patient closes their space (the confirmation step, cancelled once, then gone through with
// the keyboard), finds the closed page with its dates and a menu reduced to what stays open, reopens it
// with all its data, then asks for its definitive deletion: a wrong confirmation first (the API's
// message), then SUPPRIMER.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, narrow, signIn, tab, tabTo, activateWithIdentity } from './support.mjs';

const NIR = process.env.E2E_LIFECYCLE_NIR;
const BIRTH = process.env.E2E_LIFECYCLE_BIRTH;
const NAME = process.env.E2E_LIFECYCLE_NAME;

/** Today in Paris, JJ/MM/AAAA, as the service counts days and the page writes them. */
// The service's day (JJ/MM/AAAA): the stack's clock may run ahead of this machine's (E2E_TODAY).
const parisToday = () => process.env.E2E_TODAY ?? new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' })
  .format(new Date());
/** JJ/MM/AAAA plus some days. */
const plusDays = (day, days) => {
  const [d, m, y] = day.split('/').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days, 12));
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
};
/** JJ/MM/AAAA ten years later (a 29 February gives the 28th, as java.time does). */
const tenYearsAfter = day => {
  const [d, m, y] = day.split('/');
  return `${d === '29' && m === '02' ? '28' : d}/${m}/${Number(y) + 10}`;
};
const menu = page => page.getByRole('navigation', { name: 'Menu principal' });
const focused = page => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test('un patient ferme son espace, le rouvre, puis en demande la suppression définitive', async () => {
  assert.ok(NIR && BIRTH && NAME, 'E2E_LIFECYCLE_NIR, E2E_LIFECYCLE_BIRTH et E2E_LIFECYCLE_NAME sont requis');
  const chrome = await browser();
  const violations = [];
  const invisible = [];
  try {
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/tableau-de-bord`);
    await signIn(page, `e2e-cycle-${Date.now()}`);
    await activateWithIdentity(page, { nir: NIR, birth: BIRTH, name: NAME });

    // The settings explain closure and deletion
    await page.getByRole('link', { name: 'Paramètres' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fermer mon espace santé' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Supprimer définitivement mon espace' }).waitFor();
    violations.push(...await axe(page, '50-parametres-fermeture'));

    // Closing asks for a confirmation, which takes the focus; Annuler gives it back to the button
    await page.getByRole('button', { name: 'Fermer mon espace', exact: true }).click();
    await page.getByRole('button', { name: 'Confirmer la fermeture' }).waitFor();
    assert.match(await focused(page), /^Confirmez-vous la fermeture/, 'la confirmation prend le focus');
    violations.push(...await axe(page, '51-fermeture-confirmation'));
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    assert.equal(await page.getByRole('button', { name: 'Confirmer la fermeture' }).count(), 0);
    assert.equal(await focused(page), 'Fermer mon espace', 'Annuler rend le focus au bouton');

    // Then with the keyboard only: Enter on the button, Tab to the confirmation, Enter
    const before = parisToday();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Confirmer la fermeture' }).waitFor();
    assert.match(await focused(page), /^Confirmez-vous la fermeture/, 'la confirmation prend le focus');
    invisible.push(...await tabTo(page, f => f.tag === 'button' && f.name === 'Confirmer la fermeture', 3));
    await page.keyboard.press('Enter');

    // The closed page: when, until when the data is kept; the menu keeps only what a closed space allows
    await page.getByRole('heading', { level: 1, name: 'Votre espace santé est fermé' }).waitFor();
    const after = parisToday();
    const dates = /Fermé le (\d{2}\/\d{2}\/\d{4})\. Vos données sont conservées jusqu’au (\d{2}\/\d{2}\/\d{4}), puis supprimées définitivement\./
      .exec(await page.getByText('Fermé le ').textContent());
    assert.ok(dates, 'la page dit quand l’espace a été fermé et jusqu’à quand ses données sont conservées');
    const [, closedOn, keptUntil] = dates;
    assert.ok([before, after].includes(closedOn), `fermé aujourd’hui : ${closedOn}`);
    assert.equal(keptUntil, tenYearsAfter(closedOn), 'données conservées dix ans');
    assert.equal(await menu(page).getByRole('link', { name: 'Mes documents' }).count(), 0, 'le menu ne mène plus aux documents');
    await menu(page).getByRole('link', { name: 'Paramètres' }).waitFor();
    violations.push(...await axe(page, '52-espace-ferme'));
    violations.push(...await narrow(page, '52-espace-ferme'));

    // A page a closed space does not allow leads back to the closed page
    await page.evaluate(() => { window.location.hash = '#/documents'; });
    await page.waitForFunction(() => window.location.hash === '#/tableau-de-bord');
    await page.getByRole('heading', { level: 1, name: 'Votre espace santé est fermé' }).waitFor();

    // Reopened, with all its data: the dashboard and the full menu again
    await page.getByRole('button', { name: 'Rouvrir mon espace' }).click();
    await page.getByRole('status').filter({ hasText: 'Votre espace est rouvert, avec toutes ses données.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();
    await menu(page).getByRole('link', { name: 'Mes documents' }).waitFor();
    violations.push(...await axe(page, '53-espace-rouvert'));

    // Deletion: a wrong confirmation gets the API's message, SUPPRIMER deletes
    await page.getByRole('link', { name: 'Paramètres' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    const confirmation = page.getByLabel('Pour confirmer, écrivez SUPPRIMER');
    await confirmation.fill('oui');
    await page.getByRole('button', { name: 'Supprimer définitivement mon espace' }).click();
    await page.getByRole('alert').filter({ hasText: 'SUPPRIMER' }).waitFor();
    assert.equal(await confirmation.getAttribute('aria-invalid'), 'true', 'le champ est signalé en erreur');
    violations.push(...await axe(page, '54-suppression-erreur'));
    const asked = parisToday();
    await confirmation.fill('SUPPRIMER');
    await page.getByRole('button', { name: 'Supprimer définitivement mon espace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suppression de votre espace en cours' }).waitFor();
    const gone = /au plus tard le (\d{2}\/\d{2}\/\d{4})/.exec(await page.getByText('Vos données seront supprimées définitivement').textContent());
    assert.ok(gone, 'la page dit quand les données auront disparu');
    assert.ok([plusDays(asked, 1), plusDays(parisToday(), 1)].includes(gone[1]), `supprimées au plus tard demain : ${gone[1]}`);
    assert.equal(await page.getByRole('button', { name: 'Rouvrir mon espace' }).count(), 0, 'une suppression ne se rouvre pas');
    assert.equal(await menu(page).getByRole('link', { name: 'Mes documents' }).count(), 0);
    violations.push(...await axe(page, '55-suppression-en-cours'));
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(invisible, [], 'le focus est visible sur chaque élément atteint au clavier');
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
