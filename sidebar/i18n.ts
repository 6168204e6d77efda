/** Every static string of the sidebar, in Bahasa Indonesia (default) and English. */
import type { CleanStatus, Lang, Role, Settings } from '../src/shared/api';

const id = {
  productName: 'Pola Layanan',
  loading: 'Memuat…',
  spreadsheet: 'Spreadsheet',
  activeSheet: 'Sheet aktif',
  noRun: 'Sidebar ini hanya berjalan di dalam Google Spreadsheet.',
  retry: 'Coba lagi',
  close: 'Tutup',
  dismiss: 'Tutup pesan',
  version: 'Versi {v}',

  mappingTitle: 'Pemetaan kolom',
  mappingIntro: 'Baris judul {row} · {rows} baris data',
  columnRole: 'Peran kolom "{header}"',
  samples: 'Contoh',
  noSamples: '(kosong)',
  untitledColumn: 'Kolom {n}',
  constService: 'Layanan (jika tidak ada kolom)',
  constChannel: 'Kanal (jika tidak ada kolom)',
  sourceSheetName: 'dari nama sheet',
  sourceUser: 'diisi pengguna',
  sourceNone: 'belum diisi',
  saveMapping: 'Simpan pemetaan',
  mappingSaved: 'Pemetaan disimpan.',
  mappingDirty: 'Ada perubahan yang belum disimpan; akan disimpan saat Anda menjalankan pembersihan.',
  mappingNotSaved: 'Pemetaan terdeteksi otomatis. Periksa lalu simpan.',
  blockersTitle: 'Belum bisa dibersihkan:',

  runButton: 'Bersihkan & Ringkas',
  runTitle: 'Bersihkan & ringkas',
  stepMembaca: 'Membaca',
  stepMembersihkan: 'Membersihkan',
  stepMenulis: 'Menulis',
  stepMeringkas: 'Meringkas',
  stateWaiting: 'menunggu',
  stateWorking: 'sedang berjalan',
  stateDone: 'selesai',
  stateFailed: 'gagal',
  liveStep: 'Langkah {n} dari {total}: {name}…',
  liveDone: 'Selesai. {rows} baris dibaca.',
  liveFailed: 'Langkah "{name}" gagal.',

  resultTitle: 'Hasil',
  resultRows: '{rows} baris dibaca dari "{sheet}"',
  resultIncomplete: 'Sheet besar: sisa baris dilanjutkan otomatis beberapa menit lagi.',
  statusCol: 'Status',
  countCol: 'Baris',
  topChanges: 'Perubahan terbanyak',
  noChanges: 'Tidak ada perubahan.',
  problems: '{n} baris masuk daftar masalah_data.',
  earlyPeaks: 'Puncak awal bulan: {months}',
  noEarlyPeaks: 'Tidak ada puncak awal bulan.',
  tabsTitle: 'Tab ringkasan',
  tabRows: '{n} baris',
  openLooker: 'Buka di Looker Studio',
  newTab: '(tab baru)',

  undoTitle: 'Urungkan',
  undoButton: 'Urungkan pembersihan terakhir',
  undoWhat: 'Terakhir: "{sheet}", {at}',
  undoNone: 'Belum ada pembersihan yang bisa diurungkan.',
  undoConfirm: 'Kembalikan "{sheet}" seperti sebelum pembersihan terakhir? Ringkasan akan dihitung ulang saat pembersihan berikutnya.',
  undoDone: '{n} sel di "{sheet}" dikembalikan.',
  confirmYes: 'Ya, lanjutkan',
  confirmNo: 'Batal',

  nightlyTitle: 'Pembaruan malam',
  nightlySwitch: 'Perbarui ringkasan setiap malam',
  nightlyHour: 'Jam',
  nightlyLast: 'Terakhir berjalan: {at}',
  nightlyNever: 'Belum pernah berjalan.',
  nightlyOk: 'berhasil',
  nightlyFailed: 'gagal',
  nightlyContinued: 'dilanjutkan',
  timeZone: 'Zona waktu: {tz}',
  nightlySaved: 'Pembaruan malam disimpan.',

  settingsTitle: 'Pengaturan',
  ageBounds: 'Batas kelompok usia',
  ageBoundsHelp: 'Angka dipisah koma, naik, 1–120.',
  ageGroups: 'Kelompok: {groups}',
  peakThreshold: 'Ambang puncak (× rata-rata bulan)',
  holidays: 'Hari libur (satu TTTT-BB-HH per baris)',
  language: 'Bahasa',
  langAuto: 'Otomatis',
  langId: 'Bahasa Indonesia',
  langEn: 'English',
  saveSettings: 'Simpan pengaturan',
  settingsSaved: 'Pengaturan disimpan.',
  fixErrors: 'Perbaiki isian yang ditandai merah.',

  registeredTitle: 'Sheet terdaftar',
  registeredNone: 'Belum ada sheet yang dibersihkan.',
  dropButton: 'Keluarkan',
  dropLabel: 'Keluarkan "{sheet}" dari ringkasan',
  dropConfirm: 'Keluarkan "{sheet}" dari ringkasan? Isi sheet tidak diubah.',
  dropped: '"{sheet}" dikeluarkan dari ringkasan.',

  errInternal: 'Server tidak dapat dihubungi.',
  errInternalHint: 'Periksa koneksi internet, tunggu sebentar, lalu coba lagi.',
  errAgeEmpty: 'Isi minimal satu batas usia.',
  errAgeTooMany: 'Paling banyak {max} batas.',
  errAgeNotInt: '"{value}" bukan bilangan bulat.',
  errAgeRange: '"{value}" harus antara {min} dan {max}.',
  errAgeOrder: '"{value}" harus lebih besar dari angka sebelumnya.',
  errPeakNumber: 'Isi sebuah angka, misalnya 1,5.',
  errPeakMin: 'Ambang minimal 1.',
  errPeakMax: 'Ambang paling besar {max}.',
  errHoliday: 'Baris {line}: "{value}" bukan tanggal TTTT-BB-HH.',

  roleDate: 'Tanggal kunjungan',
  roleAge: 'Usia',
  roleBirthDate: 'Tanggal lahir',
  roleService: 'Layanan',
  roleTopic: 'Topik',
  roleChannel: 'Kanal',
  rolePersonal: 'Data pribadi',
  roleIgnore: 'Abaikan',

  statusOK: 'OK',
  statusDIPERBAIKI: 'Diperbaiki',
  statusDUPLIKAT: 'Duplikat',
  statusTIDAK_VALID: 'Tidak valid',
};

