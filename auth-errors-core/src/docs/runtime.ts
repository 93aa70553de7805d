// ---------------------------------------------------------------------------
// The static runtime of the pack: the same for every catalog, appended after the
// generated declarations above (ErrorCode, ClientAction, ErrorBody, ErrorMeta,
// ERRORS, isErrorCode, isErrorBody). No runtime dependency: axios is a peer and
// only its types are imported. Helpers that are not exported start with `ae`.
// ---------------------------------------------------------------------------

import type { AxiosError, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from "axios";

/**
 * One challenge of a `WWW-Authenticate` value: an auth-scheme with either
 * auth-params or a token68 (RFC 9110 §11.2).
 */
export interface Challenge {
  /** The auth-scheme as sent; compare it case-insensitively (RFC 9110 §11.1). */
  scheme: string;
  /**
   * The auth-params: names lowercased (they are case-insensitive), values unescaped.
   * Every name is an own property, `__proto__` included.
   */
  params: Record<string, string>;
  /** The token68, if the challenge carries one instead of auth-params. */
  token68: string | null;
}

/** What was wrong with a `WWW-Authenticate` value. */
export type WwwAuthenticateParseErrorKind =
  | "expected-scheme"
  | "expected-equals"
  | "expected-value"
  | "unterminated-quoted-string"
  | "invalid-quoted-char"
  | "expected-comma"
  | "expected-space"
  | "duplicate-param";

function aeDescribe(kind: WwwAuthenticateParseErrorKind, param: string | null): string {
  switch (kind) {
    case "expected-scheme":
      return "expected an auth-scheme token";
    case "expected-equals":
      return "expected '=' after the parameter name";
    case "expected-value":
      return "expected a token or a quoted-string after '='";
    case "unterminated-quoted-string":
      return "quoted-string has no closing '\"'";
    case "invalid-quoted-char":
      return "control character inside a quoted-string";
    case "expected-comma":
      return "expected ',' or the end of the value";
    case "expected-space":
      return "expected a space between the auth-scheme and its auth-params";
    case "duplicate-param":
      return `parameter '${param ?? ""}' appears more than once in one challenge`;
  }
}

/**
 * A malformed `WWW-Authenticate` value: what was wrong, and where. `line` is the
 * header line (0 for the first, and for a single string); `offset` is the UTF-8
 * byte offset within that line, as the Rust parser reports it.
 */
export class WwwAuthenticateParseError extends Error {
  line: number;
  offset: number;
  kind: WwwAuthenticateParseErrorKind;
  /** The repeated parameter name, for `duplicate-param`. */
  param: string | null;

  constructor(line: number, offset: number, kind: WwwAuthenticateParseErrorKind, param: string | null = null) {
    super(`${line > 0 ? `header line ${line + 1}, ` : ""}byte ${offset}: ${aeDescribe(kind, param)}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "WwwAuthenticateParseError";
    this.line = line;
    this.offset = offset;
    this.kind = kind;
    this.param = param;
  }
}

/** A parse failure at a UTF-16 index of the joined value; mapped to line and byte offset once. */
class AeParseFailure {
  readonly at: number;
  readonly kind: WwwAuthenticateParseErrorKind;
  readonly param: string | null;

  constructor(at: number, kind: WwwAuthenticateParseErrorKind, param: string | null) {
    this.at = at;
    this.kind = kind;
    this.param = param;
  }
}

const AE_TCHAR_EXTRA = "!#$%&'*+-.^_`|~";
const AE_TOKEN68_EXTRA = "-._~+/";

function aeIsAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `tchar` (RFC 9110 §5.6.2). `NaN` (past the end) is no tchar. */
function aeIsTchar(c: number): boolean {
  return aeIsAlnum(c) || (c < 0x80 && AE_TCHAR_EXTRA.indexOf(String.fromCharCode(c)) >= 0);
}

/** A token68 character other than the trailing `=`. */
function aeIsToken68Char(c: number): boolean {
  return aeIsAlnum(c) || (c < 0x80 && AE_TOKEN68_EXTRA.indexOf(String.fromCharCode(c)) >= 0);
}

function aeIsWs(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** HTAB, SP, VCHAR or obs-text: anything but an ASCII control (RFC 9110 §5.6.4). */
function aeIsQchar(c: number): boolean {
  return c === 0x09 || !(c < 0x20 || c === 0x7f);
}

/** The UTF-8 length of `s[from..to]` (UTF-16 indices); a lone surrogate counts as U+FFFD. */
function aeUtf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

function aeHasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * The list parser of auth-errors-core's `challenge::parse`, step for step. It works on
 * UTF-16 indices; every character it tests is ASCII, so it takes the same path as the
 * byte-wise Rust parser, and offsets are converted to UTF-8 bytes when reported.
 */
function aeParseList(s: string): Challenge[] {
  let i = 0;
  const at = (k: number): number => s.charCodeAt(k);
  const skipWsFrom = (k: number): number => {
    while (aeIsWs(at(k))) k++;
    return k;
  };
  const tokenEnd = (k: number): number => {
    while (aeIsTchar(at(k))) k++;
    return k;
  };
  const fail = (k: number, kind: WwwAuthenticateParseErrorKind, param: string | null = null): never => {
    throw new AeParseFailure(k, kind, param);
  };

  // At a `,`: whether, past empty list elements, `token BWS "="` follows (a parameter of
  // the current challenge) rather than the next challenge's scheme. If so, moves to it.
  const continuesWithParam = (): boolean => {
    let next = i;
    while (aeIsWs(at(next)) || at(next) === 0x2c) next++;
    const nameEnd = tokenEnd(next);
    const isParam = nameEnd > next && at(skipWsFrom(nameEnd)) === 0x3d;
    if (isParam) i = next;
    return isParam;
  };

  // Where a token68 starting at `k` ends, if it closes the element.
  const token68End = (k: number): number | null => {
    let j = k;
    while (aeIsToken68Char(at(j))) j++;
    if (j === k) return null;
    while (at(j) === 0x3d) j++;
    const after = skipWsFrom(j);
    return after >= s.length || at(after) === 0x2c ? j : null;
  };

  const quotedString = (): string => {
    const open = i;
    let out = "";
    let k = open + 1;
    while (k < s.length) {
      const c = s.codePointAt(k) as number;
      const width = c > 0xffff ? 2 : 1;
      if (c === 0x22) {
        i = k + 1;
        return out;
      }
      if (c === 0x5c) {
        const j = k + 1;
        if (j >= s.length) break;
        const e = s.codePointAt(j) as number;
        const eWidth = e > 0xffff ? 2 : 1;
        if (!aeIsQchar(e)) fail(j, "invalid-quoted-char");
        out += s.slice(j, j + eWidth);
        k = j + eWidth;
        continue;
      }
      if (!aeIsQchar(c)) fail(k, "invalid-quoted-char");
      out += s.slice(k, k + width);
      k += width;
    }
    return fail(open, "unterminated-quoted-string");
  };

  const param = (challenge: Challenge): void => {
    const start = i;
    const nameEnd = tokenEnd(start);
    if (nameEnd === start) fail(start, "expected-scheme");
    const name = s.slice(start, nameEnd).toLowerCase();
    const eq = skipWsFrom(nameEnd);
    if (at(eq) !== 0x3d) fail(eq, "expected-equals");
    const valueStart = skipWsFrom(eq + 1);
    i = valueStart;
    let value: string;
    const c = at(i);
    if (c === 0x22) {
      value = quotedString();
    } else if (aeIsTchar(c)) {
      const end = tokenEnd(valueStart);
      i = end;
      value = s.slice(valueStart, end);
    } else {
      return fail(valueStart, "expected-value");
    }
    if (aeHasOwn(challenge.params, name)) fail(start, "duplicate-param", name);
    Object.defineProperty(challenge.params, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };

  const challenge = (): Challenge => {
    const start = i;
    const end = tokenEnd(start);
    if (end === start) fail(start, "expected-scheme");
    const result: Challenge = { scheme: s.slice(start, end), params: {}, token68: null };
    // `1*SP` separates the scheme from its token68 or auth-params; any other
    // whitespace can only be list OWS before a comma.
    let spEnd = end;
    while (at(spEnd) === 0x20) spEnd++;
    const after = skipWsFrom(end);
    if (after >= s.length) {
      i = after;
      return result;
    } else if (at(after) === 0x2c) {
      i = after;
      // An empty element may open the auth-param list (`Bearer , realm="x"`), after
      // the `1*SP`: without it (`Basic, realm="x"`) the param has no challenge.
      if (!continuesWithParam()) return result;
      if (spEnd === end) fail(end, "expected-space");
    } else if (spEnd === end || spEnd !== after) {
      fail(after, "expected-comma");
    } else {
      i = after;
      const t68End = token68End(i);
      if (t68End !== null) {
        result.token68 = s.slice(i, t68End);
        i = t68End;
        return result;
      }
    }
    for (;;) {
      param(result);
      i = skipWsFrom(i);
      if (i >= s.length) return result;
      if (at(i) !== 0x2c) fail(i, "expected-comma");
      if (!continuesWithParam()) return result;
    }
  };

  const out: Challenge[] = [];
  for (;;) {
    while (aeIsWs(at(i)) || at(i) === 0x2c) i++;
    if (i >= s.length) return out;
    out.push(challenge());
  }
}

/**
 * Parses a `WWW-Authenticate` value into its challenges (RFC 9110 §11.6.1): several
 * challenges in one value, quoted commas, escaped quotes, token68, case-insensitive
 * parameter names, empty list elements.
 *
 * Several header lines (an array) are parsed as the one list they form, as if joined
 * by `", "` (RFC 9110 §5.3); an error still names the line and the byte offset within
 * it. Results and errors are those of the Rust parser (`challenge::parse_lines`).
 *
 * @throws WwwAuthenticateParseError on a malformed value.
 */
export function parseWwwAuthenticate(value: string | readonly string[]): Challenge[] {
  const lines: readonly string[] = typeof value === "string" ? [value] : value;
  let joined = "";
  const starts: number[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (typeof line !== "string") {
      throw new TypeError("parseWwwAuthenticate: every header line must be a string");
    }
    if (n > 0) joined += ", ";
    starts.push(joined.length);
    joined += line;
  }
  try {
    return aeParseList(joined);
  } catch (e) {
    if (!(e instanceof AeParseFailure)) throw e;
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= e.at) line++;
    const start = starts[line] ?? 0;
    throw new WwwAuthenticateParseError(line, aeUtf8Length(joined, start, e.at), e.kind, e.param);
  }
}

/**
 * What a client should do, from a status and a challenge's `error` attribute: the same
 * rule as the Rust `ClientAction::derive`.
 */
export function deriveClientAction(status: number, error: string | null): ClientAction {
  switch (error) {
    case null:
      if (status === 401 || status === 407) return "reauthenticate";
      if (status === 403) return "forbidden";
      if (status === 429 || status === 503) return "retry";
      return "none";
    case "invalid_token":
      return "refresh";
    case "insufficient_scope":
      return "forbidden";
    case "insufficient_user_authentication":
      return "reauthenticate";
    case "use_dpop_nonce":
      return "retry";
    default:
      return "none";
  }
}

/** Why the interceptor gave up on a request and the user should sign in (again). */
export interface ReauthenticateReason {
  /** The status of the response that ended the attempt. */
  status: number;
  /** The body's business code, if the body had one. */
  code?: ErrorCode | string;
  /** The challenge the decision was read from, if the response had a readable one. */
  challenge?: Challenge;
}

/** A request that the credentials do not permit. */
export interface ForbiddenInfo {
  /** The challenge's `scope` attribute: the scope(s) the request needs. */
  scope: string | null;
  /** The body's business code, if the body had one. */
  code?: string;
  /** The challenge the decision was read from. */
  challenge?: Challenge;
}

/** The options of {@link installAuthInterceptor}. */
export interface AuthInterceptorOptions {
  /**
   * Gets a new access token (and stores it wherever the app keeps it). Called once for
   * any number of concurrent failures. It must not send its request through the
   * intercepted instance: use a separate axios instance or `fetch`.
   */
  refresh: () => Promise<string>;
  /**
   * The user must sign in (again): no token was sent, a step-up is needed, the refresh
   * failed, or the replayed request failed too. Called once per such request.
   */
  onReauthenticate?: (reason: ReauthenticateReason) => void;
  /** The credentials lack a permission (`insufficient_scope`): do not retry. */
  onForbidden?: (info: ForbiddenInfo) => void;
}

/** The marks the interceptor leaves on a request config (string keys survive axios's mergeConfig). */
type AeConfig = InternalAxiosRequestConfig & {
  /** Set on the replay: a replay is never refreshed and replayed again. */
  _authErrorsReplayed?: boolean;
  /** How many refreshes had completed when the request was sent. */
  _authErrorsGeneration?: number;
};

function aeIsAxiosError(error: unknown): error is AxiosError {
  return typeof error === "object" && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

/** The raw `WWW-Authenticate` value(s) of a response. */
function aeHeaderOf(response: AxiosResponse): string | string[] | undefined {
  const headers: unknown = response.headers;
  if (typeof headers !== "object" || headers === null) return undefined;
  let raw: unknown;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    raw = (get as (name: string) => unknown).call(headers, "www-authenticate");
  } else {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === "www-authenticate") raw = (headers as Record<string, unknown>)[key];
    }
  }
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw) && raw.every((line): line is string => typeof line === "string")) return raw;
  return undefined;
}

/** The challenge to act on: the first with an `error`, else the first Bearer one, else the first. */
function aeChallengeOf(response: AxiosResponse): Challenge | undefined {
  const raw = aeHeaderOf(response);
  if (raw === undefined) return undefined;
  let challenges: Challenge[];
  try {
    challenges = parseWwwAuthenticate(raw);
  } catch (e) {
    if (e instanceof WwwAuthenticateParseError) return undefined;
    throw e;
  }
  for (const c of challenges) if (aeHasOwn(c.params, "error")) return c;
  for (const c of challenges) if (c.scheme.toLowerCase() === "bearer") return c;
  return challenges[0];
}

/** The business code of a body (parsed JSON, or a JSON string). */
function aeCodeOf(data: unknown): string | undefined {
  let body = data;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (typeof body !== "object" || body === null) return undefined;
  const code = (body as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** The challenge's `error` decides; without one the body's code (its catalog action); then the status. */
function aeActionOf(status: number, challenge: Challenge | undefined, code: string | undefined): ClientAction {
  if (challenge !== undefined && aeHasOwn(challenge.params, "error")) {
    return deriveClientAction(status, challenge.params["error"] as string);
  }
  if (isErrorCode(code)) return ERRORS[code].action;
  return deriveClientAction(status, null);
}

/**
 * Installs the catalog's client behaviour on an axios instance and returns a function
 * that removes it:
 *
 * - a 401 whose challenge says `invalid_token` (or, without a challenge `error`, whose
 *   body code's action is `refresh`) calls `refresh()` and replays the request once with
 *   `Authorization: Bearer <new token>`;
 * - concurrent failures share one refresh; a request sent before a refresh completed and
 *   failing after it is replayed with the new token without another refresh;
 * - a replay that fails again, or a failed refresh, calls `onReauthenticate`: never a loop;
 * - `insufficient_scope` (403) calls `onForbidden` with the scope and never refreshes;
 * - a 401 with no `error` (no token was sent), or a step-up demand, calls `onReauthenticate`.
 *
 * The challenge is read from the `WWW-Authenticate` header (a browser needs the server's
 * `Access-Control-Expose-Headers: WWW-Authenticate` for a cross-origin response), with
 * the body's code as the fallback. After a callback the error still rejects to the
 * caller; a callback that throws rejects with its own error instead. A replay sends the
 * request's config again, so a body must be replayable (JSON, text, a Blob; not a stream).
 *
 * @example
 * const api = axios.create({ baseURL: "/api" });
 * const eject = installAuthInterceptor(api, {
 *   // A separate client: the refresh request must not go through `api`.
 *   refresh: async () => {
 *     const { data } = await axios.post("/api/token", { refresh_token: store.refreshToken });
 *     store.save(data);
 *     api.defaults.headers.common["Authorization"] = `Bearer ${data.access_token}`;
 *     return data.access_token;
 *   },
 *   onReauthenticate: () => router.push("/login"),
 *   onForbidden: ({ scope }) => toast(`This needs the ${scope ?? "right"} permission`),
 * });
 */
export function installAuthInterceptor(instance: AxiosInstance, options: AuthInterceptorOptions): () => void {
  let generation = 0;
  let latest: string | null = null;
  let inflight: Promise<string> | null = null;

  const sharedRefresh = (): Promise<string> => {
    if (inflight !== null) return inflight;
    const attempt = Promise.resolve()
      .then(() => options.refresh())
      .then((token: unknown) => {
        if (typeof token !== "string" || token === "") {
          throw new TypeError("installAuthInterceptor: refresh() must resolve to a non-empty token");
        }
        latest = token;
        generation++;
        return token;
      });
    inflight = attempt;
    const settle = (): void => {
      if (inflight === attempt) inflight = null;
    };
    attempt.then(settle, settle);
    return attempt;
  };

  const tokenFor = (config: AeConfig): Promise<string> => {
    const sent = config._authErrorsGeneration;
    if (inflight === null && latest !== null && sent !== undefined && sent < generation) {
      return Promise.resolve(latest);
    }
    return sharedRefresh();
  };

  const reauthenticate = (status: number, code: string | undefined, challenge: Challenge | undefined): void => {
    if (options.onReauthenticate === undefined) return;
    const reason: ReauthenticateReason = { status };
    if (code !== undefined) reason.code = code;
    if (challenge !== undefined) reason.challenge = challenge;
    options.onReauthenticate(reason);
  };

  const requestId = instance.interceptors.request.use((config: InternalAxiosRequestConfig) => {
    (config as AeConfig)._authErrorsGeneration = generation;
    return config;
  });

  const responseId = instance.interceptors.response.use(undefined, async (error: unknown): Promise<AxiosResponse> => {
    if (!aeIsAxiosError(error)) throw error;
    const response = error.response;
    const config = error.config as AeConfig | undefined;
    if (response === undefined || config === undefined) throw error;
    const status = response.status;
    const challenge = aeChallengeOf(response);
    const code = aeCodeOf(response.data);
    const action = aeActionOf(status, challenge, code);

    if (action === "refresh") {
      if (config._authErrorsReplayed === true) {
        reauthenticate(status, code, challenge);
        throw error;
      }
      let token: string;
      try {
        token = await tokenFor(config);
      } catch {
        reauthenticate(status, code, challenge);
        throw error;
      }
      config._authErrorsReplayed = true;
      const value = `Bearer ${token}`;
      const headers: unknown = config.headers;
      if (typeof headers === "object" && headers !== null && typeof (headers as { set?: unknown }).set === "function") {
        config.headers.set("Authorization", value);
      } else {
        const plain: Record<string, unknown> = typeof headers === "object" && headers !== null ? (headers as Record<string, unknown>) : {};
        for (const key of Object.keys(plain)) if (key.toLowerCase() === "authorization") delete plain[key];
        plain["Authorization"] = value;
        (config as { headers: unknown }).headers = plain;
      }
      return instance.request(config);
    }
    if (action === "forbidden") {
      if (options.onForbidden !== undefined) {
        const scope = challenge !== undefined && aeHasOwn(challenge.params, "scope") ? (challenge.params["scope"] as string) : null;
        const info: ForbiddenInfo = { scope };
        if (code !== undefined) info.code = code;
        if (challenge !== undefined) info.challenge = challenge;
        options.onForbidden(info);
      }
      throw error;
    }
    if (action === "reauthenticate") {
      reauthenticate(status, code, challenge);
    }
    throw error;
  });

  return () => {
    instance.interceptors.request.eject(requestId);
    instance.interceptors.response.eject(responseId);
  };
}
