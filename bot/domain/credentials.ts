/**
 * R10: the plan says *where* login details are kept, never the details themselves. This spots
 * text that looks like a credential: a secret named and then given ("lösenord: …", "lösenordet är
 * Sommar2026!", "password hunter2"), or a word that looks like a generated password.
 */
/** The words that name a secret, in Swedish and English, in any form ("lösen", "lösenordet", "pwd"). */
const secretWord = /(?<![\p{L}\d])(lösen\p{L}*|password|passwords?|passwd|pass|pwd|pin(?:kod|koden)?|passphrase|secret|token|kod(?:en)?|code)(?![\p{L}\d])/giu;

/** A value given right after the word: after ":" or "=" anything; after "är"/"is" or a space, something that is not a plain word. */
function givesValue(after: string): boolean {
  const rest = after.trimStart();
  if (/^[:=]\s*\S/u.test(rest)) return true;
  const value = /^(?:(?:är|is)\s+)?(\S+)/iu.exec(rest)?.[1]?.replace(/[.,;:!?)"']+$/u, '');
  // "lösenordet finns i hanteraren": a plain word follows; "lösenord Sommar2026!": a value does.
  return value !== undefined && value.length >= 4 && (/\d/u.test(value) || /[^\p{L}\d-]/u.test(value) || /\p{Ll}\p{Lu}/u.test(value));
}

/** A word of 8+ characters mixing letters, digits and symbols, the way generated passwords look. */
function looksLikeGeneratedPassword(word: string): boolean {
  if (word.length < 8 || /^(https?:|www\.)/i.test(word) || /[\\/]/.test(word)) return false;
  const letters = /\p{L}/u.test(word);
  const digits = /\d/.test(word);
  const symbols = /[^\p{L}\d]/u.test(word.replace(/[.,;:!?)"']+$/u, ''));
  return letters && digits && symbols;
}

export function looksLikeCredential(text: string): boolean {
  for (const match of text.matchAll(secretWord)) {
    if (givesValue(text.slice((match.index ?? 0) + match[0].length))) return true;
  }
  return text.split(/\s+/).some(looksLikeGeneratedPassword);
}
