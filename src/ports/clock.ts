// Time ports: the clock, an execution's time budget, and reading a zone's offset or wall clock.

export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

export interface Budget {
  startedAt: number;
  /** Epoch ms after which no new work may start. */
  deadline: number;
}

/** A zone's offset from UTC in minutes east, at an instant (DST included). */
export type ZoneOffsetAt = (epochMs: number) => number;

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/** Reads the wall clock of an instant in a zone, e.g. through Utilities.formatDate (the gas adapter). */
export type ZoneFormat = (ms: number, zone: string) => LocalDateTime;
