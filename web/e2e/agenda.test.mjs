// Journey 9: the health agenda. A patient adds an appointment in 20 days (reminded the day before) and a reminder the
// same morning (two hours before), finds both under « À venir » in time order, moves the appointment to 11 h,
// cannot mark it done before it happens, cancels it, deletes the reminder after a confirmation, and sees the form
// refuse an appointment without its professional, next to the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, narrow, signIn, tab, activateWithIdentity, typed } from './support.mjs';

const NIR = process.env.E2E_AGENDA_NIR;
const NAME = process.env.E2E_AGENDA_NAME;
const BIRTH = process.env.E2E_AGENDA_BIRTH;
const menu = page => page.getByRole('navigation', { name: 'Menu principal' });
/** The Paris day (AAAA-MM-JJ) `n` days from now: the browser's tab runs on Paris time. */
const inDays = n => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
  .format(new Date(Date.now() + n * 86_400_000));

test('un patient tient son agenda santé : un rendez-vous et un rappel ajoutés, modifié, annulé, supprimé', async () => {
  assert.ok(NIR && NAME && BIRTH, 'E2E_AGENDA_NIR, E2E_AGENDA_NAME et E2E_AGENDA_BIRTH sont requis');
  const DAY = inDays(20);
  const chrome = await browser();
  const violations = [];
  try {
    // A fresh login, activated with identity
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/tableau-de-bord`);
    await signIn(page, `e2e-agenda-${Date.now()}`);
    await activateWithIdentity(page, { nir: NIR, birth: BIRTH, name: NAME });

    // The agenda, empty
    await menu(page).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon agenda santé' }).waitFor();
    const upcoming = page.getByRole('region', { name: 'À venir' });
    await upcoming.getByText('Aucun rendez-vous ni rappel à venir.').waitFor();
    violations.push(...await axe(page, '80-agenda-vide'));

    // An appointment in 20 days at 10:30, reminded the day before
    const adding = page.getByRole('form', { name: 'Ajouter un rendez-vous ou un rappel' });
    assert.ok(await adding.getByRole('radio', { name: 'Rendez-vous', exact: true }).isChecked(), 'un rendez-vous par défaut');
    await adding.getByLabel('Professionnel ou établissement').fill('Dr Martin');
    await adding.getByLabel(/^Spécialité/).fill('cardiologie');
    await adding.getByLabel(/^Date/).fill(typed(DAY));
    await adding.getByLabel(/^Heure/).fill('10:30');
    await adding.getByLabel(/^Adresse/).fill('12 rue de la Paix, 75002 Paris');
    await adding.getByLabel(/^Notes/).fill('Apporter l’électrocardiogramme.\nVenir à jeun.');
    assert.ok(await adding.getByLabel('Me rappeler ce rendez-vous par courriel').isChecked(), 'le rappel par courriel est proposé');
    await adding.getByLabel('Délai du rappel').selectOption({ label: 'La veille' });
    await adding.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistré dans votre agenda.' }).waitFor();
    const appointment = upcoming.locator('li[data-entree]').filter({ hasText: 'Dr Martin' });
    await appointment.waitFor();
    await appointment.locator(`time[datetime="${DAY}T10:30"]`).waitFor();
    assert.match(await appointment.locator('time').innerText(), /^\S+ (1er|\d{1,2}) \S+ \d{4} à 10 h 30$/, 'la date en toutes lettres');
    for (const text of ['Rendez-vous', 'Prévu', 'cardiologie', '12 rue de la Paix, 75002 Paris', 'Rappel par courriel la veille']) {
      await appointment.getByText(text, { exact: true }).waitFor();
    }
    assert.equal(await appointment.getByText('Venir à jeun.', { exact: false }).evaluate(e => e.innerText),
      'Apporter l’électrocardiogramme.\nVenir à jeun.', 'la note garde ses retours à la ligne');
    violations.push(...await axe(page, '81-agenda-rendez-vous'));

    // A reminder the same day at 08:00, two hours before: listed first
    // DSFR draws the radio on its label, which takes the click
    await adding.locator('label').filter({ hasText: /^Rappel$/ }).click();
    assert.ok(await adding.getByRole('radio', { name: 'Rappel', exact: true }).isChecked(), 'un rappel');
    await adding.getByLabel('Titre du rappel').fill('Prendre la tension');
    assert.equal(await adding.getByLabel(/^Spécialité/).isVisible(), false, 'pas de spécialité pour un rappel');
    await adding.getByLabel(/^Date/).fill(typed(DAY));
    await adding.getByLabel(/^Heure/).fill('08:00');
    assert.ok(await adding.getByLabel('Me prévenir de ce rappel par courriel').isChecked());
    await adding.getByLabel('Délai du rappel').selectOption({ label: 'Deux heures avant' });
    await adding.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const reminder = upcoming.locator('li[data-entree]').filter({ hasText: 'Prendre la tension' });
    await reminder.waitFor();
    await reminder.locator(`time[datetime="${DAY}T08:00"]`).waitFor();
    await reminder.getByText('Rappel', { exact: true }).waitFor();
    await reminder.getByText('Rappel par courriel deux heures avant', { exact: true }).waitFor();
    assert.deepEqual(await upcoming.locator('li[data-entree] h3').allTextContents(), ['Prendre la tension', 'Dr Martin'],
      'dans l’ordre des heures');
    violations.push(...await axe(page, '82-agenda-deux-entrees'));
    violations.push(...await narrow(page, '82-agenda-deux-entrees'));

    // The appointment moved to 11:00 through « Modifier », which fills the form
    await appointment.getByRole('button', { name: 'Modifier : Dr Martin' }).click();
    const editing = page.getByRole('form', { name: 'Modifier un rendez-vous ou un rappel' });
    await editing.waitFor();
    assert.equal(await editing.getByLabel('Professionnel ou établissement').inputValue(), 'Dr Martin');
    assert.equal(await editing.getByLabel(/^Heure/).inputValue(), '10:30');
    await editing.getByLabel(/^Heure/).fill('11:00');
    violations.push(...await axe(page, '83-agenda-modification'));
    await editing.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await appointment.locator(`time[datetime="${DAY}T11:00"]`).waitFor();
    assert.match(await appointment.locator('time').innerText(), / à 11 h$/);
    await adding.waitFor();
    assert.deepEqual(await upcoming.locator('li[data-entree] h3').allTextContents(), ['Prendre la tension', 'Dr Martin']);

    // Not done before it happens; cancelled
    assert.equal(await appointment.getByRole('button', { name: /^Marquer comme fait/ }).count(), 0,
      'un rendez-vous à venir ne se marque pas comme fait');
    await appointment.getByRole('button', { name: 'Annuler le rendez-vous : Dr Martin' }).click();
    await page.getByRole('status').filter({ hasText: 'Le rendez-vous « Dr Martin » est annulé.' }).waitFor();
    await appointment.getByText('Annulé', { exact: true }).waitFor();
    assert.equal(await appointment.getByText('Prévu', { exact: true }).count(), 0);
    assert.equal(await appointment.getByRole('button', { name: /^Annuler le rendez-vous/ }).count(), 0, 'déjà annulé');
    violations.push(...await axe(page, '84-agenda-annule'));

    // The reminder deleted, after a confirmation
    await reminder.getByRole('button', { name: 'Supprimer : Prendre la tension' }).click();
    const confirmation = reminder.getByRole('group', { name: /^Supprimer « Prendre la tension »/ });
    await confirmation.waitFor();
    violations.push(...await axe(page, '85-agenda-suppression'));
    await confirmation.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await page.getByRole('status').filter({ hasText: '« Prendre la tension » a été supprimé de l’agenda.' }).waitFor();
    assert.equal(await reminder.count(), 0, 'le rappel n’est plus listé');
    assert.deepEqual(await upcoming.locator('li[data-entree] h3').allTextContents(), ['Dr Martin']);

    // An appointment without its professional: refused next to the field, which takes the focus
    await adding.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Indiquez le professionnel ou l’établissement.' }).waitFor();
    const missing = adding.getByLabel('Professionnel ou établissement');
    assert.equal(await missing.getAttribute('aria-invalid'), 'true', 'le champ est signalé');
    assert.ok(await missing.evaluate(e => e === document.activeElement), 'le champ en erreur reçoit le focus');
    violations.push(...await axe(page, '86-agenda-erreur'));
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
