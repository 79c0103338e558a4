/**
 * R10: the plan says *where* login details are kept, never the details themselves. This spots
 * text that looks like a credential: a secret named and then given ("lösenord: …", "lösenordet är
 * Sommar2026!", "password hunter2"), or a word that looks like a generated password.
 */
/**
 * The words that name a secret itself, in Swedish and English: "lösenord", "lösenordet", "lösen",
 * "pwd", "pin-koden"… but not a compound that names where secrets are kept ("lösenordshanteraren",
 * "lösenordsfilen").
 */
const secretWord = /(?<![\p{L}\d])(lösen(?:ord(?:et|en)?)?|passwords?|passwd|pass|pwd|pin(?:-?kod(?:en)?)?|kod(?:en)?|code|passphrase|secret|token)(?![\p{L}\d])/giu;

/** An address or a path: where something is kept, not a secret. */
const isPlace = (token: string) => /:\/\/|^www\.|[\\]|^[a-z]:/iu.test(token) || /@/.test(token);

/** A token that looks like a value: a digit in it, or a symbol inside it (after its quotes and brackets are stripped). */
function looksLikeValue(token: string): boolean {
  const bare = token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  if (bare.length < 4 || isPlace(token)) return false;
  return /\d/u.test(bare) || /[^\p{L}\d\-/.'’]/u.test(bare);
}

/** Words that say where something is kept: what follows them is a place, not the secret. */
const placeWords = new Set(['i', 'in', 'hos', 'på', 'at', 'inside']);

/**
 * Whether the words right after a secret's name give it: after ":" or "=" anything; otherwise a
 * value-like word among the next five ("lösenordet för Instagram är Fritid2026!"), until a word that
 * says where it is kept ("lösenordet finns i mappen Kultur2026").
 */
function givesValue(after: string): boolean {
  if (/^\s*[:=]\s*[^\s(]/u.test(after)) return true;
  for (const token of after.trim().split(/\s+/).slice(0, 5)) {
    if (placeWords.has(token.toLowerCase().replace(/[\p{P}]+$/u, ''))) return false;
    if (looksLikeValue(token)) return true;
  }
  return false;
}

/** A word of 8+ characters mixing letters, digits and symbols, the way generated passwords look. */
function looksLikeGeneratedPassword(word: string): boolean {
  if (word.length < 8 || isPlace(word) || /[\\/]/.test(word)) return false;
  const letters = /\p{L}/u.test(word);
  const digits = /\d/.test(word);
  const symbols = /[^\p{L}\d]/u.test(word.replace(/[.,;:!?)"'”]+$/u, ''));
  return letters && digits && symbols;
}

export function looksLikeCredential(text: string): boolean {
  for (const match of text.matchAll(secretWord)) {
    if (givesValue(text.slice((match.index ?? 0) + match[0].length))) return true;
  }
  return text.split(/\s+/).some(looksLikeGeneratedPassword);
}
