// A host site's stylesheet at its worst, as webmasters' CMS themes write them (the rules a
// reviewer saw reach the widget, as id selectors that outrank any class rule, some important),
// and the signature of what the widget looks like: every element's computed style and box.

export const HOSTILE_CSS = `
* { box-sizing: content-box; }
html { scroll-behavior: smooth; }
body { font: 16px/1.2 Georgia, 'Times New Roman', serif; color: #333; background: #f4f0e0; }
#content { color: green; line-height: 3; text-indent: 3em; letter-spacing: .1em; word-spacing: 4px;
  text-align: center; font-style: italic; text-transform: uppercase; text-shadow: 1px 1px 0 #f0f; cursor: crosshair; }
#content a, #content a:visited { color: red !important; background: #0f0; text-decoration: none; font-weight: 900; padding: 9px; border: 1px dotted; }
#content a:hover { color: #fff; background: #000; }
#content form { background: yellow; border: 3px dashed orange; padding: 25px; margin: 30px; box-shadow: 0 0 9px #000; }
#content h2, #content h3, #content h4 { border-bottom: 4px double purple; font-family: Impact, fantasy; text-align: right; margin: 2em 0; }
#content p { text-indent: 2em; text-align: justify; margin: 3em 0; font-size: 19px; }
#content label { font-size: 12px !important; display: inline; float: left; width: 30%; }
#content li { list-style: square; margin-left: 2em; }
#content li::before { content: '» '; color: red; }
#content ul, #content ol, #content dl { padding: 2em; margin: 2em; border-left: 5px solid #ccc; }
#content button, #content input[type=submit] { all: unset; }
#content input, #content select, #content textarea { border: 4px inset #999; background: #ffe; padding: 1em; width: 50%; font: 20px Courier, monospace; border-radius: 0; }
#content div, #content section, #content span, #content strong { margin: 5px; padding: 3px; outline: 1px solid pink; }
#content table, #content th, #content td { border: 2px solid #000; padding: 10px; background: #eee; }
#content dt, #content dd { float: left; margin: 1em; }
#content details, #content summary { display: block; background: #fcf; }
#content svg { max-width: 40%; height: auto; fill: red; stroke: blue; }
#content output, #content small, #content em, #content b { font-size: 9px; color: orange; }
#content :focus { outline: none !important; }
`;

export type Signature = { path: string; style: Record<string, string> }[];

/**
 * Runs in the page: each element of the first <jp-portal> (itself included) in document order,
 * with the properties a host could change and its box relative to the portal's, and its
 * ::before and ::after. Self-contained (page.evaluate serialises it).
 */
export function styleSignature(): Signature {
  const PROPS = [
    'display',
    'position',
    'float',
    'box-sizing',
    'width',
    'height',
    'color',
    'background-color',
    'background-image',
    'border-top-width',
    'border-top-style',
    'border-top-color',
    'border-right-width',
    'border-right-style',
    'border-bottom-width',
    'border-bottom-style',
    'border-bottom-color',
    'border-left-width',
    'border-left-style',
    'border-top-left-radius',
    'padding-top',
    'padding-right',
    'padding-bottom',
    'padding-left',
    'margin-top',
    'margin-right',
    'margin-bottom',
    'margin-left',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'line-height',
    'text-indent',
    'text-align',
    'text-transform',
    'text-shadow',
    'letter-spacing',
    'word-spacing',
    'list-style-type',
    'text-decoration-line',
    'outline-style',
    'box-shadow',
    'opacity',
    'visibility',
    'white-space',
    'vertical-align',
    'cursor',
    'fill',
    'stroke',
    'max-width',
    'content',
  ];
  const root = document.querySelector('jp-portal');
  if (!root) return [];
  const origin = root.getBoundingClientRect();
  const out: Signature = [];
  const record = (el: Element, path: string, pseudo?: string) => {
    const cs = getComputedStyle(el, pseudo);
    if (pseudo && (cs.content === 'none' || cs.content === 'normal')) return;
    const style: Record<string, string> = {};
    for (const p of PROPS) style[p] = cs.getPropertyValue(p);
    // An element without a box (display: none, as an empty status is) has no place to compare.
    if (!pseudo && el.getClientRects().length) {
      const r = el.getBoundingClientRect();
      style.box = [r.x - origin.x, r.y - origin.y, r.width, r.height].map((n) => Math.round(n)).join(',');
    }
    out.push({ path: pseudo ? `${path}${pseudo}` : path, style });
  };
  const pathOf = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement) {
      const cls = e.getAttribute('class');
      parts.unshift(`${e.localName}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}`);
    }
    return parts.join(' > ');
  };
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const path = pathOf(el);
    record(el, path);
    record(el, path, '::before');
    record(el, path, '::after');
  }
  return out;
}
