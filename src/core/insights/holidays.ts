/**
 * Indonesian national public holidays (libur nasional) and collective leave days (cuti bersama),
 * 2023–2027, as data. Branch offices close on both, so the forecast treats them as closed days.
 *
 * Source: the joint decrees of the Minister of Religious Affairs, the Minister of Manpower and the
 * Minister of State Apparatus (SKB 3 Menteri) on libur nasional and cuti bersama for each year,
 * including their later revisions (2023: SKB 1066/2022, 3/2022, 4/2022 as revised in 2023;
 * 2024: SKB 855/2023, 3/2023, 4/2023; 2025: SKB 1017/2024, 2/2024, 2/2024; 2026: SKB of 2025).
 * 2027 has no decree in this list yet: its dates are provisional, from the astronomical
 * (hisab) calendars, and marked `provisional`. The list is editable in settings: staff add or
 * remove dates there (`Settings.holidays`), which is merged over this one.
 */
export interface HolidayEntry {
  date: string;
  name: string;
  kind: 'libur' | 'cuti';
  provisional?: boolean;
}

export const HOLIDAY_SOURCE =
  'SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama (2023–2026, termasuk revisinya); 2027 perkiraan hisab';

type Row = [string, string];
const libur = (rows: Row[], provisional = false): HolidayEntry[] =>
  rows.map(([date, name]) => ({ date, name, kind: 'libur', ...(provisional ? { provisional } : {}) }));
const cuti = (rows: Row[]): HolidayEntry[] => rows.map(([date, name]) => ({ date, name, kind: 'cuti' }));

