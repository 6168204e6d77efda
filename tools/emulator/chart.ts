/**
 * Embedded charts: the Charts global's ChartType, Sheet.newChart()'s EmbeddedChartBuilder,
 * EmbeddedChart and ContainerInfo, with what Sheets refuses (a range of another spreadsheet,
 * updating or removing a chart that is not on the sheet, building without a type or a range).
 * Every inserted chart is recorded as a plain spec (`ChartRecord`) for tests and the preview.
 * Not emulated: chart ranges do not follow row/column inserts, images (getBlob/getAs).
 */
import { EnumValue, enumName, makeEnum } from './enums';
import { EmuRange } from './range';
import { instrument, Runtime } from './runtime';
import type { EmuSheet } from './sheet';

export const ChartType = makeEnum([
  'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE',
  'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
] as const);
type ChartTypeName = keyof typeof ChartType;

/** The Charts global (the part embedded charts need). */
export class ChartsService {
  readonly ChartType = ChartType;
  constructor(readonly rt: Runtime) {}
}

/** A chart as stored on its sheet: plain data. */
export interface ChartRecord {
  chartId: number;
  type: ChartTypeName;
  /** Ranges in the order added: sheet id and 1-based rectangle. */
  ranges: { sheetId: number; row: number; col: number; numRows: number; numCols: number }[];
  options: Record<string, unknown>;
  numHeaders: number;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

let nextChartId = 1000001;

export class ContainerInfo {
  constructor(
    readonly rt: Runtime,
    private readonly spec: ChartRecord,
  ) {}
  getAnchorRow(): number {
    return this.spec.anchorRow;
  }
  getAnchorColumn(): number {
    return this.spec.anchorColumn;
  }
  getOffsetX(): number {
    return this.spec.offsetX;
  }
  getOffsetY(): number {
    return this.spec.offsetY;
  }
}

export class ChartOptions {
  constructor(
    readonly rt: Runtime,
    private readonly options: Record<string, unknown>,
  ) {}
  /** The option's value, null when it was not set. */
  get(option: string): unknown {
    // A copy: what a script changes in the answer is not the chart's option.
    const v = Object.prototype.hasOwnProperty.call(this.options, option) ? this.options[option] : null;
    return v !== null && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class EmbeddedChart {
  readonly rt: Runtime;
  constructor(
    readonly _sheet: EmuSheet,
    /** Null until the chart is inserted. */
    readonly _id: number | null,
    readonly _spec: Omit<ChartRecord, 'chartId'>,
  ) {
    this.rt = _sheet.rt;
  }
  getChartId(): number | null {
    return this._id;
  }
  getRanges(): EmuRange[] {
    const out = this.rt.array<EmuRange>();
    for (const r of this._spec.ranges) {
      const sheet = this._sheet._parent._sheets.find((s) => s._sheetId === r.sheetId);
      if (sheet) out.push(new EmuRange(sheet, r.row, r.col, r.numRows, r.numCols));
    }
    return out;
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this.rt, this._spec.options);
  }
  getNumHeaders(): number {
    return this._spec.numHeaders;
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.rt, { chartId: this._id ?? 0, ...this._spec });
  }
  /** A builder holding this chart's spec; Sheet.updateChart applies what it builds. */
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._sheet, this._id, cloneSpec(this._spec));
  }
}

