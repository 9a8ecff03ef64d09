// The HTML errata sheets: out/report/index.html, one page per document (s000.html …
// s004.html) and appendix.html. Sections in the document's order; for each worked result
// the printed value, the true value and whether they agree; each erratum in full (printed
// → correct → why → kind) with links to its fixture and specs; the figures of the section;
// formulas rendered by KaTeX at build time. Self-contained: KaTeX's stylesheet and fonts
// and the figures are copied beside the pages, nothing is fetched when they are read.
import type { ReplayResult } from "../../oracle/replay.ts";
import { type Erratum, type Note, passagesOf } from "../../oracle/errata.ts";
import type { Claim } from "../../oracle/claims.ts";
import type { AppendixGroup, DocumentSheet, Report, SheetSection } from "./build.ts";
import { escapeHtml as esc, renderText, segments } from "./math.ts";
import { count, documentLine, summaryLine } from "./text.ts";
import {
  recordIds,
  resultAnchor,
  ROOT_FROM_SHEETS,
  sectionAnchor,
  sheetName,
  shownFields,
  specLinks,
  specsFor,
  valueText,
  verdict,
} from "./sheet_parts.ts";

const STYLE = `
body { font: 15px/1.5 system-ui, "Helvetica Neue", Arial, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  margin: 0; color: #1d1d1f; background: #fafafa; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 4rem; background: #fff; }
nav { position: sticky; top: 0; background: #24292f; padding: .4rem 1.5rem; z-index: 2; }
nav a { color: #fff; margin-right: 1.1rem; text-decoration: none; font-weight: 600; }
nav a.here { text-decoration: underline; }
h1 { font-size: 1.6rem; margin: .6rem 0 .2rem; } h2 { border-bottom: 2px solid #ddd; margin-top: 2.2rem; }
h3 { margin: 1.4rem 0 .4rem; font-size: 1.05rem; }
.counts { color: #444; } .badge { font-size: .75rem; padding: .1rem .45rem; border-radius: .6rem;
  background: #eee; margin-left: .4rem; vertical-align: middle; font-weight: 600; }
.ok { background: #d7f5dd; color: #14532d; } .bad { background: #fde2e1; color: #7f1d1d; }
.high { background: #fde2e1; } .medium { background: #fff1c2; } .low { background: #e8eefc; }
table { border-collapse: collapse; margin: .4rem 0 1rem; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; } td.num { font-family: ui-monospace, monospace; word-break: break-all; }
.result, .erratum, .note { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .9rem; margin: .8rem 0; }
.erratum { border-left: 5px solid #d33; } .note { border-left: 5px solid #999; background: #fcfcfc; }
.erratum dl, .note dl { display: grid; grid-template-columns: 7.5rem 1fr; gap: .3rem .8rem; margin: .4rem 0; }
.erratum dt, .note dt { font-weight: 600; color: #555; } .erratum dd, .note dd { margin: 0; overflow-x: auto; }
.quote { overflow-x: auto; } .links { font-size: .85rem; color: #555; }
figure { margin: 1rem 0; overflow-x: auto; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: .85rem; color: #555; } details { margin: .3rem 0 .6rem; } summary { cursor: pointer; color: #444; }
code.passage { white-space: pre-wrap; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: .2rem 0; }
.tex-failed { color: #b00; font-family: monospace; }`;

/** A whole page. */
function page(title: string, here: string, report: Report, body: string): string {
  const links = [
    ["index", "Overview"],
    ...report.documents.map((d) => [sheetName(d), d.label]),
    ["appendix", "Appendix"],
  ].map(([file, label]) =>
    `<a href="${file}.html"${file === here ? ' class="here"' : ""}>${esc(label)}</a>`
  ).join("");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<style>${STYLE}</style></head>
<body><nav>${links}</nav><main>
${body}
</main></body></html>
`;
}

/** A passage of program text (no formula in it): shown as code. */
const isCode = (text: string) =>
  segments(text, true).every((s) => s.kind === "text") &&
  /np\.|\bdef |print\(|return |[a-z_]+\s*=\s*[a-z_(]|#/.test(text);

/** A link to a fixture's block: on this page, or on the sheet that shows it. */
function fixtureHref(id: string, report: Report, here: string): string {
  const page = report.fixturePages[id] ?? here;
  return `${page === here ? "" : `${page}.html`}#${resultAnchor(id)}`;
}

