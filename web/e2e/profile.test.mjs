// Journey 12: the medical profile, the prevention calendar and the calendar subscription. A patient adds a severe
// penicillin allergy, declares « non concerné » for hospitalisations, adds a flu vaccination from the list, a weight
// and a height (and reads the BMI), sees a blood pressure with its diastolic above its systolic refused next to the
// field, adds a right one, finds the weight chart and its table, hides allergies from professionals, downloads the
// PDF summary; marks a prevention item done; subscribes to the agenda from outside (the address answers an
// iCalendar feed) and revokes it (the address no longer answers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, axe, browser, narrow, signIn, tab, activateWithIdentity, typed } from './support.mjs';

const NIR = process.env.E2E_PROFILE_NIR;
const NAME = process.env.E2E_PROFILE_NAME;
const BIRTH = process.env.E2E_PROFILE_BIRTH;
const menu = page => page.getByRole('navigation', { name: 'Menu principal' });
/** Today on Paris time (AAAA-MM-JJ): the browser's tab runs on Paris time. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
  .format(new Date());

test('un patient tient son profil médical et ses mesures, son calendrier de prévention, et s’abonne à son agenda', async () => {
  assert.ok(NIR && NAME && BIRTH, 'E2E_PROFILE_NIR, E2E_PROFILE_NAME et E2E_PROFILE_BIRTH sont requis');
  const chrome = await browser();
  const violations = [];
  try {
    // A fresh login, activated with identity
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/tableau-de-bord`);
    await signIn(page, `e2e-profil-${Date.now()}`);
    await activateWithIdentity(page, { nir: NIR, birth: BIRTH, name: NAME });

    // The profile, empty: « Non renseigné », not « Non concerné »
    await menu(page).getByRole('link', { name: 'Profil médical' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon profil médical' }).waitFor();
    const allergies = page.getByRole('region', { name: 'Allergies', exact: true });
    await allergies.getByText('Non renseigné.', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Mesures', exact: true }).getByText('Aucune mesure pour l’instant.').waitFor();
    violations.push(...await axe(page, '90-profil-vide'));

    // An allergy: penicillin, severe
    await allergies.getByRole('button', { name: 'Ajouter un élément : Allergies' }).click();
    const allergy = allergies.getByRole('form', { name: 'Ajouter à « Allergies »' });
    await allergy.getByLabel('Substance', { exact: true }).fill('Pénicilline');
    await allergy.getByLabel(/^Gravité/).selectOption({ label: 'Sévère' });
    violations.push(...await axe(page, '91-profil-allergie'));
    await allergy.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await allergies.getByRole('status').filter({ hasText: 'Ajouté à « Allergies ».' }).waitFor();
    const penicillin = allergies.locator('li[data-element]').filter({ hasText: 'Pénicilline' });
    await penicillin.getByText('Gravité : Sévère', { exact: true }).waitFor();
    assert.equal(await allergy.isVisible(), false, 'le formulaire se referme');
    assert.equal(await allergies.getByText('Non renseigné.').count(), 0);

    // Hospitalisations: « Non concerné », with its date
    const stays = page.getByRole('region', { name: 'Hospitalisations', exact: true });
    await stays.getByRole('button', { name: 'Non concerné : Hospitalisations' }).click();
    await stays.getByText(/^Non concerné depuis le (1er|\d{1,2}) \S+ \d{4}\.$/).waitFor();
    assert.equal(await stays.getByRole('button', { name: 'Non concerné : Hospitalisations' }).getAttribute('aria-pressed'), 'true',
      'le bouton dit que la rubrique est déclarée non concernée');

    // A vaccination from the list
    const vaccinations = page.getByRole('region', { name: 'Vaccinations', exact: true });
    await vaccinations.getByRole('button', { name: 'Ajouter un élément : Vaccinations' }).click();
    const shot = vaccinations.getByRole('form', { name: 'Ajouter à « Vaccinations »' });
    assert.equal(await shot.getByLabel(/^Autre vaccin \(nom\)/).isVisible(), false, 'le nom en clair seulement pour « Autre vaccin »');
    await shot.getByLabel(/^Vaccin(?!é)/).selectOption({ label: 'Grippe saisonnière' });
    await shot.getByLabel(/^Date/).fill(typed(TODAY));
    await shot.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await vaccinations.locator('li[data-element]').filter({ hasText: 'Grippe saisonnière' }).waitFor();
    violations.push(...await axe(page, '92-profil-rubriques'));

    // A weight and a height: the BMI follows
    const measures = page.getByRole('region', { name: 'Mesures', exact: true });
    const measuring = measures.getByRole('form', { name: 'Ajouter une mesure' });
    const save = measuring.getByRole('button', { name: 'Enregistrer la mesure' });
    assert.equal(await measuring.getByRole('option', { name: 'Indice de masse corporelle' }).count(), 0, 'l’IMC ne se saisit pas');
    await measuring.getByLabel('Type de mesure').selectOption({ label: 'Poids' });
    await measuring.getByLabel(/^Valeur/).fill('72,5');
    await save.click();
    await measures.locator('li[data-mesure="poids"]').filter({ hasText: 'Poids : 72,5 kg' }).waitFor();
    await measuring.getByLabel('Type de mesure').selectOption({ label: 'Taille' });
    await measuring.getByLabel(/^Valeur/).fill('175');
    await save.click();
    await measures.locator('li[data-mesure="taille"]').filter({ hasText: 'Taille : 175 cm' }).waitFor();
    await measures.locator('li[data-mesure="imc"]').filter({ hasText: 'Indice de masse corporelle : 23,7 kg/m²' }).waitFor();

    // A blood pressure with its diastolic above its systolic: refused, next to the field
    await measuring.getByLabel('Type de mesure').selectOption({ label: 'Tension artérielle' });
    const systolic = measuring.getByLabel(/^Systolique/);
    const diastolic = measuring.getByLabel(/^Diastolique/);
    await systolic.fill('80');
    await diastolic.fill('120');
    await save.click();
    const refusal = 'La pression diastolique (minima) doit être inférieure à la systolique (maxima).';
    await measuring.locator('.fr-input-group--error').filter({ has: page.locator('input[name="valeur2"]') }).getByText(refusal, { exact: true }).waitFor();
    assert.equal(await diastolic.getAttribute('aria-invalid'), 'true', 'le champ est signalé');
    assert.ok(await diastolic.evaluate(e => e === document.activeElement), 'le champ en erreur reçoit le focus');
    violations.push(...await axe(page, '93-profil-tension-refusee'));
    await systolic.fill('125');
    await diastolic.fill('80');
    await save.click();
    await measures.locator('li[data-mesure="tension"]').filter({ hasText: 'Tension artérielle : 125/80 mmHg' }).waitFor();
    assert.equal(await diastolic.getAttribute('aria-invalid'), null, 'l’erreur est effacée');

    // The weight chart (an image named by its summary) and its table
    const weight = measures.getByRole('region', { name: 'Poids', exact: true });
    const curve = weight.getByRole('img');
    assert.match(await curve.getAttribute('aria-label'), /^Courbe : Poids, 1 mesure, 72,5 kg le \d{2}\/\d{2}\/\d{4}\./);
    const table = weight.getByRole('table', { name: 'Poids (kg), du plus ancien au plus récent' });
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['Date', 'Valeur', 'Action']);
    assert.equal(await table.locator('tbody tr').count(), 1);
    assert.equal(await table.locator('tbody td').first().textContent(), '72,5');
    violations.push(...await axe(page, '94-profil-mesures'));
    violations.push(...await narrow(page, '94-profil-mesures'));

    // Allergies hidden from professionals (the treating doctor still reads them)
    const hiding = page.getByRole('group', { name: /^Masquer aux professionnels/ });
    // DSFR draws the checkbox on its label, which takes the click
    await hiding.locator('label').filter({ hasText: /^Allergies$/ }).click();
    assert.ok(await hiding.getByRole('checkbox', { name: 'Allergies', exact: true }).isChecked());
    await page.getByRole('button', { name: 'Enregistrer le masquage' }).click();
    await page.getByRole('status').filter({ hasText: 'Masquée aux professionnels (sauf votre médecin traitant) : Allergies.' }).waitFor();
    await allergies.getByText('Masquée aux professionnels', { exact: true }).waitFor();

    // The PDF summary: created (201), filed among the documents, downloaded
    const [created, download] = await Promise.all([
      page.waitForResponse(r => r.url().includes('/espace/profil/synthese') && r.request().method() === 'POST'),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger la synthèse (PDF)' }).click()]);
    assert.equal(created.status(), 201, 'la synthèse est créée');
    const saved = join(mkdtempSync(join(tmpdir(), 'e2e-')), 'synthese.pdf');
    await download.saveAs(saved);
    assert.equal(readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-', 'la synthèse est un PDF');
    await page.getByRole('status').filter({ hasText: /^« Synthèse du profil médical du .+ » est enregistrée dans les documents\./ }).waitFor();
    violations.push(...await axe(page, '95-profil-synthese'));

    // The prevention calendar: an item marked done today
    await menu(page).getByRole('link', { name: 'Prévention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon calendrier de prévention' }).waitFor();
    await page.getByText('Ce calendrier suit les recommandations officielles', { exact: false }).waitFor();
    violations.push(...await axe(page, '96-prevention'));
    const toDo = page.locator('li[data-prevention]').filter({ has: page.getByRole('button', { name: /^Fait le… : / }) });
    assert.ok(await toDo.count() > 0, 'l’identité E2E_PROFILE_* a au moins un élément de prévention à faire');
    const item = toDo.first();
    const code = await item.getAttribute('data-prevention');
    const label = (await item.locator('h3').textContent()).trim();
    await item.getByRole('button', { name: `Fait le… : ${label}` }).click();
    const when = item.getByRole('form', { name: `Quand « ${label} » a-t-il été fait ?` });
    assert.equal(await when.getByLabel(/^Date de réalisation/).inputValue(), typed(TODAY), 'aujourd’hui par défaut');
    violations.push(...await axe(page, '97-prevention-fait-le'));
    await when.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `« ${label} » : fait le ` }).waitFor();
    const done = page.locator(`li[data-prevention="${code}"]`);
    await done.getByText('Fait', { exact: true }).waitFor();
    await done.getByText(/^Fait le (1er|\d{1,2}) \S+ \d{4}$/).waitFor();
    assert.equal(await done.getByRole('button', { name: /^Fait le… / }).count(), 0, 'déjà fait');

    // The agenda subscription: the address shown once answers an iCalendar feed, until revoked
    await menu(page).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon agenda santé' }).waitFor();
    const subscription = page.getByRole('region', { name: 'Abonnement à mon agenda' });
    await subscription.getByText('Aucun abonnement actif.').waitFor();
    await subscription.getByRole('button', { name: 'Créer une adresse d’abonnement' }).click();
    const address = subscription.getByLabel(/^Adresse d’abonnement/);
    await address.waitFor();
    const url = await address.inputValue();
    assert.match(url, /\/calendrier\/[A-Za-z0-9_-]{43}$/, 'une adresse privée');
    assert.ok(await address.evaluate(e => e.readOnly), 'en lecture seule');
    await subscription.getByText('Copiez cette adresse maintenant : elle ne pourra plus être affichée.', { exact: false }).waitFor();
    violations.push(...await axe(page, '98-agenda-abonnement'));
    const feed = await fetch(url);
    assert.equal(feed.status, 200, 'l’adresse répond');
    assert.ok((await feed.text()).startsWith('BEGIN:VCALENDAR'), 'un calendrier iCalendar');
    await subscription.getByRole('button', { name: 'Révoquer l’abonnement' }).click();
    const revoking = subscription.getByRole('group', { name: /^Révoquer l’abonnement \?/ });
    await revoking.waitFor();
    violations.push(...await axe(page, '99-agenda-revocation'));
    await revoking.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await page.getByRole('status').filter({ hasText: 'L’abonnement est révoqué : son adresse ne fonctionne plus.' }).waitFor();
    await subscription.getByText('Aucun abonnement actif.').waitFor();
    assert.equal(await subscription.getByLabel(/^Adresse d’abonnement/).count(), 0, 'l’adresse n’est plus affichée');
    assert.equal((await fetch(url)).status, 404, 'l’adresse révoquée ne répond plus');
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
