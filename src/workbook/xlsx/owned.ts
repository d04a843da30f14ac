/**
 * A sheet the run owns whole (the Dashboard, the Statements), written into the package: its worksheet
 * part with loose cells and tables, its table parts, and a drawing with one chart part per chart. When
 * the sheet exists (it holds the table of its name), its part is replaced where it stands, keeping its
 * name and place among the sheets, and every part that hung from it (tables, drawing, charts, comments)
 * is dropped with its content type. The worksheet's children follow CT_Worksheet's sequence (ECMA-376
 * Part 1 §18.3.1.99): sheetViews, cols, sheetData, pageMargins, rowBreaks, drawing, tableParts.
 */
import { columnLetters } from "../../engine/table";
import { CellStyle, ColumnKind, OutputTable, OwnedSheet, PlacedTable } from "../port";
import { ChartData, DRAWING_CT, DRAWING_REL, chartXml, drawingXml } from "./chartXml";
import { NS } from "./dom";
import { Parts, REL_TYPE, relativeTarget, relsOf } from "./parts";
import { TableLook, XML_HEAD, bottomOf, cellXml, tableRowCells } from "./sheetWrite";
import { escapeAttr, excelName } from "./xml";

/** What the package does for an owned sheet: its parts, names, styles and the sheets list. */
export interface OwnedHost {
  parts: Parts;
  date1904: boolean;
  xf(kind: ColumnKind, style?: CellStyle): number;
  lookOf(t: OutputTable): TableLook;
  nextPart(prefix: string): string;
  addOverride(part: string, type: string): void;
  /** Drops a part and its content type. */
  dropPart(part: string): void;
  /** Table names and ids in use on other sheets than `sheetPath`. */
  tablesElsewhere(sheetPath: string): { names: Set<string>; maxId: number };
}

const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
/** Parts that hang from a sheet and go with it when it is rewritten: the sheet's own tables, drawings, charts and notes. */
const OWNED_RELS = [
  REL_TYPE.table,
  DRAWING_REL.drawing,
  DRAWING_REL.chart,
  `${NS.rel}/comments`,
  `${NS.rel}/vmlDrawing`,
  `${NS.rel}/printerSettings`,
  "http://schemas.microsoft.com/office/2011/relationships/chartStyle",
  "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle",
  `${NS.rel}/chartUserShapes`,
];

/** Drops every part that hangs from `part` (two levels: a drawing's charts, a chart's styles), and the rels parts. */
export function dropHangingParts(host: OwnedHost, part: string, depth = 0): void {
  for (const r of host.parts.rels(part)) {
    if (!r.target || !OWNED_RELS.includes(r.type) || !host.parts.has(r.target)) continue;
    if (depth < 2) dropHangingParts(host, r.target, depth + 1);
    host.dropPart(r.target);
  }
  if (host.parts.has(relsOf(part))) host.parts.remove(relsOf(part));
}

/** A sheet name as a formula writes it before "!". */
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const absolute = (sheet: string, col: number, top: number, bottom: number) => `${quoted(sheet)}!$${columnLetters(col)}$${top}:$${columnLetters(col)}$${bottom}`;

/** Each chart's data as ranges of the sheet, with the values they hold now. */
function chartsOf(s: OwnedSheet, sheetName: string): ChartData[] {
  return s.charts.map((c) => {
    const t = s.tables.find((x) => x.name === c.table) as PlacedTable;
    const col = (name: string) => t.columns.findIndex((x) => x.name === name);
    const [top, bottom] = [t.row + 1, t.row + Math.max(1, t.rows.length)];
    const cat = col(c.categories);
    return {
      type: c.type,
      title: c.title,
      categoryTitle: c.categoryTitle,
      valueTitle: c.valueTitle,
      categories: { formula: absolute(sheetName, t.column + cat, top, bottom), values: t.rows.map((r) => String(r[cat] ?? "")) },
      series: c.series.map((name) => {
        const i = col(name);
        return {
          name: { formula: `${quoted(sheetName)}!$${columnLetters(t.column + i)}$${t.row}`, values: [name] },
          values: { formula: absolute(sheetName, t.column + i, top, bottom), values: t.rows.map((r) => (typeof r[i] === "number" ? (r[i] as number) : null)) },
        };
      }),
    };
  });
}

