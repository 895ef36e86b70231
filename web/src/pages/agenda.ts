import './agenda.css';
import { actingFor, api, ApiError, helpedPerson } from '../api';
import { frenchDateTime, h, uid } from '../dom';
import { alert, button, dateField, field, isoDate, loading, pageTitle, submit, submitButton, type Field } from '../ui';

type Kind = 'RENDEZ_VOUS' | 'RAPPEL';
type Status = 'PREVU' | 'FAIT' | 'ANNULE';
/**
 * An appointment (titre: the professional's or establishment's name) or a reminder, at a Paris date and time.
 * rappelJoursAvant: days before the e-mail goes (0: two hours before), null: no e-mail; rappelLe: when it is due.
 */
interface Entry {
  id: string; type: Kind; titre: string; rpps: string | null; finess: string | null; specialite: string | null; date: string;
  heure: string; adresse: string | null; statut: Status; note: string | null; rappelJoursAvant: number | null; rappelLe: string | null;
}
/** In time order, from a month ago. */
interface AgendaPage { entrees: Entry[]; suivant: string | null }
/** The private calendar address: given once, when created (the API keeps only its hash). */
interface Subscription { actif: boolean; creeLe: string | null; adresse: string | null }

const PAGE = 100;
const MAX_NOTE = 2000;
const KINDS: Record<Kind, [string, string]> = { RENDEZ_VOUS: ['Rendez-vous', 'fr-badge--blue-ecume'], RAPPEL: ['Rappel', 'fr-badge--purple-glycine'] };
const STATUSES: Record<Status, [string, string]> = { PREVU: ['Prévu', 'fr-badge--info'], FAIT: ['Fait', 'fr-badge--success'],
  ANNULE: ['Annulé', 'fr-badge--warning'] };
const DELAYS: Array<[string, string]> = [['1', 'La veille'], ['2', '2 jours avant'], ['3', '3 jours avant'], ['7', 'Une semaine avant'],
  ['0', 'Deux heures avant']];
/** The API's refusals that do not name their field in their message, shown next to the field they concern. */
const FIELDS: Record<string, string> = { HEURE_INVALIDE: 'heure', RPPS_INVALIDE: 'rpps', DATE_FUTURE: 'date', RAPPELS_LIMITE: 'date',
  NOMBRE_INVALIDE: 'rappelJoursAvant', DELAI_RAPPEL_INVALIDE: 'rappelJoursAvant' };

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

/** When it takes place, on the browser's clock (the API's times are Paris times, as the people who use it). */
function start(e: Entry): Date {
  return new Date(`${e.date}T${e.heure}:00`);
}

/** « mardi 15 décembre 2026 à 10 h 30 », « lundi 1er mars 2027 à 8 h ». */
function inWords(e: Entry): string {
  const day = new Date(`${e.date}T12:00:00`);
  const n = day.getDate();
  const [hours, minutes] = e.heure.split(':');
  return `${day.toLocaleDateString('fr-FR', { weekday: 'long' })} ${n === 1 ? '1er' : n} ${day.toLocaleDateString('fr-FR', { month: 'long' })} `
    + `${day.getFullYear()} à ${Number(hours)} h${minutes === '00' ? '' : ` ${minutes}`}`;
}

function reminder(days: number | null): string {
  if (days === null) return 'Pas de rappel';
  if (days === 0) return 'Rappel par courriel deux heures avant';
  if (days === 1) return 'Rappel par courriel la veille';
  return `Rappel par courriel ${days} jours avant`;
}

function badge(text: string, kind: string): HTMLElement {
  return h('li', {}, h('p', { class: `fr-badge fr-badge--sm ${kind}` }, text));
}

/** The same entry with another status: the API takes the whole entry. */
function withStatus(e: Entry, statut: Status): Record<string, unknown> {
  return { type: e.type, titre: e.titre, date: e.date, heure: e.heure, rpps: e.rpps, finess: e.finess, specialite: e.specialite,
    adresse: e.adresse, note: e.note, statut, rappel: e.rappelJoursAvant !== null, rappelJoursAvant: e.rappelJoursAvant };
}

