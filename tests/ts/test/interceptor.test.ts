// installAuthInterceptor with real axios against the real demo server (axum), started
// per test on a free port with a short access-token lifetime.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import axios, { type AxiosError, type AxiosInstance } from "axios";
import {
  installAuthInterceptor,
  type AuthInterceptorOptions,
  type DpopProofRequest,
  type ForbiddenInfo,
  type ReauthenticateReason,
} from "../generated/auth-errors.js";
import { sleep, startDemo, type Demo, type TokenPair } from "./support.js";

/** Access tokens live this long (DEMO_TOKEN_TTL_SECS) in the tests that let one expire. */
const TTL_SECS = 2;

async function withDemo(ttlSecs: number, body: (demo: Demo) => Promise<void>): Promise<void> {
  const demo = await startDemo(ttlSecs);
  try {
    await body(demo);
  } finally {
    await demo.stop();
  }
}

/** One request as the server answered it, seen before the interceptor acts. */
interface Seen {
  method: string;
  url: string;
  status: number | undefined;
  authorization: string | null;
  code: string | undefined;
}

interface Harness {
  instance: AxiosInstance;
  seen: Seen[];
  refreshCalls: number;
  reauthenticate: ReauthenticateReason[];
  forbidden: ForbiddenInfo[];
  eject: () => void;
}

function seenOf(config: { method?: string; url?: string; headers?: unknown } | undefined, status: number | undefined, data: unknown): Seen {
  const headers = config?.headers as { get?: (name: string) => unknown } | undefined;
  const auth = headers?.get?.("Authorization");
  const code = typeof data === "object" && data !== null ? (data as { code?: unknown }).code : undefined;
  return {
    method: (config?.method ?? "").toUpperCase(),
    url: config?.url ?? "",
    status,
    authorization: typeof auth === "string" ? auth : null,
    code: typeof code === "string" ? code : undefined,
  };
}

/**
 * An axios instance for the demo with `Authorization: Bearer <token>` as a default
 * header (never updated: a replay works only if the interceptor sets the new token),
 * an observer that records every response before the interceptor sees it, and the
 * interceptor with recording callbacks.
 */
function harness(
  demo: Demo,
  token: string | null,
  refresh: () => Promise<string>,
  before?: (instance: AxiosInstance) => void,
): Harness {
  const instance = axios.create({ baseURL: demo.baseURL });
  if (token !== null) instance.defaults.headers.common["Authorization"] = `Bearer ${token}`;
  const h: Harness = { instance, seen: [], refreshCalls: 0, reauthenticate: [], forbidden: [], eject: () => {} };
  // Response interceptors run in the order they were added: this one sees raw responses.
  instance.interceptors.response.use(
    (response) => {
      h.seen.push(seenOf(response.config, response.status, response.data));
      return response;
    },
    (error: unknown) => {
      if (axios.isAxiosError(error)) h.seen.push(seenOf(error.config, error.response?.status, error.response?.data));
      throw error;
    },
  );
  before?.(instance);
  h.eject = installAuthInterceptor(instance, {
    refresh: () => {
      h.refreshCalls++;
      return refresh();
    },
    onReauthenticate: (reason) => {
      h.reauthenticate.push(reason);
    },
    onForbidden: (info) => {
      h.forbidden.push(info);
    },
  });
  return h;
}

async function rejection(promise: Promise<unknown>): Promise<AxiosError<{ code?: string }>> {
  try {
    await promise;
  } catch (e) {
    if (axios.isAxiosError<{ code?: string }>(e)) return e;
    throw e;
  }
  return assert.fail("the request resolved; expected a rejection");
}

const ORDERS = [
  { id: 1, item: "coffee" },
  { id: 2, item: "tea" },
];

/** Waits until the tokens issued now have expired. */
// The tokens are JWTs: `exp` is whole seconds (now + TTL, rounded up) and the token is
// refused from that second on, so it lives at least TTL_SECS and under TTL_SECS + 1.
const expire = (): Promise<void> => sleep((TTL_SECS + 1) * 1000 + 150);

