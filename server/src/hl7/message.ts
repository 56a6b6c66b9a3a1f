/**
 * A minimal HL7 v2 reader: segments, fields, components, with the delimiters the message declares in
 * MSH-1/MSH-2 and escape sequences decoded (HL7 v2.x ch. 2 "Escape sequences"; interop.md §2 "Edge
 * cases": \F\ \S\ \T\ \R\ \E\). Segments may end in `\r` (standard), `\n` or `\r\n` (seen in the wild).
 */
export class Hl7Reject extends Error {
  /** HL7 table 0357 code for the ERR segment. */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

export class Segment {
  constructor(
    readonly name: string,
    private readonly fields: string[],
    private readonly d: Delimiters,
  ) {}

  /** Field n (1-based, as the standard numbers them; MSH-1 is the field separator itself), still escaped. */
  raw(n: number): string {
    if (this.name === 'MSH') {
      return n === 1 ? this.d.field : (this.fields[n - 1] ?? '');
    }
    return this.fields[n] ?? '';
  }

  /** Component c (1-based) of the first repetition of field n, escapes decoded. */
  get(n: number, c = 1): string {
    // Scans with indexOf instead of splitting: this runs for every field of every OBX of every message.
    const field = this.raw(n);
    const repetition = field.indexOf(this.d.repetition);
    const end = repetition < 0 ? field.length : repetition;
    let start = 0;
    for (let i = 1; i < c; i++) {
      const next = field.indexOf(this.d.component, start);
      if (next < 0 || next >= end) {
        return '';
      }
      start = next + 1;
    }
    let stop = field.indexOf(this.d.component, start);
    if (stop < 0 || stop > end) {
      stop = end;
    }
    const sub = field.indexOf(this.d.subcomponent, start);
    if (sub >= 0 && sub < stop) {
      stop = sub;
    }
    return unescape(field.slice(start, stop), this.d);
  }
}

export interface Hl7Message {
  delimiters: Delimiters;
  segments: Segment[];
  msh: Segment;
}

export function parseHl7(text: string): Hl7Message {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const first = lines[0];
  if (!first?.startsWith('MSH') || first.length < 8) {
    throw new Hl7Reject('100', 'The message does not start with an MSH segment');
  }
  const d: Delimiters = {
    field: first[3] as string,
    component: first[4] as string,
    repetition: first[5] as string,
    escape: first[6] as string,
    subcomponent: first[7] as string,
  };
  if (new Set(Object.values(d)).size !== 5 || /[A-Za-z0-9\s]/.test(Object.values(d).join(''))) {
    throw new Hl7Reject('102', 'MSH-1/MSH-2 do not declare five distinct delimiters');
  }
  const segments = lines.map((line) => {
    const fields = line.split(d.field);
    const name = fields[0] ?? '';
    if (!/^[A-Z][A-Z0-9]{2}$/.test(name)) {
      throw new Hl7Reject('100', `Not a segment: "${line.slice(0, 20)}"`);
    }
    return new Segment(name, fields, d);
  });
  return { delimiters: d, segments, msh: segments[0] as Segment };
}

/** Decodes \F\ \S\ \T\ \R\ \E\ (and \.br\ as a line break); other escapes are kept as they are. */
export function unescape(value: string, d: Delimiters): string {
  if (!value.includes(d.escape)) {
    return value;
  }
  const e = d.escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const map: Record<string, string> = {
    F: d.field,
    S: d.component,
    T: d.subcomponent,
    R: d.repetition,
    E: d.escape,
    '.br': '\n',
  };
  return value.replace(new RegExp(`${e}(F|S|T|R|E|\\.br)${e}`, 'g'), (_, k: string) => map[k] ?? '');
}

/** Escapes text for a field of a message we write (the ACK's MSA-3 and ERR-8). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/&/g, '\\T\\')
    .replace(/~/g, '\\R\\')
    .replace(/[\r\n]+/g, ' ');
}
