// The browser suite: Debian's Chromium (headless, through playwright-core; nothing is
// downloaded) loads a page from one 127.0.0.1 port that calls the demo API on another,
// so every request is cross-origin with CORS preflights, as from a dev server. Checks
// refresh + replay, single flight, 403, step-up, a failed refresh, reading the
// challenge cross-origin, the same through openapi-fetch with createAuthMiddleware, then
// two tabs with one single-use refresh token.
//
// Usage: node dist/browser/run.js axum|actix   (CHROMIUM overrides /usr/bin/chromium)
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { sleep, startDemo, type Demo, type DemoServer } from "../test/support.js";

/** dist/, which holds the compiled page and pack. */
const distDir = fileURLToPath(new URL("../", import.meta.url));
const pageDir = path.resolve(distDir, "../browser");
/** openapi-fetch's ESM build (no imports of its own), which the page's import map names. */
const openapiFetch = path.resolve(distDir, "../node_modules/openapi-fetch/dist/index.mjs");
const TTL_SECS = 2;
// The tokens are JWTs: `exp` is whole seconds (now + TTL, rounded down) and is accepted
// through its own second, so a token lives up to one second more than TTL_SECS.
const expire = (): Promise<void> => sleep((TTL_SECS + 1) * 1000 + 200);

