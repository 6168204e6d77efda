/**
 * Erlang C for counters: offered load A = arrivals per minute × average handling time (minutes).
 * Computed through the Erlang B recursion, which never overflows: B₀ = 1,
 * B_k = A·B_{k−1} / (k + A·B_{k−1}); then C = c·B_c / (c − A·(1 − B_c)).
 */
export function erlangB(c: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Probability that a visitor waits, with c counters; 1 when the queue is unstable (c ≤ A). */
export function erlangC(c: number, load: number): number {
  if (load <= 0) return 0;
  if (c <= load) return 1;
  const b = erlangB(c, load);
  return (c * b) / (c - load * (1 - b));
}

/** Share served within `targetMinutes`: 1 − C·e^(−(c−A)·t/AHT). */
export function serviceLevel(c: number, load: number, ahtMinutes: number, targetMinutes: number): number {
  if (load <= 0) return 1;
  if (c <= load) return 0;
  return 1 - erlangC(c, load) * Math.exp((-(c - load) * targetMinutes) / ahtMinutes);
}

/** Mean wait in minutes: C·AHT/(c − A); Infinity when unstable. */
export function averageWait(c: number, load: number, ahtMinutes: number): number {
  if (load <= 0) return 0;
  if (c <= load) return Infinity;
  return (erlangC(c, load) * ahtMinutes) / (c - load);
}

/** Smallest number of counters (at least 1) whose service level meets the target share. */
export function countersNeeded(load: number, ahtMinutes: number, targetShare: number, targetMinutes: number): number {
  let c = Math.max(1, Math.floor(load) + 1);
  while (serviceLevel(c, load, ahtMinutes, targetMinutes) < targetShare && c < 10000) c++;
  return c;
}
