/**
 * Finds the header row of a service log and maps its columns to roles from Indonesian and
 * English header variants, ignoring case, punctuation, units in brackets and spacing.
 */
import { ColumnTable, rowsOf } from './columns';
import type { Role } from '../shared/api';
import { Cell, Grid, isBlank, cellText, inRange } from './cells';
import { CHANNELS, SERVICES, VocabEntry } from './vocabulary';
import { fingerprint, words } from './text';
import { proposeTopicColumn } from './logshape/topiccolumn';

/** Columns the cleaner appends at the right, recognised by header. Their order never changes. */
export const DERIVED_HEADERS = ['kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih'] as const;
export type DerivedHeader = (typeof DERIVED_HEADERS)[number];

/**
 * Header variants per role, '|'-separated (the bundle counts every byte); the longest matching
 * variant wins, so "tanggal lahir" beats "tanggal".
 */
const VARIANTS: [Role, string[]][] = (
  [
    ['birthDate', 'tanggal lahir|tgl lahir|tgl lhr|birth date|date of birth|dob|birthdate|lahir'],
    ['date', 'tanggal kunjungan|tgl kunjungan|tanggal pengajuan|tgl pengajuan|tanggal layanan|tanggal|tgl|date|timestamp|waktu|cap waktu|stempel waktu|visit date'],
    ['age', 'usia|umur|age'],
    ['service', 'jenis layanan|layanan|keperluan|tentang|service|jenis pelayanan|pelayanan'],
    // Forms ask "Keluhan/Pertanyaan"; branch logs write Keluhan, Pertanyaan, Masalah or Uraian.
    ['topic', 'topik|perihal|keterangan|kendala|detail|topic|detail masalah|uraian|keluhan|pertanyaan|keluhan pertanyaan|pertanyaan keluhan|masalah|isi keluhan|uraian masalah'],
    ['channel', 'kanal|channel|media|kanal layanan|media layanan|saluran|saluran layanan|jalur layanan|via|sumber'],
    ['personal', 'nama|name|nama peserta|nama lengkap|no kpj|kpj|nomor kpj|nik|no nik|no hp|nomor hp|hp|telepon|no telepon|telp|no telp|email|e mail|alamat|phone'],
  ] as [Role, string][]
).map(([role, variants]) => [role, variants.split('|')]);

/** Lowercase words of a header without bracketed units: "Usia (tahun)" → "usia". */
export function normaliseHeader(h: string): string {
  return words(h.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')).join(' ');
}

/** A role a header could name: score 3 exact, 2 all variant words present; len of the variant matched. */
interface HeaderRole {
  role: Role;
  score: number;
  len: number;
}

/** Every role a header could name, best first. */
function rolesOfHeader(header: string): HeaderRole[] {
  const h = normaliseHeader(header);
  if (h === '') return [];
  const hw = new Set(h.split(' '));
  const best = new Map<Role, HeaderRole>();
  for (const [role, variants] of VARIANTS) {
    for (const v of variants) {
      let score = 0;
      if (h === v) score = 3;
      else if (v.split(' ').every((w) => hw.has(w))) score = 2;
      const cur = best.get(role);
      if (score > 0 && (!cur || score > cur.score || (score === cur.score && v.length > cur.len))) best.set(role, { role, score, len: v.length });
    }
  }
  return Array.from(best.values()).sort((a, b) => b.score - a.score || b.len - a.len);
}

/** The role a header names, with a score: 3 exact, 2 all variant words present, 0 none. */
export function roleOfHeader(header: string): { role: Role; score: number } {
  const [first] = rolesOfHeader(header);
  return first ? { role: first.role, score: first.score } : { role: 'ignore', score: 0 };
}

export function isDerivedHeader(h: Cell): boolean {
  return typeof h === 'string' && (DERIVED_HEADERS as readonly string[]).includes(h.trim());
}

export interface ColumnMapping {
  /** 0-based index of the header row in the grid. */
  headerRow: number;
  /** Role of every original column (derived columns excluded). */
  roles: Role[];
  /** Number of original columns (derived columns start after them, or are absent). */
  width: number;
  /** 0-based column of each derived header when present. */
  derived: Partial<Record<DerivedHeader, number>>;
  constants: { service: string; channel: string };
  constantSource: { service: 'sheetName' | 'user' | 'none'; channel: 'sheetName' | 'user' | 'none' };
}

const SCAN_ROWS = 15;

/** The first column of a role, or -1. */
export function columnOf(mapping: ColumnMapping, role: Role): number {
  return mapping.roles.indexOf(role);
}

/**
 * Detects the header row (the row among the first few with the most recognised headers, a date
 * header among them) and each column's role. Roles other than personal/ignore go to one column
 * each: the best-scoring, then leftmost.
 */
export function detectMapping(input: Grid | ColumnTable, sheetName: string): ColumnMapping | null {
  // A column table is read as Sheets shows a sheet: rows padded to its width.
  const grid = Array.isArray(input) ? input : rowsOf(input, 0, SCAN_ROWS);
  let bestRow = -1;
  let bestHits = 0;
  for (let r = 0; r < Math.min(SCAN_ROWS, grid.length); r++) {
    const row = inRange(grid, r);
    let hits = 0;
    let hasDate = false;
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const { role, score } = roleOfHeader(cell);
      if (score > 0) {
        hits++;
        if (role === 'date') hasDate = true;
      }
    }
    if (hasDate && hits > bestHits) {
      bestHits = hits;
      bestRow = r;
    }
  }
  if (bestRow < 0) return null;
  return mappingFromHeader(inRange(grid, bestRow), bestRow, sheetName);
}

