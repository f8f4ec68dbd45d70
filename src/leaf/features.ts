// The elements of a GeoJSON FeatureCollection's top-level `features` array, from its text as it
// arrives in chunks: a byte scanner finds where each element starts and ends (strings, escapes
// and nesting tracked), and JSON.parse reads each one. A file of 500,000 points is never held
// whole, and V8's JSON.parse reads each feature many times faster than a tokenizer written in
// JavaScript (@streamparser/json, used before, ran at about 12,000 points a second).
// The elements are read in full; the rest of the document is checked for balanced brackets,
// closed strings and nothing after its end.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
/** An element's end and a compact Feature after it: where elementsAfter cuts. */
const NEXT_FEATURE = Buffer.from('},{"type":"Feature"');
const MAX_BULK_FAILURES = 4;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export class NotJson extends Error {
  override readonly name = 'NotJson';
}

export class FeatureSplitter {
  /** Open brackets, innermost last (their closing bytes). */
  private readonly closers: number[] = [];
  /** How often elementsAfter's JSON.parse failed (see there). */
  private bulkFailures = 0;
  private inString = false;
  private escaped = false;
  private ended = false;
  /** The last string read at the root object's level, as raw bytes: the key of the next value. */
  private keyParts: Buffer[] | null = null;
  private lastKey = '';
  /** Depth of the `features` array's contents while inside it, else 0. */
  private featuresDepth = 0;
  /** The element being read: whether one is, the parts of it earlier chunks held, and where it starts in this one. */
  private reading = false;
  private parts: Buffer[] = [];
  private start = 0;

  constructor(private readonly onFeature: (value: unknown) => void) {}

  write(chunk: Buffer): void {
    const closers = this.closers;
    this.start = 0;
    for (let index = 0; index < chunk.length; index++) {
      if (this.inString) {
        // The closing quote found natively (indexOf), not byte by byte: most of the text is strings.
        index = this.endOfString(chunk, index);
        continue;
      }
      const byte = chunk[index]!;
      if (isWhitespace(byte)) continue;
      if (this.ended) throw new NotJson('text after the end of the document');
      const inFeatures = this.featuresDepth > 0 && closers.length === this.featuresDepth;
      if (inFeatures && !this.reading && byte !== COMMA && byte !== CLOSE_BRACKET) {
        this.reading = true;
        this.start = index;
      }
      switch (byte) {
        case QUOTE:
          this.inString = true;
          // Strings at the root object's level: the last one before `[` is the array's key.
          if (closers.length === 1) this.keyParts = [chunk.subarray(index, index + 1)];
          index = this.endOfString(chunk, index + 1);
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (byte === OPEN_BRACKET && closers.length === 1 && this.lastKey === 'features' && this.featuresDepth === 0) this.featuresDepth = 2;
          closers.push(byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (inFeatures && this.reading) this.finishElement(chunk, index);
          if (closers.pop() !== byte) throw new NotJson('brackets do not match');
          if (this.featuresDepth > 0 && closers.length < this.featuresDepth) this.featuresDepth = -1;
          if (closers.length === 0) this.ended = true;
          break;
        case COMMA:
          if (!inFeatures) break;
          if (!this.reading) throw new NotJson('a comma with no feature before it');
          this.finishElement(chunk, index);
          index = this.elementsAfter(chunk, index);
          break;
        default:
          if (closers.length === 0) throw new NotJson('not a JSON object or array');
      }
    }
    // The element goes on in the next chunk: keep what this one holds of it.
    if (this.reading) this.parts.push(chunk.subarray(this.start));
  }

  /** The document is complete: throws when it stopped part-way. */
  end(): void {
    if (!this.ended || this.inString) throw new NotJson('the document ends before it is complete');
  }

  /**
   * Past the string that goes on at `from`: the index of its closing quote, or the chunk's last
   * index when it goes on in the next chunk (`escaped` then says whether a backslash ended this one).
   */
  private endOfString(chunk: Buffer, from: number): number {
    let at = from;
    if (this.escaped) {
      this.escaped = false;
      at += 1;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, at);
      const stop = quote < 0 ? chunk.length : quote;
      let backslashes = 0;
      for (let back = stop - 1; back >= at && chunk[back] === BACKSLASH; back--) backslashes += 1;
      if (quote < 0) {
        this.escaped = backslashes % 2 === 1;
        this.keyParts?.push(chunk.subarray(from, chunk.length));
        return chunk.length - 1;
      }
      if (backslashes % 2 === 0) {
        this.inString = false;
        if (this.keyParts) {
          this.keyParts.push(chunk.subarray(from, quote + 1));
          this.lastKey = decodeKey(Buffer.concat(this.keyParts));
          this.keyParts = null;
        }
        return quote;
      }
      at = quote + 1;
    }
  }

  /**
   * After the comma at `comma` between two elements: the elements up to the last one in this
   * chunk followed by a compact Feature (`},{"type":"Feature"`, as Leaf and the emulator send
   * them) read by one JSON.parse, as the elements of `[...]`, instead of byte by byte. Returns
   * the comma after the last one read (scanning goes on from there), or `comma` when it read none.
   * The parse succeeding proves the cut right: a cut inside a string leaves that string unclosed,
   * one inside a nested value leaves its brackets unbalanced, and either fails to parse. A failed
   * parse costs a second read of those bytes, so after a few the splitter only scans.
   */
  private elementsAfter(chunk: Buffer, comma: number): number {
    if (this.bulkFailures >= MAX_BULK_FAILURES) return comma;
    const last = chunk.lastIndexOf(NEXT_FEATURE);
    if (last <= comma) return comma;
    let values: unknown[];
    try {
      values = JSON.parse(`[${chunk.toString('utf8', comma + 1, last + 1)}]`) as unknown[];
    } catch {
      this.bulkFailures += 1;
      return comma;
    }
    for (const value of values) this.onFeature(value);
    return last + 1;
  }

  private finishElement(chunk: Buffer, end: number): void {
    let text: string;
    if (this.parts.length === 0) text = chunk.toString('utf8', this.start, end);
    else {
      this.parts.push(chunk.subarray(this.start, end));
      text = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
    }
    this.reading = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new NotJson('a feature is not JSON');
    }
    this.onFeature(value);
  }
}

function decodeKey(bytes: Buffer): string {
  try {
    const key: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof key === 'string' ? key : '';
  } catch {
    throw new NotJson('a key is not a JSON string');
  }
}
