// The account area's shared look: the header (name and "Odjavite se" side by side), the section
// menu (one tap to each section on a phone), summary cards, a settings block with its own status,
// the danger zone set apart, a link that looks like a button, and text only screen readers get.
import { css } from 'lit';
import { primary, primaryText, error, border, radius, gap, muted } from './tokens.js';

export const accountStyles = css`
  .jp .jp-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  .jp .jp-acc-head { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; justify-content: space-between;
    padding-bottom: .75rem; margin-bottom: .75rem; border-bottom: 1px solid #d0d0d0; }
  .jp .jp-acc-head h2 { margin: 0; font-size: 1.3rem; overflow-wrap: break-word; }
  .jp .jp-acc-head > div { flex: 1 1 8rem; min-width: 0; }
  .jp .jp-acc-head button { flex: none; padding-inline: .75rem; }
  .jp .jp-tabs { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0 0 ${gap}; padding: 0; list-style: none; }
  .jp .jp-tabs li { flex: 1 1 auto; margin: 0; }
  .jp .jp-tabs button { width: 100%; padding: .6rem .25rem; background: #fff; color: ${primary}; font-weight: 600;
    font-size: .9rem; border: 2px solid ${primary}; }
  .jp .jp-tabs button[aria-current=true] { background: ${primary}; color: ${primaryText}; }
  .jp .jp-card { border: 1px solid ${border}; border-radius: ${radius}; padding: .75rem 1rem; margin: 0 0 ${gap}; }
  .jp .jp-card h3 { margin-top: 0; }
  .jp .jp-card > :last-child { margin-bottom: 0; }
  .jp .jp-debt { font-size: 1.25rem; margin: .25rem 0 .5rem; }
  .jp .jp-block { border-top: 1px solid #d0d0d0; padding-top: .25rem; margin-top: ${gap}; }
  .jp .jp-block > form { margin-bottom: .5rem; }
  .jp .jp-danger { border: 2px solid ${error}; border-radius: ${radius}; padding: .75rem 1rem; margin-top: 2.5rem; }
  .jp .jp-danger h3 { color: ${error}; margin-top: 0; }
  .jp button.jp-danger-button { background: ${error}; border-color: ${error}; color: #fff; }
  .jp a.jp-button { display: inline-block; padding: .7rem 1rem; min-height: 2.75rem; border-radius: ${radius};
    border: 2px solid ${primary}; background: ${primary}; color: ${primaryText}; font-weight: 600; text-decoration: none; }
  .jp a.jp-button.jp-secondary { background: #fff; color: ${primary}; }
  .jp .jp-muted { color: ${muted}; }
`;
