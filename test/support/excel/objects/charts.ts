/**
 * Charts (docs-ref `excel.chartcollection.yml`, `excel.chart.yml`, `excel.charttitle.yml`, `excel.chartaxis*.yml`,
 * `excel.chartlegend.yml`, `excel.chartseries*.yml`). The double keeps what an add-in sets — type, source, title,
 * axis titles, legend, position, name — for tests to assert; it draws nothing. **Inferences:** series are the
 * source's columns after the first when seriesBy is "Columns" (or "Auto" with at least as many rows as columns),
 * else its rows after the first, each named by its first cell's text; new charts are 360×216 points, named
 * "Chart 1", "Chart 2", … ("图表 1" in Chinese Excel); setting a title's text makes it visible.
 * One file: the chart, its title, axes, legend and series are proxies of one another and share the chart's record.
 */
import { cellName, columns, formatRect, quoteSheetName, rows } from "../address";
import { excelError } from "../errors";
import { textOf } from "../model/cells";
import { chartNamePrefix } from "../model/names";
import { ChartModel, ChartTitleModel, SheetModel } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, CollectionDouble, Reader, clientResult, instantiate, AnyDouble } from "../runtime/proxy";
import { RangeRef, face, quote, resolveRangeArg } from "./shared";
import { WorksheetDouble } from "./worksheet";

type Nav = Record<string, () => AnyDouble>;
const nav = (x: unknown): AnyDouble => x as AnyDouble;
const chartAlive = (c: ChartModel): boolean => c.sheet.charts.includes(c);

export class ChartCollectionDouble
  extends CollectionDouble<SheetModel, ChartModel, ChartDouble>
  implements Pick<Excel.ChartCollection, "context" | "load" | "items" | "count" | "add" | "getItem" | "getItemOrNullObject" | "getCount">
{
  constructor(core: Core, path: string, sheet: () => SheetModel | null) {
    super(core, "ChartCollection", path, sheet);
  }

  protected _entities(sheet: SheetModel): readonly ChartModel[] {
    return sheet.charts;
  }
  protected _makeItem(c: ChartModel): ChartDouble {
    return new ChartDouble(this._core, `${this._path}.getItem(${quote(c.name)})`, () => c);
  }
  protected override _readers(): Record<string, Reader<SheetModel>> {
    return { count: (s) => s.charts.length };
  }

  get items(): Excel.Chart[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }

  load(option?: unknown): Excel.ChartCollection {
    return this._load(option) as unknown as Excel.ChartCollection;
  }

  add(
    type: Excel.ChartType | Parameters<Excel.ChartCollection["add"]>[0],
    sourceData: Excel.Range,
    seriesBy: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows" = "Auto",
  ): Excel.Chart {
    let created: ChartModel | null = null;
    this._call("add", [type, "(Range)", seriesBy], (sheet) => {
      const book = this._core.book;
      const source: RangeRef = resolveRangeArg(this._core, sourceData, sheet, "ChartCollection.add");
      const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows(source.rect) >= columns(source.rect));
      const r = source.rect;
      const names: { name: string }[] = [];
      const lang = book.options.language;
      if (byColumns) for (let j = r.c0 + (columns(r) > 1 ? 1 : 0); j <= r.c1; j++) names.push({ name: textOf(book.cellAt(source.sheet, r.r0, j), lang) });
      else for (let i = r.r0 + (rows(r) > 1 ? 1 : 0); i <= r.r1; i++) names.push({ name: textOf(book.cellAt(source.sheet, i, r.c0), lang) });
      const n = ++book.counters.chart;
      const untitled = (): ChartTitleModel => ({ text: "", visible: false });
      const chart: ChartModel = {
        id: `{C${String(n).padStart(7, "0")}}`,
        name: `${chartNamePrefix(lang)}${n}`,
        type: String(type),
        sheet,
        source: source.rect,
        seriesBy: byColumns ? "Columns" : "Rows",
        title: untitled(),
        categoryAxisTitle: untitled(),
        valueAxisTitle: untitled(),
        legend: { position: "Right", visible: true },
        position: { top: 0, left: 0, width: 360, height: 216 },
        series: names,
      };
      book.set(sheet, "charts", [...sheet.charts, chart]);
      created = chart;
    });
    return face<Excel.Chart>(new ChartDouble(this._core, `${this._path}.add(${quote(type)})`, () => created));
  }

  private _byName(name: string, nullable: boolean): Excel.Chart {
    const chart = face<Excel.Chart>(
      new ChartDouble(this._core, `${this._path}.getItem(${quote(name)})`, () => {
        const sheet = this._entity();
        if (!sheet) return null;
        const c = sheet.charts.find((x) => x.name === name) ?? null;
        if (!c && !nullable) throw excelError("ItemNotFound", "ChartCollection.getItem", `No chart ${quote(name)}.`);
        return c;
      }),
    );
    if (nullable) instantiate(chart, "ChartCollection.getItemOrNullObject");
    return chart;
  }

  getItem(name: string): Excel.Chart {
    return this._byName(name, false);
  }

  getItemOrNullObject(name: string): Excel.Chart {
    this._gate("getItemOrNullObject");
    return this._byName(name, true);
  }

  getCount(): OfficeExtension.ClientResult<number> {
    this._gate("getCount");
    return clientResult(this, "getCount", (s) => s.charts.length);
  }
}

