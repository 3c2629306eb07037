// Who is writing and when: passed into every write so that clocks and ids are injectable in tests.
export interface Stamp {
  actor: string;
  /** ISO timestamp of the write. */
  at: string;
  /** The local calendar date of the write, `YYYY-MM-DD`. */
  today: string;
  newId: () => string;
}
