import { actingFor, api, ApiError, helpedPerson } from '../api';
import { frenchDate, h, uid } from '../dom';
import { alert, button, field, loading, pageTitle, submit, submitButton, type Field } from '../ui';

type ServiceState = 'EN_LIGNE' | 'SUSPENDU' | 'DEREFERENCE';
type Standing = 'A_JOUR' | 'A_REAPPROUVER' | 'EXPIRE' | 'INDISPONIBLE';
interface Label { code: string; libelle: string }
/** A service of the catalogue as the search lists it (online services only). */
interface Listed { id: string; nom: string; editeur: string; description: string; categories: string[]; etat: ServiceState }
/** page starts at 1. */
interface CataloguePage { services: Listed[]; total: number; page: number; parPage: number }
/** Per purpose, what the service would read and write in the space. */
interface Offered { code: string; libelle: string; lit: Label[]; ecrit: Label[] }
interface Sheet extends Listed { finalites: Offered[] }
/**
 * A service connected to the space: the purposes granted and what they let it read and write, who connected it and
 * when; statut: its standing (reapprouverAvant: the day a re-approval is due); etatService: its state in the catalogue.
 */
interface Connection {
  id: string; nom: string; editeur: string; finalites: Label[]; lit: Label[]; ecrit: Label[]; connecteLe: string;
  connectePar: string; statut: Standing; reapprouverAvant: string | null; etatService: ServiceState;
}

export const SERVICE_CATEGORIES: Array<[string, string]> = [
  ['prevention', 'Prévention'], ['suivi-parcours-de-soins', 'Suivi du parcours de soins'],
  ['dispositifs-connectes', 'Dispositifs médicaux connectés'], ['bien-etre', 'Bien-être'],
  ['handicap-et-autonomie', 'Handicap et autonomie'], ['sante-mentale', 'Santé mentale'], ['maladies-chroniques', 'Maladies chroniques'],
];
const SHORT = 180;
/** The API's refusals of a connection that concern the purposes, shown next to their fieldset. */
const PURPOSE_CODES = new Set(['FINALITE_MANQUANTE', 'FINALITE_NON_PROPOSEE']);

function categoryOf(code: string): string {
  return SERVICE_CATEGORIES.find(([c]) => c === code)?.[1] ?? code;
}

function failed(feedback: HTMLElement, e: unknown): void {
  feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
}

/** A success announced and given the focus: the button that was pressed may be gone with the list it sat in. */
function announce(feedback: HTMLElement, message: string | HTMLElement): void {
  const done = typeof message === 'string' ? alert('success', message) : message;
  done.setAttribute('tabindex', '-1');
  feedback.replaceChildren(done);
  done.focus();
}

