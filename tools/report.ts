// The README's main command (`npm start` → `deno task report`; also `bun tools/report.ts`):
// replays every worked result under fixtures/ against lib/, prints them document by
// document in the documents' section order (then an appendix of results beyond the
// documents), writes the errata sheets (HTML and Markdown, out/report/) and the figures
// (out/figures/), and exits non-zero when any fixture fails against lib/, has no subject,
// or a fixture, erratum or claim file does not load.
//
// Run `--help` for the options. Machine-readable output: `--format json --out FILE` (or
// `npm start --silent -- --format json > FILE`: without --silent npm prints its banner on
// stdout). Deno needs --allow-read, and --allow-write=out for the figures and sheets
// (without it they are reported as not written and the run goes on).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { buildReport } from "./report/build.ts";
import { formatJson } from "./report/json.ts";
import { formatMarkdown } from "./report/markdown.ts";
import { formatText } from "./report/text.ts";
import { writeSheets } from "./report/sheets.ts";
import { mathFailures } from "./report/math.ts";
import type { RenderedFigure } from "./figures/index.ts";

export { buildReport, type Report } from "./report/build.ts";
export { formatJson } from "./report/json.ts";
export { formatMarkdown } from "./report/markdown.ts";
export { formatText } from "./report/text.ts";

/** The options, for node:util's parseArgs and for --help. */
export const OPTIONS = {
  format: { type: "string", default: "text", help: "text | md | json (default text)" },
  summary: {
    type: "boolean",
    default: false,
    help: "json: the counts, audit coverage and errata index only",
  },
  verbose: {
    type: "boolean",
    short: "v",
    default: false,
    help: "text: every field and every erratum in full",
  },
  ids: {
    type: "string",
    help: "replay only these fixture ids, comma-separated (prefix.* allowed)",
  },
  out: {
    type: "string",
    help:
      "write the output to FILE instead of stdout (with npm start, under out/: the task writes only there)",
  },
  "no-figures": { type: "boolean", default: false, help: "skip the figures" },
  "figures-dir": {
    type: "string",
    default: join("out", "figures"),
    help: "where to write the SVGs (default out/figures)",
  },
  "no-sheets": {
    type: "boolean",
    default: false,
    help: "skip the HTML and Markdown errata sheets",
  },
  "sheets-dir": {
    type: "string",
    default: join("out", "report"),
    help: "where to write the sheets (default out/report)",
  },
  help: { type: "boolean", short: "h", default: false, help: "print this help and exit" },
} as const;

/** The --help text: every option of {@link OPTIONS}. */
export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = `${"short" in o ? `-${o.short}, ` : "    "}--${name}${
      o.type === "string" ? " VALUE" : ""
    }`;
    return `  ${flag.padEnd(26)} ${o.help}`;
  });
  return [
    "nnref report: the documents' worked results replayed against lib/, with their errata.",
    "",
    "usage: deno task report [options]   (npm start -- [options]; bun tools/report.ts [options])",
    "",
    ...rows,
    "",
    "Exit status: 0 when everything reproduces, 1 when a result fails or a file does not load,",
    "2 for a bad option.",
  ].join("\n");
}

/** Parses the command line; throws a RangeError naming a bad option or value. */
export function parseOptions(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(OPTIONS).map(([name, o]) => [name, {
          type: o.type,
          ...("short" in o ? { short: o.short } : {}),
          ...("default" in o ? { default: o.default } : {}),
        }]),
      ) as ParseArgsConfig["options"],
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new RangeError(
      unknown ? `Unknown option ${unknown[1]} (see --help)` : `${message} (see --help)`,
    );
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (!["text", "md", "json"].includes(v.format as string)) {
    throw new RangeError(`--format must be text, md or json, got "${v.format}"`);
  }
  return {
    format: v.format as "text" | "md" | "json",
    summary: v.summary === true,
    verbose: v.verbose === true,
    ids: typeof v.ids === "string" ? v.ids.split(",").filter(Boolean) : undefined,
    out: v.out as string | undefined,
    figures: v["no-figures"] !== true,
    figuresDir: v["figures-dir"] as string,
    sheets: v["no-sheets"] !== true,
    sheetsDir: v["sheets-dir"] as string,
    help: v.help === true,
  };
}

/** Writes the rendered figures; returns a message per figure that could not be written. */
function writeFigures(figures: readonly RenderedFigure[], dir: string): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    return [`cannot create ${dir}: ${(error as Error).message} (Deno needs --allow-write=out)`];
  }
  const problems: string[] = [];
  for (const figure of figures) {
    if (figure.svg === null) continue;
    try {
      writeFileSync(join(dir, `${figure.name}.svg`), figure.svg);
    } catch (error) {
      problems.push(`cannot write ${figure.name}.svg: ${(error as Error).message}`);
    }
  }
  return problems;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (options.help) {
    console.log(helpText());
    return 0;
  }
  const { report, figures } = await buildReport({ ids: options.ids, figures: options.figures });
  const notices: string[] = [];
  if (options.figures) {
    const problems = writeFigures(figures, options.figuresDir);
    notices.push(...problems.map((p) => `figures: ${p}`));
    if (problems.length === 0) notices.push(`figures written to ${options.figuresDir}/`);
  }
  if (options.sheets && options.ids === undefined) {
    try {
      const written = writeSheets(report, figures, options.sheetsDir);
      notices.push(
        `errata sheets: ${written.length} files in ${options.sheetsDir}/ (open index.html)`,
      );
    } catch (error) {
      notices.push(`errata sheets not written: ${(error as Error).message}`);
    }
  }
  for (const failure of mathFailures) {
    notices.push(`formula not rendered: ${failure.source} (${failure.error})`);
  }
  const output = options.format === "json"
    ? formatJson(report, { summary: options.summary })
    : options.format === "md"
    ? formatMarkdown(report)
    : formatText(report, options.verbose);
  if (options.out !== undefined) {
    try {
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, `${output}\n`);
      notices.push(`${options.format} written to ${options.out}`);
    } catch (error) {
      console.error(`cannot write ${options.out}: ${(error as Error).message}`);
      return 2;
    }
  } else console.log(output);
  // Notices go to stderr, so that stdout holds nothing but the chosen format.
  for (const notice of notices) console.error(notice);
  return report.ok && mathFailures.length === 0 ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main();