/** The label's own text, not its hint. */
function relabel(f: Field, text: string): void {
  const label = f.group.querySelector('label');
  if (label?.firstChild) label.firstChild.textContent = text;
}

/** « Mon agenda santé »: appointments and reminders to come and past, and the form that adds or changes one. */
export async function agenda(main: HTMLElement): Promise<void> {
  const helped = helpedPerson();
  const child = actingFor();
  const whose = helped ? `Agenda santé de ${helped.nom}` : child ? `Agenda santé de ${child.prenoms}` : 'Mon agenda santé';
  main.replaceChildren(...pageTitle(whose), loading('de votre agenda'));
  const feedback = h('div', { 'aria-live': 'polite' });
  const upcoming = h('div');
  const past = h('div');
  const more = h('div');
  let entries: Entry[] = [];
  let next: string | null = null;

  async function load(): Promise<void> {
    const page = await api<AgendaPage>('GET', `/espace/agenda?limite=${PAGE}`);
    entries = page.entrees;
    next = page.suivant;
    draw();
  }

  async function following(): Promise<void> {
    try {
      const page = await api<AgendaPage>('GET', `/espace/agenda?limite=${PAGE}&curseur=${encodeURIComponent(next ?? '')}`);
      entries = [...entries, ...page.entrees.filter(e => !entries.some(known => known.id === e.id))];
      next = page.suivant;
      draw();
    } catch (e) {
      failed(feedback, e);
    }
  }

  function draw(): void {
    const now = Date.now();
    const coming = entries.filter(e => start(e).getTime() > now);
    // The most recent first.
    const gone = entries.filter(e => start(e).getTime() <= now).reverse();
    upcoming.replaceChildren(coming.length === 0 ? h('p', {}, 'Aucun rendez-vous ni rappel à venir.')
      : h('ul', { class: 'fr-raw-list', 'aria-labelledby': 'a-venir' }, coming.map(e => card(e, false))));
    past.replaceChildren(gone.length === 0 ? h('p', {}, 'Aucun rendez-vous ni rappel depuis un mois.')
      : h('ul', { class: 'fr-raw-list', 'aria-labelledby': 'passes' }, gone.map(e => card(e, true))));
    more.replaceChildren(next ? button('Afficher les rendez-vous suivants', () => void following(), 'secondary') : '');
  }

  function card(e: Entry, isPast: boolean): HTMLElement {
    const heading = `entree-${e.id}`;
    const appointment = e.type === 'RENDEZ_VOUS';
    const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
      h('li', {}, button('Modifier', () => form.edit(e), 'secondary', { 'aria-label': `Modifier : ${e.titre}` })),
      appointment && isPast && e.statut === 'PREVU' ? h('li', {}, button('Marquer comme fait', () => void change(e, 'FAIT',
        `Le rendez-vous « ${e.titre} » est marqué comme fait.`), 'secondary', { 'aria-label': `Marquer comme fait : ${e.titre}` })) : null,
      appointment && e.statut === 'PREVU' ? h('li', {}, button('Annuler le rendez-vous', () => void change(e, 'ANNULE',
        `Le rendez-vous « ${e.titre} » est annulé.`), 'secondary', { 'aria-label': `Annuler le rendez-vous : ${e.titre}` })) : null);
    const opener = button('Supprimer', () => removal(e, footer, opener), 'tertiary', { 'aria-label': `Supprimer : ${e.titre}` });
    actions.append(h('li', {}, opener));
    const footer = h('div', { class: 'fr-card__footer' }, actions);
    return h('li', { class: 'fr-card fr-mb-2w', 'data-entree': e.id, 'aria-labelledby': heading },
      h('div', { class: 'fr-card__body' },
        h('div', { class: 'fr-card__content' },
          h('h3', { class: 'fr-card__title fr-h6 es-agenda__titre', id: heading, tabindex: -1 }, e.titre),
          h('div', { class: 'fr-card__desc' },
            h('p', { class: 'fr-text--md fr-text--bold fr-mb-1v' }, h('time', { datetime: `${e.date}T${e.heure}` }, inWords(e))),
            e.specialite ? h('p', { class: 'fr-mb-1v' }, e.specialite) : null,
            e.adresse ? h('p', { class: 'fr-mb-1v' }, e.adresse) : null,
            h('p', { class: 'fr-mb-1v' }, reminder(e.rappelJoursAvant)),
            e.note ? h('p', { class: 'fr-mb-1v es-agenda__note' }, e.note) : null),
          h('div', { class: 'fr-card__start' }, h('ul', { class: 'fr-badges-group' },
            badge(KINDS[e.type][0], KINDS[e.type][1]), badge(STATUSES[e.statut][0], STATUSES[e.statut][1])))),
        footer));
  }

  async function change(e: Entry, statut: Status, done: string): Promise<void> {
    try {
      await api<Entry>('PUT', `/espace/agenda/${encodeURIComponent(e.id)}`, withStatus(e, statut));
      await load();
      announce(feedback, done);
    } catch (error) {
      failed(feedback, error);
    }
  }

  /** In two steps: the button, then a confirmation that takes the focus. */
  function removal(e: Entry, footer: HTMLElement, opener: HTMLButtonElement): void {
    const open = footer.querySelector('[data-confirmation]');
    if (open) {
      (open.querySelector('p') as HTMLElement).focus();
      return;
    }
    const id = uid('suppression');
    const question = h('p', { id, class: 'fr-text--bold fr-mb-1w', tabindex: -1 }, `Supprimer « ${e.titre} » de l’agenda ? Cette action est définitive.`);
    const panel = h('div', { class: 'fr-mt-2w', role: 'group', 'aria-labelledby': id, 'data-confirmation': true }, question,
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
        h('li', {}, button('Confirmer la suppression', async () => {
          try {
            await api('DELETE', `/espace/agenda/${encodeURIComponent(e.id)}`);
            if (form.editing()?.id === e.id) form.stop();
            await load();
            announce(feedback, `« ${e.titre} » a été supprimé de l’agenda.`);
          } catch (error) {
            failed(feedback, error);
          }
        })),
        h('li', {}, button('Ne pas supprimer', () => { panel.remove(); opener.focus(); }, 'secondary'))));
    footer.append(panel);
    question.focus();
  }

  const form = entryForm(async () => { await load(); });
  await load();
  // Subscribing and revoking belong to the patient (or a parent), not to a caregiver.
  const subscribing = helped ? null : await subscription(child ? `Abonnement à l’agenda de ${child.prenoms}` : 'Abonnement à mon agenda');
  main.replaceChildren(...pageTitle(whose, helped ? 'En tant qu’aidant, vous tenez ses rendez-vous médicaux et ses rappels.'
    : child ? `Les rendez-vous médicaux et les rappels de ${child.prenoms}, avec un courriel pour ne pas les oublier.`
      : 'Vos rendez-vous médicaux et vos rappels, avec un courriel pour ne pas les oublier.'),
  h('p', {}, 'Le courriel de rappel dit seulement quand : jamais avec qui, pour quoi, ni les notes.'),
  feedback,
  h('section', { 'aria-labelledby': 'a-venir' }, h('h2', { id: 'a-venir' }, 'À venir'), upcoming, more),
  h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'passes' }, h('h2', { id: 'passes' }, 'Passés'),
    h('p', { class: 'fr-text--sm' }, 'Ceux du dernier mois, le plus récent en premier.'), past),
  form.section, subscribing ?? '');
}

