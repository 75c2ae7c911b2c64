// <jp-portal>'s own parts: the utility's name and the script switch (the help block and its links are help.ts's).
import { css } from 'lit';
import { primary, primaryText, gap } from './tokens.js';

export const portalStyles = css`
  .jp .jp-brand { font-weight: 700; font-size: 1.25rem; color: ${primary}; margin: 0 0 ${gap}; }
  .jp .jp-switch { display: flex; flex-wrap: wrap; gap: .5rem; justify-content: flex-end; margin: 0 0 .5rem; font-size: .9rem; }
  .jp .jp-switch button { padding: .2rem .5rem; min-height: 2rem; font-weight: 400; background: #fff; color: ${primary}; border-width: 1px; }
  .jp .jp-switch button[aria-pressed=true] { background: ${primary}; color: ${primaryText}; }
`;