/** The chromium flags: no network of its own, no first-run work, a fresh profile. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".map": "application/json" };

/** Serves the page and dist/ on a free 127.0.0.1 port: the page's own origin. */
async function servePage(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // The page at /browser/index.html imports ./page.js and ../generated/auth-errors.js from dist/.
    const file =
      url.pathname === "/browser/index.html"
        ? path.join(pageDir, "index.html")
        : url.pathname === "/vendor/openapi-fetch.js"
          ? openapiFetch
          : path.join(distDir, path.normalize(url.pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(distDir) && file !== path.join(pageDir, "index.html") && file !== openapiFetch) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no page server address");
  return { url: `http://127.0.0.1:${address.port}/browser/index.html`, server };
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

class Suite {
  readonly checks: Check[] = [];

  check(name: string, ok: boolean, detail: unknown): void {
    this.checks.push({ name, ok, detail: typeof detail === "string" ? detail : JSON.stringify(detail) });
    console.log(`${ok ? "ok    " : "FAILED"} ${name}${ok ? "" : `: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`}`);
  }

  equal(name: string, actual: unknown, expected: unknown): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    this.check(name, a === e, `got ${a}, expected ${e}`);
  }
}

type PageApi = Window["authErrorsPage"];

/** Calls one of the page's functions. */
function call<K extends keyof PageApi>(page: Page, name: K, ...args: Parameters<PageApi[K]>): Promise<Awaited<ReturnType<PageApi[K]>>> {
  return page.evaluate(
    ([fn, a]) => {
      const api = window.authErrorsPage as unknown as Record<string, (...x: unknown[]) => unknown>;
      return api[fn as string]?.(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<PageApi[K]>>>;
}

async function openTab(context: BrowserContext, pageUrl: string, api: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.title === "ready");
  await call(page, "setApi", api);
  return page;
}

async function run(server: DemoServer): Promise<Suite> {
  const suite = new Suite();
  const demo: Demo = await startDemo(TTL_SECS, server);
  const { url: pageUrl, server: pageServer } = await servePage();
  const profile = mkdtempSync(path.join(tmpdir(), "auth-errors-chromium-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env["CHROMIUM"] ?? "/usr/bin/chromium",
      headless: true,
      args: FLAGS,
    });
    const tab = await openTab(context, pageUrl, demo.baseURL);
    const features = await call(tab, "features");
    suite.check("the page is on another origin than the API, in a secure context with Web Locks and BroadcastChannel", features.origin !== new URL(demo.baseURL).origin && features.secure && features.locks && features.broadcast, features);

    // Cross-origin reads of the challenge and the other exposed headers.
    // Every 401 names the demo's RFC 9728 metadata (§5.1): the resource's origin (the
    // demo's base URL by default) and /.well-known/oauth-protected-resource (§3.1).
    const metadata = `resource_metadata="${demo.baseURL}/.well-known/oauth-protected-resource"`;
    const missing = await call(tab, "headers", "/orders", null, ["www-authenticate"]);
    suite.equal("WWW-Authenticate is readable cross-origin (no token)", missing, { status: "401", "www-authenticate": `Bearer realm="api", ${metadata}` });
    const expired = await call(tab, "headers", "/orders", "Bearer expired", ["www-authenticate"]);
    suite.equal("WWW-Authenticate is readable cross-origin (Authorization sent after a preflight)", expired, {
      status: "401",
      "www-authenticate": `Bearer realm="api", error="invalid_token", error_description="The access token expired", ${metadata}`,
    });
    const busy = await call(tab, "headers", "/busy/browser?retry_after=7", null, ["retry-after"]);
    suite.equal("Retry-After is readable cross-origin", busy, { status: "429", "retry-after": "7" });
    const dpop = await call(tab, "headers", "/dpop", null, ["dpop-nonce"]);
    suite.check("DPoP-Nonce is readable cross-origin", dpop["status"] === "401" && /^n-[0-9a-f]{16}$/.test(dpop["dpop-nonce"] ?? ""), dpop);

    // A JSON POST (preflighted) logs in; a call with the token succeeds.
    const tokens = await call(tab, "login", "reader");
    suite.check("a JSON POST /login passes its preflight", typeof tokens.access_token === "string", tokens);
    const first = await call(tab, "call", "GET", "/orders");
    suite.equal("a call with the token", first.status, 200);

    // Expiry: refresh + replay.
    await expire();
    await call(tab, "reset");
    const replayed = await call(tab, "call", "GET", "/orders");
    let log = await call(tab, "log");
    suite.equal("after expiry: refreshed once and replayed (status, /token calls, API calls)", [replayed.status, log.refreshCalls, log.apiCalls], [200, 1, 2]);
    suite.equal("the server counted one refresh", await demo.stats(), { refreshes: 1, logins: 1 });

    // Single flight.
    await expire();
    await call(tab, "reset");
    const statuses = await call(tab, "burst", 10, "/orders");
    log = await call(tab, "log");
    suite.equal("single flight: 10 concurrent requests after expiry, one refresh, each replayed once", [statuses, log.refreshCalls, log.apiCalls], [Array(10).fill(200), 1, 20]);
    suite.equal("the server counted one more refresh", (await demo.stats()).refreshes, 2);

    // 403 and step-up.
    await call(tab, "reset");
    const forbidden = await call(tab, "call", "POST", "/orders", { item: "cake" });
    log = await call(tab, "log");
    suite.equal("403 insufficient_scope goes to onForbidden with the scope, no refresh", [forbidden.status, log.forbidden.map((f) => f.scope), log.refreshCalls, log.apiCalls], [403, ["orders:write"], 0, 1]);
    await call(tab, "reset");
    const stepUp = await call(tab, "call", "GET", "/admin");
    log = await call(tab, "log");
    suite.equal("step-up goes to onStepUp with acr_values and max_age", [stepUp.status, log.stepUp.map((s) => [s.acr_values, s.max_age]), log.refreshCalls], [401, [["urn:example:mfa", 300]], 0]);

    // The same rules through openapi-fetch with createAuthMiddleware (client.use).
    await expire();
    await call(tab, "reset");
    const viaMiddleware = await call(tab, "middlewareCall", "GET", "/orders");
    log = await call(tab, "log");
    suite.equal(
      "openapi-fetch middleware: after expiry, refreshed once and replayed (status, body, /token calls, API calls)",
      [viaMiddleware.status, viaMiddleware.body, log.refreshCalls, log.apiCalls],
      [200, [{ id: 1, item: "coffee" }, { id: 2, item: "tea" }], 1, 2],
    );
    await expire();
    await call(tab, "reset");
    const middlewareStatuses = await call(tab, "middlewareBurst", 10, "/orders");
    log = await call(tab, "log");
    suite.equal("openapi-fetch middleware: 10 concurrent requests after expiry, one refresh, each replayed once", [middlewareStatuses, log.refreshCalls, log.apiCalls], [Array(10).fill(200), 1, 20]);
    await call(tab, "reset");
    const middlewareForbidden = await call(tab, "middlewareCall", "POST", "/orders", { item: "cake" });
    log = await call(tab, "log");
    suite.equal("openapi-fetch middleware: 403 goes to onForbidden with the scope, no refresh", [middlewareForbidden.status, log.forbidden.map((f) => f.scope), log.refreshCalls, log.apiCalls], [403, ["orders:write"], 0, 1]);
    suite.equal("the server counted the middleware's two refreshes", (await demo.stats()).refreshes, 4);

    // A failed refresh: onReauthenticate once, no loop.
    const spent = await call(tab, "tokens");
    await demo.refresh(spent?.refresh_token ?? "");
    await expire();
    await call(tab, "reset");
    const failed = await call(tab, "call", "GET", "/orders");
    await sleep(300);
    log = await call(tab, "log");
    suite.equal("a failed refresh goes to onReauthenticate once, with no loop (status, reasons, /token, API calls)", [failed.status, log.reauthenticate.map((r) => r.code), log.refreshCalls, log.apiCalls], [401, ["TOKEN_EXPIRED"], 1, 1]);

    // Two tabs, one single-use refresh token.
    await call(tab, "login", "reader");
    const other = await openTab(context, pageUrl, demo.baseURL);
    const before = await demo.stats();
    const shared = await call(other, "tokens");
    suite.check("the second tab sees the first tab's tokens (localStorage)", shared !== null && shared.access_token === (await call(tab, "tokens"))?.access_token, shared);
    await expire();
    await Promise.all([call(tab, "reset"), call(other, "reset")]);
    const [a, b] = await Promise.all([call(tab, "burst", 10, "/orders"), call(other, "burst", 10, "/orders")]);
    const [logA, logB] = await Promise.all([call(tab, "log"), call(other, "log")]);
    const after = await demo.stats();
    suite.equal("two tabs: all 20 requests succeed", [...a, ...b], Array(20).fill(200));
    suite.equal("two tabs: exactly one POST /token across both (server count)", after.refreshes - before.refreshes, 1);
    suite.equal("two tabs: one /token call from the pages", logA.refreshCalls + logB.refreshCalls, 1);
    const [ta, tb] = await Promise.all([call(tab, "tokens"), call(other, "tokens")]);
    suite.check("two tabs: both end with the same new token", ta !== null && tb !== null && ta.access_token === tb.access_token && ta.access_token !== shared?.access_token, [ta?.access_token, tb?.access_token]);
    suite.equal("two tabs: no tab is logged out", [logA.reauthenticate, logB.reauthenticate], [[], []]);
    // The tab that refreshed told the other on the BroadcastChannel.
    let heard: string[][] = [];
    for (let i = 0; i < 20; i++) {
      heard = (await Promise.all([call(tab, "log"), call(other, "log")])).map((l) => l.tokenEvents);
      if (heard.every((events) => events.length > 0)) break;
      await sleep(50);
    }
    suite.equal("two tabs: both heard of the new token (own refresh, BroadcastChannel)", heard, [[ta?.access_token], [ta?.access_token]]);
  } catch (e) {
    suite.check("the suite ran to its end", false, e instanceof Error ? (e.stack ?? e.message) : String(e));
  } finally {
    await context?.close();
    pageServer.close();
    await demo.stop();
    rmSync(profile, { recursive: true, force: true });
  }
  return suite;
}

const server = process.argv[2] === "actix" ? "actix" : "axum";
const started = Date.now();
const suite = await run(server);
const passed = suite.checks.filter((c) => c.ok).length;
const failed = suite.checks.length - passed;
console.log(`browser suite against the demo (${server}): ${suite.checks.length} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
