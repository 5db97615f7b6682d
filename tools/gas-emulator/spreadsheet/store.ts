// All spreadsheets of one emulator; their state outlives executions. Test code reaches them through inspectors.
import { fail, MESSAGES } from './errors';
import { createInspector, type SpreadsheetInspector } from './inspector';
import { BookData } from './model/book';
import { isValidTimeZone } from './values/serial';

export interface StoreOptions {
  /** The clock for inspector typing ('3/4' takes the current year); pass the emulator's virtual clock. */
  now?: () => number;
  /** The largest Range.setValues payload accepted (its values as JSON, UTF-8 bytes); unlimited when absent. */
  maxSetValuesBytes?: number;
}

export interface CreateSpreadsheetOptions {
  id?: string;
  name?: string;
  timeZone?: string;
  owner: string;
  editors?: string[];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class SpreadsheetStore {
  private readonly books = new Map<string, BookData>();
  private created = 0;

  constructor(private readonly options: StoreOptions = {}) {}

  now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  get maxSetValuesBytes(): number {
    return this.options.maxSetValuesBytes ?? Number.POSITIVE_INFINITY;
  }

  /** A new spreadsheet with one sheet 'Sheet1' (1000 x 26); returns its id. */
  create(opts: CreateSpreadsheetOptions): string {
    const id = opts.id ?? this.nextId();
    if (this.books.has(id)) throw new Error(`Spreadsheet ${id} already exists`);
    const timeZone = opts.timeZone ?? 'America/New_York';
    if (!isValidTimeZone(timeZone)) throw new Error(MESSAGES.invalidTimeZone);
    const book = new BookData(
      id,
      opts.name ?? 'Untitled spreadsheet',
      timeZone,
      opts.owner,
      new Set(opts.editors ?? []),
    );
    const first = book.addSheet('Sheet1');
    book.activeSheetId = first.sheetId;
    this.books.set(id, book);
    return id;
  }

  has(id: string): boolean {
    return this.books.has(id);
  }

  canAccess(id: string, user: string): boolean {
    const book = this.books.get(id);
    return book !== undefined && (book.owner === user || book.editors.has(user));
  }

  /** The model of a spreadsheet (for the service layer). */
  book(id: string): BookData {
    return this.books.get(id) ?? fail(MESSAGES.noAccess);
  }

  inspector(id: string): SpreadsheetInspector {
    return createInspector(this.book(id), () => this.now());
  }

  /** Deterministic 44-character ids shaped like Google's. */
  private nextId(): string {
    let seed = (++this.created * 2654435761) >>> 0;
    let id = '1';
    while (id.length < 44) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      id += ID_ALPHABET[(seed >>> 16) % ID_ALPHABET.length];
    }
    return this.books.has(id) ? this.nextId() : id;
  }
}
