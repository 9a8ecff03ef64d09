// A small XML well-formedness checker for the figures (no XML parser is available in
// both Deno and Bun without a dependency): tags balance, attributes are quoted and not
// repeated, entities are known, there is exactly one root element. sync.ts refuses to
// write or accept a figure that fails it.

/** The root element's name and attributes, or a thrown SyntaxError saying what is wrong. */
export function parseXmlRoot(text: string): { name: string; attributes: Map<string, string> } {
  let i = 0;
  const stack: string[] = [];
  let root: { name: string; attributes: Map<string, string> } | null = null;
  let closedRoot = false;
  const fail = (what: string): never => {
    const line = text.slice(0, i).split("\n").length;
    throw new SyntaxError(`XML not well formed at line ${line} (offset ${i}): ${what}`);
  };
  const checkText = (chunk: string) => {
    if (chunk.includes("<")) fail("'<' in text");
    for (const match of chunk.matchAll(/&([^;\s]*);?/g)) {
      const entity = match[1];
      if (!match[0].endsWith(";")) fail(`unterminated entity &${entity}`);
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(entity)) {
        fail(`unknown entity &${entity};`);
      }
    }
    if ((stack.length === 0) && chunk.trim() !== "") fail("text outside the root element");
  };
  while (i < text.length) {
    const open = text.indexOf("<", i);
    if (open < 0) {
      checkText(text.slice(i));
      break;
    }
    checkText(text.slice(i, open));
    i = open;
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end < 0) fail("unterminated processing instruction");
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i);
      if (end < 0) fail("unterminated comment");
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA");
      i = end + 3;
    } else if (text.startsWith("<!DOCTYPE", i)) {
      const end = text.indexOf(">", i);
      i = end + 1;
    } else if (text.startsWith("</", i)) {
      const match = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(text.slice(i));
      if (!match) fail("malformed end tag");
      const name = match![1];
      const top = stack.pop();
      if (top !== name) fail(`</${name}> closes <${top ?? "nothing"}>`);
      if (stack.length === 0) closedRoot = true;
      i += match![0].length;
    } else {
      const match = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(i));
      if (!match) fail("malformed start tag");
      const name = match![1];
      i += match![0].length;
      const attributes = new Map<string, string>();
      for (;;) {
        const space = /^\s*/.exec(text.slice(i))![0];
        i += space.length;
        if (text.startsWith("/>", i) || text.startsWith(">", i)) break;
        if (space.length === 0) fail(`attributes of <${name}> must be separated by spaces`);
        const attribute = /^([A-Za-z_][\w:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(text.slice(i));
        if (!attribute) fail(`malformed attribute in <${name}>`);
        if (attributes.has(attribute![1])) fail(`repeated attribute ${attribute![1]} in <${name}>`);
        const value = attribute![3] ?? attribute![4];
        if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(value)) {
          fail(`bad entity in attribute ${attribute![1]}`);
        }
        attributes.set(attribute![1], value);
        i += attribute![0].length;
      }
      if (stack.length === 0) {
        if (root !== null || closedRoot) fail(`second root element <${name}>`);
        root = { name, attributes };
      }
      if (text.startsWith("/>", i)) {
        i += 2;
        if (stack.length === 0) closedRoot = true;
      } else {
        i += 1;
        stack.push(name);
      }
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)}> is never closed`);
  if (root === null) fail("no root element");
  return root!;
}

/** Asserts `text` is a well-formed SVG document: XML with an <svg> root in the SVG namespace. */
export function assertSvg(text: string): void {
  const root = parseXmlRoot(text);
  if (root.name !== "svg") throw new SyntaxError(`root element is <${root.name}>, not <svg>`);
  if (root.attributes.get("xmlns") !== "http://www.w3.org/2000/svg") {
    throw new SyntaxError('the <svg> root lacks xmlns="http://www.w3.org/2000/svg"');
  }
}
