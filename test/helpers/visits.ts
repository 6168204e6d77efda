/**
 * A VisitTable's rows as objects, for tests (the summaries read the columns; the bundle has no
 * use for this, so it lives here rather than on the class).
 */
import type { VisitField, VisitTable } from '../../src/core/table';

export function visitObjects(table: VisitTable): ({ day: number } & Record<VisitField, string>)[] {
  const out: ({ day: number } & Record<VisitField, string>)[] = [];
  for (let i = 0; i < table.size; i++) {
    out.push({ day: table.day.get(i), service: table.value('service', i), channel: table.value('channel', i), ageGroup: table.value('ageGroup', i), generation: table.value('generation', i), topic: table.value('topic', i) });
  }
  return out;
}
