// <jp-register>'s bill illustration (as wide as the column allows, never wider) and its help boxes.
import { css } from 'lit';
import { primary, accent, text, radius } from './tokens.js';

export const registerStyles = css`
  .jp .jp-bill-figure { display: block; width: 100%; max-width: 22rem; height: auto; margin: .5rem 0 0; }
  .jp .jp-bill-figure .jp-bill-brand { fill: ${primary}; }
  .jp .jp-help { background: ${accent}; color: ${text}; padding: .75rem 1rem; border-radius: ${radius}; }
  .jp .jp-help summary { cursor: pointer; font-weight: 600; }
`;
