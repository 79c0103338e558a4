/**
 * Types for the Snowball stemmers' subpath exports: the project resolves modules the CommonJS way
 * (`moduleResolution: node`), which does not read a package's `exports` map for types.
 */
declare module '@orama/stemmers/swedish' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
