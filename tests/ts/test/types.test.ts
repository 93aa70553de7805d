// Type-level checks: this file must compile under tsc --strict (the suite fails to
// build otherwise); `@ts-expect-error` lines prove what the types reject. The runtime
// assertions check that the metadata matches the catalog.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import axios from "axios";
import {
  ERRORS,
  installAuthInterceptor,
  isErrorBody,
  isErrorCode,
  parseWwwAuthenticate,
  WwwAuthenticateParseError,
  type AuthInterceptorOptions,
  type Challenge,
  type ClientAction,
  type ErrorBody,
  type ErrorCode,
  type ErrorMeta,
  type ForbiddenInfo,
  type ReauthenticateReason,
} from "../generated/auth-errors.js";
import { assertType, type Equals } from "./support.js";


// The codes are a closed union of the catalog's codes.
assertType<
  Equals<
    ErrorCode,
    | "TOKEN_MISSING"
    | "TOKEN_EXPIRED"
    | "TOKEN_INVALID"
    | "TOKEN_REVOKED"
    | "INSUFFICIENT_SCOPE"
    | "INVALID_REQUEST"
    | "INSUFFICIENT_USER_AUTHENTICATION"
    | "DPOP_PROOF_INVALID"
    | "DPOP_NONCE_REQUIRED"
    | "BEARER_OR_DPOP_REQUIRED"
    | "AUTH_UNAVAILABLE"
    | "AUTH_SERVER_ERROR"
  >
>(true);
assertType<Equals<ClientAction, "refresh" | "reauthenticate" | "forbidden" | "retry" | "none">>(true);

// Metadata is typed per code, and read-only.
assertType<Equals<(typeof ERRORS)["TOKEN_EXPIRED"]["action"], ClientAction>>(true);
assertType<Equals<(typeof ERRORS)["INSUFFICIENT_SCOPE"], ErrorMeta>>(true);
assertType<Equals<ErrorMeta["error"], string | null>>(true);
assertType<Equals<ErrorMeta["params"], readonly string[]>>(true);
const expiredAction: ClientAction = ERRORS["TOKEN_EXPIRED"].action;
const scopeStatus: number = ERRORS.INSUFFICIENT_SCOPE.status;

/** Never called: statements that must (not) compile, kept from running. */
function compileOnly(): void {
  // @ts-expect-error: not a code of the catalog
  void ERRORS["NOT_A_CODE"];
  // @ts-expect-error: metadata is read-only
  ERRORS.TOKEN_EXPIRED.action = "none";
  // @ts-expect-error: params are read-only
  ERRORS.INSUFFICIENT_SCOPE.params.push("x");
  // @ts-expect-error: not an action
  const badAction: ClientAction = "logout";
  void badAction;
  // @ts-expect-error: not a code
  const badBody: ErrorBody = { code: "NOPE", message: "x" };
  void badBody;
  // @ts-expect-error: header lines are strings
  parseWwwAuthenticate([1]);
  const instance = axios.create();
  // @ts-expect-error: refresh is required
  installAuthInterceptor(instance, {});
  // @ts-expect-error: refresh resolves to a string
  installAuthInterceptor(instance, { refresh: async () => 42 });
  const eject: () => void = installAuthInterceptor(instance, {
    refresh: async () => "token",
    onReauthenticate: (reason) => {
      const status: number = reason.status;
      const challenge: Challenge | undefined = reason.challenge;
      void status;
      void challenge;
    },
    onForbidden: (info) => {
      const scope: string | null = info.scope;
      void scope;
    },
  });
  eject();
}
void compileOnly;

// The body's code is the union; guards narrow unknown values.
assertType<Equals<ErrorBody["code"], ErrorCode>>(true);
function codeOf(value: unknown): ErrorCode | undefined {
  if (isErrorBody(value)) {
    assertType<Equals<typeof value, ErrorBody>>(true);
    return value.code;
  }
  if (isErrorCode(value)) {
    assertType<Equals<typeof value, ErrorCode>>(true);
    return value;
  }
  return undefined;
}

