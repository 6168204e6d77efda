/**
 * The sidebar views' decisions, without a DOM: how the result card groups changes, when the
 * mapping folds, and how the undo history and the result card's notes read in both languages.
 */
import type { ChangeSummary, MappingView, UndoEntryView } from '../../src/shared/api';
import { editedDuringRunText, groupChanges, isTidyOnly, mappingFolded, recognisedColumns, undoEntryText, undoKindLabel, undoSkippedText } from '../../sidebar/model';
import { t } from '../../sidebar/i18n';

const change = (column: string, from: string, to: string, count: number): ChangeSummary => ({ column, from, to, count });

describe('isTidyOnly', () => {
  it('is true when only spacing or letter case differ', () => {
    expect(isTidyOnly('kantor cabang', 'Kantor Cabang')).toBe(true);
    expect(isTidyOnly('KANTOR  CABANG ', 'Kantor Cabang')).toBe(true);
    expect(isTidyOnly('  <b>Saldo</b>  ', '<b>Saldo</b>')).toBe(true);
    expect(isTidyOnly('Kantor\u00a0Cabang', 'Kantor Cabang')).toBe(true);
  });
  it('is false for real changes and for no change', () => {
    expect(isTidyOnly('21thn', '21')).toBe(false);
    expect(isTidyOnly('22 Mei 2023', '2023-05-22')).toBe(false);
    expect(isTidyOnly('kc', 'Kantor Cabang')).toBe(false);
    expect(isTidyOnly('Kantor Cabang', 'Kantor Cabang')).toBe(false);
    expect(isTidyOnly('', 'x')).toBe(false);
  });
});

describe('groupChanges', () => {
  const changes = [
    change('Kanal', 'kantor cabang', 'Kantor Cabang', 111),
    change('Usia (tahun)', '21thn', '21', 64),
    change('Tgl. Kunjungan', '22 Mei 2023', '2023-05-22', 61),
    change('Kanal', 'KANTOR CABANG', 'Kantor Cabang', 33),
    change('Kanal', 'kc', 'Kantor Cabang', 12),
    change('Layanan', 'Kantor Cabang', 'Kantor Cabang ', 1),
    change('Kanal', 'Kantor Cabang ', 'Kantor Cabang', 28),
    change('Usia (tahun)', '21 th', '21', 70),
  ];

  it('groups by column and target value, most cells first, with the tidy-only fixes counted apart', () => {
    const groups = groupChanges(changes);
    expect(groups.map((g) => [g.column, g.to, g.total, g.tidied])).toEqual([
      ['Kanal', 'Kantor Cabang', 111 + 33 + 12 + 28, 111 + 33 + 28],
      ['Usia (tahun)', '21', 134, 0],
      ['Tgl. Kunjungan', '2023-05-22', 61, 0],
      ['Layanan', 'Kantor Cabang ', 1, 1],
    ]);
  });
  it('lists the other original values of a group, most frequent first', () => {
    const groups = groupChanges(changes);
    expect(groups[0].from).toEqual([{ value: 'kc', count: 12 }]);
    expect(groups[1].from).toEqual([
      { value: '21 th', count: 70 },
      { value: '21thn', count: 64 },
    ]);
  });
  it('keeps the same target in different columns apart', () => {
    const groups = groupChanges([change('A', 'x', 'Ya', 2), change('B', 'y', 'Ya', 3)]);
    expect(groups.map((g) => g.column)).toEqual(['B', 'A']);
  });
  it('loses no cell: the totals add up to the changes', () => {
    const groups = groupChanges(changes);
    expect(groups.reduce((a, g) => a + g.total, 0)).toBe(changes.reduce((a, c) => a + c.count, 0));
    for (const g of groups) expect(g.tidied + g.from.reduce((a, f) => a + f.count, 0)).toBe(g.total);
  });
  it('is empty for no changes', () => {
    expect(groupChanges([])).toEqual([]);
  });
});

