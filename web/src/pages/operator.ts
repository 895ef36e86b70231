import { api, ApiError } from '../api';
import { frenchDate, frenchDateTime, h } from '../dom';
import { alert, button, field, loading, pageTitle, submit, submitButton, dateField, isoDate } from '../ui';

interface ImportRun { importId: string; fichier: string; debut: string; fin: string | null; termine: boolean; plages: number;
  plagesImportees: number; plagesAbandonnees: number; lignesLues: number; personnesCreees: number;
  coordonneesMisesAJour: number; inchangees: number; rejetees: number; complet: boolean; erreurFichier: string | null; rapport: string | null }

/** « En cours : 3 plages sur 10 » (0 and 1 take the singular in French), or the run's outcome once its report is written. */
function runState(r: ImportRun): string {
  if (!r.termine) {
    const settled = r.plagesImportees + r.plagesAbandonnees;
    return `En cours : ${settled} plage${settled > 1 ? 's' : ''} sur ${r.plages}`;
  }
  return r.complet ? 'Complet' : `Incomplet${r.erreurFichier ? ` : ${r.erreurFichier}` : ''}`;
}
interface Progress { ciblees: number; envoyeesParEmail: number; envoyeesParCourrier: number; echecs: number; oppositions: number; espacesCrees: number }
interface Wave { id: string; statut: string; departements: string[]; debut: string; fin: string | null; parJour: number; parMinute: number;
  progression: Progress; creeeLe: string; creePar: string }

const WAVE_STATUS: Record<string, string> = { ACTIVE: 'En cours', PAUSED: 'Suspendue', CANCELLED: 'Annulée', COMPLETED: 'Terminée' };

export async function imports(main: HTMLElement): Promise<void> {
  main.replaceChildren(...pageTitle('Imports du registre'), loading('des imports'));
  const runs = await api<{ imports: ImportRun[] }>('GET', '/admin/population/imports?limite=50', undefined, 'admin');
  main.replaceChildren(...pageTitle('Imports du registre', 'Chaque fichier déposé par l’assurance maladie, avec ses comptes et son rapport.'),
    runs.imports.length === 0 ? h('p', {}, 'Aucun import pour l’instant.') :
      h('div', { class: 'fr-table' }, h('table', { tabindex: 0 }, h('caption', {}, 'Derniers imports, du plus récent au plus ancien'),
        h('thead', {}, h('tr', {}, ['Fichier', 'Début', 'Lues', 'Créées', 'Mises à jour', 'Inchangées', 'Rejetées', 'État']
          .map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, runs.imports.map(r => h('tr', {},
          h('td', {}, r.fichier), h('td', {}, frenchDateTime(r.debut)), h('td', {}, String(r.lignesLues)),
          h('td', {}, String(r.personnesCreees)), h('td', {}, String(r.coordonneesMisesAJour)), h('td', {}, String(r.inchangees)),
          h('td', {}, String(r.rejetees)), h('td', {}, runState(r))))))));
}

export async function waves(main: HTMLElement): Promise<void> {
  const feedback = h('div', { 'aria-live': 'polite' });
  const list = h('div', { 'aria-live': 'polite' });
  const departments = field('departements', 'Départements', { hint: 'Séparés par des virgules, par exemple 31, 44, 80', required: true });
  const start = dateField('debut', 'Début', { required: true });
  const end = dateField('fin', 'Fin (facultative)');
  const perDay = field('parJour', 'Envois par jour', { type: 'number', required: true, value: '10000', inputmode: 'numeric' });
  const perMinute = field('parMinute', 'Envois par minute', { type: 'number', required: true, value: '100', inputmode: 'numeric' });
  const form = h('form', { novalidate: true, class: 'fr-mb-4w' }, h('fieldset', { class: 'fr-fieldset' },
    h('legend', { class: 'fr-fieldset__legend' }, 'Planifier une vague'), h('div', { class: 'fr-fieldset__element' }, feedback),
    departments.group, start.group, end.group, perDay.group, perMinute.group,
    submitButton('Planifier', 'fr-btn')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [departments, start, end, perDay, perMinute], feedback, async () => {
      const wave = await api<Wave>('POST', '/admin/vagues', {
        departements: departments.input.value.split(',').map(d => d.trim()).filter(Boolean),
        debut: isoDate(start), fin: isoDate(end) || null,
        parJour: Number(perDay.input.value), parMinute: Number(perMinute.input.value) }, 'admin');
      feedback.replaceChildren(alert('success', `Vague planifiée : ${wave.progression.ciblees} personnes ciblées.`));
      await load();
    });
  });
  async function change(wave: Wave, action: 'suspension' | 'reprise' | 'annulation'): Promise<void> {
    try {
      await api('POST', `/admin/vagues/${wave.id}/${action}`, {}, 'admin');
      await load();
    } catch (e) {
      feedback.replaceChildren(alert('error', (e as ApiError).message));
    }
  }
  async function load(): Promise<void> {
    const all = await api<{ vagues: Wave[] }>('GET', '/admin/vagues', undefined, 'admin');
    list.replaceChildren(all.vagues.length === 0 ? h('p', {}, 'Aucune vague planifiée.') :
      h('ul', { class: 'fr-raw-list' }, all.vagues.map(w => {
        const p = w.progression;
        const done = p.envoyeesParEmail + p.envoyeesParCourrier;
        const barId = `progression-${w.id}`;
        return h('li', { class: 'fr-mb-3w', 'data-vague': w.id },
          h('h3', { class: 'fr-h6' }, `Vague ${w.departements.join(', ')} du ${frenchDate(w.debut)} — ${WAVE_STATUS[w.statut] ?? w.statut}`),
          h('label', { class: 'fr-label', for: barId }, `Notifiées : ${done} sur ${p.ciblees}`),
          h('progress', { id: barId, max: Math.max(p.ciblees, 1), value: done }),
          h('p', { class: 'fr-text--sm' }, `Courriels ${p.envoyeesParEmail} · courriers ${p.envoyeesParCourrier} · échecs ${p.echecs} · oppositions ${p.oppositions} · espaces créés ${p.espacesCrees}`),
          h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
            w.statut === 'ACTIVE' ? h('li', {}, button('Suspendre', () => void change(w, 'suspension'), 'secondary')) : null,
            w.statut === 'PAUSED' ? h('li', {}, button('Reprendre', () => void change(w, 'reprise'), 'secondary')) : null,
            w.statut === 'ACTIVE' || w.statut === 'PAUSED' ? h('li', {}, button('Annuler', () => void change(w, 'annulation'), 'tertiary')) : null));
      })));
  }
  main.replaceChildren(...pageTitle('Vagues de notification', 'Planifier, suivre et piloter l’envoi des codes par courriel et par courrier.'),
    form, h('h2', {}, 'Vagues'), h('p', { class: 'fr-text--sm' }, 'La progression se met à jour toutes les 10 secondes.'),
    button('Actualiser', () => void load(), 'tertiary'), list);
  list.replaceChildren(loading('des vagues'));
  await load();
  // Live progress while the page is shown; the list is not announced at each refresh (no aria-live).
  list.removeAttribute('aria-live');
  const timer = window.setInterval(() => {
    if (!main.isConnected) window.clearInterval(timer);
    else void load().catch(() => undefined);
  }, 10_000);
}
