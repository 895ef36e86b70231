import { ApiError } from './api';
import { h, uid } from './dom';

/** A DSFR alert; errors are announced (role=alert), information politely. */
export function alert(kind: 'error' | 'success' | 'info' | 'warning', message: string, title?: string): HTMLElement {
  return h('div', { class: `fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`, role: kind === 'error' ? 'alert' : 'status' },
    title ? h('h3', { class: 'fr-alert__title' }, title) : null,
    h('p', {}, message));
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'fr-text--sm', role: 'status', 'aria-live': 'polite' }, `Chargement ${what}…`);
}

export interface Field {
  group: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  name: string;
  showError(message: string | null): void;
}

/** A labelled DSFR field whose error message sits next to it and is linked with aria-describedby. */
export function field(name: string, label: string, options: {
  type?: string; hint?: string; required?: boolean; autocomplete?: string; inputmode?: string;
  choices?: Array<[string, string]>; value?: string; multiline?: boolean; maxlength?: number;
} = {}): Field {
  const id = uid(name);
  const errorId = `${id}-erreur`;
  const hintId = `${id}-aide`;
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const common = { id, name, class: options.choices ? 'fr-select' : 'fr-input', required: options.required ?? false,
    'aria-describedby': options.hint ? hintId : null };
  if (options.choices) {
    input = h('select', common, options.choices.map(([value, text]) => h('option', { value, selected: value === options.value }, text)));
  } else if (options.multiline) {
    input = h('textarea', { ...common, maxlength: options.maxlength ?? null, rows: 3 }, options.value ?? '');
  } else {
    input = h('input', { ...common, type: options.type ?? 'text', autocomplete: options.autocomplete ?? null,
      inputmode: options.inputmode ?? null, value: options.value ?? null, maxlength: options.maxlength ?? null });
  }
  // Present only while there is an error: DSFR shows .fr-error-text whatever its hidden attribute says.
  const error = h('p', { id: errorId, class: 'fr-error-text' });
  const inner = h('div', { class: options.choices ? 'fr-select-group' : 'fr-input-group' },
    h('label', { class: 'fr-label', for: id }, label,
      options.hint ? h('span', { class: 'fr-hint-text', id: hintId }, options.hint) : null),
    input);
  const group = h('div', { class: 'fr-fieldset__element' }, inner);
  return {
    group, input, name,
    showError(message) {
      const describedBy = [options.hint ? hintId : null, message ? errorId : null].filter(Boolean).join(' ');
      if (describedBy) input.setAttribute('aria-describedby', describedBy); else input.removeAttribute('aria-describedby');
      inner.classList.toggle(options.choices ? 'fr-select-group--error' : 'fr-input-group--error', Boolean(message));
      input.classList.toggle(options.choices ? 'fr-select--error' : 'fr-input--error', Boolean(message));
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        error.textContent = message;
        inner.append(error);
      } else {
        input.removeAttribute('aria-invalid');
        error.remove();
      }
    },
  };
}

/**
 * Runs an action of a form: clears the old errors, shows the API's French message next to the field it
 * names, or in an alert at the top of the form (announced), and re-enables the button.
 */
export async function submit(form: HTMLFormElement, fields: Field[], feedback: HTMLElement,
                             action: () => Promise<void>): Promise<void> {
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement | null;
  fields.forEach(f => f.showError(null));
  feedback.replaceChildren();
  if (button) button.disabled = true;
  try {
    await action();
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'ERREUR', 'Une erreur inattendue est survenue.');
    const target = error.field ? fields.find(f => f.name === error.field) : undefined;
    if (target) {
      target.showError(error.message);
      target.input.focus();
    }
    feedback.replaceChildren(alert('error', error.message));
  } finally {
    if (button) button.disabled = false;
  }
}

export function button(label: string, onclick: (e: Event) => void, kind: 'primary' | 'secondary' | 'tertiary' = 'primary',
                       attrs: Record<string, string> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: `fr-btn${kind === 'primary' ? '' : ` fr-btn--${kind}`}`, onclick, ...attrs }, label);
}

export function pageTitle(text: string, lead?: string): HTMLElement[] {
  return [h('h1', {}, text), lead ? h('p', { class: 'fr-text--lead' }, lead) : null].filter(Boolean) as HTMLElement[];
}

/** A form's submit button, laid out as a DSFR fieldset element. */
export function submitButton(label: string, classes = 'fr-btn'): HTMLElement {
  return h('div', { class: 'fr-fieldset__element' }, h('button', { type: 'submit', class: classes }, label));
}

/**
 * A date typed as people write it in France (JJ/MM/AAAA; AAAA-MM-JJ is understood too), the same on
 * every browser and from the keyboard: the browsers' own date fields follow their interface language.
 */
export function dateField(name: string, label: string, options: { required?: boolean; value?: string; autocomplete?: string } = {}): Field {
  return field(name, label, { hint: 'Au format JJ/MM/AAAA', inputmode: 'numeric', maxlength: 10, required: options.required,
    autocomplete: options.autocomplete, value: options.value ? frenchDigits(options.value) : undefined });
}

/** The ISO date of a date field, '' when empty; a date that cannot be read is refused next to its field. */
export function isoDate(f: Field): string {
  const typed = f.input.value.trim();
  if (!typed) return '';
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const [y, m, d] = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : ['', '', ''];
  const date = new Date(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T12:00:00Z`);
  if (!y || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) {
    throw new ApiError(400, 'DATE_INVALIDE', 'Saisissez une date valide au format JJ/MM/AAAA.', f.name);
  }
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The proof of identity the API takes (NIR, birth date, birth name), for a person or their child. */
export interface IdentityFields {
  fields: Field[];
  groups: HTMLElement[];
  /** The body of the request: the NIR without spaces, the ISO birth date, the name as typed. */
  values(): { ins: string; dateNaissance: string; nomNaissance: string };
}

export function identityFields(child = false): IdentityFields {
  const whose = child ? ' de l’enfant' : '';
  const ins = field('ins', `Numéro de sécurité sociale${whose}`, { hint: '15 chiffres, sans espace', required: true,
    inputmode: 'numeric', autocomplete: 'off' });
  const born = dateField('dateNaissance', `Date de naissance${whose}`, { required: true, autocomplete: child ? undefined : 'bday' });
  const name = field('nomNaissance', `Nom de naissance${whose}`, { required: true, autocomplete: child ? undefined : 'family-name' });
  return {
    fields: [ins, born, name],
    groups: [ins.group, born.group, name.group],
    values: () => ({ ins: ins.input.value.replace(/\s/g, ''), dateNaissance: isoDate(born), nomNaissance: name.input.value }),
  };
}

function frenchDigits(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
