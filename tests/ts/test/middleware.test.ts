// createAuthMiddleware in real openapi-fetch (`client.use`), beside other middlewares,
// against the demo server (axum): the order middlewares run in, a misplaced
// middleware, the refresh through the base fetch, and DPoP nonces. The pack's common
// rules through this form are in clients.test.ts ("openapi-fetch-middleware").
import { describe, test } from "node:test";
import * as assert from "node:assert/strict";
import createClient, { type Middleware } from "openapi-fetch";
import { createAuthMiddleware, memoryTokenStore, type DpopProofRequest, type TokenSet } from "../generated/auth-errors.js";
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

interface JsonResponse {
  content: { "application/json": unknown };
}
interface Operation {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: { content: { "application/json": unknown } };
  responses: { 200: JsonResponse; 401: JsonResponse; 403: JsonResponse };
}
type Paths = Record<string, { get: Operation; post: Operation }>;

/** What reached the network: method, path, and the headers the test looks at. */
interface Sent {
  line: string;
  authorization: string | null;
  trace: string | null;
  dpop: string | null;
}

/** Node's fetch, recording each request it sends. */
function recordingFetch(): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const recording = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const h = request.headers;
    sent.push({ line: `${request.method} ${new URL(request.url).pathname}`, authorization: h.get("authorization"), trace: h.get("x-trace"), dpop: h.get("dpop") });
    return fetch(request, passSignal(init));
  };
  return { fetch: recording as typeof fetch, sent };
}

