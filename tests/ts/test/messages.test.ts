// Issue 15, the client side: the pack's message tables, rendered from the demo's catalog
// (demo/api.yaml, with demo/locales/fr.yaml and zh.yaml) and from a fixture with two
// locale files (tests/fixtures/docs/localized.yaml). The types reject a message call
// with missing, extra or mistyped params (`@ts-expect-error` fails the build when the
// line compiles); the functions give the text both real demo servers send for the same
// language, and pick a language from a user's preferences as the server does from
// Accept-Language.
import { describe, test } from "node:test";
import * as assert from "node:assert/strict";
import {
  DEFAULT_LOCALE,
  ERRORS,
  LOCALES,
  MESSAGES,
  errorMessage,
  parseWwwAuthenticate,
  pickLocale,
  type ErrorCode,
  type ErrorParams,
  type Locale,
} from "../generated/demo-api.js";
import * as fixture from "../generated/catalogs/docs-localized.js";
import { assertType, startDemo, type DemoServer, type Equals } from "./support.js";


assertType<Equals<Locale, "en" | "fr" | "zh">>(true);
assertType<Equals<ErrorParams["INSUFFICIENT_SCOPE"], { readonly scope: string }>>(true);
assertType<Equals<ErrorParams["TOKEN_MISSING"], Record<string, never>>>(true);
assertType<
  Equals<fixture.ErrorParams["NEEDS_SCOPE"], { readonly scope: string; readonly resource: string; readonly limit: number }>
>(true);
assertType<Equals<fixture.ErrorParams["RATE_LIMITED"], { readonly seconds: number }>>(true);
assertType<Equals<fixture.Locale, "en" | "fr" | "de-CH">>(true);

// Never run: each line must fail to type-check.
if (Math.random() > 2) {
  // @ts-expect-error INSUFFICIENT_SCOPE's message needs its scope.
  errorMessage("INSUFFICIENT_SCOPE", {}, "fr");
  // @ts-expect-error TOKEN_MISSING's message takes no param.
  errorMessage("TOKEN_MISSING", { scope: "orders:read" });
  // @ts-expect-error not a code of the catalog.
  errorMessage("NO_SUCH_CODE", {});
  // @ts-expect-error a limit is a number.
  fixture.errorMessage("NEEDS_SCOPE", { scope: "a", resource: "b", limit: "3" });
  // @ts-expect-error a concealed code never reaches a client, so the pack does not name it.
  fixture.errorMessage("ORDER_HIDDEN", {});
}

describe("the demo catalog's message tables", () => {
  test("name the catalog's languages, its own first", () => {
    assert.deepEqual(LOCALES, ["en", "fr", "zh"]);
    assert.equal(DEFAULT_LOCALE, "en");
  });

  test("the default table has every code the pack names", () => {
    for (const code of Object.keys(ERRORS) as ErrorCode[]) {
      assert.ok(MESSAGES.en[code] !== undefined, code);
    }
  });

  test("pickLocale looks up each preference, then its prefixes, as the server does", () => {
    assert.equal(pickLocale("fr-CH"), "fr");
    assert.equal(pickLocale(["de", "zh-Hant-TW"]), "zh");
    assert.equal(pickLocale(["FR"]), "fr");
    assert.equal(pickLocale("de"), "en");
    assert.equal(pickLocale([]), "en");
    assert.equal(pickLocale(), "en");
  });

  for (const server of ["axum", "actix"] as DemoServer[]) {
    test(`${server}: errorMessage gives the text the server sends in each language`, async () => {
      const demo = await startDemo(60, server);
      try {
        const ask = async (headers: Record<string, string>, method = "GET"): Promise<{ status: number; language: string | null; body: { code: ErrorCode; message: string }; challenge: string | null }> => {
          const response = await fetch(`${demo.baseURL}/orders`, { method, headers });
          return {
            status: response.status,
            language: response.headers.get("content-language"),
            body: (await response.json()) as { code: ErrorCode; message: string },
            challenge: response.headers.get("www-authenticate"),
          };
        };
        for (const [acceptLanguage, picked] of [
          ["fr", "fr"],
          ["zh", "zh"],
          ["en", "en"],
          ["fr-CH;q=0.9, de;q=0.8", "fr"],
        ] as const) {
          const answer = await ask({ "accept-language": acceptLanguage });
          assert.equal(answer.status, 401);
          assert.equal(answer.body.code, "TOKEN_MISSING");
          assert.equal(answer.language, picked, acceptLanguage);
          assert.equal(pickLocale(acceptLanguage.split(",")[0]?.split(";")[0] ?? ""), picked);
          assert.equal(answer.body.message, errorMessage("TOKEN_MISSING", {}, picked), acceptLanguage);
        }
        // A param: the scope the challenge names fills the translated message.
        const { access_token } = await demo.login("reader");
        for (const language of LOCALES) {
          const answer = await ask({ authorization: `Bearer ${access_token}`, "accept-language": language }, "POST");
          assert.equal(answer.status, 403);
          assert.equal(answer.body.code, "INSUFFICIENT_SCOPE");
          const scope = parseWwwAuthenticate(answer.challenge ?? "")[0]?.params["scope"];
          assert.equal(scope, "orders:write");
          assert.equal(answer.body.message, errorMessage("INSUFFICIENT_SCOPE", { scope: scope ?? "" }, language), language);
        }
        // The translations differ from the catalog's own text: the test above could not
        // pass by every table holding the English.
        assert.notEqual(errorMessage("TOKEN_MISSING", {}, "fr"), errorMessage("TOKEN_MISSING", {}, "en"));
        assert.notEqual(errorMessage("TOKEN_MISSING", {}, "zh"), errorMessage("TOKEN_MISSING", {}, "en"));
      } finally {
        await demo.stop();
      }
    });
  }
});