const link = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;
const repo = (path: string) => `${ROOT_FROM_SHEETS}/${path}`;

function statusBadge(result: ReplayResult): string {
  return result.ok
    ? `<span class="badge ok">reproduced</span>`
    : `<span class="badge bad">${esc(result.status)}</span>`;
}

function resultBlock(result: ReplayResult, report: Report): string {
  const file = report.fixtureFiles[result.id];
  const specs = specsFor([result.id]);
  const row = (field: ReturnType<typeof shownFields>[number]) =>
    `<tr><td>${esc(field.field)}</td><td class="num">${
      field.printed === undefined ? "" : esc(valueText(field.printed))
    }</td><td class="num">${esc(valueText(field.expected))}</td><td>${esc(verdict(field))}${
      field.valueOk === false ? " · <b>lib/ differs</b>" : ""
    }</td></tr>`;
  const head =
    `<thead><tr><th>field</th><th>printed</th><th>true value</th><th>printed vs true</th></tr></thead>`;
  const printed = shownFields(result).filter((f) => f.printed !== undefined);
  const others = shownFields(result).filter((f) => f.printed === undefined);
  const table = (fields: typeof printed) =>
    `<table>${head}<tbody>${fields.map(row).join("")}</tbody></table>`;
  const fieldsHtml =
    (printed.length
      ? table(printed)
      : `<p class="counts">The document prints no digits here.</p>`) +
    (others.length
      ? `<details><summary>${count(others.length, "more field")} checked against the oracle${
        others.some((f) => f.valueOk === false) ? " (one differs)" : ""
      }</summary>${table(others)}</details>`
      : "");
  const marks = [
    ...result.errata.map((e) => link(`#${e.id}`, e.id)),
    ...(result.notes ?? []).map((n) => link(`#${n.id}`, n.id)),
  ];
  return `<div class="result" id="${esc(resultAnchor(result.id))}">
<h3>${esc(result.title)} ${statusBadge(result)}${
    result.random ? '<span class="badge">seeded stand-in</span>' : ""
  }</h3>
<div class="links"><code>${esc(result.id)}</code> · §${esc(result.section)} · fixture ${
    file ? link(repo(file), file) : "—"
  }${specLinks(specs, (s) => link(repo(s), s)).replace(/^(?=.)/, " · ")}${
    marks.length ? ` · ${marks.join(" ")}` : ""
  }</div>
${result.messages.length ? `<p class="bad">${result.messages.map(esc).join("<br>")}</p>` : ""}
${fieldsHtml}</div>`;
}

function recordBlock(record: Erratum | Note, report: Report, here: string): string {
  const printed = passagesOf(record).map((p) =>
    `<div class="quote">${
      isCode(p) ? `<code class="passage">${esc(p)}</code>` : renderText(p, true)
    }</div>`
  ).join("");
  const fixtures = record.fixtures.map((id) => {
    const file = report.fixtureFiles[id];
    return `${link(fixtureHref(id, report, here), id)}${
      file ? ` (${link(repo(file), file)})` : ""
    }`;
  });
  const specs = specsFor(recordIds(record));
  const isErratum = record.class === "erratum";
  const head = isErratum
    ? `<span class="badge">${
      esc(record.kind)
    }</span><span class="badge ${record.severity}">${record.severity}</span>` +
      `<span class="badge ${record.conclusionHolds ? "ok" : "bad"}">conclusion ${
        record.conclusionHolds ? "holds" : "does not hold"
      }</span>`
    : `<span class="badge">note: not counted as an erratum</span>`;
  const rows: [string, string][] = [["Printed", printed]];
  if (record.correct !== undefined) rows.push(["Correct", renderText(record.correct)]);
  rows.push([isErratum ? "Why" : "Caveat", renderText(record.why)]);
  if (isErratum) rows.push(["Conclusion", renderText(record.conclusion)]);
  if (record.decision) rows.push(["Decision", renderText(record.decision)]);
  rows.push([
    isErratum ? "Checked by" : "About",
    `${fixtures.join(", ") || "—"}${
      specLinks(specs, (s) => link(repo(s), s)).replace(/^(?=.)/, "<br>")
    }`,
  ]);
  return `<article class="${record.class}" id="${esc(record.id)}">
<h3>${esc(record.id)} · §${esc(record.section)} ${head}</h3>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl></article>`;
}

