import { actingFor, api, ApiError, helpedPerson } from '../api';
import { frenchDate, h, uid } from '../dom';
import { alert, button, dateField, isoDate, loading, pageTitle, submit } from '../ui';

type Category = 'VACCINATION' | 'DEPISTAGE' | 'DENTAIRE' | 'EXAMEN_ENFANT';
type Status = 'A_PLANIFIER' | 'FAIT' | 'NON_CONCERNE';
/**
 * A recommended vaccination, screening or examination for this age (and sex), with its window (du, au: AAAA-MM-JJ,
 * both included); depasse: its window is over and it is still to plan; source: the recommendation it comes from.
 */
interface Item {
  code: string; categorie: Category; libelle: string; du: string; au: string; statut: Status; faitLe: string | null; depasse: boolean;
  source: string;
}

const CATEGORIES: Array<[Category, string]> = [['VACCINATION', 'Vaccinations'], ['DEPISTAGE', 'Dépistages'],
  ['DENTAIRE', 'Santé bucco-dentaire'], ['EXAMEN_ENFANT', 'Examens de l’enfant']];
const STATUSES: Record<Status, [string, string]> = { A_PLANIFIER: ['À planifier', 'fr-badge--info'], FAIT: ['Fait', 'fr-badge--success'],
  NON_CONCERNE: ['Non concerné', ''] };
/** The refusals of « Fait le… » that do not name their field. */
const DATE_CODES = new Set(['DATE_FUTURE', 'DATE_MANQUANTE', 'DATE_INVALIDE']);

function failed(feedback: HTMLElement, e: unknown): void {
  feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
}

/** A success announced and given the focus: the button that was pressed is gone with the list it sat in. */
function announce(feedback: HTMLElement, message: string): void {
  const done = alert('success', message);
  done.setAttribute('tabindex', '-1');
  feedback.replaceChildren(done);
  done.focus();
}

function badge(text: string, kind: string): HTMLElement {
  return h('li', {}, h('p', { class: `fr-badge fr-badge--sm ${kind}` }, text));
}

