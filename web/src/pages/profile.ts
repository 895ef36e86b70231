import './profile.css';
import { actingFor, api, ApiError, helpedPerson } from '../api';
import { frenchDate, h, uid } from '../dom';
import { alert, button, field, isoDate, loading, pageTitle, submit, submitButton, type Field } from '../ui';
import type { DocumentView } from './patient';

type FieldType = 'LINE' | 'PARAGRAPH' | 'DATE' | 'PAST_DATE' | 'CHOICE' | 'VACCINE' | 'DOCUMENT' | 'PHONE';
interface Choice { code: string; libelle: string }
interface FieldSpec { nom: string; libelle: string; type: FieldType; obligatoire: boolean; longueurMax: number; choix: Choice[] }
interface SectionSpec { code: string; titre: string; liste: boolean; champs: FieldSpec[] }
/** min and max as the API writes them (« 0.3 »); calculee: the BMI, never typed; deuxValeurs: the blood pressure. */
interface MeasureSpec {
  type: string; libelle: string; unite: string; ucum: string; loinc: string; min: string; max: string; decimales: number;
  calculee: boolean; deuxValeurs: boolean; enfant: boolean;
}
/** What the forms are built from: the API owns the sections, their fields and the measurement types. */
interface Specification { rubriques: SectionSpec[]; mesures: MeasureSpec[]; vaccins: Choice[] }
interface Entry { id: string; valeurs: Record<string, string>; libelles: Record<string, string>; saisiLe: string; saisiPar: string }
interface SectionState {
  code: string; titre: string; liste: boolean; nonConcerneDepuis: string | null; masqueeAuxProfessionnels: boolean | null; elements: Entry[];
}
/** valeur2: the diastolic of a blood pressure; prisLe: a Paris date and time (AAAA-MM-JJTHH:MM). */
interface Measurement {
  id: string; type: string; libelle: string; valeur: string; valeur2: string | null; unite: string; prisLe: string; source: string;
}
interface Profile { rubriques: SectionState[]; dernieresMesures: Measurement[]; imc: string | null }
/** Oldest first. */
interface Series { valeurs: Measurement[]; suivant: string | null }
interface Summary { documentId: string; titre: string; url: string }

const BMI = 'imc';
/** The refusals of a measurement that do not name their field, shown next to the field they concern. */
const MEASURE_FIELDS: Record<string, string> = { VALEUR_HORS_LIMITES: 'valeur', VALEUR_TROP_PRECISE: 'valeur',
  DIASTOLIQUE_SUPERIEURE: 'valeur2', CHAMP_MANQUANT: 'valeur2', SECONDE_VALEUR: 'valeur2', DATE_FUTURE: 'date',
  DATE_AVANT_NAISSANCE: 'date', DATE_INVALIDE: 'date', MESURE_ENFANT: 'type', MESURE_CALCULEE: 'type' };

function failed(feedback: HTMLElement, e: unknown): void {
  feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
}

/** A success announced and given the focus: the button that was pressed may be gone with the list it sat in. */
function announce(feedback: HTMLElement, message: string): void {
  const done = alert('success', message);
  done.setAttribute('tabindex', '-1');
  feedback.replaceChildren(done);
  done.focus();
}

/** The label's own text, not its hint. */
function relabel(f: Field, text: string): void {
  const label = f.group.querySelector('label');
  if (label?.firstChild) label.firstChild.textContent = text;
}

function rehint(f: Field, text: string): void {
  const hint = f.group.querySelector('.fr-hint-text');
  if (hint) hint.textContent = text;
}

/** « 72,5 », with the type's decimals at most. */
function number(value: string, decimals: number): string {
  return Number(value).toLocaleString('fr-FR', { maximumFractionDigits: decimals });
}

/** A measurement's value as a French reader writes it: « 72,5 », « 125/80 ». */
function reading(m: Measurement, spec: MeasureSpec | undefined): string {
  const decimals = spec?.decimales ?? 2;
  return m.valeur2 !== null ? `${number(m.valeur, decimals)}/${number(m.valeur2, decimals)}` : number(m.valeur, decimals);
}

/** « 29/11/2026 08:30 »: the API's Paris time, read as it is (the people who use it are on Paris time). */
function when(prisLe: string): string {
  return new Date(prisLe).toLocaleString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Today as the date fields show it (JJ/MM/AAAA), and the time (HH:MM), on the browser's clock. */
function now(): { day: string; time: string } {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, '0');
  return { day: `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`, time: `${two(d.getHours())}:${two(d.getMinutes())}` };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A destructive action in two steps: the button, then a question that takes the focus, with « Confirmer »
 * and « Ne pas … » (which gives the focus back to the opener).
 */
function confirmation(host: HTMLElement, opener: HTMLButtonElement, question: string, confirm: string, keep: string,
                      action: () => Promise<void>): void {
  const open = host.querySelector('[data-confirmation]');
  if (open) {
    (open.querySelector('p') as HTMLElement).focus();
    return;
  }
  const id = uid('confirmation');
  const text = h('p', { id, class: 'fr-text--bold fr-mb-1w', tabindex: -1 }, question);
  const panel = h('div', { class: 'fr-mt-2w', role: 'group', 'aria-labelledby': id, 'data-confirmation': true }, text,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
      h('li', {}, button(confirm, () => void action())),
      h('li', {}, button(keep, () => { panel.remove(); opener.focus(); }, 'secondary'))));
  host.append(panel);
  text.focus();
}

