// The pack's rules through every client it serves, with real libraries from npm
// (openapi-fetch, both with createAuthFetch as its fetch and with createAuthMiddleware,
// ky, ofetch, axios) and Node's fetch, against the real demo server (axum), one server
// per test, started on a free port.
import { describe, test } from "node:test";
import * as assert from "node:assert/strict";
import { CLIENTS, makeClient, type Client, type ClientName, type ClientSetup } from "./clients.js";
import { sleep, startDemo, type Demo } from "./support.js";

/** Access tokens live this long (DEMO_TOKEN_TTL_SECS) where a test lets one expire. */
const TTL_SECS = 1;
// The tokens are JWTs: `exp` is whole seconds (now + TTL, rounded up) and the token is
// refused from that second on, so it lives at least TTL_SECS and under TTL_SECS + 1.
const expire = (): Promise<void> => sleep((TTL_SECS + 1) * 1000 + 150);
const ORDERS = [
  { id: 1, item: "coffee" },
  { id: 2, item: "tea" },
];

async function withDemo(ttlSecs: number, body: (demo: Demo) => Promise<void>): Promise<void> {
  const demo = await startDemo(ttlSecs);
  try {
    await body(demo);
  } finally {
    await demo.stop();
  }
}

function statuses(client: Client): Array<[string, number]> {
  return client.seen.map((s) => [`${s.method} ${s.path}`, s.status]);
}