/**
 * « Abonnement à mon agenda »: a private address a calendar application subscribes to. Shown once when created
 * (read-only, with a copy button); a new one replaces the old; revoking stops it.
 */
async function subscription(title: string): Promise<HTMLElement> {
  const feedback = h('div', { 'aria-live': 'polite' });
  const state = h('div');

  async function load(): Promise<void> {
    draw(await api<Subscription>('GET', '/espace/agenda/abonnement'));
  }

  function draw(current: Subscription): void {
    const create = button(current.actif ? 'Remplacer par une nouvelle adresse' : 'Créer une adresse d’abonnement', () => void subscribe(),
      current.actif ? 'secondary' : 'primary');
    state.replaceChildren(
      current.adresse ? shown(current.adresse)
        : h('p', {}, current.actif && current.creeLe ? `Un abonnement est actif depuis le ${frenchDateTime(current.creeLe)}.`
          : 'Aucun abonnement actif.'),
      current.actif && !current.adresse ? h('p', { class: 'fr-text--sm' },
        'Son adresse ne peut plus être affichée : si vous l’avez perdue, remplacez-la par une nouvelle (l’ancienne cesse alors de fonctionner).') : '',
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm' }, h('li', {}, create),
        current.actif ? h('li', {}, revoke()) : null));
  }

  /** The address, once: read-only, with a copy button; nothing shows it again. */
  function shown(address: string): HTMLElement {
    const id = uid('adresse-abonnement');
    const input = h('input', { id, class: 'fr-input', type: 'text', readonly: true, value: address, autocomplete: 'off',
      'aria-describedby': `${id}-aide` });
    const copied = h('p', { class: 'fr-text--sm fr-mt-1w', 'aria-live': 'polite' });
    return h('div', {},
      h('div', { class: 'fr-alert fr-alert--warning fr-alert--sm fr-mb-2w' },
        h('p', {}, 'Copiez cette adresse maintenant : elle ne pourra plus être affichée. Toute personne qui la connaît voit les dates, '
          + 'titres et adresses de l’agenda : ne la partagez pas.')),
      h('div', { class: 'fr-input-group' },
        h('label', { class: 'fr-label', for: id }, 'Adresse d’abonnement',
          h('span', { class: 'fr-hint-text', id: `${id}-aide` }, 'À coller dans votre application d’agenda (« S’abonner à un calendrier »)')),
        input),
      button('Copier l’adresse', async () => {
        try {
          await navigator.clipboard.writeText(address);
          copied.textContent = 'Adresse copiée.';
        } catch {
          // Without the clipboard (a permission refused), the address is selected for the person to copy.
          input.select();
          copied.textContent = 'L’adresse est sélectionnée : copiez-la avec Ctrl+C (ou Cmd+C).';
        }
      }, 'secondary', { class: 'fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w' }),
      copied);
  }

  async function subscribe(): Promise<void> {
    try {
      const created = await api<Subscription>('POST', '/espace/agenda/abonnement');
      feedback.replaceChildren();
      draw(created);
      (state.querySelector('input') as HTMLInputElement | null)?.focus();
    } catch (e) {
      feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
    }
  }

  /** In two steps: the calendar applications subscribed lose the agenda. */
  function revoke(): HTMLElement {
    const opener = button('Révoquer l’abonnement', () => {
      const open = state.querySelector('[data-confirmation] p') as HTMLElement | null;
      if (open) {
        open.focus();
        return;
      }
      const id = uid('revocation');
      const question = h('p', { id, class: 'fr-text--bold fr-mb-1w', tabindex: -1 },
        'Révoquer l’abonnement ? Les applications abonnées ne recevront plus l’agenda.');
      const panel = h('div', { class: 'fr-mt-2w', role: 'group', 'aria-labelledby': id, 'data-confirmation': true }, question,
        h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
          h('li', {}, button('Confirmer la révocation', async () => {
            try {
              await api('DELETE', '/espace/agenda/abonnement');
              await load();
              announce(feedback, 'L’abonnement est révoqué : son adresse ne fonctionne plus.');
            } catch (e) {
              feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
            }
          })),
          h('li', {}, button('Ne pas révoquer', () => { panel.remove(); opener.focus(); }, 'secondary'))));
      state.append(panel);
      question.focus();
    }, 'tertiary');
    return opener;
  }

  // The agenda itself still shows if the subscription's state cannot be read.
  await load().catch((e: unknown) => {
    feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
  });
  return h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'abonnement' }, h('h2', { id: 'abonnement' }, title),
    h('p', {}, 'Une adresse privée permet à l’application d’agenda de votre téléphone ou de votre messagerie d’afficher ces rendez-vous '
      + 'et rappels, tenus à jour. Elle transmet le titre, la date, l’heure et l’adresse, jamais la spécialité ni les notes.'),
    feedback, state);
}