export class EmbeddedChartBuilder {
  readonly rt: Runtime;
  constructor(
    private readonly sheet: EmuSheet,
    private readonly id: number | null,
    private readonly spec: Omit<ChartRecord, 'chartId' | 'type'> & { type: ChartTypeName | null } = {
      type: null,
      ranges: [],
      options: {},
      numHeaders: -1,
      anchorRow: 1,
      anchorColumn: 1,
      offsetX: 0,
      offsetY: 0,
    },
  ) {
    this.rt = sheet.rt;
  }
  setChartType(type: unknown): EmbeddedChartBuilder {
    const name = enumName(type, ChartType);
    if (!name) throw this.rt.error('Invalid argument: type');
    this.spec.type = name;
    return this;
  }
  getChartType(): EnumValue | null {
    return this.spec.type ? ChartType[this.spec.type] : null;
  }
  addRange(range: EmuRange): EmbeddedChartBuilder {
    const r = rangeRecord(this.sheet, range);
    this.spec.ranges.push(r);
    return this;
  }
  removeRange(range: EmuRange): EmbeddedChartBuilder {
    const r = rangeRecord(this.sheet, range);
    const i = this.spec.ranges.findIndex((x) => x.sheetId === r.sheetId && x.row === r.row && x.col === r.col && x.numRows === r.numRows && x.numCols === r.numCols);
    if (i >= 0) this.spec.ranges.splice(i, 1);
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.spec.ranges = [];
    return this;
  }
  getRanges(): EmuRange[] {
    return new EmbeddedChart(this.sheet, this.id, { ...this.spec, type: this.spec.type ?? 'LINE' }).getRanges();
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.spec.numHeaders = Number(headers);
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    // Sheets keeps a copy: later changes to a passed array or object do not reach the chart.
    this.spec.options[String(option)] = value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    if (anchorRowPos < 1 || anchorColPos < 1 || anchorRowPos > this.sheet._maxRows || anchorColPos > this.sheet._maxColumns) {
      throw this.rt.error('The coordinates or dimensions of the range are invalid.');
    }
    Object.assign(this.spec, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo(this.rt, { chartId: this.id ?? 0, ...this.spec, type: this.spec.type ?? 'LINE' });
  }
  build(): EmbeddedChart {
    if (!this.spec.type) throw this.rt.error('The chart type must be set before the chart is built.');
    if (this.spec.ranges.length === 0) throw this.rt.error('The chart has no data. Add a range before building it.');
    return new EmbeddedChart(this.sheet, this.id, cloneSpec({ ...this.spec, type: this.spec.type }));
  }
}

function rangeRecord(sheet: EmuSheet, range: EmuRange): ChartRecord['ranges'][number] {
  if (!(range instanceof EmuRange)) throw sheet.rt.error('Invalid argument: range');
  const of = range['sheet'];
  if (of._parent !== sheet._parent) throw sheet.rt.error('The range must be in the same spreadsheet as the chart.');
  return { sheetId: of._sheetId, row: range['row'], col: range['col'], numRows: range['numRows'], numCols: range['numCols'] };
}

function cloneSpec<T extends Omit<ChartRecord, 'chartId'>>(spec: T): T {
  return { ...spec, ranges: spec.ranges.map((r) => ({ ...r })), options: JSON.parse(JSON.stringify(spec.options)) as Record<string, unknown> };
}

/** The sheet side: Sheet.newChart/insertChart/getCharts/updateChart/removeChart delegate here. */
export class SheetCharts {
  readonly list: ChartRecord[] = [];
  constructor(private readonly sheet: EmuSheet) {}

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.sheet, null);
  }
  insert(chart: EmbeddedChart): void {
    this.check(chart);
    if (chart._id !== null && this.list.some((c) => c.chartId === chart._id)) throw this.sheet.rt.error('The chart is already on this sheet. Use updateChart.');
    this.list.push({ chartId: nextChartId++, ...cloneSpec(chart._spec) });
  }
  all(): EmbeddedChart[] {
    const out = this.sheet.rt.array<EmbeddedChart>();
    for (const c of this.list) {
      const { chartId, ...spec } = c;
      out.push(new EmbeddedChart(this.sheet, chartId, cloneSpec(spec)));
    }
    return out;
  }
  update(chart: EmbeddedChart): void {
    this.list[this.indexOf(chart)] = { chartId: chart._id as number, ...cloneSpec(chart._spec) };
  }
  remove(chart: EmbeddedChart): void {
    this.list.splice(this.indexOf(chart), 1);
  }
  private indexOf(chart: EmbeddedChart): number {
    this.check(chart);
    const i = chart._sheet === this.sheet ? this.list.findIndex((c) => c.chartId === chart._id) : -1;
    if (i < 0) throw this.sheet.rt.error('The chart does not exist on this sheet.');
    return i;
  }
  private check(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart)) throw this.sheet.rt.error('Invalid argument: chart');
  }
}

instrument(ChartsService, 'Charts');
instrument(ContainerInfo, 'ContainerInfo');
instrument(ChartOptions, 'ChartOptions');
instrument(EmbeddedChart, 'EmbeddedChart');
instrument(EmbeddedChartBuilder, 'EmbeddedChartBuilder');
