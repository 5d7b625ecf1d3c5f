import { guard, type Guarded } from './guard';

// Sheets' embedded charts, as far as the desk uses them (setup's 推移 chart): Sheet.newChart()
// hands out an EmbeddedChartBuilder; build() makes an EmbeddedChart that belongs to no sheet
// (getChartId() is null) until Sheet.insertChart puts it there; Sheet.getCharts() lists the
// sheet's charts, Sheet.removeChart takes one off. As in Apps Script, the chart keeps the ranges
// it was given (not their values: it reads the cells when drawn), its options and its anchor.
// Known simplifications: no drawing, no modify()/updateChart, no asLineChart() typed builders.

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

function names<K extends string>(...keys: K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const k of keys) (out as Record<K, K>)[k] = k;
  return Object.freeze(out);
}

/** Charts.ChartType: opaque values whose String() is their name, like the other enums. */
export const CHART_TYPE = names('TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO',
  'HISTOGRAM', 'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL');

interface ChartState {
  type: string | null;
  ranges: GRange[];
  numHeaders: number;
  /** anchor row, anchor column (1-based), offsets in pixels. */
  position: { row: number; column: number; x: number; y: number };
  options: Map<string, unknown>;
}

/** The implementation behind each chart handed to a script (the script only sees the proxy). */
const IMPLS = new WeakMap<object, EmbeddedChartImpl>();

export class EmbeddedChartImpl {
  _self!: GChart;
  /** Set by Sheet.insertChart; null while the chart is on no sheet. */
  _id: number | null = null;
  constructor(readonly _state: ChartState) {}

  static create(ctx: Guarded, state: ChartState): EmbeddedChartImpl {
    const impl = new EmbeddedChartImpl(state);
    impl._self = guard<GChart>(impl, 'EmbeddedChart', ctx);
    IMPLS.set(impl._self, impl);
    return impl;
  }

  getChartId(): number | null { return this._id; }
  getRanges(): GRange[] { return [...this._state.ranges]; }
  getNumHeaders(): number { return this._state.numHeaders; }
  /** The chart type is not readable from an EmbeddedChart in Apps Script either; tests read it
   *  here, from the fake's side (`_state`), never through the script. */
  getOptions(): { get(option: string): unknown } {
    const options = this._state.options;
    return { get: (option: string): unknown => (options.has(option) ? options.get(option) : null) };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this._state.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.x, getOffsetY: () => p.y };
  }
}

export class EmbeddedChartBuilderImpl {
  _self!: GBuilder;
  private readonly _state: ChartState = { type: null, ranges: [], numHeaders: -1, position: { row: 1, column: 1, x: 0, y: 0 }, options: new Map() };
  constructor(private readonly _ctx: Guarded) {}

  static create(ctx: Guarded): EmbeddedChartBuilderImpl {
    const impl = new EmbeddedChartBuilderImpl(ctx);
    impl._self = guard<GBuilder>(impl, 'EmbeddedChartBuilder', ctx);
    return impl;
  }

  setChartType(type: unknown): GBuilder {
    const name = String(type);
    if (!(name in CHART_TYPE)) throw new this._ctx.realm.Error(`Invalid argument: type (${name})`);
    this._state.type = name;
    return this._self;
  }
  addRange(range: GRange): GBuilder { this._state.ranges.push(range); return this._self; }
  setNumHeaders(headers: number): GBuilder { this._state.numHeaders = headers; return this._self; }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    if (anchorRowPos < 1 || anchorColPos < 1) throw new this._ctx.realm.Error('The coordinates of the range are outside the dimensions of the sheet.');
    this._state.position = { row: anchorRowPos, column: anchorColPos, x: offsetX, y: offsetY };
    return this._self;
  }
  setOption(option: string, value: unknown): GBuilder {
    // Apps Script copies the value into the chart's JSON spec: later changes to the object do not reach it.
    this._state.options.set(option, JSON.parse(JSON.stringify(value)) as unknown);
    return this._self;
  }
  build(): GChart {
    // A chart needs data and a kind to be drawn; the fake refuses a builder without either, so a
    // test cannot pass with a chart Sheets would show as an empty box.
    if (this._state.type === null) throw new this._ctx.realm.Error('fake: a chart needs a chart type (setChartType) before build()');
    if (this._state.ranges.length === 0) throw new this._ctx.realm.Error('fake: a chart needs a range (addRange) before build()');
    return EmbeddedChartImpl.create(this._ctx, { ...this._state, ranges: [...this._state.ranges], options: new Map(this._state.options) })._self;
  }
}

/** The charts of one sheet: what insertChart, getCharts and removeChart work on. */
export class SheetCharts {
  private readonly _charts: EmbeddedChartImpl[] = [];
  private static _next = 1;

  constructor(private readonly _ctx: Guarded) {}

  newChart(): GBuilder {
    return EmbeddedChartBuilderImpl.create(this._ctx)._self;
  }

  insert(chart: GChart): void {
    const impl = IMPLS.get(chart);
    if (!impl) throw new this._ctx.realm.Error('Invalid argument: chart');
    if (impl._id !== null) throw new this._ctx.realm.Error('The chart is already in the spreadsheet.');
    impl._id = SheetCharts._next++;
    this._charts.push(impl);
  }

  list(): GChart[] { return this._charts.map((c) => c._self); }
  /** For tests: the charts with their state (type, ranges, options, position). */
  impls(): readonly EmbeddedChartImpl[] { return this._charts; }

  remove(chart: GChart): void {
    const at = this._charts.findIndex((c) => c._self === chart);
    if (at < 0) throw new this._ctx.realm.Error('Invalid argument: chart');
    const [gone] = this._charts.splice(at, 1);
    if (gone) gone._id = null;
  }
}