interface EntryForm {
  section: HTMLElement;
  edit(e: Entry): void;
  editing(): Entry | null;
  stop(): void;
}

/** Adding an appointment or a reminder, or changing one (« Modifier » fills it). */
function entryForm(saved: () => Promise<void>): EntryForm {
  let editing: Entry | null = null;
  const kindName = uid('type');
  const kinds = (Object.keys(KINDS) as Kind[]).map(kind => {
    const input = h('input', { type: 'radio', id: `${kindName}-${kind}`, name: 'type', value: kind, checked: kind === 'RENDEZ_VOUS',
      onchange: () => adapt() });
    return { kind, input, group: h('div', { class: 'fr-fieldset__element fr-fieldset__element--inline' },
      h('div', { class: 'fr-radio-group' }, input, h('label', { class: 'fr-label', for: input.id }, KINDS[kind][0]))) };
  });
  const kindLegend = `${kindName}-legende`;
  const kindSet = h('fieldset', { class: 'fr-fieldset', 'aria-labelledby': kindLegend },
    h('legend', { class: 'fr-fieldset__legend fr-fieldset__legend--regular', id: kindLegend }, 'Vous ajoutez'),
    kinds.map(k => k.group));
  const title = field('titre', 'Professionnel ou établissement', { required: true, maxlength: 200 });
  const speciality = field('specialite', 'Spécialité', { maxlength: 100, hint: 'Facultatif, par exemple cardiologie' });
  const date = dateField('date', 'Date', { required: true });
  const time = field('heure', 'Heure', { type: 'time', required: true, hint: 'Au format HH:MM, par exemple 14:30' });
  const address = field('adresse', 'Adresse', { maxlength: 300, hint: 'Facultatif', autocomplete: 'off' });
  const rpps = field('rpps', 'Numéro RPPS du professionnel', { hint: 'Facultatif, 11 chiffres', inputmode: 'numeric', maxlength: 11,
    autocomplete: 'off' });
  const note = field('note', 'Notes', { multiline: true, maxlength: MAX_NOTE,
    hint: `Facultatif, ${MAX_NOTE.toLocaleString('fr-FR')} caractères au plus ; elles ne figurent jamais dans le courriel de rappel` });
  const remindId = uid('rappel');
  const remind = h('input', { type: 'checkbox', id: remindId, name: 'rappel', checked: true, onchange: () => adapt() });
  const remindLabel = h('label', { class: 'fr-label', for: remindId }, 'Me rappeler ce rendez-vous par courriel');
  const delay = field('rappelJoursAvant', 'Délai du rappel', { choices: DELAYS, value: '1' });
  const fields = [title, speciality, date, time, address, rpps, note, delay];
  const heading = h('h2', { id: 'ajouter-agenda', tabindex: -1 }, 'Ajouter un rendez-vous ou un rappel');
  const feedback = h('div', { 'aria-live': 'polite' });
  const abandon = h('div', { class: 'fr-fieldset__element', hidden: true },
    button('Abandonner la modification', () => { stop(); feedback.replaceChildren(); heading.focus(); }, 'secondary'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'ajouter-agenda' }, feedback, kindSet,
    title.group, speciality.group, date.group, time.group, address.group, rpps.group, note.group,
    h('div', { class: 'fr-fieldset__element' }, h('div', { class: 'fr-checkbox-group' }, remind, remindLabel)),
    delay.group, submitButton('Enregistrer', 'fr-btn'), abandon);

  function kind(): Kind {
    return kinds.find(k => k.input.checked)?.kind ?? 'RENDEZ_VOUS';
  }

  /** An appointment has a speciality, an address and an RPPS number; a reminder has a title. */
  function adapt(): void {
    const appointment = kind() === 'RENDEZ_VOUS';
    relabel(title, appointment ? 'Professionnel ou établissement' : 'Titre du rappel');
    [speciality, address, rpps].forEach(f => { f.group.hidden = !appointment; });
    remindLabel.textContent = appointment ? 'Me rappeler ce rendez-vous par courriel' : 'Me prévenir de ce rappel par courriel';
    delay.input.disabled = !remind.checked;
  }

  function stop(): void {
    editing = null;
    form.reset();
    heading.textContent = 'Ajouter un rendez-vous ou un rappel';
    abandon.hidden = true;
    fields.forEach(f => f.showError(null));
    adapt();
  }

  function edit(e: Entry): void {
    stop();
    editing = e;
    kinds.forEach(k => { k.input.checked = k.kind === e.type; });
    title.input.value = e.titre;
    speciality.input.value = e.specialite ?? '';
    date.input.value = e.date.split('-').reverse().join('/');
    time.input.value = e.heure;
    address.input.value = e.adresse ?? '';
    rpps.input.value = e.rpps ?? '';
    note.input.value = e.note ?? '';
    remind.checked = e.rappelJoursAvant !== null;
    if (e.rappelJoursAvant !== null) {
      const days = String(e.rappelJoursAvant);
      const select = delay.input as HTMLSelectElement;
      if (!Array.from(select.options).some(o => o.value === days)) select.append(h('option', { value: days }, `${days} jours avant`));
      select.value = days;
    }
    heading.textContent = 'Modifier un rendez-vous ou un rappel';
    abandon.hidden = false;
    feedback.replaceChildren();
    adapt();
    heading.focus();
  }

  /** The body of the request; what is missing or cannot be read is refused next to its field. */
  function values(): Record<string, unknown> {
    const appointment = kind() === 'RENDEZ_VOUS';
    const titre = title.input.value.trim();
    if (!titre) {
      throw new ApiError(400, 'CHAMP_MANQUANT', appointment ? 'Indiquez le professionnel ou l’établissement.' : 'Indiquez le titre du rappel.', 'titre');
    }
    const day = isoDate(date);
    if (!day) throw new ApiError(400, 'CHAMP_MANQUANT', 'Indiquez la date, au format JJ/MM/AAAA.', 'date');
    const at = time.input.value;
    if (!at) throw new ApiError(400, 'CHAMP_MANQUANT', 'Indiquez l’heure, au format HH:MM.', 'heure');
    const optional = (f: Field): string | null => (appointment && f.input.value.trim() ? f.input.value.trim() : null);
    return {
      type: kind(), titre, date: day, heure: at.slice(0, 5), specialite: optional(speciality), adresse: optional(address),
      rpps: appointment && rpps.input.value.trim() ? rpps.input.value.replace(/\s/g, '') : null,
      finess: appointment ? editing?.finess ?? null : null,
      note: note.input.value.trim() ? note.input.value : null,
      statut: editing?.statut ?? 'PREVU',
      rappel: remind.checked, rappelJoursAvant: remind.checked ? Number(delay.input.value) : null,
    };
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, fields, feedback, async () => {
      const body = values();
      const changed = editing;
      try {
        if (changed) await api<Entry>('PUT', `/espace/agenda/${encodeURIComponent(changed.id)}`, body);
        else await api<Entry>('POST', '/espace/agenda', body);
      } catch (error) {
        throw error instanceof ApiError && !error.field && FIELDS[error.code]
          ? new ApiError(error.status, error.code, error.message, FIELDS[error.code]) : error;
      }
      stop();
      feedback.replaceChildren(alert('success', 'Enregistré dans votre agenda.'));
      await saved();
    });
  });
  adapt();
  return {
    section: h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'ajouter-agenda' }, heading, form),
    edit, stop, editing: () => editing,
  };
}
