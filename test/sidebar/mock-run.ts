/**
 * A fake google.script.run / google.script.host for quick manual checks of the sidebar in a
 * browser (not the real browser tests, which run against the emulator-backed preview server).
 *
 *   await page.addInitScript(mockRunScript());          // before the sidebar's script runs
 *   await page.setContent(await buildSidebarHtml());
 *
 * Replies are canned; `window.__mockCalls` records every call as [name, args].
 */
import type {
  CleanResult,
  MappingView,
  NightlyStatus,
  RegisteredSheet,
  ReportResult,
  Reply,
  ServerApi,
  Settings,
  SidebarState,
  SummaryResult,
  UndoResult,
} from '../../src/shared/api';

export const sampleMapping: MappingView = {
  sheetId: 101,
  sheetName: 'Kunjungan Juni 2023',
  headerRow: 1,
  dataRows: 12480,
  columns: [
    { index: 0, header: 'Tgl Kunjungan', role: 'date', samples: ['01/06/2023', '2 Juni 2023', '2023-06-03'] },
    { index: 1, header: 'Nama Peserta', role: 'personal', samples: ['Siti <b>Aminah</b>', 'Budi Santoso', 'R. Hartono'] },
    { index: 2, header: 'Umur', role: 'age', samples: ['34', '52 th', ''] },
    { index: 3, header: 'Keperluan', role: 'topic', samples: ['Klaim JHT', 'klaim jht', 'Pencairan JKK'] },
    { index: 4, header: 'Via', role: 'channel', samples: ['Loket', 'WA', 'loket'] },
    { index: 5, header: 'Catatan petugas yang sangat panjang sekali', role: 'ignore', samples: [] },
  ],
  constants: { service: 'Kunjungan', channel: '' },
  constantSource: { service: 'sheetName', channel: 'none' },
  saved: false,
  registered: true,
  blockers: [],
};

export const sampleSettings: Settings = {
  ageBounds: [20, 28, 35, 43],
  peakThreshold: 1.5,
  holidays: ['2023-06-01', '2023-06-29'],
  language: 'auto',
};

export const sampleNightly: NightlyStatus = {
  enabled: true,
  hour: 2,
  timeZone: 'Asia/Jakarta',
  lastRun: {
    kind: 'nightly',
    start: '2023-06-30T19:00:02.000Z',
    end: '2023-06-30T19:03:41.000Z',
    ok: false,
    rowsProcessed: 8000,
    error: 'Batas waktu 6 menit tercapai.',
    continued: true,
  },
};

export const sampleRegistered: RegisteredSheet[] = [
  { sheetId: 101, name: 'Kunjungan Juni 2023' },
  { sheetId: 102, name: 'Kunjungan Mei 2023 — Kantor Cabang Menteng' },
];

export const sampleState: SidebarState = {
  lang: 'id',
  spreadsheetName: 'Log Layanan KC Jakarta Menteng 2023',
  activeSheetName: 'Kunjungan Juni 2023',
  timeZone: 'Asia/Jakarta',
  active: sampleMapping,
  activeNote: '',
  registered: sampleRegistered,
  settings: sampleSettings,
  nightly: sampleNightly,
  undoAvailable: { sheetName: 'Kunjungan Mei 2023', at: '2023-06-28T03:15:00.000Z' },
  version: '0.1.0',
};

export const sampleClean: CleanResult = {
  sheetId: 101,
  sheetName: 'Kunjungan Juni 2023',
  rowsRead: 12480,
  byStatus: { OK: 10211, DIPERBAIKI: 1873, DUPLIKAT: 254, TIDAK_VALID: 142 },
  cellsWritten: 2210,
  topChanges: [
    { column: 'Keperluan', from: 'klaim jht', to: 'Klaim JHT', count: 812 },
    { column: 'Via', from: 'WA', to: 'WhatsApp', count: 1204 },
    { column: 'Umur', from: '52 th', to: '52', count: 97 },
  ],
  problems: 396,
  complete: true,
};