export const INDONESIAN_HOLIDAYS: readonly HolidayEntry[] = [
  ...libur([
    ['2023-01-01', 'Tahun Baru Masehi'], ['2023-01-22', 'Tahun Baru Imlek'], ['2023-02-18', 'Isra Mikraj'],
    ['2023-03-22', 'Hari Suci Nyepi'], ['2023-04-07', 'Wafat Isa Almasih'], ['2023-04-22', 'Idul Fitri'],
    ['2023-04-23', 'Idul Fitri'], ['2023-05-01', 'Hari Buruh'], ['2023-05-18', 'Kenaikan Isa Almasih'],
    ['2023-06-01', 'Hari Lahir Pancasila'], ['2023-06-04', 'Waisak'], ['2023-06-29', 'Idul Adha'],
    ['2023-07-19', 'Tahun Baru Islam'], ['2023-08-17', 'Hari Kemerdekaan'], ['2023-09-28', 'Maulid Nabi'],
    ['2023-12-25', 'Natal'],
  ]),
  ...cuti([
    ['2023-01-23', 'Imlek'], ['2023-03-23', 'Nyepi'], ['2023-04-19', 'Idul Fitri'], ['2023-04-20', 'Idul Fitri'],
    ['2023-04-21', 'Idul Fitri'], ['2023-04-24', 'Idul Fitri'], ['2023-04-25', 'Idul Fitri'], ['2023-06-02', 'Waisak'],
    ['2023-06-28', 'Idul Adha'], ['2023-06-30', 'Idul Adha'], ['2023-12-26', 'Natal'],
  ]),
  ...libur([
    ['2024-01-01', 'Tahun Baru Masehi'], ['2024-02-08', 'Isra Mikraj'], ['2024-02-10', 'Tahun Baru Imlek'],
    ['2024-03-11', 'Hari Suci Nyepi'], ['2024-03-29', 'Wafat Isa Almasih'], ['2024-03-31', 'Paskah'],
    ['2024-04-10', 'Idul Fitri'], ['2024-04-11', 'Idul Fitri'], ['2024-05-01', 'Hari Buruh'],
    ['2024-05-09', 'Kenaikan Isa Almasih'], ['2024-05-23', 'Waisak'], ['2024-06-01', 'Hari Lahir Pancasila'],
    ['2024-06-17', 'Idul Adha'], ['2024-07-07', 'Tahun Baru Islam'], ['2024-08-17', 'Hari Kemerdekaan'],
    ['2024-09-16', 'Maulid Nabi'], ['2024-12-25', 'Natal'],
  ]),
  ...cuti([
    ['2024-02-09', 'Imlek'], ['2024-03-12', 'Nyepi'], ['2024-04-08', 'Idul Fitri'], ['2024-04-09', 'Idul Fitri'],
    ['2024-04-12', 'Idul Fitri'], ['2024-04-15', 'Idul Fitri'], ['2024-05-10', 'Kenaikan Isa Almasih'],
    ['2024-05-24', 'Waisak'], ['2024-06-18', 'Idul Adha'], ['2024-12-26', 'Natal'],
  ]),
  ...libur([
    ['2025-01-01', 'Tahun Baru Masehi'], ['2025-01-27', 'Isra Mikraj'], ['2025-01-29', 'Tahun Baru Imlek'],
    ['2025-03-29', 'Hari Suci Nyepi'], ['2025-03-31', 'Idul Fitri'], ['2025-04-01', 'Idul Fitri'],
    ['2025-04-18', 'Wafat Isa Almasih'], ['2025-04-20', 'Paskah'], ['2025-05-01', 'Hari Buruh'],
    ['2025-05-12', 'Waisak'], ['2025-05-29', 'Kenaikan Isa Almasih'], ['2025-06-01', 'Hari Lahir Pancasila'],
    ['2025-06-06', 'Idul Adha'], ['2025-06-27', 'Tahun Baru Islam'], ['2025-08-17', 'Hari Kemerdekaan'],
    ['2025-09-05', 'Maulid Nabi'], ['2025-12-25', 'Natal'],
  ]),
  ...cuti([
    ['2025-01-28', 'Imlek'], ['2025-03-28', 'Nyepi'], ['2025-04-02', 'Idul Fitri'], ['2025-04-03', 'Idul Fitri'],
    ['2025-04-04', 'Idul Fitri'], ['2025-04-07', 'Idul Fitri'], ['2025-05-13', 'Waisak'],
    ['2025-05-30', 'Kenaikan Isa Almasih'], ['2025-06-09', 'Idul Adha'], ['2025-08-18', 'Hari Kemerdekaan'],
    ['2025-12-26', 'Natal'],
  ]),
  ...libur([
    ['2026-01-01', 'Tahun Baru Masehi'], ['2026-01-16', 'Isra Mikraj'], ['2026-02-17', 'Tahun Baru Imlek'],
    ['2026-03-19', 'Hari Suci Nyepi'], ['2026-03-21', 'Idul Fitri'], ['2026-03-22', 'Idul Fitri'],
    ['2026-04-03', 'Wafat Isa Almasih'], ['2026-04-05', 'Paskah'], ['2026-05-01', 'Hari Buruh'],
    ['2026-05-14', 'Kenaikan Isa Almasih'], ['2026-05-27', 'Idul Adha'], ['2026-05-31', 'Waisak'],
    ['2026-06-01', 'Hari Lahir Pancasila'], ['2026-06-16', 'Tahun Baru Islam'], ['2026-08-17', 'Hari Kemerdekaan'],
    ['2026-08-25', 'Maulid Nabi'], ['2026-12-25', 'Natal'],
  ]),
  ...cuti([
    ['2026-02-16', 'Imlek'], ['2026-03-18', 'Nyepi'], ['2026-03-20', 'Idul Fitri'], ['2026-03-23', 'Idul Fitri'],
    ['2026-03-24', 'Idul Fitri'], ['2026-05-15', 'Kenaikan Isa Almasih'], ['2026-05-28', 'Idul Adha'],
    ['2026-12-24', 'Natal'],
  ]),
  ...libur(
    [
      ['2027-01-01', 'Tahun Baru Masehi'], ['2027-01-05', 'Isra Mikraj'], ['2027-02-06', 'Tahun Baru Imlek'],
      ['2027-03-08', 'Hari Suci Nyepi'], ['2027-03-10', 'Idul Fitri'], ['2027-03-11', 'Idul Fitri'],
      ['2027-03-26', 'Wafat Isa Almasih'], ['2027-03-28', 'Paskah'], ['2027-05-01', 'Hari Buruh'],
      ['2027-05-06', 'Kenaikan Isa Almasih'], ['2027-05-17', 'Idul Adha'], ['2027-05-20', 'Waisak'],
      ['2027-06-01', 'Hari Lahir Pancasila'], ['2027-06-06', 'Tahun Baru Islam'], ['2027-08-15', 'Maulid Nabi'],
      ['2027-08-17', 'Hari Kemerdekaan'], ['2027-12-25', 'Natal'],
    ],
    true,
  ),
];

/**
 * The closed dates in force: the built-in list plus the dates staff added in settings.
 * `removed` takes dates out (a branch that opens on a cuti bersama day).
 */
export function closedDates(added: readonly string[] = [], removed: readonly string[] = []): Set<string> {
  const out = new Set(INDONESIAN_HOLIDAYS.map((h) => h.date));
  for (const d of added) out.add(d);
  for (const d of removed) out.delete(d);
  return out;
}