test("an expired access token is refreshed once and the request replayed once with the new token", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    let fresh: TokenPair | undefined;
    const h = harness(demo, pair.access_token, async () => {
      fresh = await demo.refresh(pair.refresh_token);
      return fresh.access_token;
    });
    assert.deepEqual((await h.instance.get("/orders")).data, ORDERS);
    await expire();

    const response = await h.instance.get("/orders");

    assert.equal(response.status, 200);
    assert.deepEqual(response.data, ORDERS);
    assert.equal(h.refreshCalls, 1);
    assert.ok(fresh !== undefined);
    assert.deepEqual(
      h.seen.map((s) => [s.status, s.code, s.authorization]),
      [
        [200, undefined, `Bearer ${pair.access_token}`],
        [401, "TOKEN_EXPIRED", `Bearer ${pair.access_token}`],
        [200, undefined, `Bearer ${fresh.access_token}`],
      ],
    );
    assert.deepEqual(h.reauthenticate, []);
    assert.deepEqual(h.forbidden, []);
    assert.deepEqual(await demo.stats(), { refreshes: 1, logins: 1 });
  });
});

test("a POST with a JSON body is replayed with its body", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("writer");
    const h = harness(demo, pair.access_token, async () => (await demo.refresh(pair.refresh_token)).access_token);
    await expire();

    const response = await h.instance.post("/orders", { item: "cake" });

    assert.deepEqual(response.data, { id: 3, status: "created" });
    assert.deepEqual(h.seen.map((s) => [s.method, s.status]), [["POST", 401], ["POST", 200]]);
    assert.equal(JSON.parse(String(response.config.data)).item, "cake");
    assert.equal(h.refreshCalls, 1);
    assert.equal((await demo.stats()).refreshes, 1);
  });
});

const CONCURRENT = 5;

test(`single flight: ${CONCURRENT} concurrent requests after expiry share one refresh and are each replayed once`, async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    let fresh: TokenPair | undefined;
    const h = harness(demo, pair.access_token, async () => {
      // Slow enough that every failure arrives while the refresh is in flight.
      await sleep(200);
      fresh = await demo.refresh(pair.refresh_token);
      return fresh.access_token;
    });
    await expire();

    const responses = await Promise.all(Array.from({ length: CONCURRENT }, () => h.instance.get("/orders")));

    assert.equal(h.refreshCalls, 1, "exactly one call to refresh()");
    assert.equal(responses.length, CONCURRENT);
    for (const r of responses) {
      assert.equal(r.status, 200);
      assert.deepEqual(r.data, ORDERS);
    }
    assert.ok(fresh !== undefined);
    const failures = h.seen.filter((s) => s.status === 401);
    const replays = h.seen.filter((s) => s.status === 200);
    assert.equal(failures.length, CONCURRENT);
    assert.ok(failures.every((s) => s.code === "TOKEN_EXPIRED" && s.authorization === `Bearer ${pair.access_token}`));
    assert.equal(replays.length, CONCURRENT, `${CONCURRENT} successful replays`);
    assert.ok(replays.every((s) => s.authorization === `Bearer ${fresh?.access_token}`));
    assert.equal(h.seen.length, 2 * CONCURRENT);
    assert.deepEqual(h.reauthenticate, []);
    assert.deepEqual(await demo.stats(), { refreshes: 1, logins: 1 }, "the server counted exactly one refresh");
  });
});

test("a request sent before a refresh and failing after it completed reuses the new token", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    let refreshed!: () => void;
    const refreshDone = new Promise<void>((resolve) => (refreshed = resolve));
    const h = harness(
      demo,
      pair.access_token,
      async () => {
        const token = (await demo.refresh(pair.refresh_token)).access_token;
        setTimeout(refreshed, 50);
        return token;
      },
      (instance) => {
        // Holds back the failure of the request marked `late` until the refresh is done.
        instance.interceptors.response.use(undefined, async (error: unknown) => {
          if (axios.isAxiosError(error) && error.config?.params?.late === 1 && error.config.headers.get("X-Held") === null) {
            error.config.headers.set("X-Held", "1");
            await refreshDone;
          }
          throw error;
        });
      },
    );
    await expire();

    const [late, early] = await Promise.all([
      h.instance.get("/orders", { params: { late: 1 } }),
      h.instance.get("/orders"),
    ]);

    assert.deepEqual(late.data, ORDERS);
    assert.deepEqual(early.data, ORDERS);
    assert.equal(h.refreshCalls, 1);
    assert.deepEqual(await demo.stats(), { refreshes: 1, logins: 1 });
  });
});