const tab = (name: string, sheetId: number, rows: number) => ({
  name,
  sheetId,
  rows,
  url: `https://docs.google.com/spreadsheets/d/abc/edit#gid=${sheetId}`,
});

export const sampleReport: ReportResult = { problems: 396, tab: tab('masalah_data', 900, 396) };

export const sampleSummary: SummaryResult = {
  tabs: [tab('ringkasan_harian', 901, 365), tab('ringkasan_mingguan', 902, 53), tab('ringkasan_usia', 903, 60), tab('info_ringkasan', 904, 12)],
  byStatus: { OK: 20211, DIPERBAIKI: 2873, DUPLIKAT: 354, TIDAK_VALID: 242 },
  earlyMonthPeaks: ['2023-05', '2023-06', '2023-07'],
  lookerStudioUrl: 'https://lookerstudio.google.com/reporting/create?c.reportId=x',
  sheetsIncluded: ['Kunjungan Juni 2023', 'Kunjungan Mei 2023'],
};

export const sampleUndo: UndoResult = { sheetName: 'Kunjungan Mei 2023', cellsRestored: 1532, rowsSkipped: 0 };

export type CannedReplies = { [K in keyof ServerApi]?: ReturnType<ServerApi[K]> };

export const defaultReplies: Required<CannedReplies> = {
  getSidebarState: { ok: true, data: sampleState },
  inspectSheet: { ok: true, data: sampleMapping },
  saveMapping: { ok: true, data: { ...sampleMapping, saved: true } },
  cleanSheet: { ok: true, data: sampleClean },
  writeReports: { ok: true, data: sampleReport },
  summarise: { ok: true, data: sampleSummary },
  undoLastClean: { ok: true, data: sampleUndo },
  setNightly: { ok: true, data: sampleNightly },
  saveSettings: { ok: true, data: sampleSettings },
  dropSheet: { ok: true, data: sampleRegistered.slice(0, 1) },
  openTab: { ok: true, data: true },
};

export interface MockOptions {
  replies?: CannedReplies;
  /** Milliseconds before each reply. */
  delayMs?: number;
  /** Functions whose call ends in the failure handler (like a network error). */
  throwing?: (keyof ServerApi)[];
  /** Set window.__POLA_BOOT__ = false so the test boots the app itself. */
  noBoot?: boolean;
}

/** A JS snippet (for page.addInitScript / a <script>) installing the fake google.script. */
export function mockRunScript(options: MockOptions = {}): string {
  const replies: Record<string, Reply<unknown>> = { ...defaultReplies, ...options.replies };
  const config = { replies, delayMs: options.delayMs ?? 300, throwing: options.throwing ?? [], noBoot: !!options.noBoot };
  return `(() => {
  const config = ${JSON.stringify(config).replace(/</g, '\\u003c')};
  window.__mockCalls = [];
  window.__mockConfig = config;
  if (config.noBoot) window.__POLA_BOOT__ = false;
  const makeRunner = (ok, fail) => {
    const runner = {
      withSuccessHandler: (f) => makeRunner(f, fail),
      withFailureHandler: (f) => makeRunner(ok, f),
    };
    for (const name of Object.keys(config.replies)) {
      runner[name] = (...args) => {
        window.__mockCalls.push([name, args]);
        setTimeout(() => {
          if (config.throwing.includes(name)) { if (fail) fail(new Error('NetworkError: ' + name)); return; }
          if (ok) ok(JSON.parse(JSON.stringify(config.replies[name])));
        }, config.delayMs);
      };
    }
    return runner;
  };
  window.google = window.google || {};
  window.google.script = {
    run: makeRunner(null, null),
    host: { close: () => { window.__mockClosed = true; }, setHeight: () => {}, editor: { focus: () => {} } },
  };
})();`;
}
