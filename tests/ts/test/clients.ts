// The clients the rules are checked through, each wired as its own documentation says:
// plain fetch, openapi-fetch, ky and ofetch over createAuthFetch, openapi-fetch with
// createAuthMiddleware (`client.use`), and axios through installAuthInterceptor. Every one records the requests the server answered, seen by
// the base fetch (or an axios interceptor) before the pack acts on them.
import axios, { type AxiosInstance } from "axios";
import createClient from "openapi-fetch";
import ky from "ky";
import { ofetch } from "ofetch";
import {
  createAuthFetch,
  createAuthMiddleware,
  installAuthInterceptor,
  memoryTokenStore,
  type AuthMiddlewareOptions,
  type DpopProofRequest,
  type ForbiddenInfo,
  type ReauthenticateReason,
  type StepUpInfo,
  type TokenSet,
  type TokenStore,
} from "../generated/auth-errors.js";
import { passSignal, type Demo, type TokenPair } from "./support.js";

export const CLIENTS = ["fetch", "openapi-fetch", "openapi-fetch-middleware", "ky", "ofetch", "axios"] as const;
export type ClientName = (typeof CLIENTS)[number];

/** One request as the server answered it. */
export interface Seen {
  method: string;
  path: string;
  status: number;
  authorization: string | null;
  dpop: string | null;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface Client {
  name: ClientName;
  /** Sends a request; resolves with the final status and body whatever the status. */
  send(method: "GET" | "POST", path: string, json?: unknown, signal?: AbortSignal): Promise<Answer>;
  /** Requests to the API (not /token) as the server answered them. */
  seen: Seen[];
  /** `POST /token` calls the refresh made. */
  refreshCalls: number;
  reauthenticate: ReauthenticateReason[];
  forbidden: ForbiddenInfo[];
  stepUp: StepUpInfo[];
  store: TokenStore;
}

export interface ClientSetup {
  /** The tokens to start with (`null`: signed out). */
  tokens: TokenPair | TokenSet | null;
  /** Replaces what the refresh returns (default: trade the stored refresh token at POST /token). */
  refresh?: (trade: () => Promise<TokenSet>) => Promise<TokenSet | string>;
  dpop?: (request: DpopProofRequest) => string | Promise<string>;
  maxRetryDelayMs?: number;
  /** Replaces the base fetch's response (as a browser hides an unexposed header). */
  rewrite?: (response: Response) => Response;
}

/** Demo's routes as openapi-typescript would write them, for openapi-fetch's types. */
interface JsonResponse {
  content: { "application/json": unknown };
}
interface Operation {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: { content: { "application/json": unknown } };
  responses: { 200: JsonResponse; 400: JsonResponse; 401: JsonResponse; 403: JsonResponse; 429: JsonResponse; 503: JsonResponse };
}
type Paths = Record<string, { get: Operation; post: Operation }>;

function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

export function makeClient(name: ClientName, demo: Demo, setup: ClientSetup): Client {
  const store = memoryTokenStore(setup.tokens === null ? null : { ...setup.tokens });
  const client: Client = {
    name,
    send: async () => ({ status: 0, body: null }),
    seen: [],
    refreshCalls: 0,
    reauthenticate: [],
    forbidden: [],
    stepUp: [],
    store,
  };
  const hooks = {
    onReauthenticate: (r: ReauthenticateReason) => void client.reauthenticate.push(r),
    onForbidden: (i: ForbiddenInfo) => void client.forbidden.push(i),
    onStepUp: (i: StepUpInfo) => void client.stepUp.push(i),
  };
  const optional = {
    ...(setup.dpop !== undefined ? { dpop: setup.dpop } : {}),
    ...(setup.maxRetryDelayMs !== undefined ? { maxRetryDelayMs: setup.maxRetryDelayMs } : {}),
  };

  if (name === "axios") {
    const instance: AxiosInstance = axios.create({ baseURL: demo.baseURL });
    const tokens = setup.tokens;
    if (tokens !== null) instance.defaults.headers.common["Authorization"] = `Bearer ${tokens.access_token}`;
    instance.interceptors.response.use(
      (response) => {
        client.seen.push({
          method: (response.config.method ?? "").toUpperCase(),
          path: pathOf(axios.getUri(response.config)),
          status: response.status,
          authorization: (response.config.headers.get("Authorization") as string | undefined) ?? null,
          dpop: null,
        });
        return response;
      },
      (error: unknown) => {
        if (axios.isAxiosError(error) && error.config !== undefined && error.response !== undefined) {
          client.seen.push({
            method: (error.config.method ?? "").toUpperCase(),
            path: pathOf(axios.getUri(error.config)),
            status: error.response.status,
            authorization: (error.config.headers.get("Authorization") as string | undefined) ?? null,
            dpop: null,
          });
        }
        throw error;
      },
    );
    const trade = async (): Promise<TokenSet> => {
      const current = await store.get();
      client.refreshCalls++;
      const pair = await demo.refresh(current?.refresh_token ?? "none");
      await store.set(pair);
      return pair;
    };
    installAuthInterceptor(instance, {
      refresh: async () => {
        const result = setup.refresh !== undefined ? await setup.refresh(trade) : await trade();
        const token = typeof result === "string" ? result : result.access_token;
        instance.defaults.headers.common["Authorization"] = `Bearer ${token}`;
        return token;
      },
      ...hooks,
      ...(setup.maxRetryDelayMs !== undefined ? { maxRetryDelayMs: setup.maxRetryDelayMs } : {}),
    });
    client.send = async (method, path, json, signal) => {
      try {
        const r = await instance.request({ method, url: path, data: json, ...(signal !== undefined ? { signal } : {}) });
        return { status: r.status, body: r.data };
      } catch (e) {
        if (axios.isAxiosError(e) && e.response !== undefined) return { status: e.response.status, body: e.response.data };
        throw e;
      }
    };
    return client;
  }

  const base = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const isRefresh = new URL(request.url).pathname === "/token";
    if (isRefresh) client.refreshCalls++;
    let response = await fetch(request, passSignal(init));
    if (setup.rewrite !== undefined) response = setup.rewrite(response);
    if (!isRefresh) {
      client.seen.push({
        method: request.method,
        path: pathOf(request.url),
        status: response.status,
        authorization: request.headers.get("authorization"),
        dpop: request.headers.get("dpop"),
      });
    }
    return response;
  };
  const sessionOptions: AuthMiddlewareOptions<typeof base> = {
    store,
    broadcast: false,
    refresh: async ({ fetch: plain, tokens }) => {
      const trade = async (): Promise<TokenSet> => {
        const r = await plain(`${demo.baseURL}/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ refresh_token: tokens?.refresh_token ?? "none" }),
        });
        if (!r.ok) throw new Error(`refresh: ${r.status}`);
        return (await r.json()) as TokenSet;
      };
      return setup.refresh !== undefined ? setup.refresh(trade) : trade();
    },
    ...hooks,
    ...optional,
  };

  if (name === "openapi-fetch-middleware") {
    // The plain base fetch for the client, and the rules as its (only, so last) middleware.
    const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: base });
    api.use(createAuthMiddleware(base, sessionOptions));
    client.send = async (method, path, json, signal) => {
      const init = { ...(signal !== undefined ? { signal } : {}) };
      const result =
        method === "GET" ? await api.GET(path, init) : await api.POST(path, { ...init, ...(json !== undefined ? { body: json } : {}) });
      return { status: result.response.status, body: result.data ?? result.error };
    };
    return client;
  }
  const authFetch = createAuthFetch(base, sessionOptions);

  const answer = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body };
  };

  if (name === "fetch") {
    client.send = async (method, path, json, signal) =>
      answer(
        await authFetch(`${demo.baseURL}${path}`, {
          method,
          ...(json !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(json) } : {}),
          ...(signal !== undefined ? { signal } : {}),
        }),
      );
  } else if (name === "openapi-fetch") {
    const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: authFetch });
    client.send = async (method, path, json, signal) => {
      const init = { ...(signal !== undefined ? { signal } : {}) };
      const result =
        method === "GET" ? await api.GET(path, init) : await api.POST(path, { ...init, ...(json !== undefined ? { body: json } : {}) });
      return { status: result.response.status, body: result.data ?? result.error };
    };
  } else if (name === "ky") {
    const api = ky.create({ prefixUrl: demo.baseURL, fetch: authFetch, retry: 0, throwHttpErrors: false, timeout: false });
    client.send = async (method, path, json, signal) =>
      answer(
        await api(path.slice(1), {
          method,
          ...(json !== undefined ? { json } : {}),
          ...(signal !== undefined ? { signal } : {}),
        }),
      );
  } else {
    const api = ofetch.create({ baseURL: demo.baseURL, retry: 0, ignoreResponseError: true }, { fetch: authFetch });
    client.send = async (method, path, json, signal) => {
      const r = await api.raw(path, {
        method,
        ...(json !== undefined ? { body: json as Record<string, unknown> } : {}),
        ...(signal !== undefined ? { signal } : {}),
      });
      return { status: r.status, body: r._data };
    };
  }
  return client;
}
