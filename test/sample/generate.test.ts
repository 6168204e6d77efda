import { generateSample, type SampleWorkbook } from '../../tools/sample/generate';
import {
  dateShape, mondayOf, monthToken, norm, refAge, refAgeGroup, refClean, refClean11, refDate, refGeneration, refLayanan, refTopic, type Cleaned, type VisitColumns,
} from './refparse';

const SEED = 20240403;
const NAMES = { cs: 'Customer Service', onsite: 'Klaim JHT Onsite', lapak: 'Klaim JHT Lapak Asik', jmo: 'JMO' };
const EXPECTED_CLEAN = { [NAMES.cs]: 2090, [NAMES.onsite]: 3107, [NAMES.lapak]: 7439, [NAMES.jmo]: 4296 };
const DATE_COL: Record<string, number> = { [NAMES.cs]: 1, [NAMES.onsite]: 0, [NAMES.lapak]: 0, [NAMES.jmo]: 0 };
const DELIBERATE = ['=HYPERLINK("http://x","klik")', '+62 812 3456 7890', '@admin mohon cek'];

const cache = new Map<number, SampleWorkbook>();
const wbOf = (seed: number): SampleWorkbook => {
  if (!cache.has(seed)) cache.set(seed, generateSample(seed));
  return cache.get(seed) as SampleWorkbook;
};
const sheet = (wb: SampleWorkbook, name: string) => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`missing sheet ${name}`);
  return s;
};

interface Recount {
  cleaned: Record<string, Cleaned>;
  csLayanan: Record<string, number>;
  csLayananAge: Record<string, Record<string, number>>;
  over42Topics: Record<string, number>;
  jmoGen: Record<string, number>;
  complaints: Record<string, Record<string, number>>;
  weekly: Record<string, { informasi: number; pengaduan: number }>;
  perDay: Record<string, number>;
}
const inc = (o: Record<string, number>, k: string): void => {
  o[k] = (o[k] ?? 0) + 1;
};

/** Where each sheet keeps what issue #11's rules need; Onsite writes its date once per day in the real-world sample. */
const VISIT_COLUMNS: Record<string, VisitColumns> = {
  [NAMES.cs]: { dateCol: 1, personCols: [3, 2], serviceCol: 5, topicCol: 7, fillDown: false },
  [NAMES.onsite]: { dateCol: 0, personCols: [2, 1], serviceCol: 4, topicCol: -1, fillDown: true },
  [NAMES.lapak]: { dateCol: 0, personCols: [2, 1], serviceCol: 4, topicCol: -1, fillDown: false },
  [NAMES.jmo]: { dateCol: 0, personCols: [2, 1], serviceCol: 4, topicCol: -1, fillDown: false },
};
const byIssue11 = (wb: SampleWorkbook, name: string): Cleaned => refClean11(sheet(wb, name).rows, VISIT_COLUMNS[name]);
const byExactRows = (wb: SampleWorkbook, name: string): Cleaned => refClean(sheet(wb, name).rows, DATE_COL[name]);

