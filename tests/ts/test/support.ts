// Shared by the tests: where things are, and the real demo server as a child process.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import axios, { type AxiosInstance } from "axios";

/** tests/ts, from dist/test/support.js. */
export const packDir = fileURLToPath(new URL("../../", import.meta.url));
/** The workspace root. */
export const workspaceRoot = path.resolve(packDir, "../..");

/** Which demo server: `axum` (`--example server`) or `actix` (`--example server-actix`). */
export type DemoServer = "axum" | "actix";

/**
 * A demo binary: `DEMO_SERVER_BIN` / `DEMO_ACTIX_BIN` (run.sh sets them from cargo),
 * else `$CARGO_TARGET_DIR/debug/examples/…` (default target/).
 */
export function demoBinary(server: DemoServer = "axum"): string {
  const example = server === "axum" ? "server" : "server-actix";
  const targetDir = process.env["CARGO_TARGET_DIR"] ?? path.join(workspaceRoot, "target");
  const given = process.env[server === "axum" ? "DEMO_SERVER_BIN" : "DEMO_ACTIX_BIN"];
  const bin = given ?? path.resolve(workspaceRoot, targetDir, "debug/examples", example);
  if (!existsSync(bin)) {
    throw new Error(`demo server binary not found at ${bin}: run \`cargo build --example ${example}\` at the workspace root`);
  }
  return bin;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export interface Stats {
  refreshes: number;
  logins: number;
}

/** A running demo server and a plain (never intercepted) client for it. */
export interface Demo {
  baseURL: string;
  /** Not intercepted: for /login, /token and /stats. */
  plain: AxiosInstance;
  login(user: "reader" | "writer"): Promise<TokenPair>;
  refresh(refreshToken: string): Promise<TokenPair>;
  stats(): Promise<Stats>;
  stop(): Promise<void>;
}

const BANNER = /^auth-errors demo \((?:axum|actix-web)\) listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

/** Starts a demo server on a free port with the given access-token lifetime (and environment). */
export async function startDemo(ttlSecs: number, server: DemoServer = "axum", env: Record<string, string> = {}): Promise<Demo> {
  const child: ChildProcessWithoutNullStreams = spawn(demoBinary(server), [], {
    env: { ...process.env, PORT: "0", DEMO_TOKEN_TTL_SECS: String(ttlSecs), RUST_LOG: "warn", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseURL = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error("the demo server printed no banner within 30 s")), 30_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${e.message}\nstdout: ${out}\nstderr: ${stderr}`));
    };
    child.stdout.setEncoding("utf8");
    const onData = (chunk: string): void => {
      out += chunk;
      const newline = out.indexOf("\n");
      if (newline < 0) return;
      child.stdout.off("data", onData);
      // Keep draining: a full pipe would block the server's logging.
      child.stdout.resume();
      clearTimeout(timer);
      const first = out.slice(0, newline);
      const m = BANNER.exec(first);
      if (m === null || m[1] === undefined) fail(new Error(`unexpected first line: ${JSON.stringify(first)}`));
      else resolve(m[1]);
    };
    child.stdout.on("data", onData);
    child.once("error", fail);
    child.once("exit", (code, signal) => fail(new Error(`the demo server exited (${code ?? signal}) before its banner`)));
  });
  const plain = axios.create({ baseURL });
  return {
    baseURL,
    plain,
    async login(user) {
      return (await plain.post<TokenPair>("/login", { user })).data;
    },
    async refresh(refreshToken) {
      return (await plain.post<TokenPair>("/token", { refresh_token: refreshToken })).data;
    },
    async stats() {
      return (await plain.get<Stats>("/stats")).data;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        await exited;
      }
    },
  };
}

/**
 * The `init` a test's wrapping fetch hands on with the `Request` it made: the caller's
 * signal. Node's fetch stops following a Request's signal once that Request is
 * collected (nodejs/undici#3644), and the wrapper lets go of its Request as it returns.
 */
export function passSignal(init: RequestInit | undefined): RequestInit | undefined {
  return init?.signal !== undefined ? { signal: init.signal } : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `true` only when A and B are the same type (for `assertType`). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when its type argument is `true`: a type-level assertion. */
export function assertType<T extends true>(_proof: T): void {}