test("a replay that fails again goes to onReauthenticate, without a loop", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    const h = harness(demo, "expired", async () => {
      await demo.refresh(pair.refresh_token);
      // The server answers TOKEN_REVOKED (invalid_token) for this one.
      return "revoked";
    });

    const error = await rejection(h.instance.get("/orders"));

    assert.equal(error.response?.status, 401);
    assert.equal(error.response?.data.code, "TOKEN_REVOKED");
    assert.equal(h.refreshCalls, 1);
    assert.equal(h.reauthenticate.length, 1);
    const [reason] = h.reauthenticate;
    assert.equal(reason?.status, 401);
    assert.equal(reason?.code, "TOKEN_REVOKED");
    assert.equal(reason?.challenge?.scheme, "Bearer");
    assert.equal(reason?.challenge?.params["error"], "invalid_token");
    assert.equal(reason?.challenge?.params["error_description"], "The access token has been revoked");
    assert.deepEqual(h.forbidden, []);
    await sleep(300);
    assert.deepEqual(
      h.seen.map((s) => [s.status, s.code, s.authorization]),
      [
        [401, "TOKEN_EXPIRED", "Bearer expired"],
        [401, "TOKEN_REVOKED", "Bearer revoked"],
      ],
      "one request and one replay, nothing after",
    );
    assert.equal((await demo.stats()).refreshes, 1);
  });
});

test("a failed refresh goes to onReauthenticate and the original error rejects; the next failure refreshes again", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    // Use the refresh token up: trading it again is 401 TOKEN_INVALID.
    const second = await demo.refresh(pair.refresh_token);
    let refreshToken = pair.refresh_token;
    const h = harness(demo, "expired", async () => (await demo.refresh(refreshToken)).access_token);

    const error = await rejection(h.instance.get("/orders"));

    assert.equal(error.response?.status, 401);
    assert.equal(error.response?.data.code, "TOKEN_EXPIRED", "the caller gets the original error");
    assert.equal(h.refreshCalls, 1);
    assert.equal(h.reauthenticate.length, 1);
    assert.equal(h.reauthenticate[0]?.status, 401);
    assert.equal(h.reauthenticate[0]?.code, "TOKEN_EXPIRED");
    assert.equal(h.reauthenticate[0]?.challenge?.params["error"], "invalid_token");
    assert.deepEqual(h.seen.map((s) => s.status), [401], "no replay after a failed refresh");
    assert.equal((await demo.stats()).refreshes, 1, "only the refresh made before the test");

    // The failed refresh is not cached: with a good refresh token the next failure recovers.
    refreshToken = second.refresh_token;
    const response = await h.instance.get("/orders");
    assert.deepEqual(response.data, ORDERS);
    assert.equal(h.refreshCalls, 2);
    assert.equal(h.reauthenticate.length, 1);
    assert.equal((await demo.stats()).refreshes, 2);
  });
});

test("concurrent requests whose shared refresh fails all reject, each reported once", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const h = harness(demo, "expired", async () => {
      await sleep(100);
      return (await demo.refresh("rt-unknown")).access_token;
    });

    const results = await Promise.allSettled(Array.from({ length: 3 }, () => h.instance.get("/orders")));

    assert.ok(results.every((r) => r.status === "rejected"));
    assert.equal(h.refreshCalls, 1);
    assert.equal(h.reauthenticate.length, 3);
    assert.equal(h.seen.length, 3);
    assert.equal((await demo.stats()).refreshes, 0);
  });
});

