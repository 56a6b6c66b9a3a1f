import { DomainError } from '../errors.ts';

/**
 * The ledger is a hash chain: each stored entry carries
 *   hash = sha256(chainInput(prevHash, record))  (hex, computed by the server with node:crypto)
 *   chainInput = prevHash + "\n" + canonicalEntry(record)
 * so editing or deleting any stored entry breaks every hash after it, which is how the record shows
 * it has not been altered since it was made (21 CFR 1304.21(a): complete and accurate records).
 * The first entry of a clinic chains from GENESIS_HASH.
 *
 * canonicalEntry is one deterministic JSON text per value: object keys sorted by UTF-16 code units,
 * recursively; undefined object members dropped; numbers and strings as JSON.stringify writes them
 * (strings are not normalised). That is the RFC 8785 (JCS) form for these inputs, so another
 * implementation can verify a chain.
 */

export const GENESIS_HASH = '0'.repeat(64);

const HASH = /^[0-9a-f]{64}$/;

function invalid(message: string, path: string): never {
  throw new DomainError('invalid_input', `${path}: ${message}`, { path });
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        invalid('numbers must be finite', path);
      }
      return JSON.stringify(value);
    case 'object': {
      if (value === null) {
        return 'null';
      }
      if (open.has(value)) {
        invalid('a value cannot contain itself', path);
      }
      open.add(value);
      let text: string;
      if (Array.isArray(value)) {
        // An undefined array element has no JSON form that keeps positions honest: refuse it.
        text = `[${value
          .map((item: unknown, i) => {
            if (item === undefined) {
              invalid('arrays cannot hold undefined', `${path}[${i}]`);
            }
            return write(item, `${path}[${i}]`, open);
          })
          .join(',')}]`;
      } else if (isPlainObject(value)) {
        const record = value as Record<string, unknown>;
        const members = Object.keys(record)
          .sort()
          .filter((key) => record[key] !== undefined)
          .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, open)}`);
        text = `{${members.join(',')}}`;
      } else {
        // Dates, Maps, class instances: their JSON form is not theirs to define here.
        invalid('only plain objects, arrays, strings, finite numbers, booleans and null', path);
      }
      open.delete(value);
      return text;
    }
    default:
      // undefined at the top or in an array, bigint, symbol, function.
      return invalid(`a ${typeof value} cannot be hashed`, path);
  }
}

export function canonicalEntry(record: Record<string, unknown>): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record) || !isPlainObject(record)) {
    invalid('an entry must be a plain object', '$');
  }
  return write(record, '$', new Set());
}

/** The text whose sha256 is the entry's hash; prevHash is the previous entry's hash in lower-case hex. */
export function chainInput(prevHash: string, record: Record<string, unknown>): string {
  if (!HASH.test(prevHash)) {
    throw new DomainError('invalid_input', 'prevHash must be 64 lower-case hexadecimal digits', { prevHash });
  }
  return `${prevHash}\n${canonicalEntry(record)}`;
}
