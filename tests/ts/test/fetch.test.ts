// The fetch core's own rules (createAuthFetch over Node's real fetch), against the
// demo server (axum): older tokens, replayable bodies, AbortSignal, the refresh through
// the base fetch, one session per user, DPoP nonces, the body-code fallback, the
// lock shared by two sessions, and the decision order.
import { describe, test } from "node:test";
import * as assert from "node:assert/strict";
import {
  AuthReplayError,
  createAuthFetch,
  createAuthSession,
  localRefreshLock,
  memoryTokenStore,
  parseRetryAfter,
  type AuthFetchOptions,
  type DpopProofRequest,
  type ReauthenticateReason,
  type ResponseFacts,
  type TokenSet,
  type TokenStore,
} from "../generated/auth-errors.js";
import { makeClient } from "./clients.js";
import { passSignal, sleep, startDemo, type Demo } from "./support.js";

const TTL_SECS = 1;
// The tokens are JWTs: `exp` is whole seconds (now + TTL, rounded up) and the token is
// refused from that second on, so it lives at least TTL_SECS and under TTL_SECS + 1.
const expire = (): Promise<void> => sleep((TTL_SECS + 1) * 1000 + 150);

async function withDemo(ttlSecs: number, body: (demo: Demo) => Promise<void>): Promise<void> {
  const demo = await startDemo(ttlSecs);
  try {
    await body(demo);
  } finally {
    await demo.stop();
  }
}

/** Node's fetch, counting what it sends by path. */
function countingFetch(): { fetch: typeof fetch; sent: string[] } {
  const sent: string[] = [];
  const counted = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return fetch(request, passSignal(init));
  };
  return { fetch: counted as typeof fetch, sent };
}

