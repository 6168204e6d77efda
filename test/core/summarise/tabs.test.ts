import { TAB_BUILDERS, TabContext, ageRank, generationRank, isCountTab, monthStartDay } from '../../../src/core/summarise/tabs';
import { VisitTallies } from '../../../src/core/summarise/counts';
import { INSIGHT_TABS, SUMMARY_TABS } from '../../../src/core/contract';
import { VisitTable } from '../../../src/core/table';
import { DEFAULT_SETTINGS, ageGroupLabels } from '../../../src/core/settings';
import { bucketsBetween, detectPeaks } from '../../../src/core/peaks';
import { dayNumber } from '../../../src/core/zone';

function context(): TabContext {
  const t = new VisitTable();
  const day = dayNumber(2024, 1, 8);
  const add = (d: number, service: string, ageGroup: string) => t.add(d, { service, channel: 'Kantor Cabang', topic: 'Saldo JHT', ageGroup, generation: 'Milenial' });
  add(day, 'Pengaduan', 'Tidak diketahui');
  add(day, 'Informasi', '28-34');
  add(day, 'Informasi', '<20');
  add(day + 1, 'Informasi', '28-34');
  const tallies = new VisitTallies({ service: new Set(), channel: new Set(), topic: new Set() });
  tallies.addSheet('CS', t);
  const buckets = bucketsBetween(tallies.firstDay, tallies.lastDay);
  const peaks = detectPeaks(buckets, () => 0, DEFAULT_SETTINGS.peakThreshold);
  return { tallies, settings: DEFAULT_SETTINGS, dateOf: (d) => new Date(Date.UTC(1970, 0, 1 + d)), buckets, peaks };
}

describe('one builder per count tab of the contract', () => {
  test('every ds_ tab of SUMMARY_TABS not made by the insights has a builder, and its rows have the contract\'s width', () => {
    const ctx = context();
    const insightTabs = new Set(INSIGHT_TABS.map((tab) => tab.name));
    const countTabs = SUMMARY_TABS.filter((tab) => tab.name.startsWith('ds_') && !insightTabs.has(tab.name));
    expect(countTabs.map((tab) => tab.name).sort()).toEqual(Object.keys(TAB_BUILDERS).sort());
    for (const tab of countTabs) {
      expect(isCountTab(tab.name)).toBe(true);
      if (!isCountTab(tab.name)) continue;
      for (const row of TAB_BUILDERS[tab.name](ctx)) expect(row).toHaveLength(tab.columns.length);
    }
    expect(isCountTab('info_ringkasan')).toBe(false);
  });

  test('ds_harian: one row per day, service and channel, in date then service order, dates as Date cells', () => {
    const rows = TAB_BUILDERS.ds_harian(context());
    expect(rows.map((r) => [r[0] instanceof Date, r[4], r[6]])).toEqual([
      [true, 'Informasi', 2],
      [true, 'Pengaduan', 1],
      [true, 'Informasi', 1],
    ]);
  });

  test('ds_usia: age groups in the order of the bounds, unknown last, shares per service', () => {
    const rows = TAB_BUILDERS.ds_usia(context());
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['Informasi', '<20', 1, 0.333333],
      ['Informasi', '28-34', 2, 0.666667],
      ['Pengaduan', 'Tidak diketahui', 1, 1],
    ]);
  });

  test('ranks and month starts', () => {
    const labels = ageGroupLabels(DEFAULT_SETTINGS.ageBounds);
    expect(ageRank(labels, labels[0])).toBe(0);
    expect(ageRank(labels, 'Tidak diketahui')).toBe(labels.length);
    expect(ageRank(labels, 'elsewhere')).toBe(labels.length + 1);
    expect(generationRank('Gen Z')).toBe(0);
    expect(monthStartDay('2024-02')).toBe(dayNumber(2024, 2, 1));
  });
});
