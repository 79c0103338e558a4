/* global window, document, getComputedStyle, AdaptiveCards */
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


  // Teams draws its own charts (Chart.*); the SDK knows none of them and would draw the fallback. The
  // gallery draws each from its data as a picture (SVG), so the pictures show what Teams shows.
  const palette = { good: '#13a10e', warning: '#c19c00', attention: '#d13438', neutral: '#8a8886', categoricalRed: '#d13438', categoricalPurple: '#8764b8', categoricalLavender: '#a4a2f2', categoricalBlue: '#0078d4', categoricalLightBlue: '#5ca9e5', categoricalTeal: '#038387', categoricalGreen: '#13a10e', categoricalLime: '#8cbd18', categoricalMarigold: '#eaa300' };
  const cycle = ['#0078d4', '#eaa300', '#8764b8', '#038387', '#d13438', '#8cbd18'];
  const colour = (name, i) => palette[name] || cycle[i % cycle.length];
  const esc = (text) => escapeHtml(String(text ?? ''));
  const W = 480;
  const svg = (height, inner) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="Segoe UI, sans-serif" font-size="13">${inner}</svg>`;
  const legend = (items, y) =>
    items.map((it, i) => `<rect x="${(i % 2) * 240}" y="${y + Math.floor(i / 2) * 20}" width="12" height="12" rx="2" fill="${it.fill}"/><text x="${(i % 2) * 240 + 18}" y="${y + Math.floor(i / 2) * 20 + 11}" fill="#242424">${esc(it.label)}</text>`).join('');
  const arc = (cx, cy, r, a0, a1) => {
    const p = (a) => [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    const [x0, y0] = p(a0);
    const [x1, y1] = p(a1);
    return `M ${x0} ${y0} A ${r} ${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${x1} ${y1}`;
  };
  const drawers = {
    'Chart.Donut': (c) => {
      const data = c.data || [];
      const total = data.reduce((n, d) => n + d.value, 0) || 1;
      let a = -Math.PI / 2;
      const slices = data.map((d, i) => {
        const a1 = a + (2 * Math.PI * d.value) / total - 1e-6;
        const path = d.value > 0 ? `<path d="${arc(120, 90, 70, a, a1)}" stroke="${colour(d.color, i)}" stroke-width="${c.type === 'Chart.Pie' ? 140 : 28}" fill="none"/>` : '';
        a = a1;
        return path;
      });
      return svg(200 + Math.ceil(data.length / 2) * 20, `${slices.join('')}<text x="120" y="95" text-anchor="middle" font-size="18" font-weight="600">${total === 1 && data.every((d) => !d.value) ? 0 : data.reduce((n, d) => n + d.value, 0)}</text>${legend(data.map((d, i) => ({ label: `${d.legend}: ${d.value}`, fill: colour(d.color, i) })), 180)}`);
    },
    'Chart.Gauge': (c) => {
      const min = c.min ?? 0;
      const max = c.max ?? 100;
      let a = Math.PI;
      const span = max - min || 1;
      const segments = (c.segments || []).map((s, i) => {
        const a1 = a + (Math.PI * s.size) / span;
        const path = s.size > 0 ? `<path d="${arc(240, 130, 100, a, a1 - 1e-6)}" stroke="${colour(s.color, i)}" stroke-width="24" fill="none"/>` : '';
        a = a1;
        return path;
      });
      return svg(200, `${segments.join('')}<text x="240" y="125" text-anchor="middle" font-size="22" font-weight="600">${c.value ?? 0} / ${max}</text>${legend((c.segments || []).map((s, i) => ({ label: s.legend, fill: colour(s.color, i) })), 160)}`);
    },
    'Chart.HorizontalBar.Stacked': (c) => {
      const rows = c.data || [];
      const max = Math.max(1, ...rows.map((r) => r.data.reduce((n, d) => n + d.value, 0)));
      const bars = rows.map((r, i) => {
        let x = 0;
        const y = i * 44;
        const parts = r.data.map((d, j) => {
          const w = (300 * d.value) / max;
          const rect = `<rect x="${170 + x}" y="${y + 18}" width="${w}" height="16" fill="${colour(d.color, j)}"/>`;
          x += w;
          return rect;
        });
        return `<text x="0" y="${y + 13}" fill="#242424">${esc(r.title)}</text>${parts.join('')}<text x="0" y="${y + 31}" fill="#616161">${r.data.map((d) => d.value).join(' + ')}</text>`;
      });
      const first = rows[0] ? rows[0].data.map((d, j) => ({ label: d.legend, fill: colour(d.color, j) })) : [];
      return svg(rows.length * 44 + 30, bars.join('') + legend(first, rows.length * 44 + 6));
    },
    'Chart.Line': (c) => {
      const series = c.data || [];
      const xs = series[0] ? series[0].values.map((v) => v.x) : [];
      const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v.y)));
      const X = (i) => 40 + (420 * i) / Math.max(1, xs.length - 1);
      const Y = (y) => 150 - (130 * y) / max;
      const grid = [0, max].map((v) => `<line x1="40" x2="460" y1="${Y(v)}" y2="${Y(v)}" stroke="#e0e0e0"/><text x="30" y="${Y(v) + 4}" text-anchor="end" fill="#616161">${v}</text>`).join('');
      const ticks = xs.map((x, i) => (i % 2 === xs.length % 2 ? '' : `<text x="${X(i)}" y="170" text-anchor="middle" fill="#616161" font-size="11">${esc(x)}</text>`)).join('');
      const lines = series.map((s, k) => `<polyline fill="none" stroke="${colour(s.color, k)}" stroke-width="2.5" points="${s.values.map((v, i) => `${X(i)},${Y(v.y)}`).join(' ')}"/>${s.values.map((v, i) => `<circle cx="${X(i)}" cy="${Y(v.y)}" r="3" fill="${colour(s.color, k)}"/>`).join('')}`).join('');
      return svg(200 + Math.ceil(series.length / 2) * 20, grid + ticks + lines + legend(series.map((s, k) => ({ label: s.legend, fill: colour(s.color, k) })), 185));
    },
    'Chart.VerticalBar': (c) => {
      const data = c.data || [];
      const max = Math.max(1, ...data.map((d) => d.y));
      const w = 420 / Math.max(1, data.length);
      return svg(180, data.map((d, i) => `<rect x="${40 + i * w + 4}" y="${150 - (130 * d.y) / max}" width="${w - 8}" height="${(130 * d.y) / max}" fill="${colour(d.color || c.color, i)}"/><text x="${40 + i * w + w / 2}" y="170" text-anchor="middle" font-size="11">${esc(d.x)}</text>`).join(''));
    },
    'Chart.HorizontalBar': (c) => {
      const data = c.data || [];
      const max = Math.max(1, ...data.map((d) => d.y));
      return svg(data.length * 28 + 10, data.map((d, i) => `<text x="0" y="${i * 28 + 18}">${esc(d.x)}</text><rect x="170" y="${i * 28 + 6}" width="${(290 * d.y) / max}" height="16" fill="${colour(d.color || c.color, i)}"/>`).join(''));
    },
  };
  drawers['Chart.Pie'] = drawers['Chart.Donut'];

  /** The card with every Chart.* it has drawn as a picture (with its title), as Teams draws them. */
  const withCharts = (node) => {
    if (Array.isArray(node)) return node.map(withCharts);
    if (typeof node !== 'object' || node === null) return node;
    const draw = drawers[node.type];
    if (draw) {
      const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(draw(node))}`;
      return { type: 'Image', url, altText: node.title || node.type, size: 'Stretch', spacing: node.spacing };
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withCharts(v)]));
  };

  /** Renders `payload` with `hostConfig`; returns the SDK's parse and validation messages. */
  window.renderCard = (payload, hostConfig) => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    const context = new AdaptiveCards.SerializationContext();
    card.parse(withCharts(payload), context);
    const problems = [];
    for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
    for (const event of card.validateProperties().validationEvents) problems.push(event.message);
    const element = card.render();
    if (!element) problems.push('the renderer produced no element');
    document.getElementById('card').replaceChildren(...(element ? [element] : []));
    showPickedTitles(card);
    return problems;
  };

  /**
   * What is cut off in the card as drawn: an element reaching past the card's right edge, or content
   * clipped in its box by more than a few pixels (the SDK's fact set overhangs its box by up to 3 px of
   * cell padding, which hides no text).
   */
  window.cutOff = () => {
    const frame = document.getElementById('card').getBoundingClientRect();
    const slack = 4;
    const found = [];
    for (const el of document.querySelectorAll('#card *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const clipped = getComputedStyle(el).overflow !== 'visible' && el.scrollWidth > el.clientWidth + slack;
      if (box.right > frame.right + 1 || clipped) found.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}: "${(el.textContent || '').trim().slice(0, 40)}"`);
    }
    return found;
  };
})();
