/**
 * Executes the core's dashboard plan (core/dasbor.ts) on the `dasbor` tab: writes each chart's
 * table in place, then updates each chart found by its marker (the first column of its range)
 * or inserts it when missing. Charts are never deleted and recreated, so a chart staff resized
 * or moved keeps its place; charts staff added to the tab are left alone.
 */
import { Cell, toWritable } from '../core/cells';
import { ChartSpec, DASHBOARD_TAB, DashboardPlan, SLOT_WIDTH, planDashboard } from '../core/dasbor';
import type { Summaries } from '../core/summarise';
import type { ZoneClock } from '../core/zone';
import type { Lang } from '../shared/api';
import { ensureSize, ensureTab } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** The plan for this run's summaries: forecast Mondays become the sheet's dates, like the ds_ tabs' dates. */
export function dashboardPlan(summaries: Summaries, clock: ZoneClock, lang: Lang): DashboardPlan {
  const forecast = summaries.weeks.map((w) => ({ monday: clock.fromLocal(w.monday, 0), forecast: w.forecast, lo: w.lo, hi: w.hi }));
  return planDashboard({ tables: summaries.tables, forecast, peaks: summaries.peaks }, lang);
}

export function writeDashboard(ss: Spreadsheet, tabs: Record<string, number>, plan: DashboardPlan): Sheet {
  const sheet = ensureTab(ss, tabs, DASHBOARD_TAB);
  const oldHeight = sheet.getLastRow();
  const height = Math.max(oldHeight, 1, ...plan.tables.map((t) => t.range.numRows));
  ensureSize(sheet, height, plan.width);
  sheet.getRange(1, 1).setValue(plan.title);
  for (const t of plan.tables) {
    // One write per table, blanking its slot's stale rows and columns (a series that is gone).
    const blank = new Array<Cell>(SLOT_WIDTH - 1).fill('');
    const values = [];
    for (let r = 0; r < height; r++) {
      const row = t.cells[r] ?? [];
      values.push(blank.map((b, c) => (c < row.length ? toWritable(row[c] as Cell) : b)));
    }
    sheet.getRange(1, t.range.col, height, SLOT_WIDTH - 1).setValues(values);
  }
  const existing = new Map<number, EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const first = chart.getRanges()[0];
    if (first && first.getSheet().getSheetId() === sheet.getSheetId() && first.getRow() === 1) existing.set(first.getColumn(), chart);
  }
  for (const spec of plan.charts) {
    const found = existing.get(spec.range.col);
    if (found) sheet.updateChart(configure(found.modify().clearRanges(), sheet, spec, false));
    else sheet.insertChart(configure(sheet.newChart(), sheet, spec, true));
  }
  return sheet;
}

function configure(b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, sheet: Sheet, spec: ChartSpec, place: boolean): EmbeddedChart {
  const r = spec.range;
  b.setChartType(Charts.ChartType[spec.kind]).addRange(sheet.getRange(r.row, r.col, r.numRows, r.numCols)).setNumHeaders(1).setOption('title', spec.title);
  for (const [k, v] of Object.entries(spec.options)) b.setOption(k, v);
  // A chart staff moved keeps its place: the position is set only when the chart is new.
  if (place) b.setPosition(spec.anchorRow, spec.anchorCol, 0, 0);
  return b.build();
}
