// The TypeScript parser against the shared vectors: the same challenges, and the same
// line and byte offset for every malformed value, as the Rust parser.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseWwwAuthenticate, WwwAuthenticateParseError, type Challenge } from "../generated/auth-errors.js";
import { workspaceRoot } from "./support.js";

interface ParseCase {
  name: string;
  input: string | string[];
  expect?: Challenge[];
  error?: { line: number; offset: number };
}

const vectors = JSON.parse(readFileSync(path.join(workspaceRoot, "tests/vectors/challenges.json"), "utf8")) as {
  parse: ParseCase[];
};

/** Plain data, so deepEqual compares what a JSON reader of the vectors sees. */
function plain(challenges: Challenge[]): Challenge[] {
  return challenges.map((c) => ({ scheme: c.scheme, params: { ...c.params }, token68: c.token68 }));
}

test("the vectors have parse cases", () => {
  assert.ok(vectors.parse.length >= 50, `only ${vectors.parse.length} parse cases`);
});

for (const c of vectors.parse) {
  test(`vector ${c.name}`, () => {
    if (c.error !== undefined) {
      assert.throws(
        () => parseWwwAuthenticate(c.input),
        (e: unknown) => {
          assert.ok(e instanceof WwwAuthenticateParseError, `not a WwwAuthenticateParseError: ${String(e)}`);
          assert.deepEqual({ line: e.line, offset: e.offset }, c.error, e.message);
          return true;
        },
      );
    } else {
      assert.ok(c.expect !== undefined, "a case has expect or error");
      assert.deepEqual(plain(parseWwwAuthenticate(c.input)), c.expect);
    }
  });
}

test("a one-line array parses like the string", () => {
  for (const c of vectors.parse) {
    if (typeof c.input !== "string") continue;
    let fromString: unknown;
    let fromArray: unknown;
    try {
      fromString = plain(parseWwwAuthenticate(c.input));
    } catch (e) {
      fromString = e;
    }
    try {
      fromArray = plain(parseWwwAuthenticate([c.input]));
    } catch (e) {
      fromArray = e;
    }
    assert.deepEqual(fromArray, fromString, c.name);
  }
});

test("errors say what and where, like the Rust Display", () => {
  const cases: Array<[string | string[], string, string]> = [
    ['Bearer realm="abc', "unterminated-quoted-string", "byte 13: quoted-string has no closing '\"'"],
    ['Bearer realm="a" error="b"', "expected-comma", "byte 17: expected ',' or the end of the value"],
    ['Bearer realm="x", REALM="y"', "duplicate-param", "byte 18: parameter 'realm' appears more than once in one challenge"],
    ["Newauth a=b/c", "expected-comma", "byte 11: expected ',' or the end of the value"],
    ["Bearer realm=/api", "expected-value", "byte 13: expected a token or a quoted-string after '='"],
    ['"Basic"', "expected-scheme", "byte 0: expected an auth-scheme token"],
    ['Bearer realm="a\rb"', "invalid-quoted-char", "byte 15: control character inside a quoted-string"],
    ['Basic, realm="x"', "expected-space", "byte 5: expected a space between the auth-scheme and its auth-params"],
    [['Basic realm="simple"', 'Bearer realm="abc'], "unterminated-quoted-string", "header line 2, byte 13: quoted-string has no closing '\"'"],
  ];
  for (const [input, kind, message] of cases) {
    assert.throws(
      () => parseWwwAuthenticate(input),
      (e: unknown) => {
        assert.ok(e instanceof WwwAuthenticateParseError);
        assert.ok(e instanceof Error);
        assert.equal(e.name, "WwwAuthenticateParseError");
        assert.equal(e.kind, kind);
        assert.equal(e.message, message);
        return true;
      },
    );
  }
});

test("byte offsets count UTF-8 bytes, astral characters included", () => {
  // "é" is 2 bytes, "😀" is 4 bytes (2 UTF-16 units). Expected offsets are the Rust parser's.
  const at = (input: string): number => {
    try {
      parseWwwAuthenticate(input);
    } catch (e) {
      if (e instanceof WwwAuthenticateParseError) return e.offset;
    }
    return -1;
  };
  assert.equal(at('Basic realm="😀" x="1"'), 19);
  assert.equal(at('Basic realm="é😀é" x'), 23);
  // 'Basic realm="' is 13 bytes, the emoji 4, then '", ' 3: the second scheme ends at 25.
  assert.equal(at('Basic realm="😀", Basic, x="1"'), 25);
  assert.equal(at('Basic realm="\\😀\u0001"'), 18);
  assert.deepEqual(plain(parseWwwAuthenticate('Basic realm="\\😀a"')), [{ scheme: "Basic", params: { realm: "😀a" }, token68: null }]);
  // Offsets of later lines start at their own line.
  assert.throws(() => parseWwwAuthenticate(["Basic realm=\"😀\"", "Bearer realm=\"é\" x"]), { line: 1, offset: 18 });
});

test("parameter names that are Object.prototype members are own properties", () => {
  const [c] = parseWwwAuthenticate('Foo __proto__="a", constructor=b, toString="c"');
  assert.ok(c !== undefined);
  assert.deepEqual(Object.keys(c.params), ["__proto__", "constructor", "tostring"]);
  assert.equal(c.params["__proto__"], "a");
  assert.equal(Object.getPrototypeOf(c.params), Object.prototype);
  assert.throws(() => parseWwwAuthenticate('Foo __proto__="a", __PROTO__="b"'), { kind: "duplicate-param", offset: 19 });
  assert.deepEqual(plain(parseWwwAuthenticate("Foo constructor=1")), [{ scheme: "Foo", params: { constructor: "1" }, token68: null }]);
});

test("no header lines is no challenge", () => {
  assert.deepEqual(parseWwwAuthenticate([]), []);
});
