// A user imports mod.ts by URL with nothing else: no deno.json, no import map, no
// package.json, no node_modules. This spec serves the checkout on 127.0.0.1 and runs a
// fresh Deno process in an empty directory that imports mod.ts over http:// and calls
// into it. One bare specifier anywhere under mod.ts would make the import fail.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, resolve, sep } from "node:path";
import process from "node:process";
import { lacking } from "./_permissions.ts";
import * as nnref from "../mod.ts";

const root = resolve(".");
// The Deno to import with: this one under Deno; under Bun, the one NNREF_DENO names
// (`npm test` sets it to the pinned Deno), else a `deno` on the PATH.
const deno = (globalThis as { Deno?: typeof Deno }).Deno?.execPath() ?? process.env.NNREF_DENO ??
  (spawnSync("deno", ["--version"]).status === 0 ? "deno" : undefined);
const skip = lacking("read", "net", "run", "env") ||
  (deno === undefined && "needs a Deno: put one on the PATH or name it in NNREF_DENO");
const types: Record<string, string> = {
  ".ts": "application/typescript",
  ".json": "application/json",
};

let server: Server;
let port = 0;

before(async () => {
  if (skip) return;
  server = createServer((request, response) => {
    const path = normalize(
      join(root, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)),
    );
    const inside = path.startsWith(root + sep);
    const servable = inside && !path.includes(`${sep}node_modules${sep}`) &&
      !path.includes(`${sep}.git${sep}`);
    try {
      if (!servable || !statSync(path).isFile()) throw new Error("not found");
      const extension = path.slice(path.lastIndexOf("."));
      response.writeHead(200, { "content-type": types[extension] ?? "text/plain" });
      response.end(readFileSync(path));
    } catch {
      response.writeHead(404);
      response.end("not found");
    }
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  port = (server.address() as { port: number }).port;
});

after(async () => {
  if (skip) return;
  await new Promise<void>((done) => server.close(() => done()));
});

/**
 * Runs a script in a fresh Deno process, in the system's temporary directory (no
 * deno.json or package.json to discover), with `--reload` so nothing comes from a cache.
 * Asynchronous: the server answering the child lives in this process.
 */
function runDeno(
  script: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // `deno eval` runs with every permission, remote imports from 127.0.0.1 included.
  const args = ["eval", "--no-config", "--no-lock", "--reload", script];
  const child = spawn(deno!, args, { cwd: tmpdir(), env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "", stderr = "";
  child.stdout.on("data", (chunk) => stdout += chunk);
  child.stderr.on("data", (chunk) => stderr += chunk);
  const timer = setTimeout(() => child.kill(), 120_000);
  return new Promise((done) =>
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    })
  );
}

describe("mod.ts imports from an http:// URL with nothing else", { skip }, () => {
  it("a fresh Deno process imports it and calls a function", async () => {
    const result = await runDeno(`
      import * as nnref from "http://127.0.0.1:${port}/mod.ts";
      const exports = Object.keys(nnref).length;
      const distance = nnref.ulpDistance(1, 1 + 2 ** -52);
      console.log(JSON.stringify({ exports, distance }));
    `);
    assert.equal(result.status, 0, `deno failed:\n${result.stderr}`);
    const output = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
    // The same module as the local import: as many exports, and the same answer.
    assert.equal(output.exports, Object.keys(nnref).length);
    assert.equal(output.distance, nnref.ulpDistance(1, 1 + 2 ** -52));
    assert.equal(output.distance, 1);
    // The check can fail: an import of a file the server does not have is an error.
    const missing = await runDeno(`import "http://127.0.0.1:${port}/does/not/exist.ts";`);
    assert.notEqual(missing.status, 0);
  });
  it("a fixture is importable as a JSON module from the same server", async () => {
    const result = await runDeno(`
      import schema from "http://127.0.0.1:${port}/fixtures/schema.json" with { type: "json" };
      console.log(schema.title);
    `);
    assert.equal(result.status, 0, `deno failed:\n${result.stderr}`);
    assert.match(result.stdout, /nnref fixture file/);
  });
});