export function mappingFromHeader(header: Cell[], headerRow: number, sheetName: string): ColumnMapping {
  const derived: Partial<Record<DerivedHeader, number>> = {};
  let width = header.length;
  header.forEach((h, c) => {
    if (isDerivedHeader(h)) {
      derived[String(h).trim() as DerivedHeader] = c;
      width = Math.min(width, c);
    }
  });
  while (width > 0 && isBlank(header[width - 1])) width--;
  // Each single-column role goes to its best-scoring header (leftmost on ties); a header that
  // loses its first choice takes its next one ("Media Layanan" loses service, becomes channel).
  const candidates = header.slice(0, width).map((h) => rolesOfHeader(cellText(h)));
  const roles: Role[] = candidates.map(() => 'ignore');
  const taken = new Set<Role>();
  const choice = candidates.map(() => 0);
  /** The role column c bids for now; undefined once it has run out of choices. */
  const bidOf = (c: number): HeaderRole | undefined => candidates[c]?.[choice[c] ?? 0];
  for (let round = 0; round < 4; round++) {
    for (const role of ['date', 'birthDate', 'age', 'service', 'topic', 'channel', 'personal'] as Role[]) {
      if (taken.has(role)) continue;
      let keep = -1;
      let best: HeaderRole | undefined;
      for (let c = 0; c < candidates.length; c++) {
        const cand = bidOf(c);
        if (roles[c] !== 'ignore' || cand === undefined || cand.role !== role) continue;
        if (best === undefined || cand.score > best.score || (cand.score === best.score && cand.len > best.len)) {
          keep = c;
          best = cand;
        }
      }
      if (keep < 0) continue;
      if (role === 'personal') {
        for (let c = 0; c < candidates.length; c++) if (roles[c] === 'ignore' && bidOf(c)?.role === 'personal') roles[c] = 'personal';
      } else {
        roles[keep] = role;
        taken.add(role);
      }
    }
    // A column whose role another column took bids for its next choice in the next round.
    choice.forEach((k, c) => {
      const bid = bidOf(c);
      if (roles[c] === 'ignore' && bid !== undefined && taken.has(bid.role)) choice[c] = k + 1;
    });
  }
  const fromName = constantsFromSheetName(sheetName);
  return {
    headerRow,
    roles,
    width,
    derived,
    constants: { service: fromName.service, channel: fromName.channel },
    constantSource: { service: fromName.service ? 'sheetName' : 'none', channel: fromName.channel ? 'sheetName' : 'none' },
  };
}

function knownValueIn(name: string, entries: VocabEntry[]): string {
  const nameWords = new Set(fingerprint(name).split(' '));
  const squashed = fingerprint(name).replace(/ /g, '');
  let best = '';
  for (const e of entries) {
    for (const v of [e.canonical, ...e.synonyms]) {
      const vw = fingerprint(v).split(' ');
      if (vw.join('').length < 3) continue;
      const inside = vw.every((w) => nameWords.has(w)) || squashed === vw.join('');
      if (inside && v.length > best.length) best = e.canonical;
    }
  }
  return best;
}

/** A sheet named "JMO" or "Klaim JHT Lapak Asik" tells the channel and service of its rows. */
export function constantsFromSheetName(sheetName: string): { service: string; channel: string } {
  return { service: knownValueIn(sheetName, SERVICES), channel: knownValueIn(sheetName, CHANNELS) };
}