function claimsTable(claims: readonly Claim[], report: Report, here: string): string {
  if (claims.length === 0) return "";
  const rows = claims.map((c) => {
    const how = c.status === "verified"
      ? (c.checkedBy ?? []).map((b) =>
        b.startsWith("spec/")
          ? link(repo(b), b.replace(/^spec\//, ""))
          : link(fixtureHref(b, report, here), b)
      ).join(", ")
      : link(`#${c.erratum ?? c.note}`, (c.erratum ?? c.note)!);
    const mark = c.status === "verified"
      ? "✓ verified"
      : c.status === "erratum"
      ? "✗ wrong"
      : "≈ note";
    return `<tr id="${esc(c.id)}"><td>${esc(c.id)}</td><td>${
      renderText(c.claim)
    }</td><td>${mark}</td><td>${how}${
      c.note && c.status === "verified" ? ` · ${link(`#${c.note}`, c.note)}` : ""
    }</td></tr>`;
  }).join("");
  return `<h3>Claims audit</h3><table><thead><tr><th>claim</th><th>what it says</th><th>status</th><th>checked by</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function sectionBlock(section: SheetSection, report: Report, here: string): string {
  const badge = section.audited === null
    ? ""
    : `<span class="badge ${section.audited ? "ok" : ""}">${
      section.audited ? "audited" : "not audited yet"
    }</span>`;
  const empty = section.results.length + section.errata.length + section.notes.length +
      section.claims.length + section.figures.length === 0;
  const figures = section.figures.map((name) => {
    const title = report.figures.find((f) => f.name === name)?.title ?? name;
    return `<figure><img src="figures/${esc(name)}.svg" alt="${esc(title)}"><figcaption>${
      esc(title)
    }</figcaption></figure>`;
  }).join("");
  return `<section id="${esc(sectionAnchor(section.section))}">
<h2>§${esc(section.section)}${
    section.title === section.section ? "" : ` ${esc(section.title)}`
  }${badge}</h2>
${section.comment ? `<p class="counts">${esc(section.comment)}</p>` : ""}
${empty ? `<p class="counts">No worked result, erratum or claim recorded here.</p>` : ""}
${figures}
${section.results.map((r) => resultBlock(r, report)).join("\n")}
${section.errata.length ? `<h3>${count(section.errata.length, "Erratum", "Errata")}</h3>` : ""}
${section.errata.map((e) => recordBlock(e, report, here)).join("\n")}
${section.notes.map((n) => recordBlock(n, report, here)).join("\n")}
${claimsTable(section.claims, report, here)}
</section>`;
}

/** The page of one document. */
export function documentPage(sheet: DocumentSheet, report: Report): string {
  const body = `<h1>${esc(sheet.label)} — ${esc(sheet.title)}</h1>
<p class="counts"><code>${esc(sheet.document)}</code> · ${esc(documentLine(sheet))}</p>
<p class="counts">Markdown version: ${link(`${sheetName(sheet)}.md`, `${sheetName(sheet)}.md`)}</p>
${sheet.sections.map((s) => sectionBlock(s, report, sheetName(sheet))).join("\n")}`;
  return page(`${sheet.label} errata sheet — nnref`, sheetName(sheet), report, body);
}

function appendixGroup(group: AppendixGroup, report: Report): string {
  const rows = group.results.map((r) => {
    const file = report.fixtureFiles[r.id];
    return `<tr id="${esc(resultAnchor(r.id))}"><td><code>${esc(r.id)}</code></td><td>${
      statusBadge(r)
    }</td><td>${esc(r.title)}</td><td>${count(r.fields.length, "field")}</td><td>${
      file ? link(repo(file), file) : ""
    }</td></tr>`;
  }).join("");
  const failed = group.results.filter((r) => !r.ok).map((r) => resultBlock(r, report));
  return `<section id="${esc(group.key)}"><h2>${esc(group.label)}</h2>
<p class="counts">${group.results.filter((r) => r.ok).length} of ${
    count(group.results.length, "result")
  } reproduced</p>
<table><thead><tr><th>id</th><th>status</th><th>what</th><th>checked</th><th>fixture</th></tr></thead>
<tbody>${rows}</tbody></table>${failed.join("\n")}</section>`;
}

/** The appendix page: results beyond the five documents. */
export function appendixPage(report: Report): string {
  const figures = report.figures.filter((f) => f.ok && f.places.length === 0).map((f) =>
    `<figure><img src="figures/${esc(f.name)}.svg" alt="${esc(f.title)}"><figcaption>${
      esc(f.title)
    }</figcaption></figure>`
  ).join("");
  const body = `<h1>Appendix — beyond the documents</h1>
<p class="counts">Reference data that checks lib/ where the documents print nothing: numpy's RandomState
and MT19937 streams, matrix products, training runs and initialisers, the NIST StRD least-squares problems with
certified values, the Iris data.</p>
${figures}
${report.appendix.map((g) => appendixGroup(g, report)).join("\n")}`;
  return page("Appendix — nnref", "appendix", report, body);
}

/** The overview page. */
export function indexPage(report: Report): string {
  const rows = report.documents.map((d) => {
    const c = d.counts, cov = d.coverage;
    return `<tr><td>${link(`${sheetName(d)}.html`, d.label)}</td><td>${esc(d.title)}</td>
<td>${c.reproduced} / ${c.results}</td><td>${c.errata} (${c.bySeverity.high} high)</td><td>${c.notes}</td>
<td>${cov ? `${cov.claims} checked, ${cov.wrong} wrong` : "—"}</td>
<td>${cov ? `${cov.sectionsAudited} of ${cov.sections}` : "—"}</td>
<td>${link(`${sheetName(d)}.md`, "md")}</td></tr>`;
  }).join("");
  const body = `<h1>nnref errata sheets</h1>
<p>Every worked result of five teaching documents on the mathematics of neural computation, computed again by
nnref's <code>lib/</code> and compared with the true value from an independent oracle (exact rationals, mpmath,
certified data). Where a document prints something wrong, the sheet gives the printed text, the correction, the
reason and what kind of error it is; notes mark debatable points and caveats and are not counted as errata.
The claims audit lists every sentence of a document that states a checkable fact and how it came out; a section
is marked audited when all of its sentences were read that way.</p>
<table><thead><tr><th>document</th><th>title</th><th>reproduced</th><th>errata</th><th>notes</th>
<th>claims audit</th><th>sections audited</th><th>Markdown</th></tr></thead><tbody>${rows}</tbody></table>
<p>${link("appendix.html", "Appendix")}: ${
    count(report.appendix.reduce((s, g) => s + g.results.length, 0), "result")
  } beyond the documents (RandomState, matmul, training runs, NIST, Iris).</p>
<p class="counts">${esc(summaryLine(report))} — ${report.ok ? "OK" : "FAILED"}</p>`;
  return page("nnref errata sheets", "index", report, body);
}
