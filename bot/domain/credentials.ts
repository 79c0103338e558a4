/**
 * R10: the plan says *where* login details are kept, never the details themselves. This spots
 * text that looks like a credential: a labelled secret ("lösenord: …") or a password-like word.
 */
const labelledSecret = /\b(lösen(ord)?|password|passwd|pwd|pin(kod)?|passphrase|secret|token)\s*[:=]\s*\S/i;

/** A word of 8+ characters mixing letters, digits and symbols, the way generated passwords look. */
function looksLikeGeneratedPassword(word: string): boolean {
  if (word.length < 8 || /^(https?:|www\.)/i.test(word) || /[\\/]/.test(word)) return false;
  const letters = /\p{L}/u.test(word);
  const digits = /\d/.test(word);
  const symbols = /[^\p{L}\d]/u.test(word.replace(/[.,;:!?)"']+$/u, ''));
  return letters && digits && symbols;
}

export function looksLikeCredential(text: string): boolean {
  return labelledSecret.test(text) || text.split(/\s+/).some(looksLikeGeneratedPassword);
}