/** « Mon profil médical »: the sections built from the API's specification, the measurements with their charts, the summary. */
export async function profile(main: HTMLElement): Promise<void> {
  const helped = helpedPerson();
  const child = actingFor();
  // A caregiver reads and adds (entries, measurements) but changes nothing: the API refuses them the rest.
  const owner = !helped;
  const whose = helped ? `Profil médical de ${helped.nom}` : child ? `Profil médical de ${child.prenoms}` : 'Mon profil médical';
  main.replaceChildren(...pageTitle(whose), loading('du profil médical'));
  const [spec, first, documents] = await Promise.all([
    api<Specification>('GET', '/espace/profil/rubriques'),
    api<Profile>('GET', '/espace/profil'),
    // Only for the advance directives' document: the profile still shows without it.
    api<{ documents: DocumentView[] }>('GET', '/espace/documents?limite=100')
      .then(page => page.documents.filter(d => d.statut === 'AVAILABLE')).catch(() => [] as DocumentView[]),
  ]);
  let current = first;
  const feedback = h('div', { 'aria-live': 'polite' });

  async function reload(): Promise<void> {
    current = await api<Profile>('GET', '/espace/profil');
    blocks.forEach(b => b.update(stateOf(b.code)));
    hiding?.update(current);
    await measures.update(current);
  }

  function stateOf(code: string): SectionState {
    return current.rubriques.find(r => r.code === code)
      ?? { code, titre: '', liste: true, nonConcerneDepuis: null, masqueeAuxProfessionnels: false, elements: [] };
  }

  const blocks = spec.rubriques.map(s => sectionBlock(s, spec, documents, owner, reload));
  blocks.forEach(b => b.update(stateOf(b.code)));
  const hiding = owner ? hidingForm(spec, reload) : null;
  hiding?.update(current);
  const measures = measuresPart(spec, owner, reload);
  await measures.update(current);

  main.replaceChildren(...pageTitle(whose, helped
    ? 'En tant qu’aidant, vous consultez son profil médical et y ajoutez des éléments et des mesures ; le modifier reste à la personne.'
    : child ? `Ce que les professionnels de santé de ${child.prenoms} doivent savoir : maladies, traitements, allergies, vaccinations, mesures.`
      : 'Ce que vos professionnels de santé doivent savoir : maladies, traitements, allergies, vaccinations, mesures.'),
  h('p', {}, 'Les professionnels autorisés à accéder à l’espace le lisent ; ils ne le modifient pas.'),
  feedback,
  summaryPart(),
  h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'rubriques' }, h('h2', { id: 'rubriques' }, 'Rubriques'),
    blocks.map(b => b.element)),
  hiding ? hiding.element : '',
  measures.element);

  /** « Télécharger la synthèse (PDF) »: the API files it among the documents and gives a short-lived link. */
  function summaryPart(): HTMLElement {
    const result = h('div', { 'aria-live': 'polite' });
    const start = button('Télécharger la synthèse (PDF)', async () => {
      start.disabled = true;
      try {
        const summary = await api<Summary>('POST', '/espace/profil/synthese');
        result.replaceChildren(h('div', { class: 'fr-alert fr-alert--success fr-alert--sm fr-mb-3w', role: 'status' },
          h('p', {}, `« ${summary.titre} » est enregistrée dans les documents. Si le téléchargement ne démarre pas : `,
            h('a', { href: summary.url, class: 'fr-link' }, 'ouvrir la synthèse (PDF)'), '.')));
        window.location.assign(summary.url);
      } catch (e) {
        failed(result, e);
      } finally {
        start.disabled = false;
      }
    }, 'secondary', { class: 'fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left' });
    return h('div', { class: 'fr-mb-4w' }, h('p', { class: 'fr-text--sm fr-mb-1w' },
      'Une page à emporter ou à joindre à un message : tout le profil et les dernières mesures.'), start, result);
  }
}

interface Block { code: string; element: HTMLElement; update(state: SectionState): void }