function tableXml(id: number, name: string, t: PlacedTable): string {
  const ref = `${columnLetters(t.column)}${t.row}:${columnLetters(t.column + t.columns.length - 1)}${bottomOf(t, t.row)}`;
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(excelName(c.name))}"/>`).join("");
  return `${XML_HEAD}<table xmlns="${NS.main}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** The worksheet part: loose cells and tables by row, widths, page breaks, the drawing and the table parts. */
function sheetXml(host: OwnedHost, s: OwnedSheet, drawingRId: string | null): string {
  const rows = new Map<number, Map<number, string>>();
  const put = (row: number, col: number, xml: string) => {
    if (!xml) return;
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, xml);
  };
  for (const c of s.cells) put(c.row, c.column, cellXml("", c.column, c.row, c.value, host.date1904, host.xf(c.kind ?? "text", c.style)));
  for (const t of s.tables) {
    const look = host.lookOf(t);
    for (let r = t.row; r <= bottomOf(t, t.row); r++)
      for (const [col, xml] of tableRowCells("", t, { top: t.row, left: t.column }, r, host.date1904, look)) put(r, col, xml);
  }
  const data = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = rows.get(r) as Map<number, string>;
      return `<row r="${r}">${[...cells.keys()]
        .sort((a, b) => a - b)
        .map((c) => cells.get(c))
        .join("")}</row>`;
    })
    .join("");
  const lastRow = Math.max(1, ...rows.keys());
  const lastCol = Math.max(1, ...[...rows.values()].flatMap((r) => [...r.keys()]));
  const cols = s.widths.length ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` : "";
  // Excel keeps at most 1023 manual page breaks on a sheet; a break's id is the 0-based row it comes before.
  const breaks = [...new Set(s.pageBreaks)]
    .filter((r) => r > 1)
    .sort((a, b) => a - b)
    .slice(0, 1023);
  const rowBreaks = breaks.length
    ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  const drawing = drawingRId ? `<drawing r:id="${drawingRId}"/>` : "";
  const parts = s.tables.length
    ? `<tableParts count="${s.tables.length}">${s.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  // Fit to one page: sheetPr/pageSetUpPr fitToPage with pageSetup fitToWidth/fitToHeight (§18.3.1.65, §18.3.1.63).
  const sheetPr = s.page?.onePage ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "";
  const setup = `<pageSetup paperSize="9" orientation="${s.page?.landscape ? "landscape" : "portrait"}"${s.page?.onePage ? ' fitToWidth="1" fitToHeight="1"' : ""}/>`;
  return `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">${sheetPr}<dimension ref="A1:${columnLetters(lastCol)}${lastRow}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${setup}${rowBreaks}${drawing}${parts}</worksheet>`;
}

/**
 * Writes the owned sheet's parts into the package at `sheetPath` (a new part, or the existing sheet's,
 * whose hanging parts the caller has dropped). Returns its tables as written (names made unique
 * against tables on other sheets: "DashboardPlans2").
 */
export function writeOwnedParts(
  host: OwnedHost,
  s: OwnedSheet,
  sheetName: string,
  sheetPath: string,
): Array<{ id: number; name: string; path: string; table: PlacedTable }> {
  const elsewhere = host.tablesElsewhere(sheetPath);
  let id = elsewhere.maxId;
  const written = s.tables.map((t) => {
    let name = t.name;
    for (let i = 2; elsewhere.names.has(name.toLowerCase()); i++) name = `${t.name}${i}`;
    elsewhere.names.add(name.toLowerCase());
    const path = host.nextPart("xl/tables/table");
    host.parts.put(path, tableXml(++id, name, t));
    host.addOverride(path, CT_TABLE);
    return { id, name, path, table: t };
  });
  const rels = written.map((w, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE.table}" Target="${escapeAttr(relativeTarget(sheetPath, w.path))}"/>`);
  let drawingRId: string | null = null;
  if (s.charts.length > 0) {
    const drawingPath = host.nextPart("xl/drawings/drawing");
    const charts = chartsOf(s, sheetName).map((data) => {
      const path = host.nextPart("xl/charts/chart");
      host.parts.put(path, chartXml(data));
      host.addOverride(path, DRAWING_CT.chart);
      return path;
    });
    host.parts.put(
      relsOf(drawingPath),
      `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">${charts.map((c, i) => `<Relationship Id="rId${i + 1}" Type="${DRAWING_REL.chart}" Target="${escapeAttr(relativeTarget(drawingPath, c))}"/>`).join("")}</Relationships>`,
    );
    host.parts.put(
      drawingPath,
      drawingXml(
        s.charts.map((c, i) => ({
          from: { row: c.from.row - 1, column: c.from.column - 1 },
          to: { row: c.to.row - 1, column: c.to.column - 1 },
          rId: `rId${i + 1}`,
          name: `Chart ${i + 1}`,
        })),
      ),
    );
    host.addOverride(drawingPath, DRAWING_CT.drawing);
    drawingRId = `rId${written.length + 1}`;
    rels.push(`<Relationship Id="${drawingRId}" Type="${DRAWING_REL.drawing}" Target="${escapeAttr(relativeTarget(sheetPath, drawingPath))}"/>`);
  }
  if (rels.length) host.parts.put(relsOf(sheetPath), `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">${rels.join("")}</Relationships>`);
  host.parts.put(sheetPath, sheetXml(host, s, drawingRId));
  return written;
}