/** The first sentences of a description, cut on a word. */
function short(text: string): string {
  if (text.length <= SHORT) return text;
  const cut = text.slice(0, SHORT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SHORT - 20)).trimEnd()}…`;
}

function tags(codes: string[]): HTMLElement | null {
  return codes.length ? h('ul', { class: 'fr-tags-group' }, codes.map(c => h('li', {}, h('p', { class: 'fr-tag fr-tag--sm' }, categoryOf(c)))))
    : null;
}

/** What a service reads or writes, as a list; « Rien » when nothing. */
function scopes(list: Label[], labelledBy: string): HTMLElement {
  return list.length === 0 ? h('p', { class: 'fr-mb-2w' }, 'Rien.')
    : h('ul', { class: 'fr-mb-2w', 'aria-labelledby': labelledBy }, list.map(s => h('li', {}, s.libelle)));
}

/** Whose space the connections are made in: one's own, a child's, a helped person's. */
function whoseSpace(): { own: boolean; title: string; space: string } {
  const helped = helpedPerson();
  const child = actingFor();
  if (helped) return { own: false, title: `Services connectés de ${helped.nom}`, space: `l’espace de ${helped.nom}` };
  if (child) return { own: false, title: `Services connectés de ${child.prenoms}`, space: `l’espace de ${child.prenoms}` };
  return { own: true, title: 'Mes services connectés', space: 'mon espace' };
}

/** « patient » is the space's owner: « vous » in one's own space. */
function connectedBy(by: string): string {
  if (by !== 'patient') return by;
  const helped = helpedPerson();
  const child = actingFor();
  return helped ? helped.nom : child ? child.prenoms : 'vous';
}

/**
 * « Catalogue de services »: the referenced services online, searched by words (case and accents do not matter) and
 * category, ten a page. The search lives in the address (#/catalogue?texte=…&categorie=…&page=…): it can be kept,
 * shared, and the browser's back button returns to the previous results.
 */
export async function catalogue(main: HTMLElement): Promise<void> {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const text = field('texte', 'Rechercher un service', { type: 'search', autocomplete: 'off', maxlength: 100,
    hint: 'Un nom, un éditeur ou un mot de sa description', value: params.get('texte') ?? '' });
  const category = field('categorie', 'Catégorie', { choices: [['', 'Toutes les catégories'], ...SERVICE_CATEGORIES],
    value: params.get('categorie') ?? '' });
  const feedback = h('div', { 'aria-live': 'polite' });
  const count = h('p', { class: 'fr-text--sm fr-mb-2w', id: 'nombre-services', role: 'status', tabindex: -1 });
  const list = h('div');
  const pages = h('div');
  const form = h('form', { novalidate: true, role: 'search', 'aria-label': 'Rechercher dans le catalogue', class: 'fr-mb-4w' }, feedback,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-6' }, text.group), h('div', { class: 'fr-col-12 fr-col-md-4' }, category.group),
      h('div', { class: 'fr-col-12 fr-col-md-2' }, submitButton('Rechercher', 'fr-btn fr-mt-md-4w'))));

  /** The address of a page of results for the search typed. */
  function addressOf(page: number): string {
    const query = new URLSearchParams();
    if (text.input.value.trim()) query.set('texte', text.input.value.trim());
    if (category.input.value) query.set('categorie', category.input.value);
    if (page > 1) query.set('page', String(page));
    const q = query.toString();
    return `#/catalogue${q ? `?${q}` : ''}`;
  }

  async function load(page: number): Promise<void> {
    const query = new URLSearchParams({ page: String(page) });
    if (text.input.value.trim()) query.set('texte', text.input.value.trim());
    if (category.input.value) query.set('categorie', category.input.value);
    const found = await api<CataloguePage>('GET', `/espace/catalogue?${query}`);
    const last = Math.max(1, Math.ceil(found.total / Math.max(found.parPage, 1)));
    count.textContent = found.total === 0 ? '' : found.total === 1 ? '1 service trouvé.'
      : `${found.total} services trouvés${last > 1 ? `, page ${found.page} sur ${last}` : ''}.`;
    list.replaceChildren(found.services.length === 0 ? h('p', {}, 'Aucun service ne correspond.')
      : h('ul', { class: 'fr-raw-list fr-grid-row fr-grid-row--gutters', 'aria-labelledby': 'resultats' }, found.services.map(card)));
    if (found.total === 0) count.textContent = 'Aucun service ne correspond.';
    pages.replaceChildren(found.total > found.parPage ? pagination(found.page, last) : '');
  }

  function card(s: Listed): HTMLElement {
    return h('li', { class: 'fr-col-12 fr-col-md-6', 'data-service': s.id },
      h('div', { class: 'fr-card fr-enlarge-link' },
        h('div', { class: 'fr-card__body' },
          h('div', { class: 'fr-card__content' },
            h('h3', { class: 'fr-card__title' }, h('a', { href: `#/catalogue/${encodeURIComponent(s.id)}` }, s.nom)),
            h('p', { class: 'fr-card__desc' }, short(s.description)),
            h('div', { class: 'fr-card__start' }, tags(s.categories),
              h('p', { class: 'fr-card__detail' }, `Édité par ${s.editeur}`))))));
  }

  /** DSFR pagination: the first, previous, a window of pages around the current one, next and last. */
  function pagination(current: number, last: number): HTMLElement {
    const numbers = new Set([1, last, current - 1, current, current + 1].filter(n => n >= 1 && n <= last));
    const shown = [...numbers].sort((a, b) => a - b);
    const link = (n: number, label: string, extra = ''): HTMLElement => (n === current || n < 1 || n > last
      ? h('a', { class: `fr-pagination__link ${extra}`.trim(), role: 'link', 'aria-disabled': 'true' }, label)
      : h('a', { class: `fr-pagination__link ${extra}`.trim(), href: addressOf(n), onclick: (e: Event) => go(e, n) }, label));
    const items: HTMLElement[] = [
      h('li', {}, link(current === 1 ? 0 : 1, 'Première page', 'fr-pagination__link--first')),
      h('li', {}, link(current - 1, 'Page précédente', 'fr-pagination__link--prev fr-pagination__link--lg-label')),
    ];
    shown.forEach((n, i) => {
      if (i > 0 && n - shown[i - 1] > 1) items.push(h('li', {}, h('span', { class: 'fr-pagination__link' }, '…')));
      items.push(h('li', {}, n === current
        ? h('a', { class: 'fr-pagination__link', 'aria-current': 'page', title: `Page ${n}` }, String(n))
        : h('a', { class: 'fr-pagination__link', href: addressOf(n), title: `Page ${n}`, onclick: (e: Event) => go(e, n) }, String(n))));
    });
    items.push(h('li', {}, link(current + 1, 'Page suivante', 'fr-pagination__link--next fr-pagination__link--lg-label')),
      h('li', {}, link(current === last ? last + 1 : last, 'Dernière page', 'fr-pagination__link--last')));
    return h('nav', { class: 'fr-pagination fr-mt-4w', role: 'navigation', 'aria-label': 'Pagination des résultats' },
      h('ul', { class: 'fr-pagination__list' }, items));
  }

  /** Another page of the same search: the address follows, the focus goes to the count of results. */
  function go(e: Event, page: number): void {
    e.preventDefault();
    window.history.pushState(null, '', addressOf(page));
    void run(page).then(() => count.focus());
  }

  function run(page: number): Promise<void> {
    return submit(form, [text, category], feedback, () => load(page));
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    // The address keeps the search, without reloading the page (pushState fires no hashchange).
    window.history.pushState(null, '', addressOf(1));
    void run(1);
  });

  main.replaceChildren(...pageTitle('Catalogue de services', 'Des applications et services de santé référencés, que vous pouvez connecter '
    + 'à votre espace : vous choisissez pour quoi, et vous voyez ce qu’ils pourront lire et écrire.'), loading('du catalogue'));
  await load(Math.max(1, Number(params.get('page')) || 1));
  main.replaceChildren(...pageTitle('Catalogue de services', 'Des applications et services de santé référencés, que vous pouvez connecter '
    + 'à votre espace : vous choisissez pour quoi, et vous voyez ce qu’ils pourront lire et écrire.'),
  h('p', {}, h('a', { class: 'fr-link', href: '#/services' }, whoseSpace().title)),
  form,
  h('section', { 'aria-labelledby': 'resultats' }, h('h2', { id: 'resultats' }, 'Services'), count, list, pages));
}

