/* global window, document, AdaptiveCards */
// Runs in the gallery's page, after adaptivecards.js: renders a card into #card the way Teams
// would, and says what the SDK found wrong with it.
(() => {
  const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  // Teams' markdown subset: links, bold, italic, lists. The SDK shows markdown raw unless the host
  // brings a processor, and markdown-it is not installed.
  const inline = (text) =>
    text
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a class="ac-anchor" href="$2">$1</a>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])[*_]([^*_]+)[*_](?=$|[^*\w])/g, '$1<em>$2</em>');

  const block = (paragraph) => {
    const lines = paragraph.split('\n');
    const list = (tag, marker) =>
      lines.every((line) => marker.test(line)) ? `<${tag}>${lines.map((line) => `<li>${inline(line.replace(marker, ''))}</li>`).join('')}</${tag}>` : undefined;
    return list('ul', /^[-*] /) ?? list('ol', /^\d+\. /) ?? `<p>${inline(lines.join('<br>'))}</p>`;
  };

  // A backslash-escaped character is text (Kanalkoll escapes what people write: cards/plainText.ts):
  // it is set aside before the markdown is read, and put back as itself.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escaped = [];
    const kept = text.replace(/\\([!-/:-@[-`{-~])/g, (_, c) => `\uE000${escaped.push(c) - 1}\uE001`);
    const html = escapeHtml(kept).split(/\n{2,}/).map(block).join('');
    result.outputHtml = html.replace(/\uE000(\d+)\uE001/g, (_, i) => escapeHtml(escaped[Number(i)]));
    result.didProcess = true;
  };

  // A people picker (choices.data) shows the chosen person's name in Teams; the SDK's type-ahead
  // box shows the raw value (an Entra object id), so put the matching choice's title there.
  const showPickedTitles = (card) => {
    for (const input of card.getAllInputs()) {
      if (input.getJsonTypeName() !== 'Input.ChoiceSet' || !input.choicesData || !input.defaultValue) continue;
      const picked = input.choices.find((choice) => choice.value === input.defaultValue);
      const box = input.renderedElement?.querySelector('input[type="text"]');
      if (picked && box) box.value = picked.title;
    }
  };

  /** Renders `payload` with `hostConfig`; returns the SDK's parse and validation messages. */
  window.renderCard = (payload, hostConfig) => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    const context = new AdaptiveCards.SerializationContext();
    card.parse(payload, context);
    const problems = [];
    for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
    for (const event of card.validateProperties().validationEvents) problems.push(event.message);
    const element = card.render();
    if (!element) problems.push('the renderer produced no element');
    document.getElementById('card').replaceChildren(...(element ? [element] : []));
    showPickedTitles(card);
    return problems;
  };
})();