export type MsgKey = keyof typeof id;

const en: Record<MsgKey, string> = {
  productName: 'Pola Layanan',
  loading: 'Loading…',
  spreadsheet: 'Spreadsheet',
  activeSheet: 'Active sheet',
  noRun: 'This sidebar only runs inside Google Sheets.',
  retry: 'Try again',
  close: 'Close',
  dismiss: 'Dismiss message',
  version: 'Version {v}',

  mappingTitle: 'Column mapping',
  mappingIntro: 'Header row {row} · {rows} data rows',
  columnRole: 'Role of column "{header}"',
  samples: 'Examples',
  noSamples: '(empty)',
  untitledColumn: 'Column {n}',
  constService: 'Service (when there is no column)',
  constChannel: 'Channel (when there is no column)',
  sourceSheetName: 'from the sheet name',
  sourceUser: 'set by you',
  sourceNone: 'not set',
  saveMapping: 'Save mapping',
  mappingSaved: 'Mapping saved.',
  mappingDirty: 'You have unsaved changes; they are saved when you run the clean.',
  mappingNotSaved: 'Mapping detected automatically. Check it, then save.',
  blockersTitle: 'Cannot clean yet:',

  runButton: 'Clean & Summarize',
  runTitle: 'Clean & summarize',
  stepMembaca: 'Reading',
  stepMembersihkan: 'Cleaning',
  stepMenulis: 'Writing',
  stepMeringkas: 'Summarizing',
  stateWaiting: 'waiting',
  stateWorking: 'working',
  stateDone: 'done',
  stateFailed: 'failed',
  liveStep: 'Step {n} of {total}: {name}…',
  liveDone: 'Done. {rows} rows read.',
  liveFailed: 'Step "{name}" failed.',

  resultTitle: 'Result',
  resultRows: '{rows} rows read from "{sheet}"',
  resultIncomplete: 'Large sheet: the remaining rows continue automatically in a few minutes.',
  statusCol: 'Status',
  countCol: 'Rows',
  topChanges: 'Most frequent changes',
  noChanges: 'No changes.',
  problems: '{n} rows listed in masalah_data.',
  earlyPeaks: 'Early-month peaks: {months}',
  noEarlyPeaks: 'No early-month peaks.',
  tabsTitle: 'Summary tabs',
  tabRows: '{n} rows',
  openLooker: 'Open in Looker Studio',
  newTab: '(new tab)',

  undoTitle: 'Undo',
  undoButton: 'Undo last clean',
  undoWhat: 'Last: "{sheet}", {at}',
  undoNone: 'Nothing to undo yet.',
  undoConfirm: 'Restore "{sheet}" to how it was before the last clean? Summaries are rebuilt on the next clean.',
  undoDone: '{n} cells in "{sheet}" restored.',
  confirmYes: 'Yes, continue',
  confirmNo: 'Cancel',

  nightlyTitle: 'Nightly refresh',
  nightlySwitch: 'Refresh the summaries every night',
  nightlyHour: 'Hour',
  nightlyLast: 'Last run: {at}',
  nightlyNever: 'Has not run yet.',
  nightlyOk: 'succeeded',
  nightlyFailed: 'failed',
  nightlyContinued: 'continued',
  timeZone: 'Time zone: {tz}',
  nightlySaved: 'Nightly refresh saved.',

  settingsTitle: 'Settings',
  ageBounds: 'Age group bounds',
  ageBoundsHelp: 'Comma-separated, ascending, 1–120.',
  ageGroups: 'Groups: {groups}',
  peakThreshold: 'Peak threshold (× month average)',
  holidays: 'Holidays (one YYYY-MM-DD per line)',
  language: 'Language',
  langAuto: 'Automatic',
  langId: 'Bahasa Indonesia',
  langEn: 'English',
  saveSettings: 'Save settings',
  settingsSaved: 'Settings saved.',
  fixErrors: 'Fix the fields marked in red.',

  registeredTitle: 'Registered sheets',
  registeredNone: 'No sheet has been cleaned yet.',
  dropButton: 'Remove',
  dropLabel: 'Remove "{sheet}" from the summaries',
  dropConfirm: 'Remove "{sheet}" from the summaries? The sheet itself is not changed.',
  dropped: '"{sheet}" removed from the summaries.',

  errInternal: 'Could not reach the server.',
  errInternalHint: 'Check your internet connection, wait a moment, then try again.',
  errAgeEmpty: 'Enter at least one age bound.',
  errAgeTooMany: 'At most {max} bounds.',
  errAgeNotInt: '"{value}" is not a whole number.',
  errAgeRange: '"{value}" must be between {min} and {max}.',
  errAgeOrder: '"{value}" must be greater than the number before it.',
  errPeakNumber: 'Enter a number, e.g. 1.5.',
  errPeakMin: 'The threshold is at least 1.',
  errPeakMax: 'The threshold is at most {max}.',
  errHoliday: 'Line {line}: "{value}" is not a YYYY-MM-DD date.',

  roleDate: 'Visit date',
  roleAge: 'Age',
  roleBirthDate: 'Date of birth',
  roleService: 'Service',
  roleTopic: 'Topic',
  roleChannel: 'Channel',
  rolePersonal: 'Personal data',
  roleIgnore: 'Ignore',

  statusOK: 'OK',
  statusDIPERBAIKI: 'Fixed',
  statusDUPLIKAT: 'Duplicate',
  statusTIDAK_VALID: 'Invalid',
};

export const MESSAGES: Record<Lang, Record<MsgKey, string>> = { id, en };

/** Translates a key; `{name}` placeholders are replaced by params (as plain text). */
export function t(lang: Lang, key: MsgKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** settings.language wins; 'auto' follows the server's choice from the user's locale. */
export function resolveLang(setting: Settings['language'] | undefined, serverLang: Lang): Lang {
  return setting === 'id' || setting === 'en' ? setting : serverLang === 'en' ? 'en' : 'id';
}

const ROLE_KEYS: Record<Role, MsgKey> = {
  date: 'roleDate',
  age: 'roleAge',
  birthDate: 'roleBirthDate',
  service: 'roleService',
  topic: 'roleTopic',
  channel: 'roleChannel',
  personal: 'rolePersonal',
  ignore: 'roleIgnore',
};

export function roleLabel(lang: Lang, role: Role): string {
  return t(lang, ROLE_KEYS[role]);
}

export const STATUSES: readonly CleanStatus[] = ['OK', 'DIPERBAIKI', 'DUPLIKAT', 'TIDAK_VALID'];

export function statusLabel(lang: Lang, status: CleanStatus): string {
  return t(lang, `status${status}` as MsgKey);
}