for (const name of CLIENTS) {
  const make = (demo: Demo, setup: ClientSetup): Client => makeClient(name as ClientName, demo, setup);

  describe(`${name}: the pack's rules`, { concurrency: true }, () => {
    test("an expired token is refreshed once and the request replayed once with the new token", async () => {
      await withDemo(TTL_SECS, async (demo) => {
        const pair = await demo.login("reader");
        const c = make(demo, { tokens: pair });
        await expire();

        const answer = await c.send("GET", "/orders");

        assert.deepEqual(answer, { status: 200, body: ORDERS });
        assert.equal(c.refreshCalls, 1);
        const fresh = await c.store.get();
        assert.ok(fresh !== null && fresh.access_token !== pair.access_token);
        assert.deepEqual(
          c.seen.map((s) => [s.status, s.authorization]),
          [
            [401, `Bearer ${pair.access_token}`],
            [200, `Bearer ${fresh.access_token}`],
          ],
        );
        assert.deepEqual([c.reauthenticate, c.forbidden, c.stepUp], [[], [], []]);
        assert.deepEqual(await demo.stats(), { refreshes: 1, logins: 1 });
      });
    });

    test("a POST with a JSON body is replayed with its body", async () => {
      await withDemo(TTL_SECS, async (demo) => {
        const c = make(demo, { tokens: await demo.login("writer") });
        await expire();

        const answer = await c.send("POST", "/orders", { item: "cake" });

        assert.deepEqual(answer, { status: 200, body: { id: 3, status: "created" } });
        assert.deepEqual(statuses(c), [
          ["POST /orders", 401],
          ["POST /orders", 200],
        ]);
        assert.equal((await demo.stats()).refreshes, 1);
      });
    });

    test("20 concurrent requests with an expired token make exactly one POST /token", async () => {
      await withDemo(TTL_SECS, async (demo) => {
        const c = make(demo, { tokens: await demo.login("reader") });
        await expire();

        const answers = await Promise.all(Array.from({ length: 20 }, () => c.send("GET", "/orders")));

        assert.ok(answers.every((a) => a.status === 200), JSON.stringify(answers.map((a) => a.status)));
        assert.equal(c.refreshCalls, 1);
        assert.deepEqual(await demo.stats(), { refreshes: 1, logins: 1 }, "the server counted one refresh");
        assert.equal(c.seen.filter((s) => s.status === 401).length, 20);
        assert.equal(c.seen.filter((s) => s.status === 200).length, 20, "each request replayed once");
        assert.deepEqual(c.reauthenticate, []);
      });
    });

    test("insufficient_scope (403) goes to onForbidden with the scope; never a refresh", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: await demo.login("reader") });

        const answer = await c.send("POST", "/orders", { item: "cake" });

        assert.equal(answer.status, 403);
        assert.equal((answer.body as { code?: string }).code, "INSUFFICIENT_SCOPE");
        assert.equal(c.forbidden.length, 1);
        assert.equal(c.forbidden[0]?.scope, "orders:write");
        assert.equal(c.forbidden[0]?.code, "INSUFFICIENT_SCOPE");
        assert.equal(c.refreshCalls, 0);
        assert.equal(c.seen.length, 1);
        assert.deepEqual(await demo.stats(), { refreshes: 0, logins: 1 });
      });
    });

    test("a step-up demand goes to onStepUp with acr_values and max_age; no refresh", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: await demo.login("writer") });

        const answer = await c.send("GET", "/admin");

        assert.equal(answer.status, 401);
        assert.equal(c.stepUp.length, 1);
        assert.equal(c.stepUp[0]?.acr_values, "urn:example:mfa");
        assert.equal(c.stepUp[0]?.max_age, 300);
        assert.equal(c.stepUp[0]?.code, "INSUFFICIENT_USER_AUTHENTICATION");
        assert.deepEqual([c.refreshCalls, c.reauthenticate.length, c.seen.length], [0, 0, 1]);
      });
    });

    test("a failed refresh goes to onReauthenticate once, with no replay and no loop", async () => {
      await withDemo(TTL_SECS, async (demo) => {
        const pair = await demo.login("reader");
        await demo.refresh(pair.refresh_token); // spends it: trading it again is 401
        const c = make(demo, { tokens: pair });
        await expire();

        const answer = await c.send("GET", "/orders");

        assert.equal(answer.status, 401);
        assert.equal((answer.body as { code?: string }).code, "TOKEN_EXPIRED", "the original answer");
        assert.equal(c.refreshCalls, 1);
        assert.equal(c.reauthenticate.length, 1);
        assert.equal(c.reauthenticate[0]?.code, "TOKEN_EXPIRED");
        await sleep(200);
        assert.deepEqual(statuses(c), [["GET /orders", 401]]);
        assert.equal((await demo.stats()).refreshes, 1, "only the refresh made before the test");
      });
    });

    test("a replay that fails again goes to onReauthenticate: at most one replay", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, {
          tokens: { access_token: "expired", refresh_token: "none" },
          // The server answers TOKEN_REVOKED (invalid_token again) for this one.
          refresh: async () => "revoked",
        });

        const answer = await c.send("GET", "/orders");

        assert.equal(answer.status, 401);
        assert.equal((answer.body as { code?: string }).code, "TOKEN_REVOKED");
        assert.equal(c.reauthenticate.length, 1);
        assert.equal(c.reauthenticate[0]?.challenge?.params["error"], "invalid_token");
        await sleep(200);
        assert.deepEqual(
          c.seen.map((s) => [s.status, s.authorization]),
          [
            [401, "Bearer expired"],
            [401, "Bearer revoked"],
          ],
        );
      });
    });

    test("a 401 with no error attribute (no token sent) goes to onReauthenticate", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: null });

        const answer = await c.send("GET", "/orders");

        assert.equal(answer.status, 401);
        assert.deepEqual(c.reauthenticate, [
          // RFC 9728 §5.1/§3.1: every 401 names the metadata of the resource (the demo's base URL).
          {
            status: 401,
            code: "TOKEN_MISSING",
            challenge: { scheme: "Bearer", params: { realm: "api", resource_metadata: `${demo.baseURL}/.well-known/oauth-protected-resource` }, token68: null },
          },
        ]);
        assert.deepEqual([c.refreshCalls, c.seen.length], [0, 1]);
      });
    });

    test("429 with Retry-After in seconds: an idempotent request is replayed once after the delay", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: null });
        const started = Date.now();

        const answer = await c.send("GET", "/busy/a?retry_after=1");

        assert.deepEqual(answer, { status: 200, body: { key: "a", attempts: 2 } });
        assert.ok(Date.now() - started >= 1000, `waited ${Date.now() - started} ms`);
        assert.deepEqual(statuses(c), [
          ["GET /busy/a?retry_after=1", 429],
          ["GET /busy/a?retry_after=1", 200],
        ]);
      });
    });

    test("503 with Retry-After as an HTTP-date: replayed once when the date has passed", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: null });

        const answer = await c.send("GET", "/busy/b?status=503&retry_after=1&date=1");

        // The demo answers 503 again to a request before the date: 200 shows the wait.
        assert.deepEqual(answer, { status: 200, body: { key: "b", attempts: 2 } });
        assert.deepEqual(c.seen.map((s) => s.status), [503, 200]);
      });
    });

    test("a POST answered 429 is not replayed (not idempotent)", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: null });

        const answer = await c.send("POST", "/busy/c?retry_after=0", {});

        assert.equal(answer.status, 429);
        assert.equal((answer.body as { code?: string }).code, "RATE_LIMITED");
        assert.deepEqual(statuses(c), [["POST /busy/c?retry_after=0", 429]]);
      });
    });

    test("a Retry-After longer than the cap is returned at once, not waited for", async () => {
      await withDemo(60, async (demo) => {
        const c = make(demo, { tokens: null, maxRetryDelayMs: 2000 });
        const started = Date.now();

        const answer = await c.send("GET", "/busy/d?retry_after=60");

        assert.equal(answer.status, 429);
        assert.ok(Date.now() - started < 1000);
        assert.equal(c.seen.length, 1);
      });
    });
  });
}