function recount(wb: SampleWorkbook, clean: (wb: SampleWorkbook, name: string) => Cleaned = byExactRows): Recount {
  const cleaned: Record<string, Cleaned> = {};
  for (const name of Object.values(NAMES)) cleaned[name] = clean(wb, name);
  const r: Recount = { cleaned, csLayanan: {}, csLayananAge: {}, over42Topics: {}, jmoGen: {}, complaints: {}, weekly: {}, perDay: {} };
  for (const { cells, date } of cleaned[NAMES.cs].rows) {
    const layanan = refLayanan(cells[5]);
    if (!layanan) throw new Error(`unknown layanan ${JSON.stringify(cells[5])}`);
    const age = refAge(cells[4]);
    const group = refAgeGroup(age);
    inc(r.csLayanan, layanan);
    inc((r.csLayananAge[layanan] ??= {}), group);
    const topic = refTopic(cells[7]) ?? `?${String(cells[7])}`;
    if (layanan === 'Informasi' && group === '>42') inc(r.over42Topics, topic);
    if (layanan === 'Pengaduan' && age !== null) inc((r.complaints[refGeneration(+date.slice(0, 4) - age)] ??= {}), topic);
    if (layanan !== 'Permintaan Update Data') {
      const w = (r.weekly[mondayOf(date)] ??= { informasi: 0, pengaduan: 0 });
      if (layanan === 'Informasi') w.informasi++;
      else w.pengaduan++;
    }
  }
  for (const { cells } of cleaned[NAMES.jmo].rows) {
    const birth = refDate(cells[3]);
    if (!birth) throw new Error(`bad birth date ${JSON.stringify(cells[3])}`);
    inc(r.jmoGen, refGeneration(+birth.slice(0, 4)));
  }
  for (const c of Object.values(cleaned)) for (const { date } of c.rows) inc(r.perDay, date);
  return r;
}

const WEEKDAYS = (() => {
  const out: string[] = [];
  for (let t = Date.UTC(2023, 4, 22); t <= Date.UTC(2024, 3, 3); t += 86400000) {
    const d = new Date(t);
    if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
  }
  return out;
})();
const womOf = (iso: string): number => {
  const d = +iso.slice(8, 10);
  return d <= 7 ? 1 : d <= 14 ? 2 : d <= 21 ? 3 : d <= 28 ? 4 : 5;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function checkMonthlyPattern(perDay: Record<string, number>): void {
  const months = [...new Set(WEEKDAYS.map((d) => d.slice(0, 7)))].filter((m) => m >= '2023-06' && m <= '2024-03');
  expect(months).toHaveLength(10);
  for (const month of months) {
    const days = WEEKDAYS.filter((d) => d.startsWith(month));
    const rate: Record<number, number> = {};
    for (const b of [1, 2, 3, 4, 5]) {
      const bd = days.filter((d) => womOf(d) === b);
      if (bd.length) rate[b] = bd.reduce((s, d) => s + (perDay[d] ?? 0), 0) / bd.length;
    }
    const buckets = Object.keys(rate).map(Number);
    const ratio = (b: number): number => rate[b] / mean(buckets.filter((x) => x !== b).map((x) => rate[x]));
    expect({ month, ok: ratio(1) >= 1.45 }).toEqual({ month, ok: true });
    for (const b of buckets) if (b !== 1) expect({ month, b, ok: ratio(b) < 1.15 }).toEqual({ month, b, ok: true });
    expect({ month, min: Math.min(...buckets.map((b) => rate[b])) }).toEqual({ month, min: rate[3] });
  }
}

function checkWeekly(weekly: Record<string, { informasi: number; pengaduan: number }>): void {
  const mondays = Object.keys(weekly).sort();
  expect(mondays[0]).toBe('2023-05-22');
  expect(mondays[mondays.length - 1]).toBe('2024-04-01');
  expect(mondays).toHaveLength(46);
  const peak = weekly['2023-10-09'].informasi;
  for (const m of mondays) {
    const { informasi, pengaduan } = weekly[m];
    if (m < '2023-08-14') expect({ m, ok: informasi <= pengaduan }).toEqual({ m, ok: true });
    else expect({ m, ok: informasi >= pengaduan + 2 }).toEqual({ m, ok: true });
    if (m !== '2023-10-09') expect({ m, ok: informasi < peak }).toEqual({ m, ok: true });
  }
  const rising = mondays.filter((m) => m >= '2023-08-14' && m <= '2023-10-09').map((m) => weekly[m].informasi);
  rising.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(rising[i]));
  const later = mondays.filter((m) => m > '2023-10-09').map((m) => weekly[m].informasi);
  later.slice(1).forEach((n, i) => expect(n).toBeLessThanOrEqual(later[i]));
  expect(mean(later)).toBeLessThan(0.75 * peak);
}