type ChartMembers =
  | "context"
  | "load"
  | "id"
  | "name"
  | "chartType"
  | "top"
  | "left"
  | "width"
  | "height"
  | "title"
  | "axes"
  | "legend"
  | "series"
  | "worksheet"
  | "setPosition"
  | "delete";
type ChartPosition = "top" | "left" | "width" | "height";

export class ChartDouble extends ClientObjectDouble<ChartModel> implements Pick<Excel.Chart, ChartMembers> {
  private _parts: Record<string, unknown> = {};

  constructor(core: Core, path: string, resolve: () => ChartModel | null) {
    super(core, "Chart", path, resolve);
  }

  protected override _alive(c: ChartModel): boolean {
    return chartAlive(c);
  }

  protected _readers(): Record<string, Reader<ChartModel>> {
    return {
      id: (c) => c.id,
      name: (c) => c.name,
      chartType: (c) => c.type,
      top: (c) => c.position.top,
      left: (c) => c.position.left,
      width: (c) => c.position.width,
      height: (c) => c.position.height,
    };
  }

  protected override _navigations(): Nav {
    return {
      title: () => nav(this.title),
      axes: () => nav(this.axes),
      legend: () => nav(this.legend),
      series: () => nav(this.series),
      worksheet: () => nav(this.worksheet),
    };
  }

  load(option?: unknown): Excel.Chart {
    return this._load(option) as unknown as Excel.Chart;
  }

  private _part<T>(key: string, make: () => AnyDouble): T {
    return (this._parts[key] ??= face<T>(make())) as T;
  }

  private _pos(prop: ChartPosition, v: number): void {
    this._set(prop, v, (c) => this._core.book.set(c, "position", { ...c.position, [prop]: v }));
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => this._core.book.set(c, "name", String(v)));
  }
  get chartType(): Excel.ChartType {
    return this._get("chartType");
  }
  set chartType(v: Excel.ChartType) {
    this._set("chartType", v, (c) => this._core.book.set(c, "type", String(v)));
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._pos("top", v);
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._pos("left", v);
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._pos("width", v);
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._pos("height", v);
  }

  get title(): Excel.ChartTitle {
    return this._part("title", () => new ChartTitleDouble(this._core, "ChartTitle", `${this._path}.title`, () => this._entity(), "title"));
  }
  get axes(): Excel.ChartAxes {
    return this._part("axes", () => new ChartAxesDouble(this._core, `${this._path}.axes`, () => this._entity()));
  }
  get legend(): Excel.ChartLegend {
    return this._part("legend", () => new ChartLegendDouble(this._core, `${this._path}.legend`, () => this._entity()));
  }
  get series(): Excel.ChartSeriesCollection {
    return this._part("series", () => new ChartSeriesCollectionDouble(this._core, `${this._path}.series`, () => this._entity()));
  }
  get worksheet(): Excel.Worksheet {
    this._gate("worksheet");
    return this._part("worksheet", () => new WorksheetDouble(this._core, `${this._path}.worksheet`, () => this._entity()?.sheet ?? null));
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this._call("setPosition", [], (c) => {
      const start = resolveRangeArg(this._core, startCell, c.sheet, "Chart.setPosition").rect;
      const end = endCell === undefined ? undefined : resolveRangeArg(this._core, endCell, c.sheet, "Chart.setPosition").rect;
      this._core.book.set(c, "position", { ...c.position, startCell: cellName(start.r0, start.c0), ...(end ? { endCell: cellName(end.r1, end.c1) } : {}) });
    });
  }

  delete(): void {
    this._call("delete", [], (c) =>
      this._core.book.set(
        c.sheet,
        "charts",
        c.sheet.charts.filter((x) => x !== c),
      ),
    );
  }
}

