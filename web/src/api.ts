import { currentUser, type Population } from './auth';

/** An answer of the API that is not a success: its code and its French message, as the API wrote them. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

const CHILD = 'espace.enfant';
const HELPED = 'espace.aide';

/** The child a parent acts for (reference and first names), kept for the tab's life. */
export function actingFor(): { reference: string; prenoms: string } | null {
  const raw = window.sessionStorage.getItem(CHILD);
  return raw ? (JSON.parse(raw) as { reference: string; prenoms: string }) : null;
}

/** Acting for a child and helping someone as caregiver exclude each other: entering one leaves the other. */
export function actFor(child: { reference: string; prenoms: string } | null): void {
  if (child) {
    window.sessionStorage.setItem(CHILD, JSON.stringify(child));
    window.sessionStorage.removeItem(HELPED);
  } else window.sessionStorage.removeItem(CHILD);
}

/** The person the signed-in citizen helps as caregiver (reference and name), kept for the tab's life. */
export function helpedPerson(): { reference: string; nom: string } | null {
  const raw = window.sessionStorage.getItem(HELPED);
  return raw ? (JSON.parse(raw) as { reference: string; nom: string }) : null;
}

export function helpFor(person: { reference: string; nom: string } | null): void {
  if (person) {
    window.sessionStorage.setItem(HELPED, JSON.stringify(person));
    window.sessionStorage.removeItem(CHILD);
  } else window.sessionStorage.removeItem(HELPED);
}

let ended: { nom: string; message: string } | null = null;

/** Why caregiver mode ended on its own (the person no longer counts this caregiver), once. */
export function helpEnded(): { nom: string; message: string } | null {
  const found = ended;
  ended = null;
  return found;
}

/** The signed-in person's own routes: never in a child's or a helped person's space. */
const OWN = ['/espace/enfants', '/espace/activation', '/espace/aides'];

export async function api<T>(method: string, path: string, body?: unknown, population: Population = 'citizen'): Promise<T> {
  const user = await currentUser(population);
  if (!user) throw new ApiError(401, 'NON_CONNECTE', 'Votre session a pris fin : reconnectez-vous.');
  let url = path;
  const inSpace = population === 'citizen' && path.startsWith('/espace') && !OWN.some(p => path.startsWith(p));
  const helped = inSpace ? helpedPerson() : null;
  const child = inSpace ? actingFor() : null;
  const param = helped ? `aide=${encodeURIComponent(helped.reference)}` : child ? `enfant=${encodeURIComponent(child.reference)}` : null;
  if (param) url += (url.includes('?') ? '&' : '?') + param;
  try {
    return await send<T>(method, url, body, user.access_token);
  } catch (e) {
    // Removed by the person helped (or withdrawn from another tab): caregiver mode ends, with the API's message.
    if (helped && e instanceof ApiError && e.code === 'AIDANT_INCONNU') {
      ended = { nom: helped.nom, message: e.message };
      helpFor(null);
      window.location.hash = '#/aides';
    }
    throw e;
  }
}

/** A public route (objection): no token. */
export async function publicApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body, null);
}

async function send<T>(method: string, url: string, body: unknown, token: string | null): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'RESEAU', 'Le service ne répond pas. Vérifiez votre connexion et réessayez.');
  }
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (response.ok) return json as T;
  if (json && typeof json === 'object' && 'code' in json && 'message' in json) {
    const error = json as { code: string; message: string };
    throw new ApiError(response.status, error.code, error.message, fieldOf(error.message));
  }
  if (response.status === 401) throw new ApiError(401, 'NON_CONNECTE', 'Votre session a pris fin : reconnectez-vous.');
  throw new ApiError(response.status, 'ERREUR', 'Le service n’a pas pu traiter la demande. Réessayez plus tard.');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The API names the field in its message (« champ »): the form shows the message next to it. */
function fieldOf(message: string): string | undefined {
  const match = /« ([A-Za-zÀ-ÿ]+) »/.exec(message);
  return match ? match[1] : undefined;
}