/** createAuthFetch over a counting fetch, trading the stored refresh token at /token. */
function session(demo: Demo, tokens: TokenSet | null, extra: Partial<AuthFetchOptions<typeof fetch>> = {}) {
  const base = countingFetch();
  const store = memoryTokenStore(tokens);
  const reauthenticate: ReauthenticateReason[] = [];
  let refreshes = 0;
  const authFetch = createAuthFetch(base.fetch, {
    store,
    broadcast: false,
    refresh: async ({ fetch: plain, tokens: current }) => {
      refreshes++;
      const r = await plain(`${demo.baseURL}/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh_token: current?.refresh_token }),
      });
      if (!r.ok) throw new Error(`refresh: ${r.status}`);
      return (await r.json()) as TokenSet;
    },
    onReauthenticate: (reason) => reauthenticate.push(reason),
    ...extra,
  });
  return { authFetch, store, sent: base.sent, reauthenticate, refreshes: () => refreshes };
}

describe("createAuthFetch", { concurrency: true }, () => {
  test("returns a function of fetch's own type", () => {
    const f: typeof fetch = createAuthFetch(fetch, { refresh: async () => "t", broadcast: false });
    assert.equal(typeof f, "function");
  });

  test("a request sent with an older token than the store's replays with the store's, without a refresh", async () => {
    await withDemo(60, async (demo) => {
      const pair = await demo.login("reader");
      const s = session(demo, pair);
      // An old token of this user, expired: the app sent it itself.
      const response = await s.authFetch(`${demo.baseURL}/orders`, { headers: { authorization: "Bearer expired" } });

      assert.equal(response.status, 200);
      assert.equal(s.refreshes(), 0);
      assert.deepEqual(s.sent, ["GET /orders", "GET /orders"]);
      assert.equal((await demo.stats()).refreshes, 0);
    });
  });

  test("a stream body cannot be replayed: AuthReplayError after the refresh, the request sent once", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const s = session(demo, await demo.login("writer"));
      await expire();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"item":"cake"}'));
          controller.close();
        },
      });

      const error = await s
        .authFetch(`${demo.baseURL}/orders`, { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit)
        .then(
          () => assert.fail("resolved"),
          (e: unknown) => e,
        );

      assert.ok(error instanceof AuthReplayError, String(error));
      assert.match(error.message, /stream, which cannot be replayed/);
      assert.equal(error.response?.status, 401);
      assert.deepEqual(s.sent, ["POST /orders", "POST /token"], "sent once; the session refreshed for the next request");
      // The next request works with the new token.
      const next = await s.authFetch(`${demo.baseURL}/orders`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
      assert.equal(next.status, 200);
    });
  });

  test("a Request whose body was already read fails at once, before anything is sent", async () => {
    await withDemo(60, async (demo) => {
      const s = session(demo, await demo.login("writer"));
      const used = new Request(`${demo.baseURL}/orders`, { method: "POST", body: "{}" });
      await used.text();

      await assert.rejects(s.authFetch(used), (e: unknown) => e instanceof AuthReplayError && /already read/.test(e.message));
      assert.deepEqual(s.sent, []);
    });
  });

  test("a Request object's body is replayed (cloned before the first send)", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const s = session(demo, await demo.login("writer"));
      await expire();
      const request = new Request(`${demo.baseURL}/orders`, {
        method: "POST",
        body: JSON.stringify({ item: "cake" }),
        headers: { "content-type": "application/json" },
      });

      const response = await s.authFetch(request);

      assert.deepEqual(await response.json(), { id: 3, status: "created" });
      assert.deepEqual(s.sent, ["POST /orders", "POST /token", "POST /orders"]);
    });
  });

  test("AbortSignal while waiting for a shared refresh: that request rejects at once, the others go on", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const slow = session(demo, await demo.login("reader"), {
        refresh: async ({ fetch: plain, tokens }) => {
          await held;
          const r = await plain(`${demo.baseURL}/token`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ refresh_token: tokens?.refresh_token }),
          });
          return (await r.json()) as TokenSet;
        },
      });
      await expire();
      const controller = new AbortController();

      const aborted = slow.authFetch(`${demo.baseURL}/orders`, { signal: controller.signal });
      const other = slow.authFetch(`${demo.baseURL}/orders`);
      await sleep(200);
      const started = Date.now();
      controller.abort();
      await assert.rejects(aborted, (e: unknown) => e instanceof Error && e.name === "AbortError");
      assert.ok(Date.now() - started < 100);
      release();
      assert.equal((await other).status, 200);
      assert.equal((await demo.stats()).refreshes, 1);
      assert.deepEqual(slow.sent.filter((x) => x === "GET /orders").length, 3, "two first sends, one replay");
    });
  });

  test("AbortSignal while waiting out a Retry-After: rejects at once, no replay", async () => {
    await withDemo(60, async (demo) => {
      const s = session(demo, null);
      const controller = new AbortController();
      const pending = s.authFetch(`${demo.baseURL}/busy/x?retry_after=5`, { signal: controller.signal });
      await sleep(300);
      controller.abort();
      await assert.rejects(pending, (e: unknown) => e instanceof Error && e.name === "AbortError");
      await sleep(100);
      assert.deepEqual(s.sent, ["GET /busy/x"]);
    });
  });

  test("AbortSignal on the replay: aborted during the refresh, the replay is not sent", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const controller = new AbortController();
      const pair = await demo.login("reader");
      const s = session(demo, pair, {
        refresh: async ({ fetch: plain }) => {
          const r = await plain(`${demo.baseURL}/token`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ refresh_token: pair.refresh_token }),
          });
          controller.abort();
          return (await r.json()) as TokenSet;
        },
      });
      await expire();

      await assert.rejects(s.authFetch(`${demo.baseURL}/orders`, { signal: controller.signal }), (e: unknown) => e instanceof Error && e.name === "AbortError");
      assert.deepEqual(s.sent, ["GET /orders", "POST /token"]);
      // The refresh goes on for the session.
      await sleep(200);
      assert.notEqual((await s.store.get())?.access_token, pair.access_token);
    });
  });

  test("the refresh goes to the base fetch: a refresh answered 401 never recurses", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const pair = await demo.login("reader");
      await demo.refresh(pair.refresh_token); // used up: /token answers 401 TOKEN_INVALID
      let wrapped = 0;
      const s = session(demo, pair);
      const counted = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        wrapped++;
        return s.authFetch(input, init);
      }) as typeof fetch;
      await expire();

      const response = await counted(`${demo.baseURL}/orders`);

      assert.equal(response.status, 401);
      assert.equal(wrapped, 1, "the wrapped fetch was called once: by the test");
      assert.deepEqual(s.sent, ["GET /orders", "POST /token"]);
      assert.equal(s.reauthenticate.length, 1);
    });
  });

  test("one session per user: two users refresh at once on one server without mixing tokens", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const reader = session(demo, await demo.login("reader"));
      const writer = session(demo, await demo.login("writer"));
      await expire();

      const [r, w] = await Promise.all([
        reader.authFetch(`${demo.baseURL}/orders`, { method: "POST", body: "{}" }),
        writer.authFetch(`${demo.baseURL}/orders`, { method: "POST", body: "{}" }),
      ]);

      assert.equal(r.status, 403, "the reader's own new token: still no orders:write");
      assert.equal(w.status, 200);
      assert.equal((await demo.stats()).refreshes, 2);
      assert.notEqual((await reader.store.get())?.access_token, (await writer.store.get())?.access_token);
    });
  });

  test("use_dpop_nonce: one replay with a proof carrying the DPoP-Nonce; later requests carry it at once", async () => {
    await withDemo(60, async (demo) => {
      const asked: DpopProofRequest[] = [];
      const proof = (request: DpopProofRequest): string => {
        asked.push(request);
        const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
        return `${b64({ typ: "dpop+jwt", alg: "ES256" })}.${b64({ htm: request.method, htu: request.url, nonce: request.nonce ?? undefined })}.sig`;
      };
      const s = session(demo, null, { dpop: proof });

      const first = await s.authFetch(`${demo.baseURL}/dpop`);
      const second = await s.authFetch(`${demo.baseURL}/dpop`);

      assert.deepEqual([first.status, second.status], [200, 200]);
      assert.deepEqual(s.sent, ["GET /dpop", "GET /dpop", "GET /dpop"], "one replay, then none");
      assert.equal(asked[0]?.nonce, null);
      assert.match(asked[1]?.nonce ?? "", /^n-[0-9a-f]{16}$/);
      assert.equal(asked[2]?.nonce, asked[1]?.nonce);
      assert.equal(asked[0]?.method, "GET");
    });
  });

  test("use_dpop_nonce answered again after the replay: no second replay", async () => {
    await withDemo(60, async (demo) => {
      const s = session(demo, null, { dpop: () => "a.e30.sig" }); // never the nonce
      const response = await s.authFetch(`${demo.baseURL}/dpop`);
      assert.equal(response.status, 401);
      assert.deepEqual(s.sent, ["GET /dpop", "GET /dpop"]);
    });
  });

  test("without a readable WWW-Authenticate (not exposed cross-origin) the body code decides", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      // As a browser shows a cross-origin response whose header is not exposed.
      const hide = (r: Response): Response => {
        const headers = new Headers(r.headers);
        headers.delete("www-authenticate");
        return new Response(r.body, { status: r.status, headers });
      };
      const c = makeClient("fetch", demo, { tokens: await demo.login("reader"), rewrite: hide });
      await expire();
      assert.equal((await c.send("GET", "/orders")).status, 200, "TOKEN_EXPIRED's action is refresh");
      assert.equal(c.refreshCalls, 1);

      const anonymous = makeClient("fetch", demo, { tokens: null, rewrite: hide });
      assert.equal((await anonymous.send("GET", "/orders")).status, 401);
      assert.deepEqual(anonymous.reauthenticate, [{ status: 401, code: "TOKEN_MISSING" }], "no challenge to report");
    });
  });

  test("two sessions sharing a store and a lock (two tabs): 10 concurrent requests each make one refresh", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const shared: TokenStore = memoryTokenStore(await demo.login("reader"));
      const lock = localRefreshLock();
      const a = session(demo, null, { store: shared, lock });
      const b = session(demo, null, { store: shared, lock });
      await expire();

      const answers = await Promise.all([
        ...Array.from({ length: 10 }, () => a.authFetch(`${demo.baseURL}/orders`)),
        ...Array.from({ length: 10 }, () => b.authFetch(`${demo.baseURL}/orders`)),
      ]);

      assert.ok(answers.every((r) => r.status === 200));
      assert.equal((await demo.stats()).refreshes, 1, "the waiting session adopted the stored token");
      assert.equal(a.refreshes() + b.refreshes(), 1);
      assert.deepEqual([a.reauthenticate, b.reauthenticate], [[], []]);
    });
  });

  test("without a shared lock: a session whose refresh fails adopts the token the other stored", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const shared: TokenStore = memoryTokenStore(await demo.login("reader"));
      const trade = async (plain: typeof fetch, refreshToken: string | undefined): Promise<Response> =>
        plain(`${demo.baseURL}/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ refresh_token: refreshToken }),
        });
      // B reads the store before A has refreshed, and trades the same refresh token after.
      let bStarted!: () => void;
      const bReadTheStore = new Promise<void>((resolve) => (bStarted = resolve));
      let aDone!: () => void;
      const aStored = new Promise<void>((resolve) => (aDone = resolve));
      let bTraded = 0;
      const a = session(demo, null, {
        store: shared,
        onTokens: () => aDone(),
        refresh: async ({ fetch: plain, tokens }) => {
          await bReadTheStore;
          return (await (await trade(plain, tokens?.refresh_token)).json()) as TokenSet;
        },
      });
      const b = session(demo, null, {
        store: shared,
        refresh: async ({ fetch: plain, tokens }) => {
          bStarted();
          await aStored;
          const r = await trade(plain, tokens?.refresh_token);
          bTraded = r.status;
          throw new Error(`refresh: ${r.status}`);
        },
      });
      await expire();

      const [ra, rb] = await Promise.all([a.authFetch(`${demo.baseURL}/orders`), b.authFetch(`${demo.baseURL}/orders`)]);

      assert.deepEqual([ra.status, rb.status], [200, 200]);
      assert.equal(bTraded, 401, "B spent the used refresh token: TOKEN_INVALID");
      assert.deepEqual(b.reauthenticate, [], "not signed out: B took A's token");
      assert.equal((await demo.stats()).refreshes, 1);
    });
  });
});