/** A checkbox group as a form's field: its error sits at the end of the fieldset, which it names. */
function choiceGroup(name: string, legend: string, choices: Array<[string, string]>, checked: string[]): Field & { values(): string[] } {
  const id = uid(name);
  const legendId = `${id}-legende`;
  const messagesId = `${id}-messages`;
  const boxes = choices.map(([value, text]) => {
    const box = h('input', { type: 'checkbox', id: `${id}-${value}`, name, value, checked: checked.includes(value) });
    return { box, group: h('div', { class: 'fr-fieldset__element' },
      h('div', { class: 'fr-checkbox-group' }, box, h('label', { class: 'fr-label', for: box.id }, text))) };
  });
  const messages = h('div', { class: 'fr-messages-group', id: messagesId, 'aria-live': 'polite' });
  const group = h('fieldset', { class: 'fr-fieldset', id, 'aria-labelledby': legendId },
    h('legend', { class: 'fr-fieldset__legend fr-fieldset__legend--regular', id: legendId }, legend),
    boxes.map(b => b.group), messages);
  return {
    group, input: boxes[0]?.box ?? h('input', { type: 'checkbox' }), name,
    values: () => boxes.filter(b => b.box.checked).map(b => b.box.value),
    showError(message) {
      group.classList.toggle('fr-fieldset--error', Boolean(message));
      group.setAttribute('aria-labelledby', message ? `${legendId} ${messagesId}` : legendId);
      messages.replaceChildren(message ? h('p', { class: 'fr-message fr-message--error' }, message) : '');
      boxes.forEach(b => { if (message) b.box.setAttribute('aria-invalid', 'true'); else b.box.removeAttribute('aria-invalid'); });
    },
  };
}