test("insufficient_scope goes to onForbidden with the scope and never refreshes", async () => {
  await withDemo(60, async (demo) => {
    const pair = await demo.login("reader");
    const h = harness(demo, pair.access_token, async () => (await demo.refresh(pair.refresh_token)).access_token);
    const before = await demo.stats();

    const error = await rejection(h.instance.post("/orders", { item: "cake" }));

    assert.equal(error.response?.status, 403);
    assert.equal(error.response?.data.code, "INSUFFICIENT_SCOPE");
    assert.equal(h.forbidden.length, 1);
    const [info] = h.forbidden;
    assert.equal(info?.scope, "orders:write");
    assert.equal(info?.code, "INSUFFICIENT_SCOPE");
    assert.equal(info?.challenge?.params["error"], "insufficient_scope");
    assert.equal(h.refreshCalls, 0);
    assert.deepEqual(h.reauthenticate, []);
    assert.equal(h.seen.length, 1);
    const after = await demo.stats();
    assert.equal(after.refreshes, before.refreshes, "/stats refreshes unchanged");
    assert.deepEqual(after, { refreshes: 0, logins: 1 });
  });
});

test("a 401 with no error attribute (no token sent) goes to onReauthenticate", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const h = harness(demo, null, async () => assert.fail("refresh() must not be called"));

    const error = await rejection(h.instance.get("/orders"));

    assert.equal(error.response?.status, 401);
    // Every 401 names the demo's RFC 9728 metadata (§5.1): the resource's origin (the
    // demo's base URL by default) and /.well-known/oauth-protected-resource (§3.1).
    const metadata = `${demo.baseURL}/.well-known/oauth-protected-resource`;
    assert.equal(error.response?.headers["www-authenticate"], `Bearer realm="api", resource_metadata="${metadata}"`);
    assert.equal(h.refreshCalls, 0);
    assert.deepEqual(h.reauthenticate, [
      { status: 401, code: "TOKEN_MISSING", challenge: { scheme: "Bearer", params: { realm: "api", resource_metadata: metadata }, token68: null } },
    ]);
    assert.deepEqual(h.forbidden, []);
    assert.equal(h.seen.length, 1);
    assert.equal((await demo.stats()).refreshes, 0);
  });
});

test("a step-up demand (insufficient_user_authentication) goes to onReauthenticate without a refresh", async () => {
  await withDemo(60, async (demo) => {
    const pair = await demo.login("writer");
    const h = harness(demo, pair.access_token, async () => assert.fail("refresh() must not be called"));

    const error = await rejection(h.instance.get("/admin"));

    assert.equal(error.response?.status, 401);
    assert.equal(h.refreshCalls, 0);
    assert.equal(h.reauthenticate.length, 1);
    assert.equal(h.reauthenticate[0]?.code, "INSUFFICIENT_USER_AUTHENTICATION");
    assert.equal(h.reauthenticate[0]?.challenge?.params["acr_values"], "urn:example:mfa");
    assert.equal(h.reauthenticate[0]?.challenge?.params["max_age"], "300");
  });
});

test("without a readable WWW-Authenticate header the body code decides", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    const stripHeader = (instance: AxiosInstance): void => {
      // As a browser does for a cross-origin response whose header is not exposed.
      instance.interceptors.response.use(undefined, (error: unknown) => {
        if (axios.isAxiosError(error)) error.response?.headers["www-authenticate"] !== undefined && delete error.response.headers["www-authenticate"];
        throw error;
      });
    };
    // TOKEN_EXPIRED's action is refresh: refreshed and replayed.
    const h = harness(demo, "expired", async () => (await demo.refresh(pair.refresh_token)).access_token, stripHeader);
    assert.deepEqual((await h.instance.get("/orders")).data, ORDERS);
    assert.equal(h.refreshCalls, 1);

    // TOKEN_MISSING's action is reauthenticate; no challenge is reported.
    const anonymous = harness(demo, null, async () => assert.fail("refresh() must not be called"), stripHeader);
    await rejection(anonymous.instance.get("/orders"));
    assert.deepEqual(anonymous.reauthenticate, [{ status: 401, code: "TOKEN_MISSING" }]);
  });
});

