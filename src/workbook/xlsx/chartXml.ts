/**
 * DrawingML for native charts: the drawing part that anchors charts to a sheet's cells, and one chart
 * part per chart (a clustered column or bar chart over cell ranges, with cached values so a reader that
 * does not calculate still draws them). Element order follows the schema's sequences:
 * ECMA-376 Part 1 §20.5 (SpreadsheetML drawing: wsDr, twoCellAnchor, graphicFrame) and §21.2 (charts:
 * chartSpace, chart, plotArea, barChart CT_BarChart, ser CT_BarSer, catAx CT_CatAx, valAx CT_ValAx).
 */
import { escapeAttr, escapeText } from "./xml";

export const DRAWING_NS = {
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

export const DRAWING_CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export const DRAWING_REL = {
  drawing: `${DRAWING_NS.r}/drawing`,
  chart: `${DRAWING_NS.r}/chart`,
} as const;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A chart's place: from the top-left corner of one cell to that of another (0-based, as xdr:from/xdr:to count). */
export interface Anchor {
  from: { row: number; column: number };
  to: { row: number; column: number };
  /** The drawing's relationship to the chart part. */
  rId: string;
  name: string;
}

export function drawingXml(anchors: readonly Anchor[]): string {
  const cell = (tag: string, at: { row: number; column: number }) =>
    `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const frames = anchors.map(
    (a, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">${cell("from", a.from)}${cell("to", a.to)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${DRAWING_NS.c}"><c:chart r:id="${a.rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return `${HEAD}<xdr:wsDr xmlns:xdr="${DRAWING_NS.xdr}" xmlns:a="${DRAWING_NS.a}" xmlns:c="${DRAWING_NS.c}" xmlns:r="${DRAWING_NS.r}">${frames.join("")}</xdr:wsDr>`;
}

/** A range and the values it holds now (the cache). */
export interface Ref<T> {
  formula: string;
  values: readonly T[];
}

export interface ChartData {
  type: "column" | "bar";
  title: string;
  categoryTitle: string;
  valueTitle: string;
  categories: Ref<string>;
  series: ReadonlyArray<{ name: Ref<string>; values: Ref<number | null> }>;
}

/** Rich text of a title (§21.2.2.210 title, with a:p runs). */
function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="${/[\u3000-\u9fff]/.test(text) ? "zh-CN" : "en-US"}" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function strRef(r: Ref<string>): string {
  const pts = r.values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeText(r.formula)}</c:f><c:strCache><c:ptCount val="${r.values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(r: Ref<number | null>): string {
  // A blank cell has no point in the cache (§21.2.2.150 pt).
  const pts = r.values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numRef><c:f>${escapeText(r.formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${r.values.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** A chart part: clustered columns (barDir col) or clustered bars (barDir bar), one series per value range. */
export function chartXml(d: ChartData): string {
  const [catPos, valPos] = d.type === "bar" ? ["l", "b"] : ["b", "l"];
  const series = d.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.name)}</c:tx><c:invertIfNegative val="0"/><c:cat>${strRef(d.categories)}</c:cat><c:val>${numRef(s.values)}</c:val></c:ser>`,
    )
    .join("");
  const bar = `<c:barChart><c:barDir val="${d.type === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>`;
  const catAx = `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>${title(d.categoryTitle)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>${title(d.valueTitle)}<c:numFmt formatCode="${d.type === "bar" ? "#,##0" : "0"}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = d.series.length > 1 ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : "";
  return `${HEAD}<c:chartSpace xmlns:c="${DRAWING_NS.c}" xmlns:a="${DRAWING_NS.a}" xmlns:r="${DRAWING_NS.r}"><c:roundedCorners val="0"/><c:chart>${title(d.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${catAx}${valAx}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}
