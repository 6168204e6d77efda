/**
 * Embedded charts in the emulator (tools/emulator/chart.ts): the builder records the spec Sheets
 * stores, insertChart gives an id, modify + updateChart change a chart in place, and what Sheets
 * refuses is refused.
 */
import { Emulator } from '../../tools/emulator';
import { ChartType, ChartsService } from '../../tools/emulator/chart';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Book');
  const sheet = ss.getSheets()[0]!;
  const Charts = emu.globals().Charts as ChartsService;
  return { emu, ss, sheet, Charts };
}

test('newChart … build records type, ranges, options, headers and position; insertChart gives it an id', () => {
  const { sheet, Charts } = setup();
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange('N1:P9'))
    .setNumHeaders(1)
    .setOption('title', 'Kunjungan')
    .setOption('colors', ['#111', '#222'])
    .setPosition(3, 2, 5, 7)
    .build();
  expect(chart.getChartId()).toBeNull();
  sheet.insertChart(chart);
  const [stored] = sheet.getCharts();
  expect(Number.isInteger(stored!.getChartId())).toBe(true);
  expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(['N1:P9']);
  expect(stored!.getOptions().get('title')).toBe('Kunjungan');
  expect(stored!.getOptions().get('colors')).toEqual(['#111', '#222']);
  expect(stored!.getOptions().get('legend')).toBeNull();
  expect(stored!.getNumHeaders()).toBe(1);
  const info = stored!.getContainerInfo();
  expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([3, 2, 5, 7]);
  expect(sheet._charts.list[0]).toMatchObject({ type: 'LINE', ranges: [{ sheetId: sheet.getSheetId(), row: 1, col: 14, numRows: 9, numCols: 3 }] });
});

test('modify + updateChart change the chart in place: same id, new range and title, the position kept', () => {
  const { sheet, Charts } = setup();
  sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B3')).setPosition(4, 4, 0, 0).build());
  const [before] = sheet.getCharts();
  const id = before!.getChartId();
  sheet.updateChart(before!.modify().removeRange(sheet.getRange('A1:B3')).addRange(sheet.getRange('A1:B10')).setOption('title', 'Baru').build());
  const [after, ...rest] = sheet.getCharts();
  expect(rest).toHaveLength(0);
  expect(after!.getChartId()).toBe(id);
  expect(after!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B10']);
  expect(after!.getOptions().get('title')).toBe('Baru');
  expect(after!.getContainerInfo().getAnchorRow()).toBe(4);
});

test('a built chart is a copy: changing the builder or the passed array afterwards changes nothing stored', () => {
  const { sheet, Charts } = setup();
  const colors = ['#111'];
  const series: Record<string, { lineWidth: number }> = { 1: { lineWidth: 1 } };
  const b = sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B3')).setOption('colors', colors).setOption('series', series);
  sheet.insertChart(b.build());
  colors.push('#222');
  series[1]!.lineWidth = 9;
  (sheet.getCharts()[0]!.getOptions().get('series') as typeof series)[1]!.lineWidth = 7;
  expect(sheet.getCharts()[0]!.getOptions().get('series')).toEqual({ 1: { lineWidth: 1 } });
  b.setOption('title', 'later');
  const [c] = sheet.getCharts();
  expect(c!.getOptions().get('colors')).toEqual(['#111']);
  expect(c!.getOptions().get('title')).toBeNull();
});

test('refusals: a range from another spreadsheet, no type or no range at build, a chart of another sheet or removed', () => {
  const { emu, sheet, ss, Charts } = setup();
  const other = emu.createSpreadsheet('Other').getSheets()[0]!;
  expect(() => sheet.newChart().addRange(other.getRange('A1:B2'))).toThrow(/same spreadsheet/);
  expect(() => sheet.newChart().addRange(sheet.getRange('A1:B2')).build()).toThrow(/type/);
  expect(() => sheet.newChart().setChartType(Charts.ChartType.LINE).build()).toThrow(/no data/);
  expect(() => sheet.newChart().setChartType('NOPE')).toThrow(/Invalid argument/);
  // A range of another tab of the same spreadsheet is fine (charts read ds_ tabs elsewhere).
  const tab2 = ss.insertSheet('ds_x');
  sheet.insertChart(sheet.newChart().setChartType(ChartType.PIE).addRange(tab2.getRange('A1:B2')).build());
  const [c] = sheet.getCharts();
  expect(() => tab2.updateChart(c!)).toThrow(/does not exist on this sheet/);
  expect(() => sheet.updateChart(sheet.newChart().setChartType(ChartType.PIE).addRange(tab2.getRange('A1:B2')).build())).toThrow(/does not exist/);
  sheet.removeChart(c!);
  expect(sheet.getCharts()).toHaveLength(0);
  expect(() => sheet.updateChart(c!)).toThrow(/does not exist/);
});

test('chart calls are counted as service calls', () => {
  const { emu, sheet, Charts } = setup();
  sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(sheet.getRange('A1:B2')).build());
  expect(emu.rt.stats.calls['Sheet.insertChart']).toBe(1);
  expect(emu.rt.stats.calls['EmbeddedChartBuilder.build']).toBe(1);
});
