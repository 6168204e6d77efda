/**
 * A fake of the BigQuery advanced service (`BigQuery.Jobs`), enough for the regional sender:
 * load jobs (newline-delimited JSON media, WRITE_TRUNCATE / WRITE_APPEND) and query jobs running
 * the two statements the sender writes (CREATE TABLE IF NOT EXISTS, and the MERGE on
 * kunci_baris). Tables are in memory, so a test can read what a night left behind; every job is
 * recorded; `failNext` makes the next job of a kind fail in one of the ways a real one can.
 */
import { instrument, Runtime } from './runtime';

export type BigQueryRow = Record<string, unknown>;

export interface BigQueryJobRecord {
  id: string;
  kind: 'load' | 'query';
  projectId: string;
  /** The destination of a load, `project.dataset.table`. */
  table?: string;
  rows?: number;
  query?: string;
  /** How the job failed, when it did. */
  failed?: FailureMode;
}

/**
 * - `reject`: the call throws (a service error); nothing happens.
 * - `error`: the job ends with an errorResult; nothing happens.
 * - `lost`: the job's work is done, then the call throws (the response never arrived).
 */
export type FailureMode = 'reject' | 'error' | 'lost';

export interface BigQueryTable {
  rows: BigQueryRow[];
  /** From CREATE TABLE: the partitioning column and the clustering columns. */
  partitionBy?: string;
  clusterBy?: string[];
}

