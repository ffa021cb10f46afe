import type { AttributeValue } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/**
 * True when two items (or two absences) are the same configuration: the same
 * attribute names with the same values, whatever the order of attributes, of map
 * entries and of set members (DynamoDB does not keep the order of a set), and
 * whatever the spelling of a number (`1.50` and `1.5`).
 */
export function sameItem(a: Item | undefined, b: Item | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return canonicalItem(a) === canonicalItem(b);
}

/** One string per distinct item: equal items give equal strings. */
export function canonicalItem(item: Item): string {
  return JSON.stringify(canonicalMap(item));
}

function canonicalMap(map: Item): [string, unknown][] {
  return Object.keys(map)
    .sort()
    .map((name) => [name, canonicalValue(map[name] as AttributeValue)]);
}

function canonicalValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: canonicalNumber(value.N) };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: [...value.SS].sort() };
  if (value.NS !== undefined) return { NS: value.NS.map(canonicalNumber).sort() };
  if (value.BS !== undefined) return { BS: value.BS.map((member) => Buffer.from(member).toString('base64')).sort() };
  if (value.L !== undefined) return { L: value.L.map(canonicalValue) };
  if (value.M !== undefined) return { M: canonicalMap(value.M) };
  throw new Error(`unsupported attribute value ${JSON.stringify(Object.keys(value))}`);
}

/**
 * DynamoDB numbers have up to 38 significant digits, beyond what a double holds,
 * so they are normalised as decimal strings: sign, no leading or trailing zeros,
 * and an exponent (`-0012.500e1` -> `-1.25e2`).
 */
function canonicalNumber(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (match === null) {
    return text;
  }
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`;
  const firstSignificant = digits.search(/[1-9]/);
  if (firstSignificant === -1) {
    return '0';
  }
  const significant = digits.slice(firstSignificant).replace(/0+$/, '');
  // Position of the decimal point relative to the first significant digit.
  const pointExponent = whole.length - firstSignificant - 1 + Number(exponent);
  const mantissa = significant.length > 1 ? `${significant[0]}.${significant.slice(1)}` : significant;
  return `${sign === '-' ? '-' : ''}${mantissa}e${pointExponent}`;
}
