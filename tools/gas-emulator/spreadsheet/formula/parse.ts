// Parses a formula's tokens into an expression tree (Sheets precedence: comparison < & < +- < */ < ^ < unary < %).
import { type Ref, type Token, tokenize } from './tokens';
import { ERR, FormulaError, type Scalar } from './values';

export type Node =
  | { t: 'lit'; v: Scalar }
  | { t: 'ref'; ref: Ref }
  | { t: 'name'; name: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'neg'; a: Node }
  | { t: 'pct'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node };

class ParseFailure extends Error {}

const LEVELS: string[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];
const ERRORS = new Map(Object.values(ERR).map((e) => [e.code, e]));

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Node {
    if (this.tokens.length === 0) throw new ParseFailure();
    const node = this.binary(0);
    if (this.i < this.tokens.length) throw new ParseFailure();
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(token: Token | undefined, ops: string[]): boolean {
    return token !== undefined && token.kind === 'op' && ops.includes(token.text);
  }

  private binary(level: number): Node {
    if (level === LEVELS.length) return this.unary();
    let node = this.binary(level + 1);
    while (this.isOp(this.peek(), LEVELS[level])) {
      const op = this.tokens[this.i++].text;
      node = { t: 'bin', op, a: node, b: this.binary(level + 1) };
    }
    return node;
  }

  private unary(): Node {
    const token = this.peek();
    if (this.isOp(token, ['-', '+'])) {
      this.i++;
      const operand = this.unary();
      return token?.text === '-' ? { t: 'neg', a: operand } : operand;
    }
    let node = this.primary();
    while (this.isOp(this.peek(), ['%'])) {
      this.i++;
      node = { t: 'pct', a: node };
    }
    return node;
  }

  private primary(): Node {
    const token = this.tokens[this.i++];
    if (token === undefined) throw new ParseFailure();
    switch (token.kind) {
      case 'num':
      case 'str':
        return { t: 'lit', v: token.value };
      case 'err':
        return { t: 'lit', v: ERRORS.get(token.text.toUpperCase()) ?? new FormulaError(token.text.toUpperCase()) };
      case 'ref':
        return { t: 'ref', ref: token.ref };
      case 'name':
        if (/^(true|false)$/i.test(token.text)) return { t: 'lit', v: token.text.toUpperCase() === 'TRUE' };
        return { t: 'name', name: token.text };
      case 'func':
        return this.call(token.text.toUpperCase());
      case '(': {
        const inner = this.binary(0);
        this.expect(')');
        return inner;
      }
      default:
        throw new ParseFailure();
    }
  }

  private call(name: string): Node {
    this.expect('(');
    const args: Node[] = [];
    if (this.peek()?.kind === ')') {
      this.i++;
      return { t: 'call', name, args };
    }
    for (;;) {
      const next = this.peek()?.kind;
      args.push(next === ',' || next === ')' ? { t: 'lit', v: null } : this.binary(0));
      const separator = this.tokens[this.i++];
      if (separator?.kind === ')') return { t: 'call', name, args };
      if (separator?.kind !== ',') throw new ParseFailure();
    }
  }

  private expect(kind: '(' | ')'): void {
    if (this.tokens[this.i++]?.kind !== kind) throw new ParseFailure();
  }
}

const cache = new Map<string, Node | null>();

/** The tree of a formula ('=…'), or null when Sheets would show #ERROR! (formula parse error). */
export function parseFormula(text: string): Node | null {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let node: Node | null;
  try {
    node = new Parser(tokenize(text.slice(1)).filter((t) => t.kind !== 'ws')).parseAll();
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    node = null;
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(text, node);
  return node;
}