/** A single checkbox as a form's field, its error right under it. */
function checkbox(name: string, label: string): Field & { checked(): boolean } {
  const id = uid(name);
  const messagesId = `${id}-messages`;
  const box = h('input', { type: 'checkbox', id, name, required: true });
  const messages = h('div', { class: 'fr-messages-group', id: messagesId, 'aria-live': 'polite' });
  const inner = h('div', { class: 'fr-checkbox-group' }, box, h('label', { class: 'fr-label', for: id }, label), messages);
  return {
    group: h('div', { class: 'fr-fieldset__element' }, inner), input: box, name, checked: () => box.checked,
    showError(message) {
      inner.classList.toggle('fr-checkbox-group--error', Boolean(message));
      if (message) {
        box.setAttribute('aria-describedby', messagesId);
        box.setAttribute('aria-invalid', 'true');
      } else {
        box.removeAttribute('aria-describedby');
        box.removeAttribute('aria-invalid');
      }
      messages.replaceChildren(message ? h('p', { class: 'fr-message fr-message--error' }, message) : '');
    },
  };
}

/**
 * A service's page: who makes it, what it is for, and per purpose what it would read and write in the space; the form
 * that connects it for the purposes chosen, once the person says they read what it would read and write.
 */
export async function serviceSheet(main: HTMLElement, serviceId: string): Promise<void> {
  main.replaceChildren(...pageTitle('Service du catalogue'), loading('du service'));
  const path = encodeURIComponent(serviceId);
  const [sheet, connections] = await Promise.all([
    api<Sheet>('GET', `/espace/catalogue/${path}`),
    // Only to say whether it is already connected: the page still shows without it.
    api<{ services: Connection[] }>('GET', '/espace/services').then(r => r.services).catch(() => [] as Connection[]),
  ]);
  document.title = `${sheet.nom} — Catalogue de services — Espace Santé`;
  const whose = whoseSpace();
  const online = sheet.etat === 'EN_LIGNE';
  const state = h('div');

  function connectedState(c: Connection | undefined): void {
    state.replaceChildren(c ? alert('info', `Ce service est connecté à ${whose.space} depuis le ${frenchDate(c.connecteLe)}, pour : `
      + `${c.finalites.map(f => f.libelle).join(', ')}. Le connecter à nouveau remplace ces finalités.`) : '');
  }

  const purposesOf = (sheet.finalites ?? []).map(f => {
    const heading = uid(`finalite-${f.code}`);
    return h('li', { class: 'fr-col-12 fr-col-md-6', 'data-finalite': f.code },
      h('div', { class: 'fr-card' }, h('div', { class: 'fr-card__body' }, h('div', { class: 'fr-card__content' },
        h('h3', { class: 'fr-card__title fr-h6', id: heading }, f.libelle),
        h('div', { class: 'fr-card__desc' },
          h('h4', { class: 'fr-text--md fr-text--bold fr-mb-1v', id: `${heading}-lit` }, 'Ce que le service pourra lire'),
          scopes(f.lit, `${heading}-lit`),
          h('h4', { class: 'fr-text--md fr-text--bold fr-mb-1v', id: `${heading}-ecrit` }, 'Ce que le service pourra écrire'),
          scopes(f.ecrit, `${heading}-ecrit`))))));
  });

  const current = connections.find(c => c.id === sheet.id);
  connectedState(current);
  const connect = online ? connectForm() : h('div', { class: 'fr-alert fr-alert--warning fr-alert--sm' },
    h('p', {}, sheet.etat === 'SUSPENDU' ? 'Ce service est suspendu : il ne peut pas être connecté pour l’instant.'
      : 'Ce service n’est plus référencé au catalogue : il ne peut plus être connecté.'));

  main.replaceChildren(
    h('p', {}, h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left', href: '#/catalogue' }, 'Retour au catalogue')),
    ...pageTitle(sheet.nom, `Édité par ${sheet.editeur}`),
    tags(sheet.categories) ?? '',
    h('p', {}, sheet.description),
    h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'finalites' },
      h('h2', { id: 'finalites' }, 'Ce que le service fait dans l’espace, selon la finalité'),
      h('p', {}, 'Le service ne lit et n’écrit que ce que permettent les finalités pour lesquelles vous le connectez. '
        + 'Il ne connaît pas votre identité : il reçoit un identifiant qui lui est propre.'),
      purposesOf.length ? h('ul', { class: 'fr-raw-list fr-grid-row fr-grid-row--gutters', 'aria-labelledby': 'finalites' }, purposesOf)
        : h('p', {}, 'Ce service ne propose aucune finalité.')),
    h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'connecter' }, h('h2', { id: 'connecter' }, 'Connecter ce service'), state, connect));

  function connectForm(): HTMLElement {
    const purposes = choiceGroup('finalites', 'Pour quelles finalités connecter ce service ?',
      (sheet.finalites ?? []).map(f => [f.code, f.libelle] as [string, string]), current?.finalites.map(f => f.code) ?? []);
    const read = checkbox('lu', `J’ai lu ce que ce service pourra lire et écrire dans ${whose.space}`);
    const feedback = h('div', { 'aria-live': 'polite' });
    const form = h('form', { novalidate: true, 'aria-labelledby': 'connecter' }, feedback, purposes.group,
      h('div', { class: 'fr-fieldset' }, read.group), submitButton('Connecter le service', 'fr-btn'));
    form.addEventListener('submit', e => {
      e.preventDefault();
      void submit(form, [purposes, read], feedback, async () => {
        const finalites = purposes.values();
        if (finalites.length === 0) throw new ApiError(400, 'FINALITE_MANQUANTE', 'Choisissez au moins une finalité.', purposes.name);
        if (!read.checked()) {
          throw new ApiError(400, 'LECTURE_NON_CONFIRMEE', 'Cochez cette case pour confirmer avoir lu ce que le service pourra lire et écrire.',
            read.name);
        }
        let connected: Connection;
        try {
          connected = await api<Connection>('POST', `/espace/services/${path}`, { finalites });
        } catch (error) {
          throw error instanceof ApiError && PURPOSE_CODES.has(error.code)
            ? new ApiError(error.status, error.code, error.message, purposes.name) : error;
        }
        (read.input as HTMLInputElement).checked = false;
        connectedState(connected);
        announce(feedback, h('div', { class: 'fr-alert fr-alert--success fr-alert--sm fr-mb-3w', role: 'status' },
          h('p', {}, `« ${connected.nom} » est connecté à ${whose.space} pour : ${connected.finalites.map(f => f.libelle).join(', ')}. `,
            h('a', { class: 'fr-link', href: '#/services' }, whose.title))));
      });
    });
    return form;
  }
}

