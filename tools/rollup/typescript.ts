/**
 * The TypeScript side of the proof: summarise() from the core on the same visits, once per
 * branch and once over every branch (cabang SEMUA), as the sheets a branch would hold: one
 * VisitTable per source sheet.
 */
import type { Settings } from '../../src/shared/api';
import { tabContract } from '../../src/core/contract';
import { SheetRecords, summarise } from '../../src/core/summarise';
import { VisitTable } from '../../src/core/table';
import { ZoneClock, isoOfDay } from '../../src/core/zone';
import { ALL_BRANCHES } from '../../src/core/regional/sql';
import { normalise, Row, ViewRows } from './normal';
import type { SynthVisits } from './synth';

const UTC = new ZoneClock('UTC', () => 0);
const isoOfDate = (d: Date): string => isoOfDay(UTC.toLocal(d).day);

/** The counted visits (OK, DIPERBAIKI) per branch, as sheets of VisitTables sharing one code layout. */
export function sheetsOf(v: SynthVisits): SheetRecords[][] {
  const d = v.dict;
  // Every table's dictionary interns the values in the same order, so a value has the same code
  // in each (a value shared by fields, Tidak diketahui, gets one code) and rows go in as codes.
  const fields = [d.layanan, d.kanal, d.kelompok_usia, d.generasi, d.topik];
  const sizes = new Int32Array(d.cabang.length * d.sumber.length);
  for (let i = 0; i < v.size; i++) if (v.status_bersih[i] < 2) sizes[v.cabang[i] * d.sumber.length + v.sumber[i]]++;
  let codes: number[][] = [];
  const tables = Array.from(sizes, (n) => {
    const t = new VisitTable(n);
    codes = fields.map((f) => f.map((value) => t.dict.code(value)));
    return t;
  });
  const [cS, cC, cA, cG, cT] = codes as [number[], number[], number[], number[], number[]];
  for (let i = 0; i < v.size; i++) {
    if (v.status_bersih[i] >= 2) continue;
    tables[v.cabang[i] * d.sumber.length + v.sumber[i]].addCodes(v.day[i], cS[v.layanan[i]], cC[v.kanal[i]], cA[v.kelompok_usia[i]], cG[v.generasi[i]], cT[v.topik[i]]);
  }
  return d.cabang.map((_, b) =>
    d.sumber
      .map((name, s) => {
        const visits = tables[b * d.sumber.length + s];
        const n = visits.size;
        return { sheetName: name, visits, counts: { OK: n, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 }, rowsRead: n };
      })
      .filter((sheet) => sheet.visits.size > 0),
  );
}

/** summarise()'s rows of each tab in `tabs`, by cabang (each branch, then SEMUA). */
export function summariseAll(v: SynthVisits, tabs: string[], settings: Settings): Map<string, ViewRows> {
  const out = new Map<string, ViewRows>(tabs.map((t) => [t, new Map()]));
  const perBranch = sheetsOf(v);
  const run = { version: 'rollup', refreshedAt: '', lastRun: null };
  const collect = (cabang: string, sheets: SheetRecords[]): void => {
    const result = summarise(sheets, settings, UTC, run);
    for (const tab of tabs) {
      const types = tabContract(tab).columns.map((c) => c.type);
      const table = result.tables.find((t) => t.name === tab);
      const rows: Row[] = (table?.rows ?? []).map((r) => types.map((type, i) => normalise(r[i], type, isoOfDate)));
      if (rows.length) out.get(tab)?.set(cabang, rows);
    }
  };
  perBranch.forEach((sheets, b) => sheets.length && collect(v.dict.cabang[b], sheets));
  collect(ALL_BRANCHES, perBranch.flat());
  return out;
}
