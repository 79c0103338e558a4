/**
 * Just enough of a Bicep reader for tests to check what a template grants and protects: no Bicep
 * compiler can be installed here (README, Deploy). It finds resource declarations (nested ones
 * too), reads a property of an object body, and resolves a `var` list or object and a `param`
 * default. Comments and the insides of strings never count as structure.
 */

export interface BicepResource {
  readonly symbol: string;
  /** As written: a full type for a top-level resource, the short one (`containers`) for a nested one. */
  readonly type: string;
  /** The symbolic path as a reference spells it: `storage::blobs::archive`. */
  readonly path: string;
  /** `[for (c, i) in containers: …]`: the item's name (`c`) and what is iterated over (`containers`), as written. */
  readonly loop?: { readonly item: string; readonly over: string };
  /** The object between the braces, without them. */
  readonly body: string;
}

/** The text with comments blanked and every string's content replaced by spaces (its quotes kept), so indices stay. */
function skeleton(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i) + 2;
      blank(i, end);
      i = end;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      blank(i + 3, end);
      i = end + 3;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else i++;
  }
  return out.join('');
}

const opening: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** The index of the bracket closing the one at `at`, in the skeleton. */
function closing(shape: string, at: number): number {
  let depth = 0;
  for (let i = at; i < shape.length; i++) {
    if (shape[i]! in opening) depth++;
    else if (')]}'.includes(shape[i]!)) depth--;
    if (depth === 0) return i;
  }
  throw new Error(`no closing bracket for ${shape[at]} at ${at}`);
}

export class Bicep {
  private readonly shape: string;

  constructor(readonly text: string) {
    this.shape = skeleton(text);
  }

  /** Every resource declared, nested ones with their parents' symbols in their path. */
  resources(): BicepResource[] {
    const found: (BicepResource & { start: number; end: number })[] = [];
    for (const m of this.shape.matchAll(/\bresource\s+(\w+)\s+'/g)) {
      const typeStart = m.index + m[0].length;
      const type = this.text.slice(typeStart, this.shape.indexOf("'", typeStart));
      const open = this.shape.indexOf('{', typeStart);
      const head = this.text.slice(typeStart, open);
      const end = closing(this.shape, open);
      const parent = found.filter((r) => r.start < m.index && m.index < r.end).at(-1);
      const loop = /\[for\s+\(?\s*(\w+)\s*(?:,\s*\w+\s*\))?\s+in\s+([\s\S]+):\s*$/.exec(head);
      found.push({ symbol: m[1]!, type, path: parent ? `${parent.path}::${m[1]}` : m[1]!, ...(loop ? { loop: { item: loop[1]!, over: loop[2]!.trim() } } : {}), body: this.text.slice(open + 1, end), start: m.index, end });
    }
    return found.map((r) => ({ symbol: r.symbol, type: r.type, path: r.path, ...(r.loop ? { loop: r.loop } : {}), body: r.body }));
  }

  resource(path: string): BicepResource {
    const found = this.resources().find((r) => r.path === path);
    if (!found) throw new Error(`no resource ${path}`);
    return found;
  }

  /** A `var`'s value, as written. */
  variable(name: string): string {
    return this.declared(new RegExp(`^var\\s+${name}\\s*=\\s*`, 'm'), name);
  }

  /** A `param`'s default, as written. */
  paramDefault(name: string): string {
    return this.declared(new RegExp(`^param\\s+${name}\\s+\\w+\\s*=\\s*`, 'm'), name);
  }

  /** The strings of a list written as `['a', 'b']` (a `var`'s value). */
  strings(list: string): string[] {
    return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  }

  /** The bodies of the objects in a list written as `[ { … } { … } ]`. */
  objects(list: string): string[] {
    const shape = skeleton(list);
    const bodies: string[] = [];
    for (let i = 1; i < shape.length - 1; i++) {
      if (shape[i] !== '{') continue;
      const end = closing(shape, i);
      bodies.push(list.slice(i + 1, end));
      i = end;
    }
    return bodies;
  }

  private declared(pattern: RegExp, name: string): string {
    const m = pattern.exec(this.shape);
    if (!m) throw new Error(`no declaration of ${name}`);
    return value(this.text, this.shape, m.index + m[0].length);
  }
}

/** The value starting at `at`: up to a comma, the end of the line or the enclosing bracket, outside any bracket of its own. */
function value(text: string, shape: string, at: number): string {
  let depth = 0;
  let i = at;
  for (; i < shape.length; i++) {
    const c = shape[i]!;
    if (c in opening) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === ',' || c === '\n')) break;
  }
  return text.slice(at, i).trim();
}

/**
 * The value of `key` at the top level of an object body (not inside a nested object), as written;
 * undefined if the body has no such key. `key` may be a dotted path into nested objects.
 */
export function property(body: string, key: string): string | undefined {
  const [head, ...rest] = key.split('.');
  const shape = skeleton(body);
  let depth = 0;
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i]!;
    if (c in opening) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && shape.startsWith(head!, i) && /[\s,{]/.test(shape[i - 1] ?? ' ')) {
      const after = /^\s*:\s*/.exec(shape.slice(i + head!.length));
      if (!after) continue;
      const found = value(body, shape, i + head!.length + after[0].length);
      if (rest.length === 0) return found;
      return found.startsWith('{') ? property(found.slice(1, -1), rest.join('.')) : undefined;
    }
  }
  return undefined;
}
