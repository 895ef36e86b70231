import { currentUser, type Population } from './auth';

/** An answer of the API that is not a success: its code and its French message, as the API wrote them. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

const CHILD = 'espace.enfant';

/** The child a parent acts for (reference and first names), kept for the tab's life. */
export function actingFor(): { reference: string; prenoms: string } | null {
  const raw = window.sessionStorage.getItem(CHILD);
  return raw ? (JSON.parse(raw) as { reference: string; prenoms: string }) : null;
}

export function actFor(child: { reference: string; prenoms: string } | null): void {
  if (child) window.sessionStorage.setItem(CHILD, JSON.stringify(child));
  else window.sessionStorage.removeItem(CHILD);
}

export async function api<T>(method: string, path: string, body?: unknown, population: Population = 'citizen'): Promise<T> {
  const user = await currentUser(population);
  if (!user) throw new ApiError(401, 'NON_CONNECTE', 'Votre session a pris fin : reconnectez-vous.');
  let url = path;
  const child = actingFor();
  if (population === 'citizen' && child && path.startsWith('/espace') && !path.startsWith('/espace/enfants')
      && !path.startsWith('/espace/activation')) {
    url += (url.includes('?') ? '&' : '?') + `enfant=${encodeURIComponent(child.reference)}`;
  }
  return send<T>(method, url, body, user.access_token);
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