/** One section: its state (« Non renseigné », « Non concerné depuis le … »), its entries, « Non concerné », the form. */
function sectionBlock(s: SectionSpec, spec: Specification, documents: DocumentView[], owner: boolean,
                      reload: () => Promise<void>): Block {
  const heading = `rubrique-${s.code}`;
  const feedback = h('div', { 'aria-live': 'polite' });
  const badges = h('div');
  const body = h('div');
  const form = entryForm(s, spec, documents, async message => {
    await reload();
    announce(feedback, message);
  });
  let state: SectionState | null = null;
  // Listed sections only, and only while empty: the API refuses « non concerné » for a section with entries.
  const notConcerned = button('Non concerné', () => void toggle(), 'secondary',
    { 'aria-label': `Non concerné : ${s.titre}`, 'aria-pressed': 'false' });
  // The section's button shows and hides the form; a single section's form starts from its value.
  const opener = button(s.liste ? 'Ajouter un élément' : 'Renseigner', () => {
    if (form.isOpen() && opener.getAttribute('aria-expanded') === 'true') form.close();
    else form.open(s.liste ? null : state?.elements[0] ?? null, opener);
  }, 'secondary',
    { 'aria-label': `${s.liste ? 'Ajouter un élément' : 'Renseigner'} : ${s.titre}`, 'aria-expanded': 'false', 'aria-controls': form.id });
  form.onClose(() => opener.setAttribute('aria-expanded', 'false'));
  // A caregiver may add to a list, never set a single section (that replaces) nor declare « non concerné ».
  const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-2w' });

  async function toggle(): Promise<void> {
    if (!state) return;
    const declared = Boolean(state.nonConcerneDepuis);
    try {
      if (declared) await api('DELETE', `/espace/profil/non-concerne/${s.code}`);
      else await api('PUT', `/espace/profil/non-concerne/${s.code}`, {});
      await reload();
      feedback.replaceChildren(alert('success', declared ? `La rubrique « ${s.titre} » n’est plus déclarée non concernée.`
        : `La rubrique « ${s.titre} » est déclarée non concernée.`));
      notConcerned.focus();
    } catch (e) {
      failed(feedback, e);
    }
  }

  function update(next: SectionState): void {
    state = next;
    const empty = next.elements.length === 0;
    badges.replaceChildren(next.masqueeAuxProfessionnels ? h('ul', { class: 'fr-badges-group' },
      h('li', {}, h('p', { class: 'fr-badge fr-badge--sm fr-badge--purple-glycine' }, 'Masquée aux professionnels'))) : '');
    body.replaceChildren(
      // « Non concerné » is a statement, « Non renseigné » an absence: they read differently.
      empty ? h('p', { class: 'fr-mb-1w' }, next.nonConcerneDepuis ? `Non concerné depuis le ${frenchDate(next.nonConcerneDepuis)}.` : 'Non renseigné.')
        : h('ul', { class: 'fr-raw-list', 'aria-labelledby': heading }, next.elements.map(e => entryItem(e))));
    notConcerned.setAttribute('aria-pressed', String(Boolean(next.nonConcerneDepuis)));
    // Rebuilt rather than hidden: DSFR lays the group's items out whatever their hidden attribute says.
    actions.replaceChildren(...[s.liste || owner ? opener : null, s.liste && owner && empty ? notConcerned : null]
      .filter((b): b is HTMLButtonElement => b !== null).map(b => h('li', {}, b)));
    if (!s.liste) {
      const label = empty ? 'Renseigner' : 'Modifier';
      opener.textContent = label;
      opener.setAttribute('aria-label', `${label} : ${s.titre}`);
    }
  }

  function shown(f: FieldSpec, e: Entry): string {
    const raw = e.valeurs[f.nom];
    if (f.type === 'DATE' || f.type === 'PAST_DATE') return frenchDate(raw);
    if (f.type === 'DOCUMENT') return documents.find(d => d.id === raw)?.titre ?? 'Document de l’espace';
    return e.libelles[f.nom] ?? raw;
  }

  /** An entry: its first field as its title (for a list), the others with their labels. */
  function entryItem(e: Entry): HTMLElement {
    const filled = s.champs.filter(f => e.valeurs[f.nom] !== undefined && e.valeurs[f.nom] !== '');
    const other = e.valeurs.vaccin === 'AUTRE' ? e.valeurs.vaccinLibre : undefined;
    const title = s.liste ? other ?? (filled[0] ? shown(filled[0], e) : s.titre) : s.titre;
    const details = s.liste ? filled.slice(1) : filled;
    const row = h('li', { class: 'es-rubrique__element', 'data-element': e.id },
      s.liste ? h('p', { class: 'fr-text--bold fr-mb-1v' }, title) : null,
      details.length ? h('ul', { class: 'fr-raw-list fr-mb-1v' }, details.map(f => h('li', {}, `${f.libelle} : ${shown(f, e)}`))) : null,
      h('p', { class: 'fr-text--xs fr-mb-1v' }, `Saisi le ${frenchDate(e.saisiLe)} (${e.saisiPar})`));
    if (!owner) return row;
    const edit = button('Modifier', () => form.open(e, edit), 'secondary', { 'aria-label': `Modifier : ${title}` });
    const remove = button('Supprimer', () => confirmation(row, remove, `Supprimer « ${title} » de « ${s.titre} » ? Cette action est définitive.`,
      'Confirmer la suppression', 'Ne pas supprimer', async () => {
        try {
          await api('DELETE', `/espace/profil/rubriques/${s.code}/${encodeURIComponent(e.id)}`);
          form.close();
          await reload();
          announce(feedback, `« ${title} » a été supprimé de « ${s.titre} ».`);
        } catch (error) {
          failed(feedback, error);
        }
      }), 'tertiary', { 'aria-label': `Supprimer : ${title}` });
    row.append(h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
      s.liste ? h('li', {}, edit) : null, h('li', {}, remove)));
    return row;
  }

  const element = h('section', { class: 'es-rubrique', 'aria-labelledby': heading, 'data-rubrique': s.code },
    h('h3', { id: heading, class: 'fr-h5', tabindex: -1 }, s.titre), badges, feedback, body, actions, form.element);
  return { code: s.code, element, update };
}

