/**
 * The BigQuery sender of the regional flavour: after the nightly run, the document's new valid
 * visits go to the regional table through the BigQuery advanced service: load jobs in batches
 * into the branch's staging table, then one MERGE on kunci_baris into the regional table, so a row
 * sent twice (a retried night, a lost response) is stored once. What was sent is remembered per
 * sheet (the marks of planRegionalSend) only after every batch is in: a failed night sends its
 * rows again the next night.
 *
 * Settings, marks and the last outcome live in the script's properties, keyed by document id:
 * the trigger runs with no active document, where document properties are not available.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
import { REGIONAL_COLUMNS, RegionalRow, SentMark, LogSheet, logColumnsOf, planRegionalSend } from '../../core/regional/rows';
import { hmacSha256 } from '../../core/regional/sha256';
import { mergeSql, tableDdl } from '../../core/regional/sql';
import { DEFAULT_REGIONAL_SETTINGS, RegionalSettings, validateRegionalSettings } from '../../core/regional/settings';
import type { DocState } from '../state';
import { withRunLock } from '../lock';
import { findSheetById, readGrid } from '../sheets';
import { resolveMapping } from '../../core/mapping';
import { zoneClockOf } from '../clock';

export const KEY_PROPERTY = 'pola.regional.key';
const SETTINGS_PREFIX = 'pola.regional.settings.';
const SENT_PREFIX = 'pola.regional.sent.';
const LAST_PREFIX = 'pola.regional.last.';

/** Rows per load job: a few MB of JSON, far below the 100 MB a media upload may carry. */
export const BATCH_ROWS = 20000;
/** How long to wait for a job, polling every second. */
const JOB_WAIT_MS = 5 * 60 * 1000;

export interface RegionalOutcome {
  ok: boolean;
  at: string;
  /** Rows loaded tonight (before the MERGE drops those BigQuery already holds). */
  rows: number;
  /** Valid visits in the document. */
  valid: number;
  /** Valid visits not sent: no date could be read for them (a formula giving text). */
  undated: number;
  batches: number;
  error: string;
}

const props = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

export function readRegionalSettings(documentId: string): RegionalSettings {
  const raw = props().getProperty(SETTINGS_PREFIX + documentId);
  return raw ? { ...DEFAULT_REGIONAL_SETTINGS, ...(JSON.parse(raw) as Partial<RegionalSettings>) } : { ...DEFAULT_REGIONAL_SETTINGS };
}

export function writeRegionalSettings(documentId: string, input: Partial<RegionalSettings>): RegionalSettings {
  const settings = validateRegionalSettings(input, readRegionalSettings(documentId));
  props().setProperty(SETTINGS_PREFIX + documentId, JSON.stringify(settings));
  return settings;
}

export function lastRegionalOutcome(documentId: string): RegionalOutcome | null {
  const raw = props().getProperty(LAST_PREFIX + documentId);
  return raw ? (JSON.parse(raw) as RegionalOutcome) : null;
}

/**
 * The secret of kunci_baris. Made once per script (so every branch of the region keys alike) and
 * kept in the script's properties: it never leaves Apps Script, so a KPJ cannot be guessed back.
 */
function secretKey(): string {
  const p = props();
  let key = p.getProperty(KEY_PROPERTY);
  if (!key) {
    key = Utilities.getUuid() + Utilities.getUuid();
    p.setProperty(KEY_PROPERTY, key);
  }
  return key;
}

function bigQuery(): GoogleAppsScript.BigQuery {
  if (typeof BigQuery === 'undefined' || !BigQuery) throw new Error('The BigQuery advanced service is not enabled (build with --flavour regional).');
  return BigQuery;
}

/** The cleaned logs of the document, as planRegionalSend reads them. Sheets not cleaned yet are left for a later night. */
function logSheets(ss: Spreadsheet, state: DocState): LogSheet[] {
  const out: LogSheet[] = [];
  for (const id of state.registered) {
    const sheet = findSheetById(ss, id);
    if (!sheet) continue;
    const grid = readGrid(sheet);
    if (grid.length === 0) continue;
    const resolution = resolveMapping(grid, sheet.getName(), state.mappings[String(id)]);
    if (resolution.kind !== 'ok') continue;
    const columns = logColumnsOf(resolution.mapping, grid[resolution.mapping.headerRow] ?? []);
    if (columns && columns.date >= 0) out.push({ id, name: sheet.getName(), grid, columns });
  }
  return out;
}

function errorOf(job: GoogleAppsScript.BigQuery.Schema.Job): string {
  const e = job.status?.errorResult;
  return e ? `${e.reason ?? 'error'}: ${e.message ?? ''}` : '';
}

