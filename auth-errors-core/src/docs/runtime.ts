// ---------------------------------------------------------------------------
// The static runtime of the pack: the same for every catalog, appended after the
// generated declarations above (ErrorCode, ClientAction, ErrorBody, ErrorMeta,
// ERRORS, isErrorCode, isErrorBody, ErrorParams, LOCALES, Locale, DEFAULT_LOCALE,
// MESSAGES). No runtime dependency: the fetch core needs only
// a `fetch`, and the axios adapter (the last section) imports only axios's types.
// Helpers that are not exported start with `ae`.
// ---------------------------------------------------------------------------

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


// ---------------------------------------------------------------------------
// Messages in the user's language: the generated tables, picked and filled as the
// server's locale layers do.
// ---------------------------------------------------------------------------

/** One code's text in one language: its message, a function of its params, and its problem title. */
export interface Translated<C extends ErrorCode> {
  readonly message: (params: ErrorParams[C]) => string;
  readonly title?: string;
}

/** One language's text, keyed by code: every code in the catalog's own language, the codes it translates in a locale file's. */
export type MessageTable = { readonly [C in ErrorCode]?: Translated<C> };

/**
 * The catalog's language for a user's preferences, best first (`navigator.languages`, or
 * one tag): for each, the locale with that tag, else with a shorter prefix of it
 * (`fr-CH` → `fr`, `zh-Hant-TW` → `zh-Hant` → `zh`; RFC 4647 §3.4 lookup, ignoring
 * case); `DEFAULT_LOCALE` when none matches. The server's locale layers pick the same
 * way from `Accept-Language`.
 */
export function pickLocale(preferred: string | readonly string[] = []): Locale {
  const wanted = typeof preferred === "string" ? [preferred] : preferred;
  for (const tag of wanted) {
    let prefix = tag.toLowerCase();
    while (prefix.length > 0) {
      const found = LOCALES.find((l) => l.toLowerCase() === prefix);
      if (found !== undefined) return found;
      const cut = prefix.lastIndexOf("-");
      if (cut < 0) break;
      prefix = prefix.slice(0, cut);
      // A single-letter subtag left at the end goes with the one after it.
      if (prefix.length >= 2 && prefix[prefix.length - 2] === "-") prefix = prefix.slice(0, -2);
    }
  }
  return DEFAULT_LOCALE;
}

/**
 * A code's message in a language (a tag, or preferences as for `pickLocale`), filled
 * with its params: the language's translation, else the catalog's own text. The text a
 * server with the locale layer sends for that language.
 */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParams[C], locale?: string | readonly string[]): string {
  const translated = MESSAGES[pickLocale(locale)][code] as Translated<C> | undefined;
  const own = MESSAGES[DEFAULT_LOCALE][code] as Translated<C> | undefined;
  return (translated ?? own)?.message(params) ?? code;
}

/** A code's problem title in a language, else the catalog's own. */
export function errorTitle(code: ErrorCode, locale?: string | readonly string[]): string {
  return MESSAGES[pickLocale(locale)][code]?.title ?? MESSAGES[DEFAULT_LOCALE][code]?.title ?? ERRORS[code].title;
}

// ---------------------------------------------------------------------------
// Client actions: what a challenge's RFC `error` value asks a client to do.
// ---------------------------------------------------------------------------

/** What the fetch core does beyond the action for some `error` values. */
type AeHook = "step-up" | "dpop-nonce";

/** One row of {@link AE_ERROR_ACTIONS}. */
interface AeErrorAction {
  readonly action: ClientAction;
  readonly hook?: AeHook;
}

/**
 * The RFC `error` values and what a client does about each: the action (the same rule
 * as the Rust `ClientAction::derive`) and, for two of them, the fetch core's hook.
 * The one place this mapping lives; any other `error` value means `none`.
 */
const AE_ERROR_ACTIONS: { readonly [error: string]: AeErrorAction } = {
  // RFC 6750 §3.1
  invalid_request: { action: "none" },
  invalid_token: { action: "refresh" },
  insufficient_scope: { action: "forbidden" },
  // RFC 9470 §3: sign in again, more strongly or more recently.
  insufficient_user_authentication: { action: "reauthenticate", hook: "step-up" },
  // RFC 9449 §8 and §9: send the request again with a proof carrying the nonce.
  use_dpop_nonce: { action: "retry", hook: "dpop-nonce" },
};

function aeErrorAction(error: string): AeErrorAction | undefined {
  return aeHasOwn(AE_ERROR_ACTIONS, error) ? AE_ERROR_ACTIONS[error] : undefined;
}

/**
 * What a client should do, from a status and a challenge's `error` attribute: the same
 * rule as the Rust `ClientAction::derive`.
 */
export function deriveClientAction(status: number, error: string | null): ClientAction {
  if (error === null) {
    if (status === 401 || status === 407) return "reauthenticate";
    if (status === 403) return "forbidden";
    if (status === 429 || status === 503) return "retry";
    return "none";
  }
  return aeErrorAction(error)?.action ?? "none";
}

// ---------------------------------------------------------------------------
// The session: one state machine for every client (the fetch core and the axios
// adapter). It decides from a response, shares one refresh among concurrent
// failures, and calls the app's hooks. All state lives in one session object: no
// module-level state, so a server may hold one session per user.
// ---------------------------------------------------------------------------

/**
 * The tokens of a session. An object with other members too (`expires_in`, …) is
 * stored as it is.
 */
export interface TokenSet {
  /** The access token, sent as `Authorization: <scheme> <access_token>`. */
  access_token: string;
  /** The refresh token to trade for new tokens, if the app keeps it here. */
  refresh_token?: string | undefined;
}

/**
 * Where a session keeps its tokens. Each call may be synchronous or return a promise.
 * A store that several tabs share (such as {@link webStorageTokenStore}) is what lets a
 * tab adopt the token another tab refreshed, instead of spending the same single-use
 * refresh token again.
 */
export interface TokenStore {
  /** The current tokens, or `null` when signed out. */
  get(): TokenSet | null | Promise<TokenSet | null>;
  /** Replaces the tokens (`null`: signed out). */
  set(tokens: TokenSet | null): void | Promise<void>;
}

/**
 * A lock held around each refresh. With a lock that spans tabs (the Web Locks API, the
 * default where it exists), a tab that waited re-reads the store and adopts the token
 * the other tab stored.
 */