test("the callback has run by the time the caller sees the rejection", async () => {
  await withDemo(60, async (demo) => {
    const pair = await demo.login("reader");
    const order: string[] = [];
    const instance = axios.create({ baseURL: demo.baseURL, headers: { Authorization: `Bearer ${pair.access_token}` } });
    installAuthInterceptor(instance, {
      refresh: async () => assert.fail("refresh() must not be called"),
      onForbidden: (info) => order.push(`forbidden ${info.scope}`),
    });
    await instance.post("/orders", {}).catch((e: unknown) => order.push(`rejected ${axios.isAxiosError(e) ? e.response?.status : "?"}`));
    assert.deepEqual(order, ["forbidden orders:write", "rejected 403"]);
  });
});

test("other failures pass through untouched", async () => {
  await withDemo(60, async (demo) => {
    const h = harness(demo, null, async () => assert.fail("refresh() must not be called"));

    const invalidRequest = await rejection(h.instance.post("/login", { user: "nobody" }));
    assert.equal(invalidRequest.response?.status, 400);
    assert.equal(invalidRequest.response?.data.code, "INVALID_REQUEST");
    const notFound = await rejection(h.instance.get("/nowhere"));
    assert.equal(notFound.response?.status, 404);
    const unreachable = await rejection(h.instance.get("http://127.0.0.1:9/orders"));
    assert.equal(unreachable.response, undefined);

    assert.equal(h.refreshCalls, 0);
    assert.deepEqual(h.reauthenticate, []);
    assert.deepEqual(h.forbidden, []);
  });
});

test("the returned function ejects the interceptor", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    const h = harness(demo, "expired", async () => (await demo.refresh(pair.refresh_token)).access_token);
    h.eject();

    const error = await rejection(h.instance.get("/orders"));

    assert.equal(error.response?.status, 401);
    assert.equal(h.refreshCalls, 0);
    assert.deepEqual(h.reauthenticate, []);
    assert.equal((await demo.stats()).refreshes, 0);
  });
});

// DPoP (RFC 9449) through the interceptor, against the demo's `GET /dpop`, which answers
// 401 `use_dpop_nonce` with a `DPoP-Nonce` unless the `DPoP` proof carries that nonce.

/** A proof-shaped JWT (unsigned: the demo reads only its `nonce`) for a request. */
function proofFor(request: DpopProofRequest): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
  return `${b64({ typ: "dpop+jwt", alg: "ES256" })}.${b64({ htm: request.method, htu: request.url, nonce: request.nonce ?? undefined, ath: request.accessToken ?? undefined })}.sig`;
}

/** The `nonce` claim of a proof as sent. */
function nonceOf(proof: string | null): unknown {
  const payload = proof?.split(".")[1];
  return payload === undefined ? undefined : (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { nonce?: unknown }).nonce;
}

/**
 * An axios instance with an observer (added first: it sees every raw response, and the
 * config it was sent with) and the interceptor with a `dpop` hook that records its calls.
 */
function dpopHarness(demo: Demo, token: string | null, dpop: (request: DpopProofRequest) => string, extra: Partial<AuthInterceptorOptions> = {}) {
  const instance = axios.create({ baseURL: demo.baseURL });
  if (token !== null) instance.defaults.headers.common["Authorization"] = `Bearer ${token}`;
  const sent: Array<{ url: string; status: number | undefined; dpop: string | null; authorization: string | null }> = [];
  const record = (config: { url?: string; headers?: unknown } | undefined, status: number | undefined): void => {
    const headers = config?.headers as { get?: (name: string) => unknown } | undefined;
    const dpopHeader = headers?.get?.("DPoP");
    const auth = headers?.get?.("Authorization");
    sent.push({ url: config?.url ?? "", status, dpop: typeof dpopHeader === "string" ? dpopHeader : null, authorization: typeof auth === "string" ? auth : null });
  };
  instance.interceptors.response.use(
    (response) => {
      record(response.config, response.status);
      return response;
    },
    (error: unknown) => {
      if (axios.isAxiosError(error)) record(error.config, error.response?.status);
      throw error;
    },
  );
  const asked: DpopProofRequest[] = [];
  const eject = installAuthInterceptor(instance, {
    refresh: async () => assert.fail("refresh() must not be called"),
    dpop: (request) => {
      asked.push(request);
      return dpop(request);
    },
    ...extra,
  });
  return { instance, sent, asked, eject };
}

