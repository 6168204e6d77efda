/**
 * DOM-free decisions of the sidebar views: how the result card groups changes, when the mapping
 * folds, and how an undo history entry reads. Kept pure so they are unit-tested under node.
 */
import type { ChangeSummary, Lang, MappingView, UndoEntryView } from '../src/shared/api';
import { formatDateTime, formatNumber } from './format';
import { t } from './i18n';

// ---------------------------------------------------------------------------------------------
// Result card: changes grouped by the value they became

/** Text compared without regard to spacing or letter case. */
function looseKey(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('id');
}

/** True when a change only tidied spacing or letter case ("  kantor cabang " → "Kantor Cabang"). */
export function isTidyOnly(from: string, to: string): boolean {
  return from !== to && looseKey(from) === looseKey(to);
}

export interface ChangeGroup {
  column: string;
  /** The value the cells became. */
  to: string;
  /** Cells changed into `to` in this column. */
  total: number;
  /** Of those, cells whose change only tidied spacing or case: shown as one line. */
  tidied: number;
  /** The other original values, most frequent first. */
  from: { value: string; count: number }[];
}

/**
 * Groups the most common changes by column and target value, most cells first. Staff read
 * "Kanal → Kantor Cabang ×219 (spasi/huruf besar dirapikan ×219)" instead of five lines that
 * differ only in spacing and case.
 */
export function groupChanges(changes: readonly ChangeSummary[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of changes) {
    const key = JSON.stringify([c.column, c.to]);
    let g = groups.get(key);
    if (!g) {
      g = { column: c.column, to: c.to, total: 0, tidied: 0, from: [] };
      groups.set(key, g);
    }
    g.total += c.count;
    if (isTidyOnly(c.from, c.to)) g.tidied += c.count;
    else g.from.push({ value: c.from, count: c.count });
  }
  const out = [...groups.values()];
  for (const g of out) g.from.sort((a, b) => b.count - a.count);
  // A stable sort keeps the server's order among equal totals.
  return out.sort((a, b) => b.total - a.total);
}

// ---------------------------------------------------------------------------------------------
// Mapping fold

/** Columns with a role other than "ignore": what "8 kolom dikenali" counts. */
export function recognisedColumns(view: MappingView): number {
  return view.columns.filter((c) => c.role !== 'ignore').length;
}

/**
 * A confirmed mapping without blockers folds into one line; anything that needs the user's eyes
 * (not yet confirmed, a blocker such as moved columns) keeps it open.
 */
export function mappingFolded(view: MappingView, userOpened: boolean): boolean {
  return view.saved && view.blockers.length === 0 && !userOpened;
}

// ---------------------------------------------------------------------------------------------
// Undo history

export function undoKindLabel(lang: Lang, kind: UndoEntryView['kind']): string {
  return t(lang, kind === 'nightly' ? 'undoKindNightly' : 'undoKindClean');
}

export interface UndoEntryText {
  /** "Customer Service" */
  sheet: string;
  /** "1 Jul 2023 02:03", in the spreadsheet's time zone. */
  when: string;
  /** "360 baris · Pembersihan" */
  what: string;
  /** The in-sidebar confirmation question. */
  confirm: string;
  /** The button's accessible name, unique per entry. */
  buttonLabel: string;
}

/** What one history entry restores, as text; the instant is formatted here, never as a Date sent to the server. */
export function undoEntryText(lang: Lang, entry: UndoEntryView, timeZone: string): UndoEntryText {
  const when = formatDateTime(entry.at, lang, timeZone);
  const kind = undoKindLabel(lang, entry.kind);
  const rows = formatNumber(entry.rows, lang);
  const params = { sheet: entry.sheetName, at: when, kind: kind.toLocaleLowerCase(lang), rows };
  return {
    sheet: entry.sheetName,
    when,
    what: `${t(lang, 'undoRows', { n: rows })} · ${kind}`,
    confirm: t(lang, 'undoConfirmEntry', params),
    buttonLabel: t(lang, 'undoEntryLabel', params),
  };
}

/** The line under an undo: how many rows were left alone because they changed since. */
/** What undo left as it was: rows that moved (sorted, inserted) and cells staff edited since. */
export function undoSkippedText(lang: Lang, rowsSkipped: number, cellsKept = 0): string {
  const parts: string[] = [];
  if (rowsSkipped > 0) parts.push(t(lang, 'undoSkipped', { n: formatNumber(rowsSkipped, lang) }));
  if (cellsKept > 0) parts.push(t(lang, 'undoKept', { n: formatNumber(cellsKept, lang) }));
  return parts.length ? parts.join(' ') : t(lang, 'undoSkippedNone');
}

// ---------------------------------------------------------------------------------------------
// Result card notes

/** '' when no row was edited during the run; the result card shows nothing then. */
export function editedDuringRunText(lang: Lang, rows: number): string {
  return rows > 0 ? t(lang, 'editedDuringRun', { n: formatNumber(rows, lang) }) : '';
}
