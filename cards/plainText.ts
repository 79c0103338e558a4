/**
 * Teams renders a subset of markdown in a TextBlock and in a fact: links, bold, italic, lists. Card
 * texts are plain text, so whatever people wrote (an account's name, a purpose, a comment) shows as
 * they wrote it and cannot make a link or change how the card reads. The characters that open
 * markdown's inline syntax are escaped with a backslash: `[` (a link needs one), `<` (an autolink),
 * `*`, `_`, `~`, a backquote, and the backslash itself. A link on a card is an Action.OpenUrl (a
 * button, or a TextRun's selectAction, where markdown is never read).
 */
export const plainText = (text: string): string => text.replace(/[\\`*_~[\]<>]/g, (c) => `\\${c}`);

/** The card with every TextBlock's text and every fact made plain text (`plainText`); nothing else changes. */
export function withPlainTexts<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withPlainTexts) as T;
  if (typeof node !== 'object' || node === null) return node;
  const element = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withPlainTexts(value)])) as Record<string, unknown>;
  if (element.type === 'TextBlock' && typeof element.text === 'string') element.text = plainText(element.text);
  if (element.type === 'FactSet' && Array.isArray(element.facts)) {
    element.facts = element.facts.map((fact: Record<string, unknown>) => ({
      ...fact,
      ...(typeof fact.title === 'string' ? { title: plainText(fact.title) } : {}),
      ...(typeof fact.value === 'string' ? { value: plainText(fact.value) } : {}),
    }));
  }
  return element as T;
}