/** The middleware over `base`, trading the stored refresh token at /token through the context's fetch. */
function auth(demo: Demo, base: typeof fetch, tokens: TokenSet | null, dpop?: (r: DpopProofRequest) => string) {
  const store = memoryTokenStore(tokens);
  const refreshedWith: Array<typeof fetch> = [];
  const middleware = createAuthMiddleware(base, {
    store,
    broadcast: false,
    refresh: async ({ fetch: plain, tokens: current }) => {
      refreshedWith.push(plain);
      const r = await plain(`${demo.baseURL}/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh_token: current?.refresh_token }),
      });
      if (!r.ok) throw new Error(`refresh: ${r.status}`);
      return (await r.json()) as TokenSet;
    },
    ...(dpop !== undefined ? { dpop } : {}),
  });
  return { middleware, store, refreshedWith };
}

describe("createAuthMiddleware (openapi-fetch)", { concurrency: true }, () => {
  test("registered last: the replay carries an earlier middleware's header, which sees only the replayed response", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const pair = await demo.login("reader");
      const base = recordingFetch();
      const a = auth(demo, base.fetch, pair);
      const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: base.fetch });
      const seenByTrace: number[] = [];
      const trace: Middleware = {
        onRequest({ request }) {
          request.headers.set("x-trace", "t-1");
          return request;
        },
        onResponse({ response }) {
          seenByTrace.push(response.status);
          return undefined;
        },
      };
      api.use(trace, a.middleware);
      await expire();

      const { data, response } = await api.GET("/orders");

      assert.equal(response.status, 200);
      assert.deepEqual(data, [
        { id: 1, item: "coffee" },
        { id: 2, item: "tea" },
      ]);
      const fresh = (await a.store.get())?.access_token;
      assert.ok(fresh !== undefined && fresh !== pair.access_token);
      assert.deepEqual(base.sent, [
        { line: "GET /orders", authorization: `Bearer ${pair.access_token}`, trace: "t-1", dpop: null },
        { line: "POST /token", authorization: null, trace: null, dpop: null },
        { line: "GET /orders", authorization: `Bearer ${fresh}`, trace: "t-1", dpop: null },
      ]);
      assert.deepEqual(seenByTrace, [200], "the other middleware saw the replay, not the 401");
      assert.equal(a.refreshedWith.length, 1, "one refresh");
      assert.deepEqual(await demo.stats(), { refreshes: 1, logins: 1 });
    });
  });

  test("the refresh goes to the base fetch, outside the client and its middlewares", async () => {
    await withDemo(TTL_SECS, async (demo) => {
      const base = recordingFetch();
      const a = auth(demo, base.fetch, await demo.login("reader"));
      const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: base.fetch });
      const throughClient: string[] = [];
      api.use(
        {
          onRequest({ request }) {
            throughClient.push(new URL(request.url).pathname);
            return undefined;
          },
        },
        a.middleware,
      );
      await expire();

      const { response } = await api.GET("/orders");

      assert.equal(response.status, 200);
      assert.deepEqual(throughClient, ["/orders"], "neither the refresh nor the replay went through the client");
      assert.deepEqual(
        base.sent.map((s) => s.line),
        ["GET /orders", "POST /token", "GET /orders"],
      );
      assert.equal(a.refreshedWith.length, 1);
      const plain = a.refreshedWith[0];
      assert.ok(plain !== undefined && plain !== base.fetch, "context.fetch wraps the base fetch");
      await plain(`${demo.baseURL}/stats`);
      assert.equal(base.sent.at(-1)?.line, "GET /stats", "context.fetch sends through the base fetch");
    });
  });

  test("a middleware after it that replaces the Request: the request rejects with a clear error", async () => {
    await withDemo(60, async (demo) => {
      const base = recordingFetch();
      const a = auth(demo, base.fetch, await demo.login("reader"));
      const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: base.fetch });
      api.use(a.middleware, {
        onRequest({ request }) {
          return new Request(request);
        },
      });

      await assert.rejects(api.GET("/orders"), (e: unknown) => e instanceof TypeError && /register the auth middleware last/.test(e.message));
      assert.deepEqual(
        base.sent.map((s) => s.line),
        ["GET /orders"],
      );
    });
  });

  test("use_dpop_nonce: one replay with a proof carrying the DPoP-Nonce; later requests carry it at once", async () => {
    await withDemo(60, async (demo) => {
      const asked: DpopProofRequest[] = [];
      const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
      const make = (request: DpopProofRequest): string =>
        `${b64({ typ: "dpop+jwt", alg: "ES256" })}.${b64({ htm: request.method, htu: request.url, nonce: request.nonce ?? undefined })}.sig`;
      const base = recordingFetch();
      const a = auth(demo, base.fetch, null, (request) => {
        asked.push(request);
        return make(request);
      });
      const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: base.fetch });
      api.use(a.middleware);

      const first = await api.GET("/dpop");
      const second = await api.GET("/dpop");

      assert.deepEqual([first.response.status, second.response.status], [200, 200]);
      assert.deepEqual(first.data, { dpop: "ok" });
      assert.deepEqual(
        base.sent.map((s) => s.line),
        ["GET /dpop", "GET /dpop", "GET /dpop"],
        "one replay, then none",
      );
      assert.equal(asked[0]?.nonce, null);
      assert.match(asked[1]?.nonce ?? "", /^n-[0-9a-f]{16}$/);
      assert.equal(asked[2]?.nonce, asked[1]?.nonce);
      assert.equal(asked[1]?.url, `${demo.baseURL}/dpop`);
      assert.deepEqual(
        base.sent.map((s) => s.dpop),
        asked.map(make),
        "each send carried the proof made for it",
      );
    });
  });

  test("use_dpop_nonce answered again after the replay: no second replay", async () => {
    await withDemo(60, async (demo) => {
      const base = recordingFetch();
      const a = auth(demo, base.fetch, null, () => "a.e30.sig"); // never the nonce
      const api = createClient<Paths>({ baseUrl: demo.baseURL, fetch: base.fetch });
      api.use(a.middleware);

      const { response, error } = await api.GET("/dpop");

      assert.equal(response.status, 401);
      assert.equal((error as { code?: string }).code, "USE_DPOP_NONCE");
      assert.deepEqual(
        base.sent.map((s) => s.line),
        ["GET /dpop", "GET /dpop"],
      );
    });
  });
});