export interface RefreshLock {
  /**
   * Runs `task` holding the lock `name`, and settles as it does. `waited`: whether
   * another holder (another tab) had the lock first, so the tokens it stored may still
   * be on their way to this tab; a lock that cannot tell passes nothing.
   */
  run<T>(name: string, task: (waited?: boolean) => Promise<T>): Promise<T>;
}

/** What `refresh` gets. */
export interface RefreshContext<F> {
  /**
   * The base `fetch` the session wraps (not the wrapped one): the refresh request goes
   * straight to the server, so a failing refresh can never recurse into a refresh.
   * `null` for a session without one (the axios adapter's).
   */
  fetch: F;
  /** The tokens in the store: trade their `refresh_token`. */
  tokens: TokenSet | null;
}

/** Why a request ended and the user should sign in (again). */
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

/** A demand for a stronger or more recent sign-in (RFC 9470). */
export interface StepUpInfo {
  /** The challenge's `acr_values`: the authentication context classes to ask for. */
  acr_values: string | null;
  /** The challenge's `max_age`: the oldest acceptable sign-in, in seconds. */
  max_age: number | null;
  /** The status of the response. */
  status: number;
  /** The body's business code, if the body had one. */
  code?: string;
  /** The challenge the demand was read from. */
  challenge?: Challenge;
}

/** What the `dpop` hook is asked for: a DPoP proof (RFC 9449 §4) for one request. */
export interface DpopProofRequest {
  /** The request's method (`htm`). */
  method: string;
  /** The request's URL (`htu`: drop its query and fragment). */
  url: string;
  /** The server's latest `DPoP-Nonce`, to put in the `nonce` claim; `null` before one. */
  nonce: string | null;
  /** The access token the request carries, for the `ath` claim; `null` without one. */
  accessToken: string | null;
}

/** The options every session has, whichever client it serves. */
export interface AuthSessionOptions<F> {
  /**
   * Gets new tokens: a {@link TokenSet}, or the access token alone (the other members
   * of the stored set are kept). Called once for any number of concurrent failures,
   * and not at all when the store already holds a newer token than the one a request
   * was sent with.
   */
  refresh: (context: RefreshContext<F>) => Promise<TokenSet | string>;
  /** Where the tokens live. Default: this session's memory ({@link memoryTokenStore}). */
  store?: TokenStore | undefined;
  /**
   * The lock around a refresh. Default: in a browser (a page or a worker), the Web
   * Locks API (`navigator.locks`) where it exists, which spans every tab of the origin;
   * elsewhere {@link localRefreshLock}, which spans this session only: see
   * {@link createAuthFetch} for that fallback. On a server the default keeps sessions
   * of different users apart.
   */
  lock?: RefreshLock | undefined;
  /** The lock's and the broadcast channel's name. Default `"auth-errors"`. */
  name?: string | undefined;
  /**
   * Tell other tabs about new tokens on a `BroadcastChannel`, and take theirs. Default:
   * on in a browser (a page or a worker) where `BroadcastChannel` exists, off elsewhere:
   * on a server every session would hear every other user's tokens.
   */
  broadcast?: boolean | undefined;
  /** The `Authorization` scheme the session sends its token with. Default `"Bearer"`. */
  scheme?: string | undefined;
  /**
   * The user must sign in (again): no token was sent, the refresh failed, or the
   * replayed request failed too (and step-up demands, without `onStepUp`).
   */
  onReauthenticate?: ((reason: ReauthenticateReason) => void) | undefined;
  /** The credentials lack a permission (`insufficient_scope`, or any 403): no retry. */
  onForbidden?: ((info: ForbiddenInfo) => void) | undefined;
  /** The server wants a stronger or more recent sign-in (`insufficient_user_authentication`). */
  onStepUp?: ((info: StepUpInfo) => void) | undefined;
  /** The session's tokens changed: refreshed here, or in another tab. */
  onTokens?: ((tokens: TokenSet) => void) | undefined;
  /**
   * Makes a DPoP proof (a signed JWT, RFC 9449 §4.2) for a request: called for every
   * request, and once more with the new nonce when the server answers
   * `use_dpop_nonce` with a `DPoP-Nonce`, for one replay. Without it a
   * `use_dpop_nonce` answer is returned as it is.
   */
  dpop?: ((request: DpopProofRequest) => string | Promise<string>) | undefined;
  /**
   * The longest `Retry-After` (on a 429 or 503 to an idempotent request) the session
   * waits before its one replay, in milliseconds; a longer delay returns the response
   * at once. Default 10 000; 0 turns waiting off.
   */
  maxRetryDelayMs?: number | undefined;
}

/** A response as the session sees it, from any client. */
export interface ResponseFacts {
  /** The request's method, uppercase. */
  method: string;
  /** The response's status. */
  status: number;
  /** A response header, `null` when absent (or not exposed to a cross-origin script). */
  header(name: string): string | null;
  /** The body's business code, if it had one. */
  code: string | undefined;
}

/** What a client does next with a failed response. */
export type AuthDecision =
  /** Return it as it is: any hook has been called. */
  | { kind: "pass" }
  /** Get a token with `renew` and replay once with it. */
  | { kind: "refresh" }
  /** Replay once with a new DPoP proof for this nonce. */
  | { kind: "nonce"; nonce: string }
  /** Replay once after `ms` milliseconds. */
  | { kind: "wait"; ms: number };

/**
 * The state machine under {@link createAuthFetch} and {@link installAuthInterceptor},
 * for writing an adapter for another client. One per signed-in user.
 */
export interface AuthSession {
  /** The options' `scheme`. */
  readonly scheme: string;
  /** The store. */
  readonly store: TokenStore;
  /** The access token to send now, or `null`. */
  token(): Promise<string | null>;
  /** The token an `Authorization` value carries with the session's scheme, or `null`. */
  tokenOf(authorization: string | null): string | null;
  /** Waits `ms` before a replay; rejects with the signal's reason as soon as it aborts. */
  wait(ms: number, signal?: AeAbortSignal | null): Promise<void>;
  /** The server's latest `DPoP-Nonce`. */
  nonce(): string | null;
  /** Notes a response's `DPoP-Nonce`, if it has one (any response may bring one). */
  noteNonce(facts: Pick<ResponseFacts, "header">): void;
  /** A DPoP proof from the options' hook, or `null` without one. */
  proof(method: string, url: string, accessToken: string | null): Promise<string | null>;
  /**
   * What to do about a failed response, from the challenge's `error`, then the body's
   * code, then the status. `replayed`: the request is already a replay, so it gets no
   * other; hooks are still called. Calls `onForbidden`, `onStepUp` and
   * `onReauthenticate` itself for the outcomes that end there.
   */
  decide(facts: ResponseFacts, replayed: boolean): AuthDecision;
  /**
   * The token to replay a request that was sent with `sent` and answered `facts`: the
   * store's, if it changed since; else the result of one refresh shared with every
   * other caller. `null` when the refresh failed (`onReauthenticate` has been called).
   * Rejects with the signal's reason if `signal` aborts first (the refresh goes on for
   * the others).
   */
  renew(sent: string | null, facts: ResponseFacts, signal?: AeAbortSignal | null): Promise<string | null>;
  /** Stops listening to other tabs. */
  close(): void;
}

