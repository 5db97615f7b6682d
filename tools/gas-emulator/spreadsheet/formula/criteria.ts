// COUNTIF/SUMIF criteria: a value, or text like ">5", "<>done", "=a*" (wildcards * and ? with ~ escapes).
import { recogniseNumber } from '../values/parse-text';
import { compareValues, FormulaError, numeric, type Scalar } from './values';

export interface Criterion {
  op: '=' | '<>' | '<' | '>' | '<=' | '>=';
  operand: Scalar;
  pattern?: RegExp;
}

export function parseCriterion(criterion: Scalar): Criterion {
  if (typeof criterion !== 'string') return { op: '=', operand: criterion };
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(criterion)!;
  const op = (m[1] ?? '=') as Criterion['op'];
  const number = recogniseNumber(m[2]);
  if (number !== null && m[2].trim() !== '') return { op, operand: number.value };
  const text = m[2];
  return { op, operand: text, pattern: /[*?~]/.test(text) ? wildcard(text) : undefined };
}

function wildcard(text: string): RegExp {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '~' && i + 1 < text.length) source += escapeRegExp(text[++i]);
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'i');
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matchesCriterion(criterion: Criterion, value: Scalar): boolean {
  if (value instanceof FormulaError) return false;
  const { op, operand, pattern } = criterion;
  if (operand === '' && (op === '=' || op === '<>')) return (value === null || value === '') === (op === '=');
  if (typeof operand === 'string' && (op === '=' || op === '<>')) {
    const equal =
      typeof value === 'string' && (pattern ? pattern.test(value) : value.toLowerCase() === operand.toLowerCase());
    return equal === (op === '=');
  }
  if (value === null) return op === '<>';
  const comparable =
    typeof operand === 'string'
      ? typeof value === 'string'
      : numeric(operand) !== null
        ? numeric(value) !== null
        : typeof value === typeof operand;
  if (!comparable) return op === '<>';
  const order = compareValues(value, operand);
  return { '=': order === 0, '<>': order !== 0, '<': order < 0, '>': order > 0, '<=': order <= 0, '>=': order >= 0 }[
    op
  ];
}