type TitleKey = "title" | "categoryAxisTitle" | "valueAxisTitle";

/** ChartTitle and ChartAxisTitle: text and visibility. */
export class ChartTitleDouble extends ClientObjectDouble<ChartModel> implements Pick<Excel.ChartTitle, "context" | "load" | "text" | "visible"> {
  constructor(
    core: Core,
    typeName: string,
    path: string,
    resolve: () => ChartModel | null,
    private readonly key: TitleKey,
  ) {
    super(core, typeName, path, resolve);
  }

  protected _readers(): Record<string, Reader<ChartModel>> {
    return { text: (c) => c[this.key].text, visible: (c) => c[this.key].visible };
  }

  load(option?: unknown): Excel.ChartTitle {
    return this._load(option) as unknown as Excel.ChartTitle;
  }

  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c) => this._core.book.set(c, this.key, { text: String(v), visible: true }));
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c) => this._core.book.set(c, this.key, { ...c[this.key], visible: Boolean(v) }));
  }
}

export class ChartAxisDouble extends ClientObjectDouble<ChartModel> implements Pick<Excel.ChartAxis, "context" | "load" | "title"> {
  private _title: Excel.ChartAxisTitle | undefined;

  constructor(
    core: Core,
    path: string,
    resolve: () => ChartModel | null,
    private readonly key: TitleKey,
  ) {
    super(core, "ChartAxis", path, resolve);
  }

  protected _readers(): Record<string, Reader<ChartModel>> {
    return {};
  }
  protected override _navigations(): Nav {
    return { title: () => nav(this.title) };
  }
  load(option?: unknown): Excel.ChartAxis {
    return this._load(option) as unknown as Excel.ChartAxis;
  }

  get title(): Excel.ChartAxisTitle {
    return (this._title ??= face<Excel.ChartAxisTitle>(
      new ChartTitleDouble(this._core, "ChartAxisTitle", `${this._path}.title`, () => this._entity(), this.key),
    ));
  }
}

export class ChartAxesDouble extends ClientObjectDouble<ChartModel> implements Pick<Excel.ChartAxes, "context" | "load" | "categoryAxis" | "valueAxis"> {
  private _category: Excel.ChartAxis | undefined;
  private _value: Excel.ChartAxis | undefined;

  constructor(core: Core, path: string, resolve: () => ChartModel | null) {
    super(core, "ChartAxes", path, resolve);
  }

  protected _readers(): Record<string, Reader<ChartModel>> {
    return {};
  }
  protected override _navigations(): Nav {
    return { categoryAxis: () => nav(this.categoryAxis), valueAxis: () => nav(this.valueAxis) };
  }
  load(option?: unknown): Excel.ChartAxes {
    return this._load(option) as unknown as Excel.ChartAxes;
  }

  get categoryAxis(): Excel.ChartAxis {
    return (this._category ??= face<Excel.ChartAxis>(new ChartAxisDouble(this._core, `${this._path}.categoryAxis`, () => this._entity(), "categoryAxisTitle")));
  }

  get valueAxis(): Excel.ChartAxis {
    return (this._value ??= face<Excel.ChartAxis>(new ChartAxisDouble(this._core, `${this._path}.valueAxis`, () => this._entity(), "valueAxisTitle")));
  }
}

export class ChartLegendDouble extends ClientObjectDouble<ChartModel> implements Pick<Excel.ChartLegend, "context" | "load" | "position" | "visible"> {
  constructor(core: Core, path: string, resolve: () => ChartModel | null) {
    super(core, "ChartLegend", path, resolve);
  }

  protected _readers(): Record<string, Reader<ChartModel>> {
    return { position: (c) => c.legend.position, visible: (c) => c.legend.visible };
  }

  load(option?: unknown): Excel.ChartLegend {
    return this._load(option) as unknown as Excel.ChartLegend;
  }

  get position(): Excel.ChartLegendPosition {
    return this._get("position");
  }
  set position(v: Excel.ChartLegendPosition) {
    this._set("position", v, (c) => this._core.book.set(c, "legend", { ...c.legend, position: String(v) }));
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c) => this._core.book.set(c, "legend", { ...c.legend, visible: Boolean(v) }));
  }
}

interface SeriesRef {
  chart: ChartModel;
  index: number;
}

