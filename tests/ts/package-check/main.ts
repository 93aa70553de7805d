// A fresh project's use of the packed package, as a frontend team would write it:
// strict types, DOM `fetch`, no axios installed.
import {
  ERRORS,
  createAuthFetch,
  parseWwwAuthenticate,
  webStorageTokenStore,
  type ErrorCode,
  type TokenSet,
} from "auth-errors-client";

const authFetch: typeof fetch = createAuthFetch(fetch, {
  store: webStorageTokenStore("app.tokens", {
    getItem: () => null,
    setItem: () => undefined,
    removeItem: () => undefined,
  }),
  refresh: async ({ fetch: plain, tokens }): Promise<TokenSet> => {
    const r = await plain("/api/token", { method: "POST", body: JSON.stringify({ refresh_token: tokens?.refresh_token }) });
    return (await r.json()) as TokenSet;
  },
  onForbidden: ({ scope }) => console.log(`needs ${scope ?? "?"}`),
});

const code: ErrorCode = "TOKEN_EXPIRED";
const [challenge] = parseWwwAuthenticate('Bearer realm="api", error="invalid_token"');
console.log(
  JSON.stringify({
    codes: Object.keys(ERRORS).length,
    action: ERRORS[code].action,
    error: challenge?.params["error"] ?? null,
    fetch: typeof authFetch,
  }),
);
