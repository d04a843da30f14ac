/**
 * The strict scanner against saxes, the conformance reference: on generated documents and on random
 * mutations of them, both must accept and refuse the same texts, and report the same elements,
 * namespaces, attributes and text when they accept.
 * One file: the generators of documents and mutations are shared by every property.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { XmlError, XmlScanner, xmlFault } from "../../../src/workbook/xlsx/xmlscan";
import { columnLetters } from "../../../src/engine/table";

type Event = string;

function ours(xml: string, chunk = 0): Event[] | "error" {
  const events: Event[] = [];
  let text = "";
  const flush = () => {
    if (text) events.push(`T${text}`);
    text = "";
  };
  try {
    const s = new XmlScanner({
      open: (e) => {
        flush();
        events.push(
          `O{${e.uri}}${e.local} ${Object.keys(e.attrs)
            .map((k) => `${k}=${e.attrs[k]}`)
            .sort()
            .join(" ")}`,
        );
      },
      text: (t) => (text += t),
      close: (q) => {
        flush();
        events.push(`C${q}`);
      },
    });
    if (chunk > 0) for (let i = 0; i < xml.length; i += chunk) s.write(xml.slice(i, i + chunk));
    else s.write(xml);
    s.end();
    flush();
    return events;
  } catch (e) {
    if (e instanceof XmlError) return "error";
    throw e;
  }
}

function reference(xml: string): Event[] | "error" {
  const events: Event[] = [];
  let text = "";
  let failed = false;
  const flush = () => {
    if (text) events.push(`T${text}`);
    text = "";
  };
  const p = new SaxesParser({ xmlns: true });
  let depth = 0;
  p.on("error", () => {
    failed = true;
  });
  p.on("doctype", () => {
    failed = true; // package parts never carry a DTD; the scanner refuses them on purpose
  });
  p.on("opentag", (t) => {
    flush();
    const attrs = Object.values(t.attributes as Record<string, { name: string; value: string }>);
    events.push(
      `O{${t.uri}}${t.local} ${attrs
        .map((a) => `${a.name}=${a.value}`)
        .sort()
        .join(" ")}`,
    );
  });
  p.on("text", (t) => {
    if (depth > 0) text += t; // whitespace around the root is not content
  });
  p.on("cdata", (t) => (text += t));
  p.on("opentagstart", () => depth++);
  p.on("closetag", (t) => {
    depth--;
    flush();
    events.push(`C${t.name}`);
  });
  try {
    p.write(xml.startsWith("\uFEFF") ? xml.slice(1) : xml).close();
  } catch {
    failed = true;
  }
  flush();
  return failed ? "error" : events;
}

const name = fc.constantFrom("a", "b", "row", "c", "v", "t", "x:row", "r:id", "y:c", "sheet", "是", "_x");
const prefix = fc.constantFrom("x", "y", "r");
const textPiece = fc.oneof(
  fc.constantFrom("hello", " ", "\n", "&amp;", "&lt;", "&#13;", "&#x4E2D;", "中文", "]]", ">", "'\"", "\r\n", "\t"),
  fc.string({ maxLength: 4 }),
);
const attr = fc
  .tuple(
    fc.constantFrom("r", "s", "t", "x:id", "r:id", "xml:space", "xmlns", "xmlns:x", "xmlns:y", "xmlns:r"),
    fc.constantFrom("1", "A1", "u:main", "u:rel", "a&amp;b", "&#10;", "", "x y"),
  )
  .map(([k, v]) => ` ${k}="${k.startsWith("xmlns") && !/^(u:\w+|)$/.test(v) ? "u:main" : v}"`);

const element: fc.Memo<string> = fc.memo((depth) => {
  const children =
    depth <= 1
      ? fc.array(textPiece, { maxLength: 3 })
      : fc.array(fc.oneof(textPiece, element(depth - 1), fc.constant("<!-- note -->"), fc.constant("<![CDATA[a<b]]>"), fc.constant("<?pi x?>")), {
          maxLength: 4,
        });
  return fc.tuple(name, fc.array(attr, { maxLength: 3 }), children, fc.boolean()).map(([n, attrs, kids, empty]) => {
    const uniq = [...new Set(attrs.map((a) => a.split("=")[0]))].map((k) => attrs.find((a) => a.startsWith(k)) as string);
    return empty && kids.length === 0 ? `<${n}${uniq.join("")}/>` : `<${n}${uniq.join("")}>${kids.join("")}</${n}>`;
  });
});

const document = fc.tuple(fc.boolean(), prefix, element(3)).map(([decl, p, root]) => {
  const open = root.indexOf(">");
  const selfClosed = root[open - 1] === "/";
  const at = selfClosed ? open - 1 : open;
  // Declare the usual prefixes on the root most of the time, as package parts do.
  const head = root.slice(0, at).replace(/ xmlns:(x|y|r)="[^"]*"/g, "");
  const decls = [...new Set([p, "x", "r"])].map((q) => ` xmlns:${q}="u:${q === "x" ? "main" : q === "r" ? "rel" : q}"`).join("");
  return (decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : "") + head + decls + root.slice(at);
});

const mutation = fc.tuple(
  fc.nat(),
  fc.nat(4),
  fc.constantFrom("<", ">", "&", '"', "'", "/", "=", "-", "!", "[", "]", ":", "x", " ", "\u0001", "\uFFFE", "<!DOCTYPE a>", "</a>", "&bogus;"),
);

function mutate(doc: string, [at, kind, piece]: [number, number, string]): string {
  const i = doc.length === 0 ? 0 : at % doc.length;
  if (kind === 0) return doc.slice(0, i) + doc.slice(i + 1);
  if (kind === 1) return doc.slice(0, i) + piece + doc.slice(i);
  if (kind === 2) return doc.slice(0, i) + piece + doc.slice(i + 1);
  if (kind === 3) return doc + piece;
  return doc.slice(0, i) + doc.slice(i, i + 5) + doc.slice(i);
}

describe("the strict XML scanner", () => {
  it("agrees with saxes on generated well-formed documents, events included", () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(ours(doc)).toEqual(reference(doc));
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with saxes on mutated documents: both accept or both refuse", () => {
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 3 }), (doc, ms) => {
        const bad = ms.reduce(mutate, doc);
        // saxes lets a local name after a prefix start with - . or a digit, which Namespaces in XML forbids.
        fc.pre(!/:[-.0-9]/.test(bad));
        // saxes lets a processing instruction's target run straight into "?" (<?p? …?>), which XML forbids.
        fc.pre(!/<\?[^\s?]+\?(?!>)/.test(bad));
        // saxes trims spaces around a namespace name; XML keeps them (nobody writes them in a package).
        fc.pre(!/xmlns[^=]*=\s*(["'])(\s[^"']*|[^"']*\s)\1/.test(bad));
        const mine = ours(bad);
        const ref = reference(bad);
        expect(mine === "error", JSON.stringify(bad)).toBe(ref === "error");
        if (ref !== "error") expect(mine).toEqual(ref);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the same events when the text arrives in small chunks", () => {
    fc.assert(
      fc.property(document, fc.integer({ min: 1, max: 7 }), (doc, size) => {
        expect(ours(doc, size)).toEqual(ours(doc));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses an undeclared prefix, naming it", () => {
    expect(xmlFault('<workbook xmlns="m"><sheets><sheet r:id="rId1"/></sheets></workbook>')?.message).toMatch(
      /prefix r: of the attribute r:id on <sheet> is not declared/,
    );
  });

  it("accepts a prefix declared on the element that uses it, as openpyxl writes it", () => {
    expect(xmlFault('<workbook xmlns="m"><sheets><sheet xmlns:r="rel" r:id="rId1"/><sheet name="b"/></sheets></workbook>')).toBeNull();
  });

  it("refuses a DOCTYPE, which package parts never carry", () => {
    expect(xmlFault('<!DOCTYPE a [<!ENTITY x "y">]><a/>')?.reason).toMatch(/DOCTYPE/);
  });

  it("keeps a carriage return written as &#13; and turns a raw one into a line feed", () => {
    const texts: string[] = [];
    XmlScanner.scan("<t>a&#13;b\r\nc\rd</t>", { text: (t) => texts.push(t) });
    expect(texts.join("")).toBe("a\rb\nc\nd");
  });

  it("names the line of the fault", () => {
    expect(xmlFault("<a>\n<b>\n</a>")?.line).toBe(3);
  });

  it("reports offsets of tags in the whole text across chunks", () => {
    const starts: number[] = [];
    const s = new XmlScanner({ open: (e) => starts.push(e.start) });
    const xml = "<a><bb/><c>x</c></a>";
    for (const ch of xml) s.write(ch);
    s.end();
    expect(starts).toEqual([0, 3, 8]);
  });

  // Sheets: the whole-cell fast path (PLAIN_CELL) must accept, refuse and report exactly what the
  // ordinary path does, on cells in the plain shape and on every near miss of it.
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const cellAttr = fc.tuple(
    fc.constantFrom("r", "s", "t", "cm", "x:r", "xmlns:x", "abc"),
    fc.constantFrom("A1", "1", "s", "inlineStr", "", "a&amp;b", "a\tb", "x y", "&#10;"),
  );
  const cellText = fc.constantFrom("12", "", "-1.5E+3", "a]]>b", "1>2", "a\rb", "&amp;", "中文", " x ", "a&lt;b");
  const cellContent = fc.oneof(
    fc.constant(""),
    cellText.map((t) => `<v>${t}</v>`),
    cellText.map((t) => `<is><t>${t}</t></is>`),
    cellText.map((t) => `<is><t xml:space="preserve">${t}</t></is>`),
    cellText.map((t) => `<f>1+1</f><v>${t}</v>`),
    cellText.map((t) => `<x:v>${t}</x:v>`),
    cellText.map((t) => `<is><r><t>${t}</t></r><rPh><t>ふ</t></rPh></is>`),
  );
  const cell = fc
    .tuple(fc.constantFrom("c", "x:c", "cc"), fc.array(cellAttr, { maxLength: 3 }), fc.option(cellContent, { nil: undefined }), fc.constantFrom(" ", ""))
    .map(([name, attrs, content, space]) => {
      const a = attrs.map(([k, v]) => ` ${k}="${v}"`).join(space === " " ? "" : "  ");
      return content === undefined ? `<${name}${a}/>` : `<${name}${a}>${content}</${name}>`;
    });
  // Row attributes as Excel writes them (x14ac:dyDescent needs its prefix declared), and some it does not write.
  const rowAttrs = fc.array(
    fc.constantFrom(
      ' spans="1:2"',
      ' s="1"',
      ' customFormat="1"',
      ' ht="15.75"',
      ' hidden="true"',
      ' customHeight="1"',
      ' x14ac:dyDescent="0.25"',
      ' r="9"',
      ' y="1"',
    ),
    { maxLength: 3 },
  );
  const sheet = fc
    .tuple(
      fc.constantFrom(`xmlns="${MAIN}"`, 'xmlns="other"', `xmlns:x="${MAIN}"`, ""),
      fc.constantFrom("", ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'),
      fc.array(fc.tuple(rowAttrs, fc.array(cell, { maxLength: 4 })), { maxLength: 4 }),
    )
    .map(([ns, x14ac, rows]) =>
      `<worksheet ${ns} xmlns:x="${MAIN}"${x14ac}><sheetData>${rows.map(([a, r], i) => `<row r="${i + 1}"${a.join("")}>${r.join("")}</row>`).join("")}</sheetData></worksheet>`.replace(
        /xmlns:x="[^"]*" xmlns:x=/,
        "xmlns:x=",
      ),
    );

  /** The events with the fast path on, each whole cell expanded to the events the ordinary path gives. */
  function withCells(xml: string, chunk = 0, rows = false): Event[] | "error" {
    const events: Event[] = [];
    let text = "";
    const flush = () => {
      if (text) events.push(`T${text}`);
      text = "";
    };
    try {
      const s = new XmlScanner({
        cellUri: MAIN,
        cell: (column, style, t, value, inline) => {
          flush();
          // The whole-cell path gives r's column and s's number: written as the ordinary path's attributes, which
          // plainShape below reduces to the same.
          const attrs = [column > 0 ? `r=${columnLetters(column)}` : "", style > 0 ? `s=${style}` : "", t !== undefined ? `t=${t}` : ""].filter((a) => a);
          events.push(`O{${MAIN}}c ${attrs.join(" ")}`);
          if (value !== null) events.push(`O{${MAIN}}v `, ...(value ? [`T${value}`] : []), "Cv");
          if (inline !== null) events.push(`O{${MAIN}}is `, `O{${MAIN}}t `, ...(inline ? [`T${inline}`] : []), "Ct", "Cis");
          events.push("Cc");
        },
        row: rows
          ? (r) => {
              flush();
              events.push(`O{${MAIN}}row ${r !== undefined ? `r=${r}` : ""}`);
            }
          : undefined,
        open: (e) => {
          flush();
          events.push(
            `O{${e.uri}}${e.local} ${Object.keys(e.attrs)
              .filter((k) => k !== "xml:space")
              .map((k) => `${k}=${e.attrs[k]}`)
              .sort()
              .join(" ")}`,
          );
        },
        text: (t) => (text += t),
        close: (q) => {
          flush();
          events.push(`C${q}`);
        },
      });
      if (chunk > 0) for (let i = 0; i < xml.length; i += chunk) s.write(xml.slice(i, i + chunk));
      else s.write(xml);
      s.end();
      flush();
      return events;
    } catch (e) {
      if (e instanceof XmlError) return "error";
      throw e;
    }
  }
  // A cell's start as the whole-cell path reports it: r's column letters (its row digits are not reported), s
  // as a number, 0 as no s.
  const plainShape = (e: Event) =>
    e.startsWith(`O{${MAIN}}c `)
      ? e
          .replace(/\br=([A-Z]{1,3})[0-9]{1,7}(?= |$)/, "r=$1")
          .replace(/\bs=0*([0-9]+)(?= |$)/, "s=$1")
          .replace(/ ?\bs=0(?= |$)/, "")
          .trimEnd()
      : e;
  const withoutSpace = (events: Event[] | "error") =>
    events === "error" ? events : events.map((e) => plainShape(e.startsWith("O") ? e.replace(/ ?xml:space=preserve/, "").trimEnd() : e));

  it("reports a sheet's cells through the whole-cell path exactly as the ordinary path does", () => {
    fc.assert(
      fc.property(sheet, fc.integer({ min: 0, max: 9 }), (doc, size) => {
        const plain = ours(doc);
        const fast = withCells(doc, size);
        expect(fast === "error", doc).toBe(plain === "error");
        if (plain !== "error") expect(withoutSpace(fast)).toEqual(withoutSpace(plain));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads runs of plain rows by position exactly as the ordinary path reads them, in every shape the pattern allows", () => {
    const rows = [
      '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="12" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>名前</t></is></c><c r="C1" s="3"/><c r="D1"></c></row>',
      '<row r="2"><c r="AB2" s="7" t="inlineStr"><is><t xml:space="preserve"> two  spaces </t></is></c><c s="1"><v>-1.5E+3</v></c><c t="b"><v>1</v></c></row>',
      '<row><c r="XFD3" s="100000" t="str"><v></v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="d"><v>2026-04-01</v></c><c r="E3" t="n"><v>7</v></c></row>',
      '<row r="9" s="2" customFormat="1" ht="15.75" hidden="true" customHeight="1"/>',
      '<row r="10" spans="2:3"><c r="B10" s="1" t="inlineStr"><is><t></t></is></c><c r="C10" t="inlineStr"/><c r="D10" s="0"><v>0.1</v></c></row>',
    ].join("");
    const doc = `<worksheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>${rows}</sheetData></worksheet>`;
    const onlyR = (events: Event[] | "error") =>
      events === "error" ? events : events.map((e) => (e.startsWith(`O{${MAIN}}row `) ? `O{${MAIN}}row ${/\br=\S+/.exec(e)?.[0] ?? ""}` : e));
    for (const size of [0, 7, 64]) {
      const fast = withCells(doc, size, true);
      expect(fast).not.toBe("error");
      expect(onlyR(withoutSpace(fast))).toEqual(onlyR(withoutSpace(ours(doc))));
    }
  });

  it("reports a sheet's rows through the whole-row path with the r the ordinary path gives", () => {
    // The whole-row path reports only r: the ordinary path's other row attributes are left out to compare.
    const onlyR = (events: Event[] | "error") =>
      events === "error" ? events : events.map((e) => (e.startsWith(`O{${MAIN}}row `) ? `O{${MAIN}}row ${/\br=\S+/.exec(e)?.[0] ?? ""}` : e));
    fc.assert(
      fc.property(sheet, fc.integer({ min: 0, max: 9 }), (doc, size) => {
        const plain = withCells(doc, size);
        const fast = withCells(doc, size, true);
        expect(fast === "error", doc).toBe(plain === "error");
        if (plain !== "error") expect(onlyR(fast)).toEqual(onlyR(plain));
      }),
      { numRuns: 1500 },
    );
  });

  it("checks sheets (no handler: the whole-cell path) as saxes does, mutated or not", () => {
    fc.assert(
      fc.property(sheet, fc.array(mutation, { maxLength: 2 }), (doc, ms) => {
        const bad = ms.reduce(mutate, doc);
        fc.pre(!/:[-.0-9]/.test(bad));
        fc.pre(!/<\?[^\s?]+\?(?!>)/.test(bad));
        // saxes trims a namespace name written as character references to white space (&#10;, &#10;&#10;), and then
        // takes it as empty; XML's namespaces keep it as it is (a name of line feeds, which we accept).
        fc.pre(!/xmlns:\w+="(?:&#10;|[ \t\r\n])+"/.test(bad));
        expect(xmlFault(bad) === null, JSON.stringify(bad)).toBe(reference(bad) !== "error");
      }),
      { numRuns: 3000 },
    );
  });

  /** Whether a check (no handler) accepts the text written in chunks of `size` (0: whole). */
  function checks(xml: string, size: number): boolean {
    try {
      const s = new XmlScanner();
      if (size > 0) for (let i = 0; i < xml.length; i += size) s.write(xml.slice(i, i + size));
      else s.write(xml);
      s.end();
      return true;
    } catch (e) {
      if (e instanceof XmlError) return false;
      throw e;
    }
  }

  it("checks a sheet written in chunks as it checks it whole, the chunks cutting rows anywhere", () => {
    fc.assert(
      fc.property(sheet, fc.array(mutation, { maxLength: 2 }), fc.integer({ min: 1, max: 40 }), (doc, ms, size) => {
        const bad = ms.reduce(mutate, doc);
        expect(checks(bad, size), JSON.stringify(bad)).toBe(checks(bad, 0));
      }),
      { numRuns: 2000 },
    );
  });

  it("checks thousands of plain rows by whole runs and still finds a fault after them, on its line", () => {
    const row = (i: number) =>
      `<row r="${i}" spans="1:2" x14ac:dyDescent="0.25"><c r="A${i}" s="1"><v>${i}</v></c><c r="B${i}" t="inlineStr"><is><t>x</t></is></c></row>\n`;
    const rows = Array.from({ length: 3000 }, (_, i) => row(i + 1)).join("");
    const head = `<worksheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>\n`;
    expect(checks(`${head}${rows}</sheetData></worksheet>`, 0)).toBe(true);
    expect(checks(`${head}${rows}</sheetData></worksheet>`, 4096)).toBe(true);
    // Line 1 is the worksheet's start tag, then one line per row: the bad one is row 2501, on line 2502.
    const broken = `${head}${rows.replace('<c r="A2501" s="1"><v>2501</v></c>', '<c r="A2501" s="1"><v>2501</c>')}</sheetData></worksheet>`;
    expect(xmlFault(broken)?.line).toBe(2502);
    // The prefix of x14ac:dyDescent must be declared, however plain the rows are.
    expect(checks(`<worksheet xmlns="${MAIN}"><sheetData>\n${rows}</sheetData></worksheet>`, 0)).toBe(false);
  });
});

describe("text cut between chunks", () => {
  it("refuses a lone surrogate at the end of a text the next chunk ends with <", () => {
    const s = new XmlScanner();
    s.write("<a>x");
    expect(() => {
      s.write("\uD800</a>");
      s.end();
    }).toThrow(XmlError);
  });

  it("joins a text cut in two, and a tag cut in two, as if written whole", () => {
    const texts: string[] = [];
    const opened: string[] = [];
    const s = new XmlScanner({ text: (t) => texts.push(t), open: (e) => opened.push(`${e.local} ${JSON.stringify(e.attrs)}`) });
    for (const c of ["<a><b k", '="1">he', "llo &am", "p; world</b><!-- a < b -", "-><c/></a>"]) s.write(c);
    s.end();
    expect(texts.join("")).toBe("hello & world");
    expect(opened).toEqual(["a {}", 'b {"k":"1"}', "c {}"]);
  });
});