describe("a fixture's tables: params of each type, fallback, hidden and concealed entries", () => {
  const needs = { scope: "orders:read", resource: "invoices", limit: 5 } as const;

  test("a translation is filled with the params, numbers as the server writes them", () => {
    // Expected text written from tests/fixtures/docs/locales/fr.yaml by hand.
    assert.equal(fixture.errorMessage("NEEDS_SCOPE", needs, "fr"), "Il faut orders:read pour invoices (limite 5)");
    assert.equal(fixture.errorMessage("NEEDS_SCOPE", needs), "Needs orders:read for invoices (limit 5)");
    // `{{` and `}}` are literal braces.
    assert.equal(fixture.errorMessage("RATE_LIMITED", { seconds: 30 }, "fr"), "Ralentissez : réessayez dans 30 s, {pas un param}");
    assert.equal(fixture.errorMessage("RATE_LIMITED", { seconds: 30 }, "en"), "Slow down: retry in 30s, {not a param}");
    assert.equal(fixture.errorMessage("TOKEN_EXPIRED", {}, "fr"), "Le jeton d'accès a expiré : « renouvelez-le »");
  });

  test("a code a locale leaves out falls back to the catalog's own text", () => {
    assert.equal(fixture.errorMessage("TOKEN_EXPIRED", {}, "de-CH"), "Das Zugriffstoken ist abgelaufen");
    assert.equal(fixture.errorMessage("NEEDS_SCOPE", needs, ["de-CH"]), "Needs orders:read for invoices (limit 5)");
    assert.equal(fixture.pickLocale("de-CH-x-private"), "de-CH");
    assert.equal(fixture.pickLocale("de"), "en", "de does not match de-CH (lookup, not filtering)");
  });

  test("titles: the translation's, else the catalog's", () => {
    assert.equal(fixture.errorTitle("TOKEN_EXPIRED", "fr"), "Jeton expiré");
    assert.equal(fixture.errorTitle("TOKEN_EXPIRED", "de-CH"), "Token expired");
    assert.equal(fixture.errorTitle("RATE_LIMITED", "fr"), "Too Many Requests");
  });

  test("a hidden 5xx message stays hidden in every language", () => {
    assert.equal(fixture.errorMessage("INTERNAL", {}, "fr"), "An internal error occurred");
    assert.equal(fixture.MESSAGES.fr.INTERNAL, undefined);
    assert.ok(!JSON.stringify(Object.keys(fixture.MESSAGES.fr)).includes("ORDER_HIDDEN"));
  });
});