/** « Mon calendrier de prévention »: what is recommended by category, its window, and what was done. */
export async function prevention(main: HTMLElement): Promise<void> {
  const helped = helpedPerson();
  const child = actingFor();
  // Marking changes the record: the patient's or a parent's, not a caregiver's (who reads it).
  const owner = !helped;
  const whose = helped ? `Calendrier de prévention de ${helped.nom}` : child ? `Calendrier de prévention de ${child.prenoms}`
    : 'Mon calendrier de prévention';
  main.replaceChildren(...pageTitle(whose), loading('du calendrier de prévention'));
  const feedback = h('div', { 'aria-live': 'polite' });
  const lists = h('div');
  let items: Item[] = [];

  async function load(): Promise<void> {
    items = (await api<{ elements: Item[] }>('GET', '/espace/agenda/prevention')).elements;
    draw();
  }

  function draw(): void {
    const groups = CATEGORIES.map(([category, title]) => [category, title, items.filter(i => i.categorie === category)] as const)
      .filter(([, , found]) => found.length > 0);
    lists.replaceChildren(...(groups.length === 0
      ? [h('p', {}, 'Aucune vaccination, aucun dépistage ni examen recommandé pour cette période.')]
      : groups.map(([category, title, found]) => h('section', { class: 'fr-mt-4w', 'aria-labelledby': `prevention-${category}` },
        h('h2', { id: `prevention-${category}` }, title),
        h('ul', { class: 'fr-raw-list', 'aria-labelledby': `prevention-${category}` }, found.map(card))))));
  }

  function card(i: Item): HTMLElement {
    const heading = `prevention-${i.code}`;
    const footer = h('div', { class: 'fr-card__footer' });
    if (owner) {
      const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' });
      if (i.statut !== 'FAIT') {
        const done = button('Fait le…', () => doneOn(i, footer, done), 'secondary', { 'aria-label': `Fait le… : ${i.libelle}` });
        actions.append(h('li', {}, done));
      }
      if (i.statut !== 'NON_CONCERNE') {
        actions.append(h('li', {}, button('Non concerné', () => void mark(i, { statut: 'NON_CONCERNE' },
          `« ${i.libelle} » : non concerné.`), 'secondary', { 'aria-label': `Non concerné : ${i.libelle}` })));
      }
      if (i.statut !== 'A_PLANIFIER') {
        actions.append(h('li', {}, button('À planifier', () => void mark(i, { statut: 'A_PLANIFIER' },
          `« ${i.libelle} » est de nouveau à planifier.`), 'tertiary', { 'aria-label': `À planifier : ${i.libelle}` })));
      }
      footer.append(actions);
    }
    return h('li', { class: 'fr-card fr-mb-2w', 'data-prevention': i.code, 'aria-labelledby': heading },
      h('div', { class: 'fr-card__body' },
        h('div', { class: 'fr-card__content' },
          h('h3', { class: 'fr-card__title fr-h6', id: heading }, i.libelle),
          h('div', { class: 'fr-card__desc' },
            h('p', { class: 'fr-mb-1v' }, i.du === i.au ? `Le ${frenchDate(i.du)}`
              : `Du ${frenchDate(i.du)} au ${frenchDate(i.au)}`),
            i.statut === 'FAIT' && i.faitLe ? h('p', { class: 'fr-text--bold fr-mb-1v' }, `Fait le ${frenchDate(i.faitLe)}`) : null,
            h('p', { class: 'fr-text--xs fr-mb-1v' }, `Source : ${i.source}`)),
          h('div', { class: 'fr-card__start' }, h('ul', { class: 'fr-badges-group' },
            badge(STATUSES[i.statut][0], STATUSES[i.statut][1]),
            i.depasse ? badge('Dépassé', 'fr-badge--warning') : null))),
        footer));
  }

  async function mark(i: Item, body: Record<string, string>, done: string): Promise<void> {
    try {
      await api<Item>('PUT', `/espace/agenda/prevention/${encodeURIComponent(i.code)}`, body);
      await load();
      announce(feedback, done);
    } catch (e) {
      failed(feedback, e);
    }
  }

  /** « Fait le… »: the day it was done (today by default), next to the item, with its error next to the field. */
  function doneOn(i: Item, footer: HTMLElement, opener: HTMLButtonElement): void {
    const open = footer.querySelector('form');
    if (open) {
      (open.querySelector('input') as HTMLInputElement).focus();
      return;
    }
    const date = dateField('faitLe', 'Date de réalisation', { required: true, value: new Date().toLocaleDateString('en-CA') });
    const formFeedback = h('div');
    const question = uid('fait-le');
    const form = h('form', { novalidate: true, class: 'fr-mt-2w', 'aria-labelledby': question },
      h('p', { id: question, class: 'fr-text--bold fr-mb-1w' }, `Quand « ${i.libelle} » a-t-il été fait ?`), formFeedback, date.group,
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
        h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer')),
        h('li', {}, button('Annuler', () => { form.remove(); opener.focus(); }, 'secondary'))));
    form.addEventListener('submit', e => {
      e.preventDefault();
      void submit(form, [date], formFeedback, async () => {
        const day = isoDate(date);
        if (!day) throw new ApiError(400, 'DATE_MANQUANTE', 'Indiquez la date à laquelle cela a été fait, au format JJ/MM/AAAA.', 'faitLe');
        try {
          await api<Item>('PUT', `/espace/agenda/prevention/${encodeURIComponent(i.code)}`, { statut: 'FAIT', faitLe: day });
        } catch (error) {
          throw error instanceof ApiError && DATE_CODES.has(error.code) ? new ApiError(error.status, error.code, error.message, 'faitLe') : error;
        }
        await load();
        announce(feedback, `« ${i.libelle} » : fait le ${frenchDate(day)}.`);
      });
    });
    footer.append(form);
    date.input.focus();
  }

  await load();
  main.replaceChildren(...pageTitle(whose, helped
    ? 'Les vaccinations, dépistages et examens recommandés pour son âge ; en tant qu’aidant, vous les consultez.'
    : child ? `Les vaccinations et examens recommandés pour ${child.prenoms} selon son âge : notez ce qui est fait.`
      : 'Les vaccinations, dépistages et examens recommandés pour votre âge : notez ce qui est fait.'),
  h('p', {}, 'Ce calendrier suit les recommandations officielles, dont la source est indiquée sous chaque élément ; '
    + 'il ne remplace pas l’avis de votre médecin.'),
  feedback, lists);
}