function checkComplaintOrder(byTopic: Record<string, number>): void {
  const [a, b, c, d] = ['Gagal Biometrik JMO', 'Gagal Klaim JMO', 'Error Akun JMO', 'Lupa Akun JMO'].map((t) => byTopic[t] ?? 0);
  expect(a - b).toBeGreaterThanOrEqual(3);
  expect(b - c).toBeGreaterThanOrEqual(3);
  expect(c - d).toBeGreaterThanOrEqual(3);
  expect(d).toBeGreaterThan(0);
}

describe('generateSample: determinism', () => {
  test('same seed → identical workbook JSON; different seed differs', () => {
    const a = JSON.stringify(generateSample(SEED));
    const b = JSON.stringify(generateSample(SEED));
    expect(a).toBe(b);
    expect(JSON.stringify(wbOf(1))).not.toBe(a);
    expect(JSON.stringify(wbOf(1).truth.cleanBySheet)).toBe(JSON.stringify(wbOf(SEED).truth.cleanBySheet));
  });
  test('default seed is 20240403', () => {
    expect(JSON.stringify(generateSample())).toBe(JSON.stringify(wbOf(SEED)));
  });
  test('no Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    generateSample(5);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('truth holds the published figures', () => {
  const t = wbOf(SEED).truth;
  test('sheets and clean totals', () => {
    expect(wbOf(SEED).sheets.map((s) => s.name)).toEqual(Object.values(NAMES));
    expect(t.cleanBySheet).toEqual(EXPECTED_CLEAN);
    expect(Object.values(t.visitsPerDay).reduce((a, b) => a + b, 0)).toBe(16932);
  });
  test('CS by layanan and age group', () => {
    expect(t.csByLayanan).toEqual({ Informasi: 1245, Pengaduan: 754, 'Permintaan Update Data': 91 });
    expect(t.csByLayananAge.Informasi).toEqual({ '>42': 374, '28-34': 344, '20-27': 272, '35-42': 255 });
    expect(t.csByLayananAge.Pengaduan).toEqual({ '20-27': 270, '28-34': 225, '35-42': 170, '>42': 89 });
    expect(t.csByLayananAge['Permintaan Update Data']['Tidak diketahui']).toBe(3);
  });
  test('Informasi >42 topics', () => {
    const topics = t.informasiOver42Topics;
    expect(topics['KPJ Lama']).toBe(86);
    const sorted = Object.entries(topics).sort((a, b) => b[1] - a[1]);
    expect(sorted[0][0]).toBe('KPJ Lama');
    expect(sorted[1][0]).toBe('Prosedur Klaim JHT');
    expect(sorted[2][1]).toBeLessThan(sorted[1][1]);
    expect(Object.values(topics).reduce((a, b) => a + b, 0)).toBe(374);
  });
  test('JMO generations and complaint order', () => {
    expect(t.jmoByGeneration['Gen Z']).toBe(1575);
    expect(t.jmoByGeneration.Milenial).toBe(1261);
    expect(t.jmoByGeneration['Gen X'] + t.jmoByGeneration['Baby Boomer']).toBe(4296 - 1575 - 1261);
    checkComplaintOrder(t.complaintsByGenerationTopic['Gen Z'] ?? {});
    checkComplaintOrder(t.complaintsByGenerationTopic.Milenial ?? {});
  });
  test('weekly pattern and monthly week-1 peak', () => {
    checkWeekly(Object.fromEntries(t.weekly.map((w) => [w.monday, w])));
    checkMonthlyPattern(t.visitsPerDay);
  });
});

describe.each([SEED, 1, 987654])('independent recount from raw rows (seed %i)', (seed) => {
  let wb: SampleWorkbook;
  let r: Recount;
  beforeAll(() => {
    wb = wbOf(seed);
    r = recount(wb);
  });
  test('clean totals, extra rows match truth', () => {
    for (const [name, n] of Object.entries(EXPECTED_CLEAN)) {
      const c = r.cleaned[name];
      expect({ name, n: c.rows.length }).toEqual({ name, n });
      expect(c.duplicates).toBe(wb.truth.duplicatesBySheet[name]);
      expect(c.invalid).toBe(wb.truth.invalidDateBySheet[name]);
      expect(c.blank).toBe(wb.truth.blankBySheet[name]);
      expect(sheet(wb, name).rows.length).toBe(wb.truth.rowsBySheet[name]);
    }
  });
  test('all clean dates are weekdays 2023-05-22 … 2024-04-03', () => {
    const ok = new Set(WEEKDAYS);
    for (const c of Object.values(r.cleaned)) for (const { date } of c.rows) expect(ok.has(date)).toBe(true);
    expect(r.perDay).toEqual(wb.truth.visitsPerDay);
  });
  test('CS figures', () => {
    expect(r.csLayanan).toEqual({ Informasi: 1245, Pengaduan: 754, 'Permintaan Update Data': 91 });
    expect(r.csLayananAge.Informasi).toEqual({ '>42': 374, '28-34': 344, '20-27': 272, '35-42': 255 });
    expect(r.csLayananAge.Pengaduan).toEqual({ '20-27': 270, '28-34': 225, '35-42': 170, '>42': 89 });
    expect(r.csLayananAge['Permintaan Update Data']['Tidak diketahui']).toBe(3);
    expect(r.over42Topics).toEqual(wb.truth.informasiOver42Topics);
    expect(r.over42Topics['KPJ Lama']).toBe(86);
    const sorted = Object.entries(r.over42Topics).sort((a, b) => b[1] - a[1]);
    expect(sorted[1][0]).toBe('Prosedur Klaim JHT');
    expect(sorted[2][1]).toBeLessThan(sorted[1][1]);
  });
  test('complaints by generation', () => {
    expect(r.complaints).toEqual(wb.truth.complaintsByGenerationTopic);
    checkComplaintOrder(r.complaints['Gen Z']);
    checkComplaintOrder(r.complaints.Milenial);
  });
  test('JMO generations', () => {
    expect(r.jmoGen['Gen Z']).toBe(1575);
    expect(r.jmoGen.Milenial).toBe(1261);
    expect((r.jmoGen['Gen X'] ?? 0) + (r.jmoGen['Baby Boomer'] ?? 0)).toBe(1460);
    expect(r.jmoGen.Lainnya ?? 0).toBe(0);
  });
  test('weekly CS pattern and monthly peak/dip over all sheets', () => {
    checkWeekly(r.weekly);
    expect(wb.truth.weekly.map((w) => [w.monday, w.informasi, w.pengaduan])).toEqual(
      Object.keys(r.weekly).sort().map((m) => [m, r.weekly[m].informasi, r.weekly[m].pengaduan]),
    );
    checkMonthlyPattern(r.perDay);
  });
  test('claim sheets: service is Klaim JHT, onsite channel is Kantor Cabang', () => {
    for (const [name, col] of [[NAMES.onsite, 4], [NAMES.lapak, 4], [NAMES.jmo, 4]] as const) {
      for (const { cells } of r.cleaned[name].rows) expect(norm(cells[col])).toBe('klaim jht');
    }
    for (const { cells } of r.cleaned[NAMES.onsite].rows) expect(norm(cells[5])).toBe('kantor cabang');
    for (const { cells } of r.cleaned[NAMES.cs].rows) expect(norm(cells[6])).toBe('kantor cabang');
  });
});

describe('messiness', () => {
  const wb = wbOf(SEED);
  const all = (name: string, col: number): unknown[] => sheet(wb, name).rows.slice(1).map((row) => row[col]);

  test('headers', () => {
    expect(sheet(wb, NAMES.cs).rows[0]).toEqual(['No', 'Tgl. Kunjungan', 'Nama Peserta', 'No KPJ', 'Usia (tahun)', 'Layanan', 'Kanal', 'Keterangan']);
    expect(sheet(wb, NAMES.onsite).rows[0]).toEqual(['Tanggal', 'Nama', 'NIK', 'Umur', 'Jenis Layanan', 'Kanal']);
    expect(sheet(wb, NAMES.lapak).rows[0]).toEqual(['Tgl Pengajuan', 'Nama', 'No. KPJ', 'Tanggal Lahir', 'Keperluan']);
    expect(sheet(wb, NAMES.jmo).rows[0]).toEqual(['Timestamp', 'Nama', 'KPJ', 'Tanggal Lahir', 'Layanan']);
  });

  test.each([NAMES.cs, NAMES.onsite, NAMES.lapak])('every visit-date format occurs in %s', (name) => {
    const shapes = new Set(all(name, DATE_COL[name]).map(dateShape));
    for (const s of ['cell', 'dmy/', 'dmy-', 'monthShort', 'monthShortLower', 'monthFull', 'weekday', 'iso', 'serialNum', 'serialText']) {
      expect({ name, s, has: shapes.has(s) }).toEqual({ name, s, has: true });
    }
  });

  test('JMO timestamps are mostly date-time cells or dd/mm/yyyy hh:mm:ss text', () => {
    const shapes = all(NAMES.jmo, 0).map(dateShape);
    const main = shapes.filter((s) => s === 'datetimeCell' || s === 'dmyTime').length;
    expect(main / shapes.length).toBeGreaterThan(0.8);
    expect(shapes).toContain('datetimeCell');
    expect(shapes).toContain('dmyTime');
  });

  test('all Indonesian month spellings occur', () => {
    const tokens = new Set<string>();
    for (const s of wb.sheets) for (const row of s.rows) for (const c of row) {
      const t = monthToken(c);
      if (t) tokens.add(t.charAt(0).toUpperCase() + t.slice(1).toLowerCase());
    }
    const expected = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Agt', 'Ags', 'Sep', 'Sept', 'Okt', 'Nov', 'Nop', 'Des',
      'Januari', 'Februari', 'Maret', 'April', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    for (const e of expected) expect({ e, has: tokens.has(e) }).toEqual({ e, has: true });
    for (const d of ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat']) {
      expect(all(NAMES.cs, 1).concat(all(NAMES.lapak, 0)).some((c) => typeof c === 'string' && c.startsWith(`${d}, `))).toBe(true);
    }
  });

  test('birth dates are mixed and realistic', () => {
    for (const name of [NAMES.lapak, NAMES.jmo]) {
      const shapes = new Set(all(name, 3).map(dateShape));
      for (const s of ['cell', 'dmy/', 'monthFull']) expect(shapes.has(s)).toBe(true);
    }
    const jmo = refClean(sheet(wb, NAMES.jmo).rows, 0).rows;
    for (const { cells, date } of jmo) {
      const age = +date.slice(0, 4) - +(refDate(cells[3]) as string).slice(0, 4);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(66);
    }
  });

  test('value variants', () => {
    const strs = (name: string, col: number): string[] => all(name, col).filter((c): c is string => typeof c === 'string');
    const layanan = strs(NAMES.cs, 5);
    for (const v of ['Infromasi', 'Pengaduaan']) expect(layanan).toContain(v);
    expect(layanan.some((v) => /keluhan/i.test(v))).toBe(true);
    expect(layanan.some((v) => /komplain/i.test(v))).toBe(true);
    expect(layanan.some((v) => norm(v) === 'update data')).toBe(true);
    expect(layanan.some((v) => v !== v.trim() || /\s\s/.test(v) || /[.,;]$/.test(v))).toBe(true);
    const kanal = strs(NAMES.cs, 6).concat(strs(NAMES.onsite, 5));
    for (const v of ['kantor cabang', 'Kantor  Cabang', 'KANTOR CABANG']) expect(kanal).toContain(v);
    const klaim = [...strs(NAMES.onsite, 4), ...strs(NAMES.lapak, 4), ...strs(NAMES.jmo, 4)];
    for (const v of ['Klaim JHT', 'klaim jht', 'KLAIM JHT', 'Klaim  JHT']) expect(klaim).toContain(v);
    const topics = strs(NAMES.cs, 7);
    expect(topics.some((v) => norm(v) === 'lama kpj')).toBe(true);
    expect(topics).toContain('<b>Saldo</b> <script>alert(1)</script>');
    const ages = strs(NAMES.cs, 4).concat(strs(NAMES.onsite, 3));
    for (const re of [/^\d+ th$/, /^\d+ tahun$/i, /^\d+thn$/, /^ \d+ $/]) expect(ages.some((a) => re.test(a))).toBe(true);
    expect(all(NAMES.cs, 4).some((a) => typeof a === 'number')).toBe(true);
  });

  test('IDs are synthetic digit strings of the right length', () => {
    for (const v of all(NAMES.cs, 3).concat(all(NAMES.lapak, 2), all(NAMES.jmo, 2))) if (v !== null) expect(v).toMatch(/^\d{11}$/);
    for (const v of all(NAMES.onsite, 2)) if (v !== null) expect(v).toMatch(/^\d{16}$/);
  });

  test.each(Object.values(NAMES))('%s has duplicates, invalid dates and blank rows', (name) => {
    const rows = sheet(wb, name).rows;
    const c = refClean(rows, DATE_COL[name]);
    const clean = EXPECTED_CLEAN[name];
    expect(c.duplicates).toBeGreaterThanOrEqual(Math.floor(clean * 0.008));
    expect(c.duplicates).toBeLessThanOrEqual(Math.ceil(clean * 0.012));
    expect(c.invalid).toBeGreaterThanOrEqual(5);
    expect(c.invalid).toBeLessThanOrEqual(Math.max(5, Math.ceil(clean * 0.003)));
    expect(c.blank).toBeGreaterThanOrEqual(1);
    // blank rows sit in the middle, not at the end
    const blanks = rows.map((r, i) => (r.every((x) => x === null) ? i : -1)).filter((i) => i > 0);
    for (const i of blanks) expect(i).toBeLessThan(rows.length - 10);
    // every invalid kind present
    const bad = rows.slice(1).filter((r) => !r.every((x) => x === null) && refDate(r[DATE_COL[name]]) === null).map((r) => r[DATE_COL[name]]);
    for (const v of ['??', '-', 'belum diisi', null, '31/02/2023']) expect(bad).toContainEqual(v);
    // invalid rows have other cells filled
    for (const r of rows.slice(1)) if (r[DATE_COL[name]] === null && !r.every((x) => x === null)) expect(r.filter((x) => x !== null).length).toBeGreaterThan(2);
  });

  test('rows are mostly chronological, with some shuffling', () => {
    for (const name of Object.values(NAMES)) {
      const dates = refClean(sheet(wb, name).rows, DATE_COL[name]).rows.map((x) => x.date);
      let back = 0;
      for (let i = 1; i < dates.length; i++) if (dates[i] < dates[i - 1]) back++;
      expect(back).toBeGreaterThan(0);
      expect(back / dates.length).toBeLessThan(0.1);
    }
  });

  test('no text cell starts with = + - @ except the deliberate ones', () => {
    const hits: { sheet: string; row: number; col: number; value: string }[] = [];
    for (const s of wb.sheets) s.rows.forEach((row, ri) => row.forEach((c, ci) => {
      if (typeof c === 'string' && /^[=+\-@]/.test(c)) hits.push({ sheet: s.name, row: ri, col: ci, value: c });
    }));
    expect(hits).toEqual(wb.truth.formulaLikeCells);
    for (const h of hits) {
      if (h.value === '-') expect(h.col).toBe(DATE_COL[h.sheet]); // invalid-date placeholder
      else {
        expect(h.sheet).toBe(NAMES.cs);
        expect(h.col).toBe(7);
        expect(DELIBERATE).toContain(h.value);
      }
    }
    expect(hits.filter((h) => h.value.startsWith('='))).toHaveLength(1);
    // the formula-like topics sit in counted Update Data rows
    const cs = refClean(sheet(wb, NAMES.cs).rows, 1).rows;
    for (const v of [...DELIBERATE, '<b>Saldo</b> <script>alert(1)</script>']) {
      const rows = cs.filter((x) => x.cells[7] === v);
      expect(rows).toHaveLength(1);
      expect(refLayanan(rows[0].cells[5])).toBe('Permintaan Update Data');
    }
  });
});

describe('real-world mess of issue #11 (generateSample(seed, { realWorld: true }))', () => {
  const messy = new Map<number, SampleWorkbook>();
  const messyOf = (seed: number): SampleWorkbook => {
    if (!messy.has(seed)) messy.set(seed, generateSample(seed, { realWorld: true }));
    return messy.get(seed) as SampleWorkbook;
  };

  test('off by default: the plain sample has no mess and no realWorld truth', () => {
    expect(wbOf(SEED).truth.realWorld).toBeUndefined();
    expect(JSON.stringify(generateSample(SEED, { realWorld: false }))).toBe(JSON.stringify(wbOf(SEED)));
  });

  test('the same rows underneath: Lapak Asik is untouched, and the published truth is the same', () => {
    const wb = messyOf(SEED);
    expect(sheet(wb, NAMES.lapak)).toEqual(sheet(wbOf(SEED), NAMES.lapak));
    const { realWorld, ...published } = wb.truth;
    const { rowsBySheet: _a, formulaLikeCells: _b, ...plainPublished } = wbOf(SEED).truth;
    expect(realWorld).toBeDefined();
    expect({ ...published, rowsBySheet: undefined, formulaLikeCells: undefined }).toEqual({ ...plainPublished, rowsBySheet: undefined, formulaLikeCells: undefined });
  });

  describe.each([SEED, 1])('seed %i: every published figure still comes out by issue #11\'s rules', (seed) => {
    let wb: SampleWorkbook;
    let r: Recount;
    beforeAll(() => {
      wb = messyOf(seed);
      r = recount(wb, byIssue11);
    });
    test('rows read, valid, duplicate and invalid per sheet are the truth', () => {
      const rw = wb.truth.realWorld!;
      for (const name of Object.values(NAMES)) {
        const c = r.cleaned[name];
        const rows = sheet(wb, name).rows.length - 1 - c.blank;
        expect({ name, rows, valid: c.rows.length, duplicate: c.duplicates, invalid: c.invalid }).toEqual({ name, ...rw.expectedBySheet[name] });
        expect(c.rows.length).toBe(EXPECTED_CLEAN[name]);
      }
    });
    test('visits per day, CS figures, complaints, JMO generations, weekly pattern', () => {
      expect(r.perDay).toEqual(wb.truth.visitsPerDay);
      expect(r.csLayanan).toEqual({ Informasi: 1245, Pengaduan: 754, 'Permintaan Update Data': 91 });
      expect(r.csLayananAge.Informasi).toEqual({ '>42': 374, '28-34': 344, '20-27': 272, '35-42': 255 });
      expect(r.csLayananAge.Pengaduan).toEqual({ '20-27': 270, '28-34': 225, '35-42': 170, '>42': 89 });
      expect(r.over42Topics).toEqual(wb.truth.informasiOver42Topics);
      expect(r.complaints).toEqual(wb.truth.complaintsByGenerationTopic);
      expect(r.jmoGen['Gen Z']).toBe(1575);
      expect(r.jmoGen.Milenial).toBe(1261);
      checkWeekly(r.weekly);
      checkMonthlyPattern(r.perDay);
    });
    test('read as exact rows (the old rule), the mess would move the figures', () => {
      const old = recount(wb, byExactRows);
      expect(old.cleaned[NAMES.onsite].rows.length).toBeLessThan(EXPECTED_CLEAN[NAMES.onsite] / 2);
      expect(old.cleaned[NAMES.jmo].rows.length).toBeGreaterThan(EXPECTED_CLEAN[NAMES.jmo]);
      expect(old.cleaned[NAMES.cs].rows.length).toBeGreaterThan(EXPECTED_CLEAN[NAMES.cs]);
    });
  });

  describe('each kind of mess is there', () => {
    const wb = messyOf(SEED);
    const rw = wb.truth.realWorld!;
    const cs = sheet(wb, NAMES.cs).rows;

    test('re-entered rows: the visit of an earlier row again, with a new running number', () => {
      expect(rw.reenteredBySheet[NAMES.cs]).toBe(20);
      const numbers = cs.slice(1).filter((row) => !row.every((c) => c === null)).map((row) => row[0]).filter((n) => n !== null);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const firstOf = new Map<string, number>();
      let again = 0;
      cs.slice(1).forEach((row, i) => {
        const key = `${refDate(row[1])}|${row[3]}`;
        if (row[3] === null) return;
        if (firstOf.has(key)) again++;
        else firstOf.set(key, i);
      });
      expect(again).toBe(rw.reenteredBySheet[NAMES.cs] + wb.truth.duplicatesBySheet[NAMES.cs]);
    });

    test('form double submissions: the same answers seconds later, right below', () => {
      const jmo = sheet(wb, NAMES.jmo).rows.slice(1);
      let doubles = 0;
      for (let i = 1; i < jmo.length; i++) {
        const [a, b] = [jmo[i - 1], jmo[i]];
        if (a[2] !== b[2] || JSON.stringify(a[0]) === JSON.stringify(b[0])) continue;
        expect(JSON.stringify(a.slice(1))).toBe(JSON.stringify(b.slice(1)));
        expect(refDate(a[0])).toBe(refDate(b[0]));
        doubles++;
      }
      expect(doubles).toBe(rw.doubleSubmissionsBySheet[NAMES.jmo]);
      expect(doubles).toBe(40);
    });

    test('fill-down dates: Onsite writes its date on the first row of each day, its dated rows in order', () => {
      const onsite = sheet(wb, NAMES.onsite).rows.slice(1);
      const visits = onsite.filter((row) => !row.every((c) => c === null));
      expect(visits.filter((row) => row[0] === null).length).toBe(rw.filledDownBySheet[NAMES.onsite]);
      const dated = visits.map((row) => refDate(row[0])).filter((d): d is string => d !== null);
      expect(dated.slice(1).every((d, i) => d >= dated[i])).toBe(true);
      expect(rw.filledDownBySheet[NAMES.onsite]).toBeGreaterThan(0.2 * visits.length);
      // invalid rows keep an unreadable date, never an empty one
      expect((refClean11(sheet(wb, NAMES.onsite).rows, VISIT_COLUMNS[NAMES.onsite]) as { filled: number }).filled).toBe(rw.filledDownBySheet[NAMES.onsite]);
    });

    test('abbreviations and topics outside the vocabulary', () => {
      const topics = cs.slice(1).map((row) => row[7]);
      for (const [spelling, n] of Object.entries(rw.abbreviatedTopics)) {
        expect(/\b(tdk|gk|tgl|no\.)/i.test(spelling)).toBe(true);
        expect(refTopic(spelling)).not.toBeNull();
        expect(topics.filter((t) => t === spelling).length).toBeGreaterThanOrEqual(n);
      }
      expect(Object.values(rw.abbreviatedTopics).reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
      expect(Object.values(rw.outsideVocabularyTopics).reduce((a, b) => a + b, 0)).toBe(12);
      for (const t of Object.keys(rw.outsideVocabularyTopics)) expect(refTopic(t)).toBeNull();
    });

    test('an empty-looking TOTAL row closes the Customer Service log', () => {
      const last = cs[cs.length - 1];
      expect(last.filter((c) => c !== null)).toEqual(['TOTAL']);
      expect(rw.totalRowsBySheet[NAMES.cs]).toBe(1);
    });
  });
});
