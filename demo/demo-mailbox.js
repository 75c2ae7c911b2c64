// Dev-only "Demo sanduče": the mails in the dev outbox with clickable links, and the demo
// consumers to try — those of the utility UTILITY_CONFIG chose, from /demo/site.json (the page
// itself is written for it, widget/scripts/demo-pages.ts). Hidden when the API has no dev outbox
// (production); never published (worker/scripts/build-site.ts).
const aside = document.querySelector('aside.demo');
const list = document.getElementById('demo-mails');

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

async function refresh() {
  const res = await fetch('/api/dev/outbox', { credentials: 'include' });
  if (!res.ok) return;
  aside.hidden = false;
  const { mails } = await res.json();
  list.replaceChildren(
    ...mails.slice(0, 15).map((m) => {
      const box = el('div', '', { class: 'mail' });
      box.append(el('strong', m.subject), el('div', `Za: ${m.to} · ${m.status}`));
      const pre = el('pre');
      for (const part of m.text.split(/(https?:\/\/\S+)/)) {
        pre.append(/^https?:\/\//.test(part) ? el('a', part, { href: part }) : document.createTextNode(part));
      }
      box.append(pre);
      return box;
    }),
  );
}

function showConsumers(consumers) {
  document.getElementById('demo-consumers').replaceChildren(
    ...consumers.map(([c, p]) => {
      const tr = el('tr');
      tr.append(el('td', c), el('td', p));
      return tr;
    }),
  );
}
fetch('/demo/site.json')
  .then((r) => (r.ok ? r.json() : null))
  .then((site) => site && showConsumers(site.consumers));
document.getElementById('demo-refresh').addEventListener('click', refresh);
document.addEventListener('jp-registered', () => setTimeout(refresh, 300));
setInterval(refresh, 5000);
refresh();