/**
 * « Mes services connectés »: each service with its purposes, what it reads and writes, who connected it and when, its
 * standing; re-approving one (due, or expired) with the same purposes; revoking one, in two steps (not a caregiver).
 */
export async function connectedServices(main: HTMLElement): Promise<void> {
  const whose = whoseSpace();
  const helped = helpedPerson();
  main.replaceChildren(...pageTitle(whose.title), loading('des services connectés'));
  const feedback = h('div', { 'aria-live': 'polite' });
  const list = h('div');

  async function load(): Promise<void> {
    const { services } = await api<{ services: Connection[] }>('GET', '/espace/services');
    list.replaceChildren(services.length === 0
      ? h('div', {}, h('p', {}, 'Aucun service connecté.'),
        h('p', {}, h('a', { class: 'fr-link', href: '#/catalogue' }, 'Parcourir le catalogue de services')))
      : h('ul', { class: 'fr-raw-list' }, services.map(item)));
  }

  function standing(c: Connection): HTMLElement {
    const [text, kind] = c.statut === 'A_JOUR' ? ['À jour', 'fr-badge--success']
      : c.statut === 'A_REAPPROUVER' ? [c.reapprouverAvant ? `À réapprouver avant le ${frenchDate(c.reapprouverAvant)}` : 'À réapprouver',
        'fr-badge--warning']
        : c.statut === 'EXPIRE' ? ['Expiré', 'fr-badge--error'] : ['Indisponible', ''];
    return h('ul', { class: 'fr-badges-group' }, h('li', {}, h('p', { class: `fr-badge fr-badge--sm ${kind}`.trim() }, text)));
  }

  function why(c: Connection): string | null {
    if (c.statut === 'A_REAPPROUVER') return 'Le service a changé ce qu’il demande depuis votre accord, ou votre accord arrive à échéance : '
      + 'réapprouvez-le pour qu’il continue d’accéder à l’espace.';
    if (c.statut === 'EXPIRE') return 'Votre accord a expiré : le service n’accède plus à l’espace tant que vous ne le réapprouvez pas.';
    if (c.statut === 'INDISPONIBLE') {
      return c.etatService === 'SUSPENDU' ? 'Le service est suspendu du catalogue : il n’accède plus à l’espace.'
        : 'Le service n’est plus référencé au catalogue : il n’accède plus à l’espace.';
    }
    return null;
  }

  function item(c: Connection): HTMLElement {
    const heading = uid(`service-${c.id}`);
    const explanation = why(c);
    const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' });
    const footer = h('div', { class: 'fr-card__footer' }, actions);
    if (c.statut === 'A_REAPPROUVER' || c.statut === 'EXPIRE') {
      actions.append(h('li', {}, button('Réapprouver', () => void reapprove(c), 'primary', { 'aria-label': `Réapprouver : ${c.nom}` })));
    }
    actions.append(h('li', {}, h('a', { class: 'fr-btn fr-btn--secondary', href: `#/catalogue/${encodeURIComponent(c.id)}`,
      'aria-label': `Voir la fiche du service : ${c.nom}` }, 'Voir la fiche du service')));
    // Revoking manages the space: the patient's (or a parent's), not a caregiver's.
    if (!helped) {
      const opener = button('Révoquer', () => revoke(c, footer, opener), 'tertiary', { 'aria-label': `Révoquer : ${c.nom}` });
      actions.append(h('li', {}, opener));
    }
    return h('li', { class: 'fr-card fr-mb-2w', 'data-service': c.id, 'aria-labelledby': heading },
      h('div', { class: 'fr-card__body' },
        h('div', { class: 'fr-card__content' },
          h('h2', { class: 'fr-card__title fr-h5', id: heading, tabindex: -1 }, c.nom),
          h('div', { class: 'fr-card__desc' },
            h('p', { class: 'fr-mb-1w' }, `Édité par ${c.editeur}. Connecté le ${frenchDate(c.connecteLe)} par ${connectedBy(c.connectePar)}.`),
            explanation ? h('p', { class: 'fr-mb-1w fr-text--bold' }, explanation) : null,
            h('h3', { class: 'fr-text--md fr-text--bold fr-mb-1v', id: `${heading}-finalites` }, 'Finalités'),
            scopes(c.finalites, `${heading}-finalites`),
            h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
              h('div', { class: 'fr-col-12 fr-col-md-6' },
                h('h3', { class: 'fr-text--md fr-text--bold fr-mb-1v', id: `${heading}-lit` }, 'Ce qu’il lit'), scopes(c.lit, `${heading}-lit`)),
              h('div', { class: 'fr-col-12 fr-col-md-6' },
                h('h3', { class: 'fr-text--md fr-text--bold fr-mb-1v', id: `${heading}-ecrit` }, 'Ce qu’il écrit'),
                scopes(c.ecrit, `${heading}-ecrit`)))),
          h('div', { class: 'fr-card__start' }, standing(c))),
        footer));
  }

  async function reapprove(c: Connection): Promise<void> {
    try {
      await api<Connection>('POST', `/espace/services/${encodeURIComponent(c.id)}`, { finalites: c.finalites.map(f => f.code) });
      await load();
      announce(feedback, `« ${c.nom} » est réapprouvé pour : ${c.finalites.map(f => f.libelle).join(', ')}.`);
    } catch (e) {
      failed(feedback, e);
    }
  }

  /** In two steps: the button, then a question that takes the focus; « Ne pas révoquer » gives it back. */
  function revoke(c: Connection, footer: HTMLElement, opener: HTMLButtonElement): void {
    const open = footer.querySelector('[data-confirmation]');
    if (open) {
      (open.querySelector('p') as HTMLElement).focus();
      return;
    }
    const id = uid('revocation');
    const question = h('p', { id, class: 'fr-text--bold fr-mb-1w', tabindex: -1 },
      `Révoquer « ${c.nom} » ? Il ne pourra plus lire ni écrire dans ${whose.space}.`);
    const panel = h('div', { class: 'fr-mt-2w', role: 'group', 'aria-labelledby': id, 'data-confirmation': true }, question,
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
        h('li', {}, button('Confirmer la révocation', async () => {
          try {
            await api('DELETE', `/espace/services/${encodeURIComponent(c.id)}`);
            await load();
            announce(feedback, `« ${c.nom} » est révoqué : il n’accède plus à ${whose.space}.`);
          } catch (e) {
            failed(feedback, e);
          }
        })),
        h('li', {}, button('Ne pas révoquer', () => { panel.remove(); opener.focus(); }, 'secondary'))));
    footer.append(panel);
    question.focus();
  }

  await load();
  main.replaceChildren(...pageTitle(whose.title, whose.own
    ? 'Les applications et services du catalogue que vous avez autorisés à lire ou écrire dans votre espace.'
    : `Les applications et services du catalogue autorisés à lire ou écrire dans ${whose.space}.`),
  h('p', {}, 'Un service ne reçoit jamais votre identité, seulement un identifiant qui lui est propre. Chaque accès d’un service '
    + 'figure dans l’historique des accès.'),
  feedback, list,
  h('p', { class: 'fr-mt-4w' }, h('a', { class: 'fr-link', href: '#/catalogue' }, 'Connecter un autre service')));
}
