// The trigger port: this user's add-on clock triggers in one spreadsheet.

/** What the scheduler needs to know about a trigger (Apps Script cannot tell a one-off from a recurring one). */
export interface TriggerInfo {
  uid: string;
  handler: string;
  /** Time-based: the kind an add-on may hold only one of per user per document. */
  clock: boolean;
}

export interface TriggerPort {
  /**
   * The running user's triggers of this add-on that getUserTriggers(spreadsheet) lists (never another user's).
   * Google may leave the add-on's own clock trigger out (unknowns 8), so a recorded one is looked up with find().
   */
  list(): TriggerInfo[];
  /** The user's trigger with this id, listed in the spreadsheet or found across the project; undefined when gone. */
  find(uid: string): TriggerInfo | undefined;
  /** Creates an hourly clock trigger calling `handler` and returns its unique id. */
  createHourly(handler: string): string;
  /** Deletes the trigger with this id if the user still has it (in the spreadsheet or the project); false when gone. */
  delete(uid: string): boolean;
}