test("use_dpop_nonce: one replay with a proof carrying the new DPoP-Nonce; later requests carry it at once", async () => {
  await withDemo(60, async (demo) => {
    const h = dpopHarness(demo, null, proofFor);

    const first = await h.instance.get("/dpop");
    const second = await h.instance.get("/dpop");

    assert.deepEqual([first.status, first.data, second.status], [200, { dpop: "ok" }, 200]);
    assert.deepEqual(
      h.sent.map((s) => [s.url, s.status]),
      [
        ["/dpop", 401],
        ["/dpop", 200],
        ["/dpop", 200],
      ],
      "one replay, then none",
    );
    const nonce = h.asked[1]?.nonce;
    assert.match(nonce ?? "", /^n-[0-9a-f]{16}$/);
    assert.deepEqual(
      h.asked.map((r) => [r.method, r.url, r.nonce]),
      [
        ["GET", `${demo.baseURL}/dpop`, null],
        ["GET", `${demo.baseURL}/dpop`, nonce],
        ["GET", `${demo.baseURL}/dpop`, nonce],
      ],
    );
    assert.deepEqual(h.sent.map((s) => nonceOf(s.dpop)), [undefined, nonce, nonce], "the proofs as sent");
    assert.equal(first.config.headers.get("DPoP"), proofFor(h.asked[1] as DpopProofRequest));
  });
});

test("use_dpop_nonce answered again after the replay: no second replay, the 401 rejects", async () => {
  await withDemo(60, async (demo) => {
    const h = dpopHarness(demo, null, () => "a.e30.sig"); // never carries the nonce

    const error = await rejection(h.instance.get("/dpop"));

    assert.equal(error.response?.status, 401);
    assert.equal(error.response?.data.code, "USE_DPOP_NONCE");
    assert.deepEqual(
      h.sent.map((s) => s.status),
      [401, 401],
    );
    assert.equal(h.asked.length, 2, "a proof for the send and one for the replay");
  });
});

test("without a dpop hook, use_dpop_nonce rejects as it is: no replay, no DPoP header", async () => {
  await withDemo(60, async (demo) => {
    const instance = axios.create({ baseURL: demo.baseURL });
    let sends = 0;
    instance.interceptors.response.use(
      (r) => r,
      (error: unknown) => {
        sends++;
        if (axios.isAxiosError(error)) assert.equal(error.config?.headers.get("DPoP"), undefined);
        throw error;
      },
    );
    installAuthInterceptor(instance, { refresh: async () => assert.fail("refresh() must not be called") });

    const error = await rejection(instance.get("/dpop"));

    assert.equal(error.response?.status, 401);
    assert.equal(sends, 1);
  });
});

test("with a dpop hook, a refresh replay's proof is made for the new access token", async () => {
  await withDemo(TTL_SECS, async (demo) => {
    const pair = await demo.login("reader");
    let fresh: TokenPair | undefined;
    const h = dpopHarness(demo, pair.access_token, proofFor, {
      refresh: async () => {
        fresh = await demo.refresh(pair.refresh_token);
        return fresh.access_token;
      },
    });
    await expire();

    const response = await h.instance.get("/orders");

    assert.equal(response.status, 200);
    assert.ok(fresh !== undefined);
    assert.deepEqual(
      h.sent.map((s) => [s.status, s.authorization]),
      [
        [401, `Bearer ${pair.access_token}`],
        [200, `Bearer ${fresh.access_token}`],
      ],
    );
    assert.deepEqual(
      h.asked.map((r) => r.accessToken),
      [pair.access_token, fresh.access_token],
    );
    assert.deepEqual(h.sent.map((s) => s.dpop), h.asked.map(proofFor));
  });
});

test("the returned function ejects the DPoP request interceptor too", async () => {
  await withDemo(60, async (demo) => {
    const h = dpopHarness(demo, null, proofFor);
    h.eject();

    const error = await rejection(h.instance.get("/dpop"));

    assert.equal(error.response?.status, 401);
    assert.deepEqual(h.asked, []);
    assert.deepEqual(
      h.sent.map((s) => s.dpop),
      [null],
    );
  });
});
