/**
 * Every user-facing string the server produces, in Bahasa Indonesia (first) and English.
 * The sidebar has its own table for its static labels.
 */
import type { ErrorCode, Lang } from '../shared/api';

type Table = Record<string, string>;

/** Each error code as [code, message in Indonesian, in English, next step in Indonesian, in English]. */
const ERRORS: readonly (readonly [code: ErrorCode, message: string, messageEn: string, hint: string, hintEn: string])[] = [
  ['NO_DATE_COLUMN', 'Kolom tanggal kunjungan tidak ditemukan di sheet "{sheet}".', 'No visit-date column was found in sheet "{sheet}".', 'Beri judul kolom tanggal (mis. "Tanggal" atau "Tgl Kunjungan"), atau pilih perannya di Pemetaan kolom, lalu coba lagi.', 'Give the date column a header (e.g. "Date" or "Tanggal"), or choose its role under Column mapping, then try again.'],
  ['BUSY', 'Proses lain sedang berjalan di spreadsheet ini.', 'Another run is in progress in this spreadsheet.', 'Tunggu sebentar lalu coba lagi. Tidak ada yang diubah.', 'Wait a moment and try again. Nothing was changed.'],
  ['TOO_LARGE', 'Sheet terlalu besar: cadangan untuk urungkan akan melewati batas {limit} sel spreadsheet.', 'The sheet is too large: the undo backup would exceed the spreadsheet limit of {limit} cells.', 'Pindahkan data lama ke file lain atau hapus tab yang tidak dipakai, lalu coba lagi. Tidak ada yang diubah.', 'Move old rows to another file or delete unused tabs, then try again. Nothing was changed.'],
  ['NOTHING_TO_CLEAN', 'Tidak ada baris data untuk dibersihkan di sheet "{sheet}".', 'There are no data rows to clean in sheet "{sheet}".', 'Isi data kunjungan di bawah baris judul, lalu coba lagi.', 'Enter visits below the header row, then try again.'],
  ['NOT_A_LOG', 'Sheet "{sheet}" adalah tab ringkasan atau tab sistem, bukan log layanan.', 'Sheet "{sheet}" is a summary or system tab, not a service log.', 'Buka sheet log kunjungan, lalu coba lagi.', 'Open a visit-log sheet and try again.'],
  ['NO_UNDO', 'Belum ada pembersihan yang bisa diurungkan.', 'There is no clean to undo yet.', 'Urungkan hanya tersedia setelah Bersihkan & Ringkas mengubah sheet.', 'Undo is available after Clean & Summarize has changed a sheet.'],
  ['BAD_INPUT', 'Isian tidak valid: {detail}.', 'Invalid input: {detail}.', 'Periksa isian lalu simpan lagi.', 'Check the input and save again.'],
  ['MAPPING_CHANGED', 'Kolom sheet "{sheet}" berubah sejak pemetaan dikonfirmasi ("{columns}" tidak ditemukan atau ganda); log tidak diubah.', 'The columns of sheet "{sheet}" changed since the mapping was confirmed ("{columns}" missing or duplicated); the log was not changed.', 'Buka sheet itu di sidebar, periksa Pemetaan kolom, lalu simpan lagi. Ringkasan lama tetap dipakai sampai itu.', 'Open that sheet in the sidebar, check Column mapping and save it again. The previous summaries stay until then.'],
  ['PROTECTED', 'Sheet "{sheet}" dilindungi: Pola Layanan tidak boleh menulis di sana; tidak ada yang diubah.', 'Sheet "{sheet}" is protected: Pola Layanan may not write there; nothing was changed.', 'Minta pemilik spreadsheet menambahkan Anda sebagai editor rentang yang dilindungi (Data > Lindungi sheet dan rentang), lalu coba lagi.', 'Ask the spreadsheet owner to add you as an editor of the protected range (Data > Protect sheets and ranges), then try again.'],
  ['STATE_UNREADABLE', 'Tab status Pola Layanan (_pola_state) hilang atau rusak; tidak ada yang diubah.', 'The Pola Layanan state tab (_pola_state) is missing or damaged; nothing was changed.', 'Buka sidebar dan pilih "Pulihkan status" untuk membangunnya kembali dari tab milik Pola Layanan.', 'Open the sidebar and choose "Rebuild state" to rebuild it from the tabs Pola Layanan made.'],
  ['INTERNAL', 'Terjadi kesalahan: {detail}', 'Something went wrong: {detail}', 'Coba lagi. Jika terus terjadi, hubungi admin. Data Anda tidak hilang.', 'Try again. If it keeps happening, contact your admin. Your data is not lost.'],
];

