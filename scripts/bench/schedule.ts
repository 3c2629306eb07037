// The generator's timeline: events ordered by time (then by the order they were scheduled), run
// with the app's clock set to their time, so every record is written "when it happened".

/** Beijing time: the office's clock, whatever the machine's time zone. */
export const OFFSET = '+08:00';

/** Milliseconds of `date` (YYYY-MM-DD) at `minutes` past local midnight in Beijing time. */
export function instant(date: string, minutes: number): number {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return Date.parse(`${date}T${hh}:${mm}:00${OFFSET}`);
}

/** `2026-11-27T09:30:00+08:00` for an instant: the form the opinion register takes. */
export function beijingIso(ms: number): string {
  const local = new Date(ms + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}${OFFSET}`;
}

export function beijingDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday to Friday between two dates (holidays aside: a synthetic decade does not need them). */
export function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) out.push(d);
  }
  return out;
}

interface Event {
  at: number;
  seq: number;
  run: () => void;
}

/** A binary min-heap of events by (at, seq). */
export class Timeline {
  private heap: Event[] = [];
  private seq = 0;

  constructor(private readonly end: number) {}

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `run` at `at`; an event after the end of the timeline never happens. */
  at(at: number, run: () => void): void {
    if (at > this.end) return;
    const e = { at, seq: this.seq++, run };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, h[parent] as Event)) break;
      h[i] = h[parent] as Event;
      i = parent;
    }
    h[i] = e;
  }

  /** Runs every event in order, setting the clock first; events may schedule later ones. */
  runAll(setClock: (ms: number) => void, afterEach?: (ms: number) => void): void {
    for (let e = this.pop(); e; e = this.pop()) {
      setClock(e.at);
      e.run();
      afterEach?.(e.at);
    }
  }

  private pop(): Event | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      const candidate = (k: number) => (k === i ? last : (h[k] as Event));
      if (l < h.length && before(h[l] as Event, candidate(m))) m = l;
      if (r < h.length && before(h[r] as Event, candidate(m))) m = r;
      if (m === i) break;
      h[i] = h[m] as Event;
      i = m;
    }
    h[i] = last;
    return top;
  }
}

function before(a: Event, b: Event): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