/** The part of `AbortSignal` the pack uses (no DOM types needed). */
export interface AeAbortSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

interface AeBroadcastChannel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  /** Node.js: lets the process exit while the channel is open. */
  unref?: () => void;
}

interface AeLockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** The global a name may be found on, typed for what the pack looks up. */
function aeGlobal(): {
  navigator?: { locks?: AeLockManager };
  BroadcastChannel?: new (name: string) => AeBroadcastChannel;
  localStorage?: AeStorage;
  Request?: AeRequestConstructor;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  document?: unknown;
  importScripts?: unknown;
} {
  return globalThis as never;
}

/** A page or a worker: where tabs of one origin share locks and channels. */
function aeInBrowser(): boolean {
  const g = aeGlobal();
  return typeof g.document === "object" || typeof g.importScripts === "function";
}

function aeAbortReason(signal: AeAbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const e = new Error("This operation was aborted");
  e.name = "AbortError";
  return e;
}

/** `promise`, or the signal's reason as soon as it aborts. */
function aeRace<T>(promise: Promise<T>, signal: AeAbortSignal | null | undefined): Promise<T> {
  if (signal === null || signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(aeAbortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aeAbortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function aeSleep(ms: number, signal: AeAbortSignal | null | undefined): Promise<void> {
  const g = aeGlobal();
  let timer: unknown;
  const slept = new Promise<void>((resolve) => {
    timer = g.setTimeout(resolve, ms);
  });
  return aeRace(slept, signal).then(undefined, (e: unknown) => {
    g.clearTimeout(timer);
    throw e;
  });
}

/** A session's memory: the default store. */
export function memoryTokenStore(initial: TokenSet | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}

/** The part of `Storage` the pack uses. */
export interface AeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function aeIsTokenSet(value: unknown): value is TokenSet {
  return typeof value === "object" && value !== null && typeof (value as { access_token?: unknown }).access_token === "string";
}

/**
 * A store in `localStorage` (or another `Storage`), shared by every tab of the origin,
 * as JSON under `key`. Anything else found there reads as signed out.
 */
export function webStorageTokenStore(key = "auth-errors.tokens", storage?: AeStorage): TokenStore {
  const where = (): AeStorage => {
    const s = storage ?? aeGlobal().localStorage;
    if (s === undefined) throw new TypeError("webStorageTokenStore: no localStorage here; pass a Storage");
    return s;
  };
  return {
    get: () => {
      const raw = where().getItem(key);
      if (raw === null) return null;
      try {
        const value: unknown = JSON.parse(raw);
        return aeIsTokenSet(value) ? value : null;
      } catch {
        return null;
      }
    },
    set: (tokens) => {
      if (tokens === null) where().removeItem(key);
      else where().setItem(key, JSON.stringify(tokens));
    },
  };
}

/** A lock that spans one session: the default where `navigator.locks` is missing. */
export function localRefreshLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(_name: string, task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

/** The Web Locks API's exclusive lock, which spans every tab of the origin; `null` where it is missing. */
export function webLocksRefreshLock(): RefreshLock | null {
  const locks = aeGlobal().navigator?.locks;
  if (locks === undefined || typeof locks.request !== "function") return null;
  return {
    async run<T>(name: string, task: (waited?: boolean) => Promise<T>): Promise<T> {
      // At once when the lock is free; else wait for it, and tell the task it waited.
      let ran = false;
      const first = await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (lock === null) return undefined;
        ran = true;
        return task(false);
      });
      if (ran) return first as T;
      return locks.request(name, () => task(true));
    },
  };
}

/**
 * How long a tab that waited for the refresh lock, and still sees the token that
 * failed, waits for the holder's broadcast before refreshing itself: another tab's
 * `localStorage` write reaches this one asynchronously (Chromium delivers it after the
 * lock, at times), and spending a single-use refresh token twice can revoke the
 * session where the server detects reuse (RFC 9700 §4.14.2).
 */
const AE_HANDOFF_MS = 300;

const AE_TOKENS_MESSAGE = "auth-errors:tokens";

/** Business code of a JSON error body, given its text. */
function aeCodeOfText(text: string): string | undefined {
  try {
    return bodyCodeOf(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The business code (`code`) of an error body: parsed JSON, or a JSON string. */
export function bodyCodeOf(data: unknown): string | undefined {
  if (typeof data === "string") return aeCodeOfText(data);
  if (typeof data !== "object" || data === null) return undefined;
  const code = (data as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** The challenge to act on: the first with an `error`, else the first Bearer one, else the first. */
function aeChallengeOf(raw: string | readonly string[] | null): Challenge | undefined {
  if (raw === null) return undefined;
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

function aeParam(challenge: Challenge | undefined, name: string): string | null {
  return challenge !== undefined && aeHasOwn(challenge.params, name) ? (challenge.params[name] as string) : null;
}

/** RFC 9110 §9.2.2. */
const AE_IDEMPOTENT = ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];

/** `Retry-After` (RFC 9110 §10.2.3) in milliseconds from now: delta-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^[0-9]+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** The bearer value of an `Authorization` header for `scheme`, or `null`. */
function aeTokenOf(authorization: string | null, scheme: string): string | null {
  if (authorization === null) return null;
  const space = authorization.indexOf(" ");
  if (space < 0 || authorization.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return null;
  const token = authorization.slice(space + 1).trim();
  return token === "" ? null : token;
}

/**
 * Creates the state machine that {@link createAuthFetch} and
 * {@link installAuthInterceptor} are built on; `base` is what `refresh` gets as
 * `context.fetch`.
 */
export function createAuthSession<F>(options: AuthSessionOptions<F>, base: F): AuthSession {
  const store = options.store ?? memoryTokenStore();
  const lock = options.lock ?? (aeInBrowser() ? webLocksRefreshLock() : null) ?? localRefreshLock();
  const name = options.name ?? "auth-errors";
  const scheme = options.scheme ?? "Bearer";
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
  let inflight: Promise<string> | null = null;
  let latestNonce: string | null = null;

  const Channel = (options.broadcast ?? aeInBrowser()) ? aeGlobal().BroadcastChannel : undefined;
  const channel = Channel === undefined ? null : new Channel(name);
  // Who waits for the next message on the channel (a tab that waited for the lock).
  const arrivals = new Set<() => void>();
  const nextArrival = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const g = aeGlobal();
      const done = (): void => {
        arrivals.delete(done);
        g.clearTimeout(timer);
        resolve();
      };
      const timer = g.setTimeout(done, ms);
      arrivals.add(done);
    });
  if (channel !== null) {
    channel.unref?.();
    channel.onmessage = (event) => {
      const data = event.data as { type?: unknown; tokens?: unknown; replaced?: unknown } | null;
      if (data === null || typeof data !== "object" || data.type !== AE_TOKENS_MESSAGE || !aeIsTokenSet(data.tokens)) return;
      const tokens = data.tokens;
      void Promise.resolve(store.get())
        .then(async (current) => {
          // Take the other tab's tokens only in place of the ones it replaced (or when
          // signed out): a shared store already has them, and a newer set must stay.
          const at = current?.access_token ?? null;
          if (at !== tokens.access_token && (at === null || at === data.replaced)) await store.set(tokens);
          options.onTokens?.(tokens);
          for (const arrived of [...arrivals]) arrived();
        })
        .then(undefined, () => undefined);
    };
  }

  const currentToken = async (): Promise<string | null> => (await store.get())?.access_token ?? null;

  const refreshOnce = (stale: string | null): Promise<string> =>
    lock.run(name, async (waited) => {
      let tokens = await store.get();
      let current = tokens?.access_token ?? null;
      // Another tab (or an earlier refresh) stored a newer token while this one waited.
      if (current !== null && current !== stale) return current;
      if (waited === true && channel !== null && current === stale) {
        // The tab that held the lock may have stored one this tab cannot see yet.
        await nextArrival(AE_HANDOFF_MS);
        tokens = await store.get();
        current = tokens?.access_token ?? null;
        if (current !== null && current !== stale) return current;
      }
      let result: TokenSet | string;
      try {
        result = await options.refresh({ fetch: base, tokens });
      } catch (e) {
        // Without a lock across tabs another tab may have spent the refresh token
        // first: take what it stored rather than signing this tab out.
        const after = await currentToken();
        if (after !== null && after !== current) return after;
        throw e;
      }
      const next: TokenSet = typeof result === "string" ? Object.assign({}, tokens, { access_token: result }) : result;
      if (!aeIsTokenSet(next) || next.access_token === "") {
        throw new TypeError("auth-errors: refresh() must resolve to a non-empty access token or a TokenSet");
      }
      await store.set(next);
      channel?.postMessage({ type: AE_TOKENS_MESSAGE, tokens: next, replaced: current });
      options.onTokens?.(next);
      return next.access_token;
    });

  const sharedRefresh = (stale: string | null): Promise<string> => {
    if (inflight !== null) return inflight;
    const attempt = refreshOnce(stale);
    inflight = attempt;
    const settle = (): void => {
      if (inflight === attempt) inflight = null;
    };
    attempt.then(settle, settle);
    return attempt;
  };

  const reauthenticate = (facts: ResponseFacts, challenge: Challenge | undefined): void => {
    if (options.onReauthenticate === undefined) return;
    const reason: ReauthenticateReason = { status: facts.status };
    if (facts.code !== undefined) reason.code = facts.code;
    if (challenge !== undefined) reason.challenge = challenge;
    options.onReauthenticate(reason);
  };

  const session: AuthSession = {
    scheme,
    store,
    token: currentToken,
    tokenOf: (authorization) => aeTokenOf(authorization, scheme),
    wait: (ms, signal) => aeSleep(ms, signal),
    nonce: () => latestNonce,
    noteNonce(facts) {
      const nonce = facts.header("dpop-nonce");
      if (nonce !== null && nonce !== "") latestNonce = nonce;
    },
    async proof(method, url, accessToken) {
      if (options.dpop === undefined) return null;
      return options.dpop({ method, url, nonce: latestNonce, accessToken });
    },
    decide(facts, replayed) {
      const challenge = aeChallengeOf(facts.header("www-authenticate"));
      const code = facts.code;
      const challengeError = aeParam(challenge, "error");
      // The challenge's `error` decides; without one the body's code (its catalog
      // entry); then the status.
      let action: ClientAction;
      let error: string | null = challengeError;
      if (challengeError !== null) action = deriveClientAction(facts.status, challengeError);
      else if (isErrorCode(code)) {
        action = ERRORS[code].action;
        error = ERRORS[code].error;
      } else action = deriveClientAction(facts.status, null);
      const hook = error === null ? undefined : aeErrorAction(error)?.hook;
      // A 403 is never refreshed: the credentials are valid, the permission is missing.
      if (action === "refresh" && facts.status === 403) action = "forbidden";

      if (action === "refresh") {
        if (!replayed) return { kind: "refresh" };
        reauthenticate(facts, challenge);
        return { kind: "pass" };
      }
      if (action === "forbidden") {
        if (options.onForbidden !== undefined) {
          const info: ForbiddenInfo = { scope: aeParam(challenge, "scope") };
          if (code !== undefined) info.code = code;
          if (challenge !== undefined) info.challenge = challenge;
          options.onForbidden(info);
        }
        return { kind: "pass" };
      }
      if (action === "reauthenticate") {
        if (hook === "step-up" && options.onStepUp !== undefined) {
          const maxAge = aeParam(challenge, "max_age");
          const info: StepUpInfo = {
            acr_values: aeParam(challenge, "acr_values"),
            max_age: maxAge !== null && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : null,
            status: facts.status,
          };
          if (code !== undefined) info.code = code;
          if (challenge !== undefined) info.challenge = challenge;
          options.onStepUp(info);
        } else {
          reauthenticate(facts, challenge);
        }
        return { kind: "pass" };
      }
      if (action === "retry" && !replayed) {
        if (hook === "dpop-nonce") {
          const nonce = facts.header("dpop-nonce");
          return nonce !== null && nonce !== "" && options.dpop !== undefined ? { kind: "nonce", nonce } : { kind: "pass" };
        }
        if ((facts.status === 429 || facts.status === 503) && AE_IDEMPOTENT.indexOf(facts.method) >= 0) {
          const ms = parseRetryAfter(facts.header("retry-after"));
          if (ms !== null && ms <= maxRetryDelayMs) return { kind: "wait", ms };
        }
      }
      return { kind: "pass" };
    },
    async renew(sent, facts, signal) {
      const current = await currentToken();
      // Sent before a refresh completed: the newer token replays without another.
      if (inflight === null && current !== null && current !== sent) return current;
      try {
        return await aeRace(sharedRefresh(sent), signal);
      } catch (e) {
        if (signal !== null && signal !== undefined && signal.aborted) throw e;
        reauthenticate(facts, aeChallengeOf(facts.header("www-authenticate")));
        return null;
      }
    },
    close() {
      if (channel !== null) {
        channel.onmessage = null;
        channel.close();
      }
    },
  };
  return session;
}

// ---------------------------------------------------------------------------
// The fetch core: a `fetch`-compatible function over the session, for `fetch` itself
// and every client that takes one (openapi-fetch, ky, ofetch, …).
// ---------------------------------------------------------------------------

/** The part of `Headers` the pack uses. */
export interface AeHeaders {
  get(name: string): string | null;
  set(name: string, value: string): void;
}

/** The part of `Request` the pack uses. */
export interface AeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: AeHeaders;
  readonly signal?: AeAbortSignal | null;
  readonly bodyUsed: boolean;
  clone(): AeRequest;
}

/** The part of `Response` the pack uses. */
export interface AeResponse {
  readonly status: number;
  readonly headers: AeHeaders;
  readonly body?: { cancel(): Promise<void> } | null;
  readonly bodyUsed?: boolean;
  clone(): AeResponse;
  text(): Promise<string>;
}

/** A `Request` constructor. */
export interface AeRequestConstructor {
  new (input: never, init?: never): AeRequest;
}

/** Any `fetch`-shaped function: `fetch` itself, undici's, a test double's. */
export type AeFetch = (input: never, init?: never) => Promise<AeResponse>;

type AeFetchImpl = (input: unknown, init?: unknown) => Promise<AeResponse>;

/** The options of {@link createAuthMiddleware}. */
export interface AuthMiddlewareOptions<F> extends AuthSessionOptions<F> {
  /**
   * Send the store's access token as `Authorization: <scheme> <token>` on requests that
   * carry no `Authorization` of their own. Default `true`.
   */
  authorize?: boolean;
}

/** The options of {@link createAuthFetch}. */
export interface AuthFetchOptions<F> extends AuthMiddlewareOptions<F> {
  /** The `Request` constructor. Default: the global one. */
  Request?: AeRequestConstructor;
}

/** What {@link createAuthFetch} adds to the function it returns. */
export interface AuthFetchControl {
  /** The session under the function: its store, its token. */
  readonly session: AuthSession;
  /** Stops listening to other tabs. */
  close(): void;
}

/** A request the fetch core cannot send again: its body was a stream, or was already read. */
export class AuthReplayError extends Error {
  /** The response the request got, which would have needed a replay (absent when it was never sent). */
  response: AeResponse | undefined;

  constructor(message: string, response?: AeResponse) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "AuthReplayError";
    this.response = response;
  }
}

/** Statuses the session may act on; other failures are returned untouched, their bodies unread. */
const AE_ACTIONABLE = [400, 401, 403, 407, 429, 503];

function aeIsStream(body: unknown): boolean {
  return typeof body === "object" && body !== null && typeof (body as { getReader?: unknown }).getReader === "function";
}

function aeIsRequest(input: unknown): input is AeRequest {
  return typeof input === "object" && input !== null && typeof (input as { clone?: unknown }).clone === "function" && "bodyUsed" in input;
}

/** The response as the session sees it; reads a clone's body only when it is JSON. */
async function aeFactsOf(method: string, response: AeResponse): Promise<ResponseFacts> {
  const type = (response.headers.get("content-type") ?? "").toLowerCase();
  let code: string | undefined;
  if (/^application\/([a-z0-9.+-]+\+)?json\b/.test(type)) {
    try {
      code = aeCodeOfText(await response.clone().text());
    } catch {
      code = undefined;
    }
  }
  return { method, status: response.status, header: (name) => response.headers.get(name), code };
}

/** Lets go of a response that will not be returned. */
function aeDiscard(response: AeResponse): void {
  try {
    if (response.bodyUsed !== true) response.body?.cancel().then(undefined, () => undefined);
  } catch {
    // A body that cannot be cancelled is left to the garbage collector.
  }
}

/** One request on its way through a session: what the fetch core and the openapi-fetch middleware share. */
interface AeExchange {
  readonly method: string;
  readonly url: string;
  /** The caller's signal (see {@link aeCallerSignal}), handed to every send as `init.signal`. */
  readonly signal: AeAbortSignal | null;
  /** The access token the request was sent with, `null` without one. */
  readonly sent: string | null;
  /** The copy a replay sends, taken before the first send spends the body; `null` when the body is a stream. */
  readonly spare: AeRequest | null;
}

/**
 * A Request's signal, kept following the signal it was made with for as long as it is
 * in use. Node's fetch (undici) drops that link once the Request is collected, even
 * while its signal is held (nodejs/undici#3644), so a listener on the signal holds the
 * Request.
 */
function aeHeldSignal(request: AeRequest): AeAbortSignal | null {
  const signal = request.signal ?? null;
  if (signal !== null && !signal.aborted) signal.addEventListener("abort", () => void request, { once: true });
  return signal;
}

/**
 * The signal a caller of `fetch(input, init)` aborts: `init.signal` (`null` means none),
 * else the input Request's. Never the signal of a Request or clone the pack makes:
 * on Node that one stops following after a collection (see {@link aeHeldSignal}).
 */
function aeCallerSignal(input: unknown, init: unknown): AeAbortSignal | null {
  const given = typeof init === "object" && init !== null ? (init as { signal?: AeAbortSignal | null }).signal : undefined;
  if (given !== undefined) return given;
  return aeIsRequest(input) ? aeHeldSignal(input) : null;
}

/** The `init` every send gets: the caller's signal, so `fetch` follows it and no copy's. */
function aeInitOf(signal: AeAbortSignal | null): { signal: AeAbortSignal } | undefined {
  return signal === null ? undefined : { signal };
}

/** Sets the token (unless `null`) and a DPoP proof for the token the request carries. */
async function aePrepare(session: AuthSession, request: AeRequest, token: string | null, carried: string | null): Promise<void> {
  if (token !== null) request.headers.set("authorization", `${session.scheme} ${token}`);
  const proof = await session.proof(request.method.toUpperCase(), request.url, carried);
  if (proof !== null) request.headers.set("dpop", proof);
}

/**
 * Readies a request for its first send, in place: the store's token unless it carries
 * an `Authorization` (or `authorize` is off), a DPoP proof, and the copy a replay sends.
 */
async function aeBegin(session: AuthSession, authorize: boolean, request: AeRequest, replayable: boolean, signal: AeAbortSignal | null): Promise<AeExchange> {
  let sent = session.tokenOf(request.headers.get("authorization"));
  if (authorize && request.headers.get("authorization") === null) {
    sent = await session.token();
    await aePrepare(session, request, sent, sent);
  } else {
    await aePrepare(session, request, null, sent);
  }
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    signal,
    sent,
    spare: replayable ? request.clone() : null,
  };
}

/**
 * The rest of a request once its first response is in: decides, refreshes, waits or
 * makes a new proof, replays at most once through `send`, and runs the hooks on the
 * replay's answer. Resolves with the response to hand on: the first, or the replay.
 */
async function aeFinish<R extends AeResponse>(
  session: AuthSession,
  exchange: AeExchange,
  response: R,
  send: (request: AeRequest, init: { signal: AeAbortSignal } | undefined) => Promise<R>,
): Promise<R> {
  const { method, signal, sent, spare } = exchange;
  session.noteNonce({ header: (name) => response.headers.get(name) });
  if (response.status < 400 || AE_ACTIONABLE.indexOf(response.status) < 0) return response;
  const facts = await aeFactsOf(method, response);
  const decision = session.decide(facts, false);
  if (decision.kind === "pass") return response;

  if (spare === null) {
    if (decision.kind === "refresh") await session.renew(sent, facts, signal);
    throw new AuthReplayError(
      `auth-errors: ${method} ${exchange.url} got ${response.status} and needs to be sent again, but its body is a stream, which cannot be replayed; send a string, Blob, FormData or ArrayBuffer body`,
      response,
    );
  }
  if (decision.kind === "refresh") {
    const token = await session.renew(sent, facts, signal);
    if (token === null) return response;
    await aePrepare(session, spare, token, token);
  } else if (decision.kind === "nonce") {
    const proof = await session.proof(method, spare.url, sent);
    if (proof !== null) spare.headers.set("dpop", proof);
  } else {
    await aeSleep(decision.ms, signal);
  }
  if (signal !== null && signal.aborted) throw aeAbortReason(signal);
  aeDiscard(response);

  const replay = await send(spare, aeInitOf(signal));
  session.noteNonce({ header: (name) => replay.headers.get(name) });
  if (replay.status >= 400 && AE_ACTIONABLE.indexOf(replay.status) >= 0) {
    // No second replay: only the hooks.
    session.decide(await aeFactsOf(method, replay), true);
  }
  return replay;
}

/**
 * Wraps a `fetch` with the catalog's client behaviour, and returns a function of the
 * same type (plus {@link AuthFetchControl}). Hand it to any client that takes a
 * `fetch`: openapi-fetch's `createClient({ fetch })` (its middleware still runs), ky's
 * `ky.create({ fetch })`, ofetch's `ofetch.create({}, { fetch })` (for openapi-fetch's
 * `client.use()`, the same rules are {@link createAuthMiddleware}). One instance per
 * signed-in user: it holds no state outside itself.
 *
 * Per request it sends the store's token (unless the request has an `Authorization`),
 * then decides from the challenge's `error`, then the body's `code`, then the status:
 *
 * - `invalid_token` on a 401: one refresh shared by every concurrent failure (through
 *   the lock, so across tabs), then one replay with the new token; a request sent with
 *   an older token than the store's replays with the store's, without a refresh;
 * - `insufficient_scope`, and any 403: `onForbidden({ scope })`; a 403 is never refreshed;
 * - `insufficient_user_authentication`: `onStepUp({ acr_values, max_age })`;
 * - `use_dpop_nonce` with a `DPoP-Nonce`: one replay with a new proof from `dpop`;
 * - 429 or 503 with `Retry-After` (delta-seconds or an HTTP-date, at most
 *   `maxRetryDelayMs`) to an idempotent method: one replay after the delay;
 * - no token sent, a failed refresh, or a replay that fails again: `onReauthenticate`.
 *
 * A request is replayed at most once, whatever happens, and the final response is
 * returned as `fetch` returns it (hooks have run by then): a 401 resolves, it does not
 * reject. The body is cloned before the first send so a replay sends it again; a
 * `ReadableStream` body cannot be, and a request that needs a replay then rejects with
 * {@link AuthReplayError} (after the refresh, so the next request works). `AbortSignal`
 * (`init.signal`, else the Request's) is honoured while waiting for a refresh or a
 * delay, and on the replay: every send gets it as `init.signal`, since on Node the
 * signal of a Request the pack copies stops following it after a garbage collection.
 *
 * **Cross-origin.** A browser shows a script a cross-origin response's
 * `WWW-Authenticate`, `Retry-After` and `DPoP-Nonce` only if the server lists them in
 * `Access-Control-Expose-Headers`. Without that the challenge is unreadable and the
 * decision falls back to the body's `code` (its catalog entry), then the status.
 *
 * **Tabs.** In a browser, refreshes run under `navigator.locks` (Web Locks API) by
 * default: a tab that waited for the lock re-reads the store and adopts the token the
 * other tab stored, instead of spending the used single-use refresh token; new tokens
 * are also sent to the other tabs on a `BroadcastChannel` (`onTokens` hears them). This
 * needs a store the tabs share ({@link webStorageTokenStore}). Where `navigator.locks`
 * is missing (older browsers) the lock spans one session only: two tabs may refresh at
 * once, and the one whose refresh fails adopts the token the other stored if it is
 * there by then; pass a `lock` of your own to close that gap. Outside a browser (a
 * server holding one session per user) neither is used by default.
 *
 * @example
 * const tokens = webStorageTokenStore();
 * const authFetch = createAuthFetch(fetch, {
 *   store: tokens,
 *   // `context.fetch` is the plain fetch: the refresh cannot recurse.
 *   refresh: async ({ fetch, tokens }) => {
 *     const r = await fetch("/api/token", {
 *       method: "POST",
 *       headers: { "content-type": "application/json" },
 *       body: JSON.stringify({ refresh_token: tokens?.refresh_token }),
 *     });
 *     if (!r.ok) throw new Error(`refresh: ${r.status}`);
 *     return r.json();
 *   },
 *   onReauthenticate: () => router.push("/login"),
 *   onForbidden: ({ scope }) => toast(`This needs the ${scope ?? "right"} permission`),
 *   onStepUp: ({ acr_values, max_age }) => signInAgain({ acr_values, max_age }),
 * });
 * const orders = await (await authFetch("/api/orders")).json();
 */
export function createAuthFetch<F extends AeFetch>(fetch: F, options: AuthFetchOptions<F>): F & AuthFetchControl {
  const base = fetch as unknown as AeFetchImpl;
  // Bound to nothing: a browser's fetch throws when called as a method of another object.
  const plain = ((input: unknown, init?: unknown) => base(input, init)) as unknown as F;
  const session = createAuthSession<F>(options, plain);
  const authorize = options.authorize !== false;

  const authFetch = async (input: unknown, init?: unknown): Promise<AeResponse> => {
    if (aeIsRequest(input) && input.bodyUsed) {
      throw new AuthReplayError("auth-errors: the request's body was already read, so it cannot be sent; pass a fresh Request");
    }
    const Request = options.Request ?? aeGlobal().Request;
    if (Request === undefined) throw new TypeError("auth-errors: no Request constructor here; pass options.Request");
    const request = new (Request as unknown as new (input: unknown, init?: unknown) => AeRequest)(input, init);
    const replayable = !aeIsStream((init as { body?: unknown } | undefined)?.body);
    const exchange = await aeBegin(session, authorize, request, replayable, aeCallerSignal(input, init));
    return aeFinish(session, exchange, await base(request, aeInitOf(exchange.signal)), base);
  };

  return Object.assign(authFetch, { session, close: () => session.close() }) as unknown as F & AuthFetchControl;
}

// ---------------------------------------------------------------------------
// The openapi-fetch middleware: the fetch core's rules as `onRequest`/`onResponse`.
// ---------------------------------------------------------------------------

/** The response type a `fetch`-shaped function resolves with. */
export type AeResponseOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/**
 * A middleware for openapi-fetch's `client.use()` (its `Middleware`, typed here by shape:
 * the pack imports nothing), plus {@link AuthFetchControl}.
 */
export interface AuthMiddleware<R> extends AuthFetchControl {
  /** Sets the token and a DPoP proof on the request, and keeps the copy a replay sends. */
  onRequest(params: { readonly request: AeRequest }): Promise<undefined>;
  /** Decides from the response and resolves with the one to hand on: this one, or its one replay. */
  onResponse(params: { readonly request: AeRequest; readonly response: R }): Promise<R>;
}

/**
 * The rules of {@link createAuthFetch} as an openapi-fetch middleware, through the same
 * session state machine: `onRequest` sets the store's token (and a DPoP proof) and keeps
 * a copy of the request; `onResponse` decides from the challenge's `error`, then the
 * body's `code`, then the status, shares one refresh among concurrent failures, and
 * resolves with the one replay (sent through `fetch`, the base `fetch` the refresh gets
 * too) or the response as it was. A 403 is never refreshed.
 *
 * Register it **last**: its `onRequest` then runs after the others, so the copy a replay
 * sends is the request as it went out, and its `onResponse` runs first, so the other
 * middlewares see the replayed response. A middleware after it that replaces the
 * `Request` makes `onResponse` throw, since the copy would be of another request. The
 * request's body is copied with `Request.clone()` (a stream body is buffered for it).
 *
 * @example
 * const client = createClient<paths>({ baseUrl: "/api" });
 * const auth = createAuthMiddleware(fetch, {
 *   store: webStorageTokenStore(),
 *   refresh: async ({ fetch, tokens }) => {
 *     const r = await fetch("/api/token", {
 *       method: "POST",
 *       headers: { "content-type": "application/json" },
 *       body: JSON.stringify({ refresh_token: tokens?.refresh_token }),
 *     });
 *     if (!r.ok) throw new Error(`refresh: ${r.status}`);
 *     return r.json();
 *   },
 *   onReauthenticate: () => router.push("/login"),
 * });
 * client.use(auth); // after any other middleware
 */
export function createAuthMiddleware<F extends AeFetch>(fetch: F, options: AuthMiddlewareOptions<F>): AuthMiddleware<AeResponseOf<F>> {
  type R = AeResponseOf<F>;
  const base = fetch as unknown as (request: AeRequest, init?: { signal: AeAbortSignal }) => Promise<R>;
  const plain = ((input: unknown, init?: unknown) => (fetch as unknown as AeFetchImpl)(input, init)) as unknown as F;
  const session = createAuthSession<F>(options, plain);
  const authorize = options.authorize !== false;
  // Per request, keyed by the Request object openapi-fetch passes to both callbacks;
  // an entry goes with its request, whether or not `onResponse` runs.
  const pending = new WeakMap<object, AeExchange>();

  return {
    session,
    close: () => session.close(),
    async onRequest({ request }) {
      // openapi-fetch made this Request with the caller's signal; it is the nearest one.
      pending.set(request, await aeBegin(session, authorize, request, true, aeHeldSignal(request)));
      return undefined;
    },
    async onResponse({ request, response }) {
      const exchange = pending.get(request);
      if (exchange === undefined) {
        throw new TypeError(
          "auth-errors: createAuthMiddleware saw no onRequest for this request: a middleware registered after it replaced the Request; register the auth middleware last",
        );
      }
      pending.delete(request);
      return aeFinish(session, exchange, response as R & AeResponse, (spare, init) => base(spare, init) as Promise<R & AeResponse>);
    },
  };
}

// ---------------------------------------------------------------------------
// The axios adapter: installAuthInterceptor, a thin layer over the same session.
// ---------------------------------------------------------------------------

import type { AxiosError, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from "axios";

/** The options of {@link installAuthInterceptor}. */
export interface AuthInterceptorOptions {
  /**
   * Gets a new access token (and stores it wherever the app keeps it). Called once for
   * any number of concurrent failures. It must not send its request through the
   * intercepted instance: use a separate axios instance or `fetch`.
   */
  refresh: () => Promise<string>;
  /**
   * The user must sign in (again): no token was sent, the refresh failed, or the
   * replayed request failed too (and step-up demands, without `onStepUp`). Called once
   * per such request.
   */
  onReauthenticate?: ((reason: ReauthenticateReason) => void) | undefined;
  /** The credentials lack a permission (`insufficient_scope`, or any 403): do not retry. */
  onForbidden?: ((info: ForbiddenInfo) => void) | undefined;
  /** The server wants a stronger or more recent sign-in (`insufficient_user_authentication`). */
  onStepUp?: ((info: StepUpInfo) => void) | undefined;
  /** As {@link AuthSessionOptions.maxRetryDelayMs}. Default 10 000. */
  maxRetryDelayMs?: number | undefined;
  /**
   * As {@link AuthSessionOptions.dpop}: makes the `DPoP` proof for each request (set by
   * a request interceptor, for the `Authorization` the config carries then), and once
   * more with the new nonce when the server answers `use_dpop_nonce` with a
   * `DPoP-Nonce`, for one replay. Without it a `use_dpop_nonce` answer rejects as it is.
   */
  dpop?: ((request: DpopProofRequest) => string | Promise<string>) | undefined;
}

/** The mark the interceptor leaves on a request config (a string key survives axios's mergeConfig). */
type AeConfig = InternalAxiosRequestConfig & {
  /** Set on the replay: a request is replayed at most once. */
  _authErrorsReplayed?: boolean;
};

function aeIsAxiosError(error: unknown): error is AxiosError {
  return typeof error === "object" && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

/** A header of axios headers (AxiosHeaders or a plain object); several lines joined as one list. */
function aeAxiosHeader(headers: unknown, name: string): string | null {
  if (typeof headers !== "object" || headers === null) return null;
  let raw: unknown;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    raw = (get as (name: string) => unknown).call(headers, name);
  } else {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === name) raw = (headers as Record<string, unknown>)[key];
    }
  }
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw) && raw.every((line): line is string => typeof line === "string")) return raw.join(", ");
  return null;
}

