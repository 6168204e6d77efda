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
  /** True for years without a decree yet (dates from the hisab calendars). */
  provisional: boolean;
}

export const HOLIDAY_SOURCE =
  'SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama (2023–2026, termasuk revisinya); 2027 perkiraan hisab';

const NAMES: Record<string, string> = {
  TM: 'Tahun Baru Masehi', IM: 'Isra Mikraj', IL: 'Tahun Baru Imlek', NY: 'Hari Suci Nyepi', WI: 'Wafat Isa Almasih',
  PA: 'Paskah', IF: 'Idul Fitri', HB: 'Hari Buruh', KI: 'Kenaikan Isa Almasih', WA: 'Waisak', PC: 'Hari Lahir Pancasila',
  IA: 'Idul Adha', TI: 'Tahun Baru Islam', HK: 'Hari Kemerdekaan', MN: 'Maulid Nabi', NA: 'Natal',
};

const PROVISIONAL_FROM = 2027;

/** Per year: MMDD + the occasion's code, upper case for libur nasional, lower case for cuti bersama. */
const LIST: Record<number, string> = {
  2023: '0101TM 0122IL 0123il 0218IM 0322NY 0323ny 0407WI 0419if 0420if 0421if 0422IF 0423IF 0424if 0425if 0501HB 0518KI 0601PC 0602wa 0604WA 0628ia 0629IA 0630ia 0719TI 0817HK 0928MN 1225NA 1226na',
  2024: '0101TM 0208IM 0209il 0210IL 0311NY 0312ny 0329WI 0331PA 0408if 0409if 0410IF 0411IF 0412if 0415if 0501HB 0509KI 0510ki 0523WA 0524wa 0601PC 0617IA 0618ia 0707TI 0817HK 0916MN 1225NA 1226na',
  2025: '0101TM 0127IM 0128il 0129IL 0328ny 0329NY 0331IF 0401IF 0402if 0403if 0404if 0407if 0418WI 0420PA 0501HB 0512WA 0513wa 0529KI 0530ki 0601PC 0606IA 0609ia 0627TI 0817HK 0818hk 0905MN 1225NA 1226na',
  2026: '0101TM 0116IM 0216il 0217IL 0318ny 0319NY 0320if 0321IF 0322IF 0323if 0324if 0403WI 0405PA 0501HB 0514KI 0515ki 0527IA 0528ia 0531WA 0601PC 0616TI 0817HK 0825MN 1224na 1225NA',
  2027: '0101TM 0105IM 0206IL 0308NY 0310IF 0311IF 0326WI 0328PA 0501HB 0506KI 0517IA 0520WA 0601PC 0606TI 0815MN 0817HK 1225NA',
};

/** Every item of the list with its year and date. */
function listed(): { year: string; item: string; date: string }[] {
  return Object.keys(LIST).flatMap((year) => (LIST[Number(year)] ?? '').split(' ').map((item) => ({ year, item, date: `${year}-${item.slice(0, 2)}-${item.slice(2, 4)}` })));
}

/** Every entry of the list, named: the list as people read it (the add-on itself needs only the dates). */
export function holidayEntries(): HolidayEntry[] {
  return listed().map(({ year, item, date }) => ({
    date,
    name: NAMES[item.slice(4).toUpperCase()] ?? item.slice(4),
    kind: item.slice(4) === item.slice(4).toUpperCase() ? ('libur' as const) : ('cuti' as const),
    provisional: Number(year) >= PROVISIONAL_FROM,
  }));
}

/**
 * The closed dates in force: the built-in list plus the dates staff added in settings.
 * `removed` takes dates out (a branch that opens on a cuti bersama day).
 */
export function closedDates(added: readonly string[] = [], removed: readonly string[] = []): Set<string> {
  const out = new Set(listed().map((h) => h.date));
  for (const d of added) out.add(d);
  for (const d of removed) out.delete(d);
  return out;
}