export class ChartSeriesCollectionDouble
  extends CollectionDouble<ChartModel, SeriesRef, ChartSeriesDouble>
  implements Pick<Excel.ChartSeriesCollection, "context" | "load" | "items" | "count" | "add" | "getCount" | "getItemAt">
{
  private readonly _refs = new Map<string, SeriesRef>();

  constructor(core: Core, path: string, chart: () => ChartModel | null) {
    super(core, "ChartSeriesCollection", path, chart);
  }

  private _ref(chart: ChartModel, index: number): SeriesRef {
    const key = `${chart.id}:${index}`;
    let ref = this._refs.get(key);
    if (!ref) this._refs.set(key, (ref = { chart, index }));
    return ref;
  }

  protected _entities(chart: ChartModel): readonly SeriesRef[] {
    return chart.series.map((_, k) => this._ref(chart, k));
  }
  protected _makeItem(ref: SeriesRef): ChartSeriesDouble {
    return new ChartSeriesDouble(this._core, `${this._path}.getItemAt(${ref.index})`, () => ref);
  }
  protected override _readers(): Record<string, Reader<ChartModel>> {
    return { count: (c) => c.series.length };
  }

  get items(): Excel.ChartSeries[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }
  load(option?: unknown): Excel.ChartSeriesCollection {
    return this._load(option) as unknown as Excel.ChartSeriesCollection;
  }

  /**
   * ExcelApi 1.7 (docs-ref `excel.chartseriescollection.yml`): "Add a new series to the collection. The new added
   * series is not visible until values, x-axis values, or bubble sizes for it are set". **Inference:** an index past
   * the end appends.
   */
  add(name?: string, index?: number): Excel.ChartSeries {
    let at = -1;
    this._call("add", [name ?? null, index ?? null], (c) => {
      at = index === undefined || index > c.series.length ? c.series.length : Math.max(0, index);
      const next = [...c.series];
      next.splice(at, 0, { name: name ?? "" });
      this._core.book.set(c, "series", next);
    });
    return face<Excel.ChartSeries>(
      new ChartSeriesDouble(this._core, `${this._path}.add()`, () => {
        const c = this._entity();
        return c && at >= 0 ? this._ref(c, at) : null;
      }),
    );
  }

  getItemAt(index: number): Excel.ChartSeries {
    return face<Excel.ChartSeries>(
      new ChartSeriesDouble(this._core, `${this._path}.getItemAt(${index})`, () => {
        const c = this._entity();
        if (!c) return null;
        if (!c.series[index]) throw excelError("ItemNotFound", "ChartSeriesCollection.getItemAt");
        return this._ref(c, index);
      }),
    );
  }

  getCount(): OfficeExtension.ClientResult<number> {
    this._gate("getCount");
    return clientResult(this, "getCount", (c) => c.series.length);
  }
}

export class ChartSeriesDouble
  extends ClientObjectDouble<SeriesRef>
  implements Pick<Excel.ChartSeries, "context" | "load" | "name" | "setValues" | "setXAxisValues">
{
  constructor(core: Core, path: string, resolve: () => SeriesRef | null) {
    super(core, "ChartSeries", path, resolve);
  }

  protected _readers(): Record<string, Reader<SeriesRef>> {
    return { name: (s) => s.chart.series[s.index]?.name ?? "" };
  }
  load(option?: unknown): Excel.ChartSeries {
    return this._load(option) as unknown as Excel.ChartSeries;
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => this._patch(s, { name: String(v) }));
  }

  private _patch(s: SeriesRef, change: Partial<ChartModel["series"][number]>): void {
    this._core.book.set(
      s.chart,
      "series",
      s.chart.series.map((x, k) => (k === s.index ? { ...x, ...change } : x)),
    );
  }

  /** The range's address with its sheet, as the model keeps it ("Dashboard!B5:B8"). */
  private _address(arg: Excel.Range, method: string): string {
    const ref = resolveRangeArg(this._core, arg, null, `ChartSeries.${method}`);
    return `${quoteSheetName(ref.sheet.name)}!${formatRect(ref.rect)}`;
  }

  /** ExcelApi 1.7 (docs-ref `excel.chartseries.yml`: "Sets the values for a chart series"). */
  setValues(sourceData: Excel.Range): void {
    this._call("setValues", ["(Range)"], (s) => this._patch(s, { values: this._address(sourceData, "setValues") }));
  }

  /** ExcelApi 1.7 ("Sets the values of the x-axis for a chart series"). */
  setXAxisValues(sourceData: Excel.Range): void {
    this._call("setXAxisValues", ["(Range)"], (s) => this._patch(s, { xAxisValues: this._address(sourceData, "setXAxisValues") }));
  }
}