function aeSetAxiosHeader(config: InternalAxiosRequestConfig, name: string, value: string): void {
  const headers: unknown = config.headers;
  if (typeof headers === "object" && headers !== null && typeof (headers as { set?: unknown }).set === "function") {
    config.headers.set(name, value);
    return;
  }
  const plain: Record<string, unknown> = typeof headers === "object" && headers !== null ? (headers as Record<string, unknown>) : {};
  for (const key of Object.keys(plain)) if (key.toLowerCase() === name.toLowerCase()) delete plain[key];
  plain[name] = value;
  (config as { headers: unknown }).headers = plain;
}

function aeSignalOf(config: InternalAxiosRequestConfig): AeAbortSignal | null {
  const signal: unknown = config.signal;
  return typeof signal === "object" && signal !== null && typeof (signal as { addEventListener?: unknown }).addEventListener === "function"
    ? (signal as AeAbortSignal)
    : null;
}

/**
 * Installs the catalog's client behaviour on an axios instance and returns a function
 * that removes it: the rules of {@link createAuthFetch}, through the same session.
 *
 * - a 401 whose challenge says `invalid_token` (or, without a challenge `error`, whose
 *   body code's action is `refresh`) calls `refresh()` and replays the request once with
 *   `Authorization: Bearer <new token>`;
 * - concurrent failures share one refresh; a request sent with an older token than the
 *   latest refresh's is replayed with the new token without another refresh;
 * - a replay that fails again, or a failed refresh, calls `onReauthenticate`: never a loop;
 * - `insufficient_scope` (403) calls `onForbidden` with the scope and never refreshes;
 * - a step-up demand calls `onStepUp` (else `onReauthenticate`), as does a 401 with no
 *   `error` (no token was sent);
 * - a 429 or 503 with a short `Retry-After` to an idempotent method is replayed once
 *   after the delay;
 * - with a `dpop` hook, every request carries a proof with the latest `DPoP-Nonce`, and
 *   `use_dpop_nonce` with a `DPoP-Nonce` is replayed once with a proof for the new nonce.
 *
 * The challenge is read from the `WWW-Authenticate` header (a browser needs the server's
 * `Access-Control-Expose-Headers: WWW-Authenticate` for a cross-origin response), with
 * the body's code as the fallback. After a hook the error still rejects to the
 * caller; a hook that throws rejects with its own error instead. A replay sends the
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
  // The app keeps the tokens; the session's memory holds the latest refreshed one, to
  // replay older requests with. No other tab takes part: the store is not shared.
  const session = createAuthSession<null>(
    {
      refresh: () => options.refresh(),
      lock: localRefreshLock(),
      broadcast: false,
      onReauthenticate: options.onReauthenticate,
      onForbidden: options.onForbidden,
      onStepUp: options.onStepUp,
      maxRetryDelayMs: options.maxRetryDelayMs,
      dpop: options.dpop,
    },
    null,
  );

  // With a `dpop` hook, every send (a replay too) gets a proof for the token it carries
  // and the latest nonce. Request interceptors run last-added first: one added after
  // this that sets `Authorization` runs before it, so the proof is for that token.
  const requestId =
    options.dpop === undefined
      ? null
      : instance.interceptors.request.use(async (config: InternalAxiosRequestConfig): Promise<InternalAxiosRequestConfig> => {
          const carried = session.tokenOf(aeAxiosHeader(config.headers, "authorization"));
          const proof = await session.proof((config.method ?? "get").toUpperCase(), instance.getUri(config), carried);
          if (proof !== null) aeSetAxiosHeader(config, "DPoP", proof);
          return config;
        });

  const responseId = instance.interceptors.response.use(
    (response: AxiosResponse): AxiosResponse => {
      // Any response may bring a new nonce.
      session.noteNonce({ header: (name) => aeAxiosHeader(response.headers, name) });
      return response;
    },
    async (error: unknown): Promise<AxiosResponse> => {
      if (!aeIsAxiosError(error)) throw error;
      const response = error.response;
      const config = error.config as AeConfig | undefined;
      if (response === undefined || config === undefined) throw error;
      const facts: ResponseFacts = {
        method: (config.method ?? "get").toUpperCase(),
        status: response.status,
        header: (name) => aeAxiosHeader(response.headers, name),
        code: bodyCodeOf(response.data),
      };
      session.noteNonce(facts);
      const decision = session.decide(facts, config._authErrorsReplayed === true);
      if (decision.kind === "pass") throw error;
      const signal = aeSignalOf(config);
      if (decision.kind === "refresh") {
        const sent = session.tokenOf(aeAxiosHeader(config.headers, "authorization"));
        const token = await session.renew(sent, facts, signal);
        if (token === null) throw error;
        aeSetAxiosHeader(config, "Authorization", `${session.scheme} ${token}`);
      } else if (decision.kind === "wait") {
        await session.wait(decision.ms, signal);
      }
      // "nonce": the session holds the new nonce; the request interceptor makes the
      // replay's proof with it.
      config._authErrorsReplayed = true;
      return instance.request(config);
    },
  );

  return () => {
    if (requestId !== null) instance.interceptors.request.eject(requestId);
    instance.interceptors.response.eject(responseId);
    session.close();
  };
}
