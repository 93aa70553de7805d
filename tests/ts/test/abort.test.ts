// AbortSignal after a garbage collection, on Node's own fetch (undici). Node lets a
// Request's signal stop following the signal it was made with once that Request is
// collected, and a clone's signal once any collection runs (nodejs/undici#3644,
// #4068). The pack makes Requests and clones of its own, so each phase of a request
// (the first send, the Retry-After wait, the replay) is aborted here after forced
// collections, through createAuthFetch and through openapi-fetch's middleware. Run with
// `node --expose-gc` (run.sh does); without it every test fails at once.
//
// The server is a plain node:http stub on 127.0.0.1 that can hold a request unanswered:
// what is under test is the client, and the demo answers every request at once.
import { describe, test } from "node:test";
import * as assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { createAuthFetch, createAuthMiddleware, memoryTokenStore, type AuthFetchOptions } from "../generated/auth-errors.js";
import { sleep } from "./support.js";

/** Long enough that a wait or a held request is still going when the test looks. */
const RETRY_AFTER_SECS = 5;

/** Runs every collection Node will do now, a few times with turns of the event loop between. */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("global.gc is missing: run node with --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(20);
  }
}

/** A request the stub saw: its path, and whether the client closed it before an answer. */
interface Seen {
  path: string;
  closedEarly: boolean;
}

/**
 * The stub: `/hang` is never answered; `/later/{key}` answers its first request 503 with
 * `Retry-After` (`?after=` seconds) and holds every later one unanswered.
 */
async function startStub(): Promise<{ baseURL: string; seen: Seen[]; stop(): Promise<void> }> {
  const seen: Seen[] = [];
  const answered = new Set<string>();
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://stub");
    const entry: Seen = { path: url.pathname, closedEarly: false };
    seen.push(entry);
    res.on("close", () => {
      if (!res.writableEnded) entry.closedEarly = true;
    });
    if (url.pathname.startsWith("/later/") && !answered.has(url.pathname)) {
      answered.add(url.pathname);
      res.writeHead(503, { "content-type": "application/json", "retry-after": url.searchParams.get("after") ?? "0" });
      res.end("{}");
      return;
    }
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    seen,
    stop: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Starts `request`, lets it reach the phase under test, collects garbage, aborts, and
 * returns how it settled within a second: the error's name, "resolved", or "pending"
 * (the wait and the held requests last far longer, so "pending" means the abort was lost).
 */
async function abortAfterCollection(start: (signal: AbortSignal) => Promise<unknown>, phaseMs: number): Promise<string> {
  const controller = new AbortController();
  const outcome = start(controller.signal).then(
    () => "resolved",
    (e: unknown) => (e instanceof Error ? e.name : String(e)),
  );
  await sleep(phaseMs);
  await collectGarbage();
  controller.abort();
  return Promise.race([outcome, sleep(1000).then(() => "pending")]);
}

/** Every stub path: one GET taking `?after=`. */
type StubPaths = Record<string, { get: { parameters: { query: { after: number } }; responses: { 503: { content: { "application/json": unknown } } } } }>;

/** Polls `done` until it holds or two seconds pass: the stub hears of a close a little after the client. */
async function eventually(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 2000; waited += 20) await sleep(20);
}

function options(): AuthFetchOptions<typeof fetch> {
  return {
    store: memoryTokenStore({ access_token: "a-token", refresh_token: "r-token" }),
    broadcast: false,
    refresh: () => Promise.reject(new Error("no refresh in these tests")),
  };
}

async function withStub(body: (stub: Awaited<ReturnType<typeof startStub>>) => Promise<void>): Promise<void> {
  const stub = await startStub();
  try {
    await body(stub);
  } finally {
    await stub.stop();
  }
}

describe("AbortSignal after garbage collection (Node's fetch)", { concurrency: true }, () => {
  test("createAuthFetch: aborted during the first send, the request is closed", async () => {
    await withStub(async (stub) => {
      const authFetch = createAuthFetch(fetch, options());
      const outcome = await abortAfterCollection((signal) => authFetch(`${stub.baseURL}/hang`, { signal }), 200);
      assert.equal(outcome, "AbortError");
      await eventually(() => stub.seen[0]?.closedEarly === true);
      assert.deepEqual(stub.seen, [{ path: "/hang", closedEarly: true }]);
    });
  });

  test("createAuthFetch: aborted during the Retry-After wait, nothing is replayed", async () => {
    await withStub(async (stub) => {
      const authFetch = createAuthFetch(fetch, options());
      const url = `${stub.baseURL}/later/wait?after=${RETRY_AFTER_SECS}`;
      const outcome = await abortAfterCollection((signal) => authFetch(url, { signal }), 300);
      assert.equal(outcome, "AbortError");
      await sleep(100);
      assert.deepEqual(stub.seen, [{ path: "/later/wait", closedEarly: false }]);
    });
  });

  test("createAuthFetch: a Request made with the signal and not kept, aborted during the wait", async () => {
    await withStub(async (stub) => {
      const authFetch = createAuthFetch(fetch, options());
      const url = `${stub.baseURL}/later/request?after=${RETRY_AFTER_SECS}`;
      const outcome = await abortAfterCollection((signal) => authFetch(new Request(url, { signal })), 300);
      assert.equal(outcome, "AbortError");
      await sleep(100);
      assert.deepEqual(stub.seen, [{ path: "/later/request", closedEarly: false }]);
    });
  });

  test("createAuthFetch: aborted during the replay, the replay is closed", async () => {
    await withStub(async (stub) => {
      const authFetch = createAuthFetch(fetch, options());
      const outcome = await abortAfterCollection((signal) => authFetch(`${stub.baseURL}/later/replay?after=0`, { signal }), 300);
      assert.equal(outcome, "AbortError");
      await eventually(() => stub.seen[1]?.closedEarly === true);
      assert.deepEqual(stub.seen, [
        { path: "/later/replay", closedEarly: false },
        { path: "/later/replay", closedEarly: true },
      ]);
    });
  });

  test("openapi-fetch middleware: aborted during the Retry-After wait, nothing is replayed", async () => {
    await withStub(async (stub) => {
      const api = createClient<StubPaths>({ baseUrl: stub.baseURL });
      api.use(createAuthMiddleware(fetch, options()));
      const path = "/later/mw-wait";
      const outcome = await abortAfterCollection((signal) => api.GET(path, { signal, params: { query: { after: RETRY_AFTER_SECS } } }), 300);
      assert.equal(outcome, "AbortError");
      await sleep(100);
      assert.deepEqual(stub.seen, [{ path, closedEarly: false }]);
    });
  });

  test("openapi-fetch middleware: aborted during the replay, the replay is closed", async () => {
    await withStub(async (stub) => {
      const api = createClient<StubPaths>({ baseUrl: stub.baseURL });
      api.use(createAuthMiddleware(fetch, options()));
      const path = "/later/mw-replay";
      const outcome = await abortAfterCollection((signal) => api.GET(path, { signal, params: { query: { after: 0 } } }), 300);
      assert.equal(outcome, "AbortError");
      await eventually(() => stub.seen[1]?.closedEarly === true);
      assert.deepEqual(stub.seen, [
        { path, closedEarly: false },
        { path, closedEarly: true },
      ]);
    });
  });
});