interface EntryForm {
  id: string;
  element: HTMLElement;
  /** Opens it empty (adding) or filled with an entry (changing it, or a single section's value). */
  open(e: Entry | null, from: HTMLButtonElement): void;
  close(): void;
  isOpen(): boolean;
  onClose(listener: () => void): void;
}

/** The fields of a section, as its specification says: one input per field type. */
function entryForm(s: SectionSpec, spec: Specification, documents: DocumentView[], saved: (message: string) => Promise<void>): EntryForm {
  const id = uid(`formulaire-${s.code}`);
  const headingId = `${id}-titre`;
  const heading = h('h4', { id: headingId, class: 'fr-h6', tabindex: -1 });
  const feedback = h('div', { 'aria-live': 'polite' });
  const fields = s.champs.map(f => input(f));
  const byName = (name: string): Field | undefined => fields.find(f => f.name === name);
  const vaccine = s.champs.find(f => f.type === 'VACCINE');
  const other = byName('vaccinLibre');
  let editing: Entry | null = null;
  let opener: HTMLButtonElement | null = null;
  const closed: Array<() => void> = [];

  function input(f: FieldSpec): Field {
    const optional = f.obligatoire ? '' : 'Facultatif';
    const hint = (text: string): string => (optional ? `${optional}, ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text);
    const placeholder: [string, string] = ['', 'Sélectionner une option'];
    switch (f.type) {
      case 'DATE':
      case 'PAST_DATE':
        return field(f.nom, f.libelle, { hint: hint('Au format JJ/MM/AAAA'), inputmode: 'numeric', maxlength: 10, required: f.obligatoire });
      case 'PARAGRAPH':
        return field(f.nom, f.libelle, { multiline: true, maxlength: f.longueurMax,
          hint: hint(`${f.longueurMax.toLocaleString('fr-FR')} caractères au plus`) });
      case 'CHOICE':
        return field(f.nom, f.libelle, { choices: [placeholder, ...f.choix.map(c => [c.code, c.libelle] as [string, string])],
          required: f.obligatoire, hint: optional || undefined });
      case 'VACCINE':
        return field(f.nom, f.libelle, { choices: [placeholder, ...spec.vaccins.map(c => [c.code, c.libelle] as [string, string])],
          required: f.obligatoire, hint: hint('Si le vaccin n’est pas dans la liste, choisissez « Autre vaccin »') });
      case 'DOCUMENT':
        return field(f.nom, f.libelle, { choices: [placeholder, ...documents.map(d => [d.id, d.titre] as [string, string])],
          required: f.obligatoire, hint: hint(documents.length ? 'Un document disponible de l’espace'
            : 'Ajoutez d’abord le document dans les documents de l’espace') });
      case 'PHONE':
        return field(f.nom, f.libelle, { type: 'tel', inputmode: 'tel', autocomplete: 'off', maxlength: 20, required: f.obligatoire,
          hint: hint('10 chiffres, par exemple 06 12 34 56 78') });
      default:
        return field(f.nom, f.libelle, { maxlength: f.longueurMax, required: f.obligatoire, autocomplete: 'off', hint: optional || undefined });
    }
  }

  /** « Autre vaccin (nom) » only for « Autre vaccin ». */
  function adapt(): void {
    if (vaccine && other) other.group.hidden = byName(vaccine.nom)?.input.value !== 'AUTRE';
  }

  /** The body: each filled field as a text (dates as AAAA-MM-JJ); what is missing or cannot be read is refused next to its field. */
  function values(): Record<string, string> {
    const body: Record<string, string> = {};
    for (const f of s.champs) {
      const typed = byName(f.nom) as Field;
      if (typed.group.hidden) continue;
      let value = typed.input.value.trim();
      if (f.type === 'DATE' || f.type === 'PAST_DATE') {
        value = isoDate(typed);
        if (value && f.type === 'PAST_DATE' && value > today()) {
          throw new ApiError(400, 'DATE_FUTURE', 'Cette date ne peut pas être dans le futur.', f.nom);
        }
      }
      if (!value) {
        if (f.obligatoire) throw new ApiError(400, 'CHAMP_MANQUANT', `Renseignez « ${f.libelle} ».`, f.nom);
        if (vaccine && f.nom === 'vaccinLibre') throw new ApiError(400, 'CHAMP_MANQUANT', 'Indiquez le nom du vaccin.', f.nom);
        continue;
      }
      body[f.nom] = value;
    }
    return body;
  }

  /** The API's refusals of a section do not name their field: the field of the type concerned takes the message. */
  function located(error: ApiError, body: Record<string, string>): ApiError {
    if (error.field && byName(error.field)) return error;
    const ofType = (...types: FieldType[]): FieldSpec[] => s.champs.filter(f => types.includes(f.type) && body[f.nom]);
    const target = {
      DATE_FUTURE: ofType('PAST_DATE')[0], DATE_AVANT_NAISSANCE: ofType('DATE', 'PAST_DATE')[0],
      DATE_INVALIDE: ofType('DATE', 'PAST_DATE')[0], DATES_INVERSEES: ofType('DATE', 'PAST_DATE').slice(-1)[0],
      VACCIN_INCONNU: s.champs.find(f => f.nom === (body.vaccin === 'AUTRE' ? 'vaccinLibre' : 'vaccin')),
      TELEPHONE_INVALIDE: ofType('PHONE')[0], DOCUMENT_INCONNU: s.champs.find(f => f.type === 'DOCUMENT'),
    }[error.code];
    return target ? new ApiError(error.status, error.code, error.message, target.nom) : error;
  }

  function fill(e: Entry | null): void {
    for (const f of s.champs) {
      const raw = e?.valeurs[f.nom] ?? '';
      (byName(f.nom) as Field).input.value = raw && (f.type === 'DATE' || f.type === 'PAST_DATE') ? raw.split('-').reverse().join('/') : raw;
    }
  }

  const cancel = button('Annuler', () => { close(); opener?.focus(); }, 'secondary');
  const form = h('form', { novalidate: true, 'aria-labelledby': headingId }, feedback, fields.map(f => f.group),
    h('div', { class: 'fr-fieldset__element' }, h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm' },
      h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer')), h('li', {}, cancel))));
  // A plain wrapper: DSFR's styles could override a hidden attribute on the form's own elements.
  const wrapper = h('div', { id, class: 'fr-mt-3w', hidden: true }, heading, form);
  if (vaccine) byName(vaccine.nom)?.input.addEventListener('change', adapt);

  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, fields, feedback, async () => {
      const body = values();
      const changed = editing;
      try {
        if (!s.liste) await api('PUT', `/espace/profil/rubriques/${s.code}`, body);
        else if (changed) await api('PUT', `/espace/profil/rubriques/${s.code}/${encodeURIComponent(changed.id)}`, body);
        else await api('POST', `/espace/profil/rubriques/${s.code}`, body);
      } catch (error) {
        throw error instanceof ApiError ? located(error, body) : error;
      }
      close();
      await saved(!s.liste ? `La rubrique « ${s.titre} » est enregistrée.` : changed ? `Élément de « ${s.titre} » modifié.`
        : `Ajouté à « ${s.titre} ».`);
    });
  });

  function open(e: Entry | null, from: HTMLButtonElement): void {
    editing = s.liste ? e : null;
    opener = from;
    form.reset();
    fields.forEach(f => f.showError(null));
    feedback.replaceChildren();
    fill(e);
    heading.textContent = s.liste ? (e ? `Modifier un élément de « ${s.titre} »` : `Ajouter à « ${s.titre} »`) : `Renseigner « ${s.titre} »`;
    adapt();
    wrapper.hidden = false;
    closed.forEach(listener => listener());
    // Only the section's own button discloses the form; « Modifier » fills it.
    if (from.hasAttribute('aria-controls')) from.setAttribute('aria-expanded', 'true');
    heading.focus();
  }

  function close(): void {
    editing = null;
    form.reset();
    fields.forEach(f => f.showError(null));
    wrapper.hidden = true;
    closed.forEach(listener => listener());
  }

  adapt();
  return { id, element: wrapper, open, close, isOpen: () => !wrapper.hidden, onClose: listener => { closed.push(listener); } };
}

interface Part { element: HTMLElement; update(p: Profile): void | Promise<void> }

/** « Masquer aux professionnels »: one checkbox per section; the treating doctor still reads them. Owner or parent only. */
function hidingForm(spec: Specification, reload: () => Promise<void>): Part {
  const feedback = h('div', { 'aria-live': 'polite' });
  const legend = uid('masquage');
  const boxes = spec.rubriques.map(s => {
    const box = h('input', { type: 'checkbox', id: uid(`masquer-${s.code}`), name: 'rubriques', value: s.code });
    return { box, group: h('div', { class: 'fr-fieldset__element' },
      h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' }, box, h('label', { class: 'fr-label', for: box.id }, s.titre))) };
  });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'masquage' }, feedback,
    h('fieldset', { class: 'fr-fieldset', 'aria-labelledby': legend },
      h('legend', { class: 'fr-fieldset__legend fr-fieldset__legend--regular', id: legend }, 'Masquer aux professionnels',
        h('span', { class: 'fr-hint-text', id: `${legend}-aide` },
          'Les rubriques cochées ne sont plus lues par les professionnels ; votre médecin traitant les voit toujours.')),
      boxes.map(b => b.group)),
    submitButton('Enregistrer le masquage', 'fr-btn'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [], feedback, async () => {
      const hidden = boxes.filter(b => b.box.checked).map(b => b.box.value);
      await api('PUT', '/espace/profil/masquage', { rubriques: hidden });
      await reload();
      feedback.replaceChildren(alert('success', hidden.length === 0 ? 'Aucune rubrique n’est masquée aux professionnels.'
        : `Masquée${hidden.length > 1 ? 's' : ''} aux professionnels (sauf votre médecin traitant) : `
          + spec.rubriques.filter(s => hidden.includes(s.code)).map(s => s.titre).join(', ') + '.'));
    });
  });
  return {
    element: h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'masquage' }, h('h2', { id: 'masquage' }, 'Rubriques masquées'), form),
    update(p) {
      boxes.forEach(b => { b.box.checked = Boolean(p.rubriques.find(r => r.code === b.box.value)?.masqueeAuxProfessionnels); });
    },
  };
}

/** « Mesures »: the form, the last value of each type with the BMI, and per type a chart with its table. */
function measuresPart(spec: Specification, owner: boolean, reload: () => Promise<void>): Part {
  // The BMI is computed from the last weight and height; the head circumference is followed in children only.
  const typed = spec.mesures.filter(m => !m.calculee && (!m.enfant || actingFor() !== null));
  const specOf = (type: string): MeasureSpec | undefined => spec.mesures.find(m => m.type === type);
  const feedback = h('div', { 'aria-live': 'polite' });
  const latest = h('div');
  const charts = h('div');
  const kind = field('type', 'Type de mesure', { choices: typed.map(m => [m.type, m.libelle] as [string, string]), value: typed[0]?.type });
  const value = field('valeur', 'Valeur', { inputmode: 'decimal', autocomplete: 'off', maxlength: 12, required: true, hint: ' ' });
  const second = field('valeur2', 'Diastolique, minima', { inputmode: 'decimal', autocomplete: 'off', maxlength: 12, hint: ' ' });
  const day = field('date', 'Date de la mesure', { hint: 'Au format JJ/MM/AAAA', inputmode: 'numeric', maxlength: 10, required: true });
  const time = field('heure', 'Heure', { type: 'time', required: true, hint: 'Au format HH:MM, par exemple 08:30' });
  const fields = [kind, value, second, day, time];
  const formFeedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'ajouter-mesure' }, formFeedback,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, kind.group), h('div', { class: 'fr-col-12 fr-col-md-4' }, value.group),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, second.group)),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, day.group), h('div', { class: 'fr-col-12 fr-col-md-4' }, time.group)),
    submitButton('Enregistrer la mesure', 'fr-btn'));

  /** The labels follow the type: a blood pressure has two values, systolic then diastolic. */
  function adapt(): void {
    const m = specOf(kind.input.value);
    if (!m) return;
    const pair = m.deuxValeurs;
    relabel(value, pair ? `Systolique, maxima (${m.unite})` : `Valeur (${m.unite})`);
    rehint(value, `Entre ${number(m.min, m.decimales)} et ${number(m.max, m.decimales)}`
      + (m.decimales ? `, ${m.decimales} décimale${m.decimales > 1 ? 's' : ''} au plus` : ', sans décimale'));
    relabel(second, `Diastolique, minima (${m.unite})`);
    rehint(second, 'Inférieure à la systolique');
    second.group.hidden = !pair;
    second.input.required = pair;
  }

  function fresh(): void {
    const at = now();
    value.input.value = '';
    second.input.value = '';
    day.input.value = at.day;
    time.input.value = at.time;
  }

  /** A number typed the French way (« 72,5 »), refused next to its field when it cannot be read. */
  function decimal(f: Field, what: string): number {
    const text = f.input.value.replace(/\s/g, '').replace(',', '.');
    if (!text) throw new ApiError(400, 'CHAMP_MANQUANT', `Indiquez ${what}.`, f.name);
    const n = Number(text);
    if (!/^-?\d+(\.\d+)?$/.test(text) || Number.isNaN(n)) {
      throw new ApiError(400, 'NOMBRE_INVALIDE', 'Saisissez un nombre, par exemple 72,5.', f.name);
    }
    return n;
  }

  kind.input.addEventListener('change', adapt);
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, fields, formFeedback, async () => {
      const m = specOf(kind.input.value) as MeasureSpec;
      const valeur = decimal(value, m.deuxValeurs ? 'la pression systolique' : 'la valeur');
      const valeur2 = m.deuxValeurs ? decimal(second, 'la pression diastolique') : null;
      const on = isoDate(day);
      if (!on) throw new ApiError(400, 'CHAMP_MANQUANT', 'Indiquez la date, au format JJ/MM/AAAA.', 'date');
      if (!time.input.value) throw new ApiError(400, 'CHAMP_MANQUANT', 'Indiquez l’heure, au format HH:MM.', 'heure');
      try {
        await api('POST', '/espace/profil/mesures', { type: m.type, valeur, valeur2, prisLe: `${on}T${time.input.value.slice(0, 5)}` });
      } catch (error) {
        const target = error instanceof ApiError ? (MEASURE_FIELDS[error.code] && !(error.field && fields.some(f => f.name === error.field))
          ? MEASURE_FIELDS[error.code] : error.field === 'prisLe' ? 'date' : error.field) : undefined;
        throw error instanceof ApiError ? new ApiError(error.status, error.code, error.message, target) : error;
      }
      fresh();
      await reload();
      formFeedback.replaceChildren(alert('success', `${m.libelle} : ${m.deuxValeurs ? `${valeur}/${valeur2}` : number(String(valeur), m.decimales)} `
        + `${m.unite} enregistré${m.deuxValeurs ? 'e' : ''}.`));
    });
  });

  async function update(p: Profile): Promise<void> {
    const measured = p.dernieresMesures.filter(m => m.type !== BMI);
    latest.replaceChildren(measured.length === 0 && !p.imc ? h('p', {}, 'Aucune mesure pour l’instant.')
      : h('ul', { class: 'fr-raw-list', 'aria-labelledby': 'dernieres-mesures' },
        measured.map(m => h('li', { class: 'fr-mb-1w', 'data-mesure': m.type },
          h('span', { class: 'fr-text--bold' }, `${m.libelle} : ${reading(m, specOf(m.type))} ${m.unite}`),
          ` — le ${when(m.prisLe)}${m.source && m.source !== 'patient' ? ` (source : ${m.source})` : ''}`)),
        p.imc ? h('li', { class: 'fr-mb-1w', 'data-mesure': BMI },
          h('span', { class: 'fr-text--bold' }, `Indice de masse corporelle : ${number(p.imc, 1)} ${specOf(BMI)?.unite ?? 'kg/m²'}`),
          ' — calculé à partir du dernier poids et de la dernière taille') : null));
    const series = await Promise.all(measured.map(m => api<Series>('GET', `/espace/profil/mesures/${encodeURIComponent(m.type)}`)
      .then(s => ({ m, values: s.valeurs }))));
    charts.replaceChildren(...(series.length === 0 ? [h('p', {}, 'Les courbes apparaissent avec les premières mesures.')]
      : series.map(({ m, values }) => chartSection(specOf(m.type), m, values))));
  }

  /** One type over the last twelve months: the chart, and the same values in a table (the chart's accessible alternative). */
  function chartSection(ms: MeasureSpec | undefined, last: Measurement, values: Measurement[]): HTMLElement {
    const heading = uid(`courbe-${last.type}`);
    const tableFeedback = h('div', { 'aria-live': 'polite' });
    const pair = values.some(v => v.valeur2 !== null);
    const rows = values.map(v => {
      const row = h('tr', {}, h('th', { scope: 'row' }, h('time', { datetime: v.prisLe }, when(v.prisLe))),
        h('td', {}, number(v.valeur, ms?.decimales ?? 2)), pair ? h('td', {}, v.valeur2 === null ? '' : number(v.valeur2, ms?.decimales ?? 2)) : null);
      if (owner) {
        const cell = h('td', {});
        const remove = button('Supprimer', () => confirmation(cell, remove, `Supprimer la mesure du ${when(v.prisLe)} ?`,
          'Confirmer la suppression', 'Ne pas supprimer', async () => {
            try {
              await api('DELETE', `/espace/profil/mesures/${encodeURIComponent(v.type)}/${encodeURIComponent(v.id)}`);
              await reload();
              announce(feedback, `La mesure du ${when(v.prisLe)} a été supprimée.`);
            } catch (e) {
              failed(tableFeedback, e);
            }
          }), 'tertiary', { class: 'fr-btn fr-btn--tertiary fr-btn--sm', 'aria-label': `Supprimer la mesure du ${when(v.prisLe)}` });
        cell.append(remove);
        row.append(cell);
      }
      return row;
    });
    const unit = ms?.unite ?? last.unite;
    return h('section', { class: 'fr-mt-4w', 'aria-labelledby': heading, 'data-courbe': last.type },
      h('h4', { id: heading }, last.libelle),
      values.length === 0 ? h('p', {}, 'Aucune mesure sur les douze derniers mois.') : h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
        h('div', { class: 'fr-col-12 fr-col-lg-7' }, chart(last.libelle, unit, ms?.decimales ?? 2, values)),
        h('div', { class: 'fr-col-12 fr-col-lg-5' }, tableFeedback,
          // Focusable: on a narrow screen the table scrolls sideways, and the keyboard must reach it.
          h('div', { class: 'fr-table' }, h('table', { tabindex: 0 },
            h('caption', {}, `${last.libelle} (${unit}), du plus ancien au plus récent`),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'),
              h('th', { scope: 'col' }, pair ? 'Systolique' : 'Valeur'), pair ? h('th', { scope: 'col' }, 'Diastolique') : null,
              owner ? h('th', { scope: 'col' }, 'Action') : null)),
            h('tbody', {}, rows))))));
  }

  adapt();
  fresh();
  const element = h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'mesures' }, h('h2', { id: 'mesures' }, 'Mesures'), feedback,
    h('h3', { id: 'dernieres-mesures' }, 'Dernières valeurs'), latest,
    h('h3', { id: 'ajouter-mesure', class: 'fr-mt-4w' }, 'Ajouter une mesure'), form,
    h('h3', { class: 'fr-mt-4w' }, 'Évolution sur douze mois'), charts);
  return { element, update };
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; texts go through text nodes, as h() does. */
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

/**
 * A simple line chart, drawn here (no library): time across, values up, one line (two for a blood
 * pressure). role="img" and a summary as its name; the table beside it holds every value.
 */
function chart(label: string, unit: string, decimals: number, values: Measurement[]): SVGSVGElement {
  const W = 640;
  const H = 260;
  const left = 56;
  const right = 20;
  const top = 16;
  const bottom = 40;
  const times = values.map(v => new Date(v.prisLe).getTime());
  const lines = [values.map(v => Number(v.valeur))];
  if (values.some(v => v.valeur2 !== null)) lines.push(values.map(v => Number(v.valeur2 ?? Number.NaN)));
  const all = lines.flat().filter(n => !Number.isNaN(n));
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  // Some room above and below, and a range even for a single value.
  const margin = hi === lo ? Math.max(Math.abs(hi) * 0.05, 1) : (hi - lo) * 0.1;
  lo -= margin;
  hi += margin;
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number): number => (t1 === t0 ? (left + W - right) / 2 : left + ((t - t0) / (t1 - t0)) * (W - left - right));
  const y = (v: number): number => top + ((hi - v) / (hi - lo)) * (H - top - bottom);
  const fmt = (n: number): string => n.toLocaleString('fr-FR', { maximumFractionDigits: decimals });
  const day = (t: number): string => new Date(t).toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });
  const first = values[0];
  const last = values[values.length - 1];
  const shown = (m: Measurement): string => (m.valeur2 !== null ? `${fmt(Number(m.valeur))}/${fmt(Number(m.valeur2))}` : fmt(Number(m.valeur)));
  const count = `${values.length} mesure${values.length > 1 ? 's' : ''}`;
  const summary = values.length === 1
    ? `Courbe : ${label}, 1 mesure, ${shown(last)} ${unit} le ${day(times[0])}. Le détail est dans le tableau.`
    : `Courbe : ${label}, ${count} du ${day(t0)} au ${day(t1)}, de ${fmt(Math.min(...all))} à ${fmt(Math.max(...all))} ${unit} ; `
      + `première valeur ${shown(first)}, dernière ${shown(last)} ${unit}. Le détail est dans le tableau.`;
  const ticks = [hi - margin, (hi + lo) / 2, lo + margin];
  return svg('svg', { class: 'es-courbe', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary },
    ...ticks.map(v => svg('g', {},
      svg('line', { class: 'es-courbe__axe', x1: left, x2: W - right, y1: y(v), y2: y(v) }),
      svg('text', { x: left - 8, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)))),
    svg('line', { class: 'es-courbe__axe', x1: left, x2: left, y1: top, y2: H - bottom }),
    svg('text', { x: x(t0), y: H - bottom + 20, 'text-anchor': t1 === t0 ? 'middle' : 'start' }, day(t0)),
    t1 !== t0 ? svg('text', { x: x(t1), y: H - bottom + 20, 'text-anchor': 'end' }, day(t1)) : '',
    ...lines.map((points, i) => svg('g', {},
      svg('polyline', { class: `es-courbe__ligne${i ? ' es-courbe__ligne--2' : ''}`,
        points: points.map((v, j) => (Number.isNaN(v) ? '' : `${x(times[j]).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ') }),
      ...points.map((v, j) => (Number.isNaN(v) ? '' : svg('circle', { class: `es-courbe__point${i ? ' es-courbe__point--2' : ''}`,
        cx: x(times[j]).toFixed(1), cy: y(v).toFixed(1), r: 4 }))))));
}
