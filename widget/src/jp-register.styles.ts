// <jp-register>'s bill illustration (as wide as the column allows, never wider), the guide's place,
// and the "Proverite e-mail" step (the address wraps anywhere: a long one never widens the card).
import { css } from 'lit';
import { primary, gap } from './tokens.js';

export const registerStyles = css`
  .jp .jp-bill-figure { display: block; width: 100%; max-width: 22rem; height: auto; margin: .5rem 0 0; }
  .jp .jp-bill-figure .jp-bill-brand { fill: ${primary}; }
  .jp .jp-guide { margin: 0 0 ${gap}; }
  .jp .jp-address { overflow-wrap: anywhere; font-size: 1.1rem; }
  .jp .jp-steps { margin: 0 0 ${gap}; padding-left: 1.25rem; }
  .jp .jp-steps li { margin: 0 0 .25rem; }
  .jp .jp-bring { margin: .5rem 0 0; font-weight: 600; }
`;