describe("the session's decision", () => {
  const facts = (status: number, headers: Record<string, string>, code?: string, method = "GET"): ResponseFacts => ({
    method,
    status,
    header: (name) => headers[name] ?? null,
    code,
  });
  const forbidden: string[] = [];
  const s = createAuthSession({ refresh: async () => "t", broadcast: false, onForbidden: (i) => forbidden.push(i.scope ?? "") }, null);

  test("the challenge's error comes first, then the body code, then the status", () => {
    const www = 'Bearer realm="api", error="invalid_token"';
    assert.equal(s.decide(facts(401, { "www-authenticate": www }, "TOKEN_MISSING"), false).kind, "refresh");
    assert.equal(s.decide(facts(401, {}, "TOKEN_EXPIRED"), false).kind, "refresh");
    assert.equal(s.decide(facts(401, { "www-authenticate": 'Bearer realm="api"' }, "TOKEN_EXPIRED"), false).kind, "refresh");
    assert.equal(s.decide(facts(401, {}, "SOMETHING_ELSE"), false).kind, "pass");
    assert.equal(s.decide(facts(401, { "www-authenticate": 'Bearer error="constructor"' }), false).kind, "pass", "no prototype keys");
  });

  test("a 403 is never refreshed, whatever its challenge says", () => {
    assert.equal(s.decide(facts(403, { "www-authenticate": 'Bearer error="invalid_token", scope="a b"' }), false).kind, "pass");
    assert.deepEqual(forbidden, ["a b"]);
  });

  test("a replay gets no other replay", () => {
    assert.equal(s.decide(facts(401, { "www-authenticate": 'Bearer error="invalid_token"' }), true).kind, "pass");
    assert.equal(s.decide(facts(429, { "retry-after": "0" }), true).kind, "pass");
  });

  test("Retry-After: delta-seconds or an HTTP-date, capped, idempotent methods only", () => {
    assert.deepEqual(s.decide(facts(429, { "retry-after": "2" }), false), { kind: "wait", ms: 2000 });
    assert.equal(s.decide(facts(503, { "retry-after": "11" }), false).kind, "pass", "over the 10 s default cap");
    assert.equal(s.decide(facts(429, { "retry-after": "1" }, undefined, "POST"), false).kind, "pass");
    assert.equal(s.decide(facts(429, { "retry-after": "1" }, undefined, "PUT"), false).kind, "wait");
    assert.equal(s.decide(facts(429, {}), false).kind, "pass", "no delay given");
    const now = Date.parse("Tue, 01 Dec 2026 08:00:00 GMT");
    assert.equal(parseRetryAfter("Tue, 01 Dec 2026 08:00:03 GMT", now), 3000);
    assert.equal(parseRetryAfter("Tue, 01 Dec 2026 07:59:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), null);
    assert.equal(parseRetryAfter(" 7 ", now), 7000);
  });
});
