// The embed guide's live parts (the page itself is written by widget/scripts/guide-page.ts):
// the portal's own address in the snippets (the guide is served by the portal it describes),
// the copy buttons (exactly the text of their block), and the theme editor, which sets the
// --jp-* properties on the preview and writes the CSS to copy (the font as the site's own stack,
// typed). No inline script or style: the
// properties are set through the CSSOM, which a strict style-src allows.
const main = document.querySelector('main.guide');
const { origin } = location;

// The snippets name https://portal.<domain>; the page's own origin is where this portal is.
for (const code of document.querySelectorAll('[data-origin-text]'))
  code.textContent = code.textContent.replaceAll(main.dataset.origin, origin);
for (const here of document.querySelectorAll('.origin-here code')) here.textContent = origin;

function say(button, text) {
  const status = button.parentElement.querySelector('.copy-status');
  status.textContent = '';
  // A fresh text each time, so a screen reader announces a second copy too.
  setTimeout(() => (status.textContent = text), 50);
}

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(code.textContent);
      say(button, main.dataset.copied);
    } catch {
      // No clipboard (plain http on another host, or refused): select the text for Ctrl+C.
      getSelection().selectAllChildren(code);
      say(button, main.dataset.copyFailed);
    }
  });
}

const form = document.getElementById('theme');
const preview = document.getElementById('preview');
const cssOut = document.getElementById('snippet-css');
const defaults = JSON.parse(form.dataset.defaults);
const controls = [...form.querySelectorAll('[data-token]')];
const touched = new Set();

// A typed font stack stays one declaration: nothing that would end it or open a block.
const tokenValue = (c) =>
  c.dataset.unit
    ? `${Number(c.value)}${c.dataset.unit}`
    : c.type === 'text'
      ? c.value.replace(/[;{}<>]/g, '').trim() || defaults[c.dataset.token]
      : c.value;

function apply() {
  // A colour that follows another (--jp-focus follows --jp-primary) moves with it until changed.
  for (const c of controls) {
    const lead = c.dataset.follows && form.querySelector(`[data-token="${c.dataset.follows}"]`);
    if (lead && !touched.has(c.dataset.token)) c.value = lead.value;
  }
  const changed = controls.filter((c) => {
    if (c.dataset.follows && !touched.has(c.dataset.token)) return false;
    return tokenValue(c).toLowerCase() !== String(defaults[c.dataset.token]).toLowerCase();
  });
  for (const c of controls) preview.style.removeProperty(c.dataset.token);
  for (const c of changed) preview.style.setProperty(c.dataset.token, tokenValue(c));
  const selector = form.dataset.selector;
  cssOut.textContent = changed.length
    ? `${selector} {\n${changed.map((c) => `  ${c.dataset.token}: ${tokenValue(c)};`).join('\n')}\n}`
    : `/* ${document.documentElement.lang === 'en' ? 'the default look: nothing to add' : 'podrazumevani izgled: ništa ne treba dodati'} */`;
}

form.addEventListener('input', (e) => {
  if (e.target.dataset.token) touched.add(e.target.dataset.token);
  apply();
});
form.addEventListener('change', apply);
// A reset puts the inputs back after the event: apply once they are.
form.addEventListener('reset', () => {
  touched.clear();
  setTimeout(apply);
});
apply();