const MERGE = /^MERGE `([^`]+)` AS T\s+USING `([^`]+)` AS S\s+ON T\.kunci_baris = S\.kunci_baris AND T\.tanggal BETWEEN DATE '([\d-]+)' AND DATE '([\d-]+)'\s+WHEN NOT MATCHED THEN INSERT \(([^)]*)\) VALUES \(([^)]*)\)(?:\s+WHEN NOT MATCHED BY SOURCE AND T\.cabang = '([^']*)' AND T\.sumber IN \(([^)]*)\) THEN DELETE)?\s*$/;
const CREATE = /^CREATE TABLE IF NOT EXISTS `([^`]+)` \(([\s\S]*)\)\s*PARTITION BY (\w+)\s*CLUSTER BY ([\w, ]+);?\s*$/;

export class FakeBigQuery {
  readonly tables = new Map<string, BigQueryTable>();
  readonly jobs: BigQueryJobRecord[] = [];
  private readonly failures: { kind: 'load' | 'query'; mode: FailureMode; match: string }[] = [];
  private nextId = 1;
  readonly Jobs: FakeJobs;

  constructor(readonly rt: Runtime) {
    this.Jobs = new FakeJobs(rt, this);
  }

  /** The next job of `kind` (whose query or destination contains `match`, if given) fails as `mode` says. */
  failNext(kind: 'load' | 'query', mode: FailureMode = 'error', match = ''): void {
    this.failures.push({ kind, mode, match });
  }

  rowsOf(table: string): BigQueryRow[] {
    return this.tables.get(table)?.rows ?? [];
  }

  _failure(kind: 'load' | 'query', subject: string): FailureMode | undefined {
    const i = this.failures.findIndex((f) => f.kind === kind && subject.includes(f.match));
    return i < 0 ? undefined : this.failures.splice(i, 1)[0].mode;
  }

  _jobId(): string {
    return 'job_' + this.nextId++;
  }

  /** Runs one of the statements the sender writes; anything else is an error, as an unknown statement would be to the test. */
  _run(sql: string): void {
    const merge = MERGE.exec(sql.trim());
    if (merge) {
      const [, target, source, from, to, insertCols, values, branch, sheets] = merge;
      const cols = insertCols.split(',').map((c) => c.trim());
      if (values.split(',').map((v) => v.trim()).join() !== cols.map((c) => 'S.' + c).join()) throw new Error('MERGE inserts other values than the source row');
      const t = this.tables.get(target);
      const s = this.tables.get(source);
      if (!t) throw new Error('Not found: Table ' + target);
      if (!s) throw new Error('Not found: Table ' + source);
      const inRange = (r: BigQueryRow): boolean => String(r.tanggal) >= from && String(r.tanggal) <= to;
      const staged = new Set(s.rows.map((r) => String(r.kunci_baris)));
      if (branch !== undefined) {
        // WHEN NOT MATCHED BY SOURCE … THEN DELETE: target rows no source row matched under the ON condition.
        const whole = new Set(sheets.split(',').map((x) => x.trim().replace(/^'|'$/g, '')));
        t.rows = t.rows.filter((r) => !(r.cabang === branch && whole.has(String(r.sumber)) && !(inRange(r) && staged.has(String(r.kunci_baris)))));
      }
      const held = new Set(t.rows.filter(inRange).map((r) => String(r.kunci_baris)));
      for (const row of s.rows) {
        const key = String(row.kunci_baris);
        if (held.has(key)) continue;
        held.add(key);
        t.rows.push(Object.fromEntries(cols.map((c) => [c, row[c]])));
      }
      return;
    }
    const create = CREATE.exec(sql.trim());
    if (create) {
      const [, name, , partitionBy, clusterBy] = create;
      if (!this.tables.has(name)) this.tables.set(name, { rows: [], partitionBy, clusterBy: clusterBy.split(',').map((c) => c.trim()) });
      return;
    }
    throw new Error('FakeBigQuery cannot run: ' + sql.slice(0, 80));
  }
}

type Job = { jobReference: { projectId: string; jobId: string; location: string }; status: { state: string; errorResult?: { reason: string; message: string } }; configuration?: unknown };

class FakeJobs {
  private readonly done = new Map<string, Job>();

  constructor(
    readonly rt: Runtime,
    private readonly bq: FakeBigQuery,
  ) {}

  insert(resource: { configuration?: { load?: LoadConfig; query?: { query: string } } }, projectId: string, media?: { getDataAsString(): string }): Job {
    const load = resource.configuration?.load;
    if (load) return this.finish(projectId, 'load', () => this.applyLoad(load, media), { table: tableName(load.destinationTable), rows: media ? lines(media.getDataAsString()).length : 0 });
    const query = resource.configuration?.query?.query;
    if (query !== undefined) return this.finish(projectId, 'query', () => this.bq._run(query), { query });
    throw new Error('FakeBigQuery: a job with neither load nor query');
  }

  get(projectId: string, jobId: string): Job {
    const job = this.done.get(jobId);
    if (!job || job.jobReference.projectId !== projectId) throw new Error('Not found: Job ' + projectId + ':' + jobId);
    return job;
  }

  query(request: { query: string; useLegacySql?: boolean }, projectId: string): { jobComplete: boolean; jobReference: Job['jobReference']; errors?: { message: string }[] } {
    if (request.useLegacySql !== false) throw new Error('FakeBigQuery runs standard SQL only (useLegacySql: false)');
    const job = this.finish(projectId, 'query', () => this.bq._run(request.query), { query: request.query });
    if (job.status.errorResult) return { jobComplete: true, jobReference: job.jobReference, errors: [{ message: job.status.errorResult.message }] };
    return { jobComplete: true, jobReference: job.jobReference };
  }

  private finish(projectId: string, kind: 'load' | 'query', work: () => void, record: Partial<BigQueryJobRecord>): Job {
    const id = this.bq._jobId();
    const failed = this.bq._failure(kind, record.query ?? record.table ?? '');
    this.bq.jobs.push({ id, kind, projectId, ...record, ...(failed ? { failed } : {}) });
    if (failed === 'reject') throw new Error('We\u2019re sorry, a server error occurred. Please wait a bit and try again.');
    const job: Job = { jobReference: { projectId, jobId: id, location: 'asia-southeast2' }, status: { state: 'DONE' } };
    if (failed === 'error') {
      job.status.errorResult = { reason: 'backendError', message: 'Backend error. Job aborted.' };
    } else {
      try {
        work();
      } catch (e) {
        job.status.errorResult = { reason: 'invalidQuery', message: e instanceof Error ? e.message : String(e) };
      }
    }
    this.done.set(id, job);
    if (failed === 'lost') throw new Error('Exception: Empty response');
    return job;
  }

  private applyLoad(load: LoadConfig, media?: { getDataAsString(): string }): void {
    if (load.sourceFormat !== 'NEWLINE_DELIMITED_JSON') throw new Error('FakeBigQuery loads NEWLINE_DELIMITED_JSON only');
    const fields = load.schema.fields.map((f) => f.name);
    const rows = lines(media?.getDataAsString() ?? '').map((line) => JSON.parse(line) as BigQueryRow);
    for (const row of rows) {
      const extra = Object.keys(row).filter((k) => !fields.includes(k));
      const missing = load.schema.fields.filter((f) => f.mode === 'REQUIRED' && (row[f.name] === undefined || row[f.name] === null));
      if (extra.length || missing.length) throw new Error(`Row does not match the schema: ${[...extra, ...missing.map((f) => f.name)].join(', ')}`);
    }
    const name = tableName(load.destinationTable);
    const table = this.bq.tables.get(name);
    if (!table && load.createDisposition === 'CREATE_NEVER') throw new Error('Not found: Table ' + name);
    const keep = table && load.writeDisposition === 'WRITE_APPEND' ? table.rows : [];
    this.bq.tables.set(name, { ...(table ?? {}), rows: [...keep, ...rows] });
  }
}
instrument(FakeJobs, 'BigQuery.Jobs', ['insert', 'query']);

interface LoadConfig {
  destinationTable: { projectId: string; datasetId: string; tableId: string };
  sourceFormat: string;
  writeDisposition?: string;
  createDisposition?: string;
  schema: { fields: { name: string; type: string; mode?: string }[] };
}

const tableName = (t: LoadConfig['destinationTable']): string => `${t.projectId}.${t.datasetId}.${t.tableId}`;
const lines = (s: string): string[] => s.split('\n').filter((l) => l.trim() !== '');
