/**
 * The BigQuery-to-DuckDB dialect shim: rewrites the few constructs the generated views use that
 * DuckDB spells differently. Only these; anything else the generator writes is common SQL. Every
 * rule is a plain text rewrite of the generator's own spelling, and `toDuckDb` throws when a
 * BigQuery-only construct survives, so a new construct in the generator cannot slip through.
 */
const RULES: [RegExp, string][] = [
  // `project.dataset.table` -> table (the DuckDB database holds the tables by their short names).
  [/`[\w-]+\.[\w-]+\.(\w+)`/g, '$1'],
  // Accent folding before a word test: NFKD then drop the combining marks.
  [/REGEXP_REPLACE\(NORMALIZE\((\w+), NFKD\), r'\\p\{M\}', ''\)/g, 'strip_accents($1)'],
  // BigQuery's REGEXP_REPLACE replaces every match; DuckDB's needs the 'g' flag. Raw strings r'…' are plain strings there.
  [/REGEXP_REPLACE\((.+?), r'([^']*)', '([^']*)'\)/g, "regexp_replace($1, '$2', '$3', 'g')"],
  [/FORMAT_DATE\('([^']*)', ([\w.]+)\)/g, "strftime($2, '$1')"],
  // BigQuery's DAYOFWEEK counts Sunday as 1; DuckDB's DOW counts it as 0.
  [/EXTRACT\(DAYOFWEEK FROM ([\w.]+)\)/g, '(EXTRACT(DOW FROM $1) + 1)'],
  [/DATE_TRUNC\(([\w.]+), WEEK\(MONDAY\)\)/g, "CAST(DATE_TRUNC('week', $1) AS DATE)"],
  [/DATE_TRUNC\(([\w.]+), MONTH\)/g, "CAST(DATE_TRUNC('month', $1) AS DATE)"],
  [/UNNEST\(GENERATE_DATE_ARRAY\(([\w.]+), ([\w.]+)\)\) AS (\w+)/g, 'generate_series(CAST($1 AS TIMESTAMP), CAST($2 AS TIMESTAMP), INTERVAL 1 DAY) AS dates($3)'],
  [/\bINT64\b/g, 'BIGINT'],
  [/\bFLOAT64\b/g, 'DOUBLE'],
];

const BIGQUERY_ONLY = /`|\bFORMAT_DATE\b|\bDAYOFWEEK\b|\bGENERATE_DATE_ARRAY\b|\bNORMALIZE\b|\bINT64\b|\bFLOAT64\b|\bWEEK\(|\br'/;

export function toDuckDb(bigquerySql: string): string {
  let sql = bigquerySql;
  for (const [pattern, replacement] of RULES) sql = sql.replace(pattern, replacement);
  const left = BIGQUERY_ONLY.exec(sql);
  if (left) throw new Error(`BigQuery construct the shim does not rewrite: ${left[0]} in\n${sql}`);
  return sql;
}
