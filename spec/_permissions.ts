/**
 * Specs that read files, spawn processes or open sockets need Deno permissions. Run with
 * them (`deno test -P`, which takes the "default" set in deno.json; `deno task test`;
 * `npm test`) they run; run without them (plain `deno test`) they are skipped with this
 * hint instead of failing on the first denied call. Bun and Node grant everything.
 */

/** A permission a spec may need. */
export type Need = "read" | "run" | "net" | "env";

/**
 * The skip reason for a spec that needs `needs` when one of them is not granted, else
 * `false` (so it can be passed as node:test's `skip` option).
 */
export function lacking(...needs: Need[]): string | false {
  const deno = (globalThis as { Deno?: typeof Deno }).Deno;
  if (deno?.permissions === undefined) return false;
  const missing = needs.filter((name) => {
    const descriptor: Deno.PermissionDescriptor = name === "net"
      ? { name, host: "127.0.0.1" }
      : { name };
    return deno.permissions.querySync(descriptor).state !== "granted";
  });
  if (missing.length === 0) return false;
  const flags = missing.map((name) => `--allow-${name}`).join(" ");
  const reason =
    `needs ${flags}: run \`deno test -P\` (deno.json's permissions) or \`deno task test\``;
  // Deno's reporters print "ignored" without the reason: say it once, where it is seen.
  if (!warned) console.warn(`nnref: specs skipped: they ${reason}`);
  warned = true;
  return reason;
}

let warned = false;
