// The page the browser suite loads from its own 127.0.0.1 port: a frontend that calls
// the demo API on another port through createAuthFetch, with the tokens in
// localStorage (shared by the tabs), Web Locks and BroadcastChannel as the defaults;
// and through openapi-fetch with createAuthMiddleware, over the same store.
import createClient, { type Client } from "openapi-fetch";
import {
  createAuthFetch,
  createAuthMiddleware,
  webStorageTokenStore,
  type ForbiddenInfo,
  type ReauthenticateReason,
  type StepUpInfo,
  type TokenSet,
} from "../generated/auth-errors.js";

interface Answer {
  status: number;
  body: unknown;
}

const store = webStorageTokenStore("demo.tokens");
const log = {
  reauthenticate: [] as ReauthenticateReason[],
  forbidden: [] as ForbiddenInfo[],
  stepUp: [] as StepUpInfo[],
  refreshCalls: 0,
  apiCalls: 0,
  /** Access tokens `onTokens` heard of: this tab's refreshes and the other tabs'. */
  tokenEvents: [] as string[],
};
let api = "";

// Counts what reaches the network, as the server sees it.
const base = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === "/token") log.refreshCalls++;
  else log.apiCalls++;
  return fetch(request);
};

const refresh = async ({ fetch: plain, tokens }: { fetch: typeof base; tokens: TokenSet | null }): Promise<TokenSet> => {
  const r = await plain(`${api}/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: tokens?.refresh_token }),
  });
  if (!r.ok) throw new Error(`refresh answered ${r.status}`);
  return (await r.json()) as TokenSet;
};
const hooks = {
  onReauthenticate: (reason: ReauthenticateReason) => void log.reauthenticate.push(reason),
  onForbidden: (info: ForbiddenInfo) => void log.forbidden.push(info),
  onStepUp: (info: StepUpInfo) => void log.stepUp.push(info),
};

const authFetch = createAuthFetch(base, {
  store,
  refresh,
  ...hooks,
  onTokens: (tokens) => log.tokenEvents.push(tokens.access_token),
});

// The same rules as openapi-fetch middleware: the same store, and (by default) the same
// Web Lock and channel name, so it and authFetch take turns as two tabs would.
const authMiddleware = createAuthMiddleware(base, { store, refresh, ...hooks });
// The demo's routes as openapi-typescript would write them.
interface JsonResponse {
  content: { "application/json": unknown };
}
interface Operation {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: { content: { "application/json": unknown } };
  responses: { 200: JsonResponse; 401: JsonResponse; 403: JsonResponse };
}
type Paths = Record<string, { get: Operation; post: Operation }>;
let openapi: Client<Paths> | null = null;

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

const page = {
  setApi(url: string): void {
    api = url;
    openapi = createClient<Paths>({ baseUrl: url, fetch: base });
    openapi.use(authMiddleware);
  },
  features(): { locks: boolean; broadcast: boolean; secure: boolean; origin: string } {
    return { locks: typeof navigator.locks?.request === "function", broadcast: typeof BroadcastChannel === "function", secure: isSecureContext, origin: location.origin };
  },
  /** A JSON POST: the browser sends a preflight first. */
  async login(user: string): Promise<TokenSet> {
    const r = await fetch(`${api}/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user }) });
    if (!r.ok) throw new Error(`login answered ${r.status}`);
    const tokens = (await r.json()) as TokenSet;
    store.set(tokens);
    return tokens;
  },
  setTokens(tokens: TokenSet | null): void {
    store.set(tokens);
  },
  tokens(): TokenSet | null {
    return store.get() as TokenSet | null;
  },
  /** What a script reads of a cross-origin response's headers, without the pack. */
  async headers(path: string, authorization: string | null, names: string[]): Promise<Record<string, string | null>> {
    const r = await fetch(`${api}${path}`, authorization === null ? {} : { headers: { authorization } });
    const out: Record<string, string | null> = { status: String(r.status) };
    for (const n of names) out[n] = r.headers.get(n);
    return out;
  },
  async call(method: string, path: string, json?: unknown): Promise<Answer> {
    return answer(
      await authFetch(`${api}${path}`, {
        method,
        ...(json === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(json) }),
      }),
    );
  },
  /** Through openapi-fetch and createAuthMiddleware. */
  async middlewareCall(method: "GET" | "POST", path: string, json?: unknown): Promise<Answer> {
    if (openapi === null) throw new Error("setApi first");
    const result = method === "GET" ? await openapi.GET(path) : await openapi.POST(path, json === undefined ? {} : { body: json });
    return { status: result.response.status, body: result.data ?? result.error };
  },
  async middlewareBurst(n: number, path: string): Promise<number[]> {
    const client = openapi;
    if (client === null) throw new Error("setApi first");
    const results = await Promise.all(Array.from({ length: n }, () => client.GET(path)));
    return results.map((r) => r.response.status);
  },
  async burst(n: number, path: string): Promise<number[]> {
    const answers = await Promise.all(Array.from({ length: n }, () => authFetch(`${api}${path}`)));
    return answers.map((r) => r.status);
  },
  log(): typeof log {
    return JSON.parse(JSON.stringify(log)) as typeof log;
  },
  reset(): void {
    log.reauthenticate = [];
    log.forbidden = [];
    log.stepUp = [];
    log.refreshCalls = 0;
    log.apiCalls = 0;
    log.tokenEvents = [];
  },
};

declare global {
  interface Window {
    authErrorsPage: typeof page;
  }
}
window.authErrorsPage = page;
document.title = "ready";