/** Waits for a job to finish; throws its error. */
function awaitJob(bq: GoogleAppsScript.BigQuery, projectId: string, job: GoogleAppsScript.BigQuery.Schema.Job): void {
  const started = Date.now();
  let current = job;
  while (current.status?.state !== 'DONE') {
    if (Date.now() - started > JOB_WAIT_MS) throw new Error('BigQuery job did not finish: ' + current.jobReference?.jobId);
    Utilities.sleep(1000);
    current = bq.Jobs.get(projectId, current.jobReference?.jobId ?? '', { location: current.jobReference?.location });
  }
  const error = errorOf(current);
  if (error) throw new Error('BigQuery: ' + error);
}

function runQuery(bq: GoogleAppsScript.BigQuery, projectId: string, sql: string): void {
  const response = bq.Jobs.query({ query: sql, useLegacySql: false }, projectId);
  if (response.errors && response.errors.length) throw new Error('BigQuery: ' + response.errors.map((e) => e.message).join('; '));
  if (!response.jobComplete) awaitJob(bq, projectId, { jobReference: response.jobReference, status: { state: 'RUNNING' } });
}

/** Loads one batch into the branch's staging table (the first replaces it, the others add to it), as newline-delimited JSON. */
function loadBatch(bq: GoogleAppsScript.BigQuery, s: RegionalSettings, staging: string, rows: RegionalRow[], first: boolean): void {
  const body = rows.map((r) => JSON.stringify(r)).join('\n');
  const job: GoogleAppsScript.BigQuery.Schema.Job = {
    configuration: {
      load: {
        destinationTable: { projectId: s.projectId, datasetId: s.dataset, tableId: staging },
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: first ? 'WRITE_TRUNCATE' : 'WRITE_APPEND',
        createDisposition: 'CREATE_IF_NEEDED',
        schema: { fields: REGIONAL_COLUMNS.map((c) => ({ name: c.name, type: c.type, mode: 'REQUIRED' })) },
      },
    },
  };
  awaitJob(bq, s.projectId, bq.Jobs.insert(job, s.projectId, Utilities.newBlob(body, 'application/octet-stream')));
}

function dateRange(rows: RegionalRow[]): { from: string; to: string } {
  let from = rows[0]?.tanggal ?? '';
  let to = from;
  for (const r of rows) {
    if (r.tanggal < from) from = r.tanggal;
    if (r.tanggal > to) to = r.tanggal;
  }
  return { from, to };
}

/**
 * Sends the document's new valid visits. Returns the outcome (also kept for the status entry);
 * never throws for a BigQuery failure: the branch's own nightly run has already succeeded.
 */
export function sendRegional(ss: Spreadsheet): RegionalOutcome | null {
  const documentId = ss.getId();
  const settings = readRegionalSettings(documentId);
  if (!settings.enabled) return null;
  const at = new Date().toISOString();
  let outcome: RegionalOutcome;
  let valid = 0;
  let undated = 0;
  let batches = 0;
  let rows = 0;
  try {
    // The logs are read as the document's only writer, so a clean writing them at this moment is
    // not read half done (a busy document is sent the next night). The lock is held for the read
    // only: the BigQuery jobs take minutes, and staff are not kept waiting for them.
    const sheets = withRunLock(ss, (ctx) => (ctx.state.pending ? null : logSheets(ss, ctx.state)));
    // A nightly run continuing in a later execution sends when it is complete.
    if (!sheets) return null;
    const marks = JSON.parse(props().getProperty(SENT_PREFIX + documentId) ?? '{}') as Record<string, SentMark>;
    const clock = zoneClockOf(ss.getSpreadsheetTimeZone());
    const plan = planRegionalSend(sheets, marks, { branchCode: settings.branchCode, keyedHash: hmacSha256(secretKey()), dayOf: (d) => clock.toLocal(d).day });
    valid = plan.valid;
    undated = plan.undated;
    rows = plan.rows.length;
    if (plan.rows.length > 0) {
      const bq = bigQuery();
      const sql = { dataset: `${settings.projectId}.${settings.dataset}`, table: settings.table };
      runQuery(bq, settings.projectId, tableDdl(sql));
      const staging = `${settings.table}_masuk_${settings.branchCode}`;
      for (let i = 0; i < plan.rows.length; i += BATCH_ROWS) {
        loadBatch(bq, settings, staging, plan.rows.slice(i, i + BATCH_ROWS), i === 0);
        batches++;
      }
      // One MERGE for the night: a sheet sent whole is whole in the staging table.
      runQuery(bq, settings.projectId, mergeSql({ ...sql, staging, ...dateRange(plan.rows), branch: settings.branchCode, whole: plan.whole }));
    }
    // Only now: every row up to the marks is in the regional table.
    props().setProperty(SENT_PREFIX + documentId, JSON.stringify(plan.marks));
    outcome = { ok: true, at, rows, valid, undated, batches, error: '' };
  } catch (e) {
    outcome = { ok: false, at, rows, valid, undated, batches, error: e instanceof Error ? e.message : String(e) };
  }
  props().setProperty(LAST_PREFIX + documentId, JSON.stringify(outcome));
  return outcome;
}
