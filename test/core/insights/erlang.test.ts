import fc from 'fast-check';
import { averageWait, countersNeeded, erlangC, serviceLevel } from '../../../src/core/insights/erlang';

/** Erlang C straight from its textbook sum, in log space so factorials cannot overflow. */
function erlangCBySum(c: number, a: number): number {
  const logTerm = (k: number) => {
    let s = k * Math.log(a);
    for (let i = 2; i <= k; i++) s -= Math.log(i);
    return s;
  };
  const top = Math.exp(logTerm(c)) * (c / (c - a));
  let below = 0;
  for (let k = 0; k < c; k++) below += Math.exp(logTerm(k));
  return top / (below + top);
}

describe('Erlang C', () => {
  test('matches the direct summation formula on 100 random cases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (c, utilisation) => {
        const a = c * utilisation;
        expect(erlangC(c, a)).toBeCloseTo(erlangCBySum(c, a), 9);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  test('reproduces the published test vector (A = 10, AHT 3 min, 80 % within 20 s)', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 4);
    expect(serviceLevel(14, 10, 3, 20 / 60)).toBeCloseTo(0.8884, 3);
    expect(serviceLevel(13, 10, 3, 20 / 60)).toBeCloseTo(0.7956, 3);
    expect(averageWait(14, 10, 3) * 60).toBeCloseTo(7.8, 1);
    expect(countersNeeded(10, 3, 0.8, 20 / 60)).toBe(14);
  });

  test('an unstable queue needs more counters than its load', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(serviceLevel(3, 4, 10, 20)).toBe(0);
    expect(averageWait(2, 2, 10)).toBe(Infinity);
    expect(countersNeeded(0, 10, 0.8, 20)).toBe(1);
  });
});