describe('mapping fold', () => {
  const view = (over: Partial<MappingView>): MappingView => ({
    sheetId: 1,
    sheetName: 'Log',
    headerRow: 1,
    dataRows: 10,
    columns: [
      { index: 0, header: 'No', role: 'ignore', samples: [] },
      { index: 1, header: 'Tanggal', role: 'date', samples: [] },
      { index: 2, header: 'Nama', role: 'personal', samples: [] },
      { index: 3, header: 'Layanan', role: 'service', samples: [] },
    ],
    constants: { service: '', channel: '' },
    constantSource: { service: 'none', channel: 'none' },
    saved: true,
    registered: true,
    blockers: [],
    ...over,
  });

  it('counts the recognised columns (every role but "ignore")', () => {
    expect(recognisedColumns(view({}))).toBe(3);
    expect(t('id', 'mappingFolded', { n: 3 })).toBe('3 kolom dikenali');
    expect(t('en', 'mappingFolded', { n: 3 })).toBe('3 columns recognised');
  });
  it('folds a confirmed mapping without blockers, unless the user opened it', () => {
    expect(mappingFolded(view({}), false)).toBe(true);
    expect(mappingFolded(view({}), true)).toBe(false);
  });
  it('stays open while not confirmed or blocked (e.g. a confirmed column moved)', () => {
    expect(mappingFolded(view({ saved: false }), false)).toBe(false);
    expect(mappingFolded(view({ blockers: ['Kolom sheet "Log" berubah sejak pemetaan dikonfirmasi'] }), false)).toBe(false);
  });
});

describe('undo history texts', () => {
  const entry: UndoEntryView = { id: 'e1', sheetName: 'Customer Service', at: '2023-06-30T19:03:41.000Z', kind: 'clean', rows: 1234, undoable: true };

  it('says what an entry restores, in the spreadsheet zone, in Indonesian', () => {
    const x = undoEntryText('id', entry, 'Asia/Jakarta');
    expect(x.sheet).toBe('Customer Service');
    expect(x.when).toBe('1 Jul 2023 02:03');
    expect(x.what).toBe('1.234 baris · Pembersihan');
    expect(x.confirm).toBe(
      'Kembalikan 1.234 baris di "Customer Service" seperti sebelum pembersihan 1 Jul 2023 02:03? Ringkasan akan dihitung ulang saat pembersihan berikutnya.',
    );
    expect(x.buttonLabel).toBe('Urungkan pembersihan "Customer Service" 1 Jul 2023 02:03');
  });
  it('and in English, with the zone deciding the day', () => {
    const x = undoEntryText('en', { ...entry, kind: 'nightly' }, 'UTC');
    expect(x.when).toBe('30 Jun 2023 19:03');
    expect(x.what).toBe('1,234 rows · Nightly refresh');
    expect(x.confirm).toContain('before the nightly refresh of 30 Jun 2023 19:03');
  });
  it('labels the kinds', () => {
    expect(undoKindLabel('id', 'clean')).toBe('Pembersihan');
    expect(undoKindLabel('id', 'nightly')).toBe('Pembaruan malam');
  });
  it('always says how many rows an undo skipped', () => {
    expect(undoSkippedText('id', 0)).toBe('Tidak ada baris yang dilewati.');
    expect(undoSkippedText('en', 0)).toBe('No rows were skipped.');
    expect(undoSkippedText('id', 1200)).toBe('1.200 baris sudah diubah atau diurutkan sejak dibersihkan, jadi dibiarkan apa adanya.');
    expect(undoSkippedText('id', 0, 3)).toBe('3 sel yang diubah staf sejak dibersihkan tidak diganti.');
    expect(undoSkippedText('en', 2, 1)).toBe('2 rows were changed or sorted since the clean, so they were left as they are. 1 cells staff edited since the clean were kept.');
  });
});

describe('result card notes', () => {
  it('mentions rows edited during the run only when there are some', () => {
    expect(editedDuringRunText('id', 0)).toBe('');
    expect(editedDuringRunText('id', 3)).toBe('3 baris diubah staf selama proses; dibersihkan pada proses berikutnya.');
    expect(editedDuringRunText('en', 1500)).toBe('1,500 rows were edited by staff during the run; they are cleaned on the next run.');
  });
  it('names the tidy-only line as the issue asks', () => {
    expect(t('id', 'tidied', { n: '219' })).toBe('spasi/huruf besar dirapikan ×219');
    expect(t('en', 'tidied', { n: '219' })).toBe('spacing/case tidied ×219');
    expect(t('id', 'stateRebuild')).toBe('Pulihkan status');
    expect(t('en', 'stateRebuild')).toBe('Rebuild state');
    expect(t('id', 'undoEntryButton')).toBe('Urungkan');
  });
});
