// A changes-only run's deleted list, asked in a records round with room to spare instead of a round of its own.
//
// The merge needs `GET /opportunities/deleted` since the run's instant. Asked at the commit, it costs a whole round
// trip after the fetch; sent with the first records round, nothing. Only a complete answer (one page, or the 403
// that says the key may not list deletions) is kept: anything else is asked again in full when the merge needs it.
import type { PageOutcome, PageRequest } from './client';
import { deletedRequest } from './deleted';
import type { RoundCompanion } from './lookup-prefetch';

interface Asked {
  since: number;
  confidential: boolean;
}

export class DeletedPrefetch implements RoundCompanion {
  private wanted: Asked | null = null;
  private sent: Asked | null = null;
  private answer: (Asked & { ids: Set<string> | null }) | null = null;

  /** Asks for the deletions since `since` with the next round that has room. */
  want(since: number, confidential: boolean): void {
    if (!this.answerFor(since, confidential)) this.wanted = { since, confidential };
  }

  waiting(): number {
    return this.wanted ? 1 : 0;
  }

  take(room: number): PageRequest[] {
    this.sent = room > 0 ? this.wanted : null;
    if (!this.sent) return [];
    this.wanted = null;
    return [deletedRequest(this.sent.since, this.sent.confidential)];
  }

  settle(outcomes: readonly PageOutcome[]): void {
    const asked = this.sent;
    const outcome = outcomes[0];
    this.sent = null;
    if (!asked || !outcome) return;
    if (outcome.kind === 'page' && !outcome.page.hasNext) {
      const ids = outcome.page.data.map((record) => String((record as { id?: unknown }).id));
      this.answer = { ...asked, ids: new Set(ids) };
    } else if (outcome.kind === 'failed' && outcome.status === 403) {
      this.answer = { ...asked, ids: null };
    }
  }

  /** The answer for exactly this instant and scope: the IDs, null for a 403, undefined when not (fully) read. */
  answerFor(since: number, confidential: boolean): { ids: Set<string> | null } | undefined {
    const answer = this.answer;
    return answer && answer.since === since && answer.confidential === confidential ? { ids: answer.ids } : undefined;
  }
}

/** Several companions sharing a round's room, in order: each takes what the ones before it left. */
export class RoundCompanions implements RoundCompanion {
  private taken: number[] = [];

  constructor(private readonly companions: readonly RoundCompanion[]) {}

  waiting(): number {
    return this.companions.reduce((sum, companion) => sum + companion.waiting(), 0);
  }

  take(room: number): PageRequest[] {
    const requests: PageRequest[] = [];
    this.taken = this.companions.map((companion) => {
      const mine = companion.take(room - requests.length);
      requests.push(...mine);
      return mine.length;
    });
    return requests;
  }

  settle(outcomes: readonly PageOutcome[]): void {
    let from = 0;
    this.companions.forEach((companion, index) => {
      const count = this.taken[index] ?? 0;
      if (count > 0) companion.settle(outcomes.slice(from, from + count));
      from += count;
    });
    this.taken = [];
  }
}