/** Applies the user's saved overrides on top of a detected mapping. */
export function applyOverrides(
  m: ColumnMapping,
  roles: Record<string, Role> | undefined,
  constants: { service?: string; channel?: string } | undefined,
): ColumnMapping {
  const next: ColumnMapping = { ...m, roles: m.roles.slice(), constants: { ...m.constants }, constantSource: { ...m.constantSource } };
  if (roles) {
    for (const [key, role] of Object.entries(roles)) {
      const c = Number(key);
      if (!(c >= 0 && c < next.width)) continue;
      if (role !== 'personal' && role !== 'ignore') {
        for (let o = 0; o < next.roles.length; o++) if (o !== c && next.roles[o] === role) next.roles[o] = 'ignore';
      }
      next.roles[c] = role;
    }
  }
  for (const k of ['service', 'channel'] as const) {
    const v = constants?.[k];
    if (v !== undefined && v.trim() !== '' && v.trim() !== next.constants[k]) {
      next.constants[k] = v.trim();
      next.constantSource[k] = 'user';
    }
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Saved mappings, kept by header identity

/**
 * What the user (or a first clean) confirmed for a sheet: each column's role, and the header
 * each column had then. Roles are keyed by column index at confirmation time, but they are
 * applied by header: staff insert, delete and move columns between runs, and a mapping kept by
 * column number alone would then clean a "Petugas" column as services.
 */
export interface SavedMapping {
  roles: Record<string, Role>;
  constants: { service: string; channel: string };
  /** Header identity of every original column when the mapping was confirmed (absent in v1 state). */
  headers?: string[];
  /** 0-based header row when the mapping was confirmed. */
  headerRow?: number;
}

export type MappingResolution =
  /** The mapping to clean with; `saveAs` is set when the saved mapping should follow moved columns. */
  | { kind: 'ok'; mapping: ColumnMapping; saveAs: SavedMapping | null }
  /** Columns the user confirmed are gone or ambiguous: nothing may be written until confirmed again. */
  | { kind: 'uncertain'; mapping: ColumnMapping; missing: string[] }
  | { kind: 'none' };

/** A header's identity: its text, trimmed, lower case, single-spaced ("" for a blank header). */
export function headerIdentity(h: Cell | undefined): string {
  return h === undefined ? '' : cellText(h).trim().toLowerCase().replace(/\s+/g, ' ');
}

function headerIdentities(header: readonly Cell[], width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(headerIdentity(header[c]));
  return out;
}

/** The saved form of a mapping: every column's role with the header it stands under. */
export function savedMappingOf(mapping: ColumnMapping, grid: Grid, roles?: Record<string, Role>): SavedMapping {
  const all: Record<string, Role> = {};
  if (roles) Object.assign(all, roles);
  else mapping.roles.forEach((r, c) => (all[String(c)] = r));
  return {
    roles: all,
    constants: { ...mapping.constants },
    headers: headerIdentities(grid[mapping.headerRow] ?? [], mapping.width),
    headerRow: mapping.headerRow,
  };
}

/**
 * The mapping of a sheet: detected from its header, with the saved roles applied by header
 * identity. When the header still reads as confirmed, roles apply by position; when columns
 * moved, each confirmed header is looked up (exactly once) in today's header; when a confirmed
 * column with a role is gone or appears twice, the answer is `uncertain` and nothing is guessed.
 * Columns added since the confirmation keep only a detected `personal` role (so names inserted
 * later are still protected), never a role that feeds the summaries.
 */
export function resolveMapping(grid: Grid, sheetName: string, saved: SavedMapping | undefined): MappingResolution {
  let detected = detectMapping(grid, sheetName);
  if (!detected && saved && grid.length > 0) {
    const row = saved.headerRow !== undefined && saved.headerRow < grid.length ? saved.headerRow : 0;
    detected = mappingFromHeader(grid[row] ?? [], row, sheetName);
  }
  if (!detected) return { kind: 'none' };
  if (!saved) return { kind: 'ok', mapping: withProposedTopic(detected, grid), saveAs: null };
  if (!saved.headers) return { kind: 'ok', mapping: applyOverrides(detected, saved.roles, saved.constants), saveAs: null };

  const current = headerIdentities(grid[detected.headerRow] ?? [], detected.width);
  const same = current.length === saved.headers.length && current.every((h, c) => h === (saved.headers as string[])[c]);
  if (same) return { kind: 'ok', mapping: applyOverrides(detected, saved.roles, saved.constants), saveAs: null };

  const moved: Record<string, Role> = {};
  const missing: string[] = [];
  const claimed = new Set<number>();
  for (const [key, role] of Object.entries(saved.roles)) {
    const h = saved.headers[Number(key)];
    if (h === undefined) continue;
    const at: number[] = [];
    current.forEach((x, c) => x === h && at.push(c));
    const twiceSaved = saved.headers.filter((x) => x === h).length > 1;
    const [only] = at;
    if (at.length === 1 && only !== undefined && !twiceSaved && h !== '') {
      moved[String(only)] = role;
      claimed.add(only);
    } else if (role !== 'ignore') missing.push(h === '' ? `#${Number(key) + 1}` : h);
  }
  if (missing.length > 0) return { kind: 'uncertain', mapping: detected, missing };
  for (let c = 0; c < current.length; c++) if (!claimed.has(c)) moved[String(c)] = detected.roles[c] === 'personal' ? 'personal' : 'ignore';
  const mapping = applyOverrides(detected, moved, saved.constants);
  return { kind: 'ok', mapping, saveAs: savedMappingOf(mapping, grid, moved) };
}

/**
 * A log whose headers name no topic column, but with an ignored column of free text (a
 * "Catatan Petugas" of phrases), gets that column proposed as the topic instead of dropping it;
 * staff see it in the mapping and can change it before confirming.
 */
function withProposedTopic(mapping: ColumnMapping, grid: Grid): ColumnMapping {
  const header = grid[mapping.headerRow] ?? [];
  const proposal = proposeTopicColumn(header, mapping.roles, grid.slice(mapping.headerRow + 1));
  if (!proposal) return mapping;
  const roles = mapping.roles.slice();
  roles[proposal.col] = 'topic';
  return { ...mapping, roles };
}