/** Every message as [key, Indonesian, English] (the errors' from ERRORS): one table, so no key is written twice. */
const MESSAGES: readonly (readonly [key: string, id: string, en: string])[] = [
  ...ERRORS.flatMap(([code, message, messageEn, hint, hintEn]) => [['error.' + code, message, messageEn] as const, ['hint.' + code, hint, hintEn] as const]),
  ['note.summaryTab', 'Tab ini dibuat oleh Pola Layanan. Buka sheet log kunjungan untuk membersihkannya.', 'This tab is written by Pola Layanan. Open a visit-log sheet to clean it.'],
  ['note.empty', 'Sheet ini kosong.', 'This sheet is empty.'],
  ['catatan.changed', '{kolom}: \u2018{from}\u2019 \u2192 {to}', '{kolom}: \u2018{from}\u2019 \u2192 {to}'],
  ['catatan.duplicate', 'duplikat dari baris {row}', 'duplicate of row {row}'],
  ['catatan.dateFilled', 'tanggal diambil dari baris {row} (ditulis sekali per hari)', 'date taken from row {row} (written once per day)'],
  ['review.reason', '{percent}% baris ({n} dari {rows}) tidak dihitung; alasan utama: {main} ({most} baris).', '{percent}% of rows ({n} of {rows}) were left out; main reason: {main} ({most} rows).'],
  ['review.fixNoDate', 'Isi tanggal di setiap baris, atau gabungkan (merge) sel tanggal per hari, lalu jalankan lagi.', 'Fill in the date on every row, or merge the date cells of each day, then run again.'],
  ['review.fixBadDate', 'Periksa format tanggal (mis. 22/05/2023) atau pilih kolom tanggal yang benar di Pemetaan kolom, lalu jalankan lagi.', 'Check the date format (e.g. 22/05/2023) or choose the right date column under Column mapping, then run again.'],
  ['review.duplicates', 'duplikat', 'duplicates'],
  ['review.fixDuplicates', 'Periksa apakah baris-baris itu memang kunjungan yang sama (tanggal, orang, layanan, topik); jika berbeda, lengkapi nama atau nomor KPJ-nya, lalu jalankan lagi.', 'Check that those rows really are the same visit (date, person, service, topic); if not, fill in the name or KPJ number, then run again.'],
  ['review.fixOther', 'Buka tab masalah_data untuk melihat baris yang tidak dihitung, perbaiki, lalu jalankan lagi.', 'Open the masalah_data tab to see the rows left out, fix them, then run again.'],
  ['review.fixOrder', 'Tulis tanggal dengan tahun-bulan-tanggal (2023-01-06) atau beri judul kolom formatnya (mis. "Tanggal (dd/mm/yyyy)"), lalu jalankan lagi.', 'Write dates as year-month-day (2023-01-06) or put the format in the column header (e.g. "Date (mm/dd/yyyy)"), then run again.'],
  ['review.ambiguousOrder', 'urutan tanggal ambigu: tanggal seperti 6/1/2023 dihitung hari-dulu, tidak diubah; periksa sumbernya', 'ambiguous date order: dates like 6/1/2023 were counted day-first, not rewritten; check their source'],
  ['catatan.noDate', 'tanggal kosong', 'date missing'],
  ['catatan.badDate', 'tanggal tidak terbaca: \u2018{value}\u2019', 'unreadable date: \u2018{value}\u2019'],
  ['catatan.badAge', 'usia tidak wajar: \u2018{value}\u2019, tidak dipakai', 'implausible age: \u2018{value}\u2019, not used'],
  ['catatan.unreadableAge', 'usia tidak terbaca: \u2018{value}\u2019, tidak dipakai', 'unreadable age: \u2018{value}\u2019, not used'],
  ['catatan.badBirth', 'tanggal lahir tidak terbaca: \u2018{value}\u2019, tidak dipakai', 'unreadable birth date: \u2018{value}\u2019, not used'],
  ['masalah.duplicate', 'Duplikat persis dari baris {row}', 'Exact duplicate of row {row}'],
  ['masalah.noDate', 'Tanggal kunjungan kosong', 'Visit date missing'],
  ['masalah.badDate', 'Tanggal kunjungan tidak terbaca', 'Visit date unreadable'],
  ['masalah.badAge', 'Usia di luar {min}\u2013{max} tahun', 'Age outside {min}\u2013{max} years'],
  ['masalah.unreadableAge', 'Usia tidak terbaca', 'Age unreadable'],
  ['masalah.badBirth', 'Tanggal lahir tidak terbaca', 'Birth date unreadable'],
  ['tindakan.excluded', 'Tidak dihitung di ringkasan; perbaiki lalu jalankan lagi', 'Left out of the summaries; fix it and run again'],
  ['tindakan.duplicate', 'Tidak dihitung (baris pertama yang dihitung)', 'Left out (the first row is counted)'],
  ['tindakan.ageIgnored', 'Baris dihitung, kelompok usia "Tidak diketahui"', 'Row counted, age group "Tidak diketahui"'],
  ['row.whole', '(seluruh baris)', '(whole row)'],
  ['menu.open', 'Buka Pola Layanan', 'Open Pola Layanan'],
  ['sidebar.title', 'Pola Layanan', 'Pola Layanan'],
];

/** One language's column of MESSAGES (1: Indonesian, 2: English) as a table. */
const tableOf = (column: 1 | 2): Table => Object.fromEntries(MESSAGES.map((m) => [m[0], m[column]]));

const TABLES: Record<Lang, Table> = { id: tableOf(1), en: tableOf(2) };

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = TABLES[lang][key] ?? TABLES.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function errorText(lang: Lang, code: ErrorCode, params: Record<string, string | number> = {}): { message: string; hint: string } {
  return { message: t(lang, 'error.' + code, params), hint: t(lang, 'hint.' + code, params) };
}

/** Indonesian unless the user's locale is something else we speak (English). */
export function langOfLocale(locale: string | undefined | null): Lang {
  return locale && /^en/i.test(locale) ? 'en' : 'id';
}

/** A language's keys, for the test that no string is missing (a function: unused, the bundle leaves it out). */
export const messageKeys = (lang: Lang): string[] => Object.keys(TABLES[lang]);