// Exhaustive over the actions: adding one breaks this switch.
function describe(action: ClientAction): string {
  switch (action) {
    case "refresh":
      return "refresh and retry once";
    case "reauthenticate":
      return "sign in";
    case "forbidden":
      return "give up";
    case "retry":
      return "retry later";
    case "none":
      return "report";
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

// The parser's types.
assertType<Equals<ReturnType<typeof parseWwwAuthenticate>, Challenge[]>>(true);
assertType<Equals<Parameters<typeof parseWwwAuthenticate>[0], string | readonly string[]>>(true);
assertType<Equals<Challenge["token68"], string | null>>(true);
assertType<Equals<WwwAuthenticateParseError["line"], number>>(true);

// The interceptor's options: refresh is required and resolves to the token.
assertType<Equals<AuthInterceptorOptions["refresh"], () => Promise<string>>>(true);
assertType<Equals<ReauthenticateReason["code"], ErrorCode | string | undefined>>(true);
assertType<Equals<ForbiddenInfo["scope"], string | null>>(true);

test("the metadata follows the standard catalog", () => {
  assert.equal(expiredAction, "refresh");
  assert.equal(scopeStatus, 403);
  assert.deepEqual(ERRORS.TOKEN_MISSING, {
    status: 401,
    error: null,
    action: "reauthenticate",
    title: "Authentication required",
    deprecated: false,
    params: [],
  });
  assert.deepEqual(ERRORS.INSUFFICIENT_SCOPE.params, ["scope"]);
  assert.equal(ERRORS.INSUFFICIENT_SCOPE.error, "insufficient_scope");
  assert.equal(ERRORS.INSUFFICIENT_USER_AUTHENTICATION.action, "reauthenticate");
  assert.equal(ERRORS.INVALID_REQUEST.action, "none");
  for (const code of ["TOKEN_EXPIRED", "TOKEN_INVALID", "TOKEN_REVOKED"] as const) {
    assert.equal(ERRORS[code].action, "refresh");
    assert.equal(ERRORS[code].error, "invalid_token");
  }
  assert.deepEqual(Object.keys(ERRORS), [
    "TOKEN_MISSING",
    "TOKEN_EXPIRED",
    "TOKEN_INVALID",
    "TOKEN_REVOKED",
    "INSUFFICIENT_SCOPE",
    "INVALID_REQUEST",
    "INSUFFICIENT_USER_AUTHENTICATION",
    "DPOP_PROOF_INVALID",
    "DPOP_NONCE_REQUIRED",
    "BEARER_OR_DPOP_REQUIRED",
    "AUTH_UNAVAILABLE",
    "AUTH_SERVER_ERROR",
  ]);
  // RFC 9449 §7.1 and §8: the DPoP error codes; a nonce answer is retried with a new proof.
  assert.equal(ERRORS.DPOP_PROOF_INVALID.error, "invalid_dpop_proof");
  assert.equal(ERRORS.DPOP_NONCE_REQUIRED.error, "use_dpop_nonce");
  assert.equal(ERRORS.DPOP_NONCE_REQUIRED.action, "retry");
  // §7.2: a request without credentials gets both challenges and no error code.
  assert.equal(ERRORS.BEARER_OR_DPOP_REQUIRED.error, null);
  assert.equal(ERRORS.BEARER_OR_DPOP_REQUIRED.status, 401);
  // Token validation that could not run is not the client's fault: no challenge, retry later.
  assert.equal(ERRORS.AUTH_UNAVAILABLE.status, 503);
  assert.equal(ERRORS.AUTH_UNAVAILABLE.error, null);
  assert.equal(ERRORS.AUTH_UNAVAILABLE.action, "retry");
  assert.equal(ERRORS.AUTH_SERVER_ERROR.status, 500);
  assert.equal(ERRORS.AUTH_SERVER_ERROR.action, "none");
});

test("the guards accept the catalog's codes and bodies only", () => {
  assert.equal(codeOf({ code: "TOKEN_EXPIRED", message: "Access token expired" }), "TOKEN_EXPIRED");
  assert.equal(codeOf("INSUFFICIENT_SCOPE"), "INSUFFICIENT_SCOPE");
  assert.equal(codeOf({ code: "NOPE", message: "x" }), undefined);
  assert.equal(codeOf({ code: "TOKEN_EXPIRED" }), undefined);
  assert.equal(isErrorCode("toString"), false);
  assert.equal(isErrorCode("__proto__"), false);
  assert.equal(isErrorCode(null), false);
  assert.equal(describe(ERRORS.TOKEN_REVOKED.action), "refresh and retry once");
});
