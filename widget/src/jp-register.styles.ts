// <jp-register>'s bill illustration: as wide as the column allows, never wider.
import { css } from 'lit';
import { primary } from './tokens.js';

export const registerStyles = css`
  .jp .jp-bill-figure { display: block; width: 100%; max-width: 22rem; height: auto; margin: .5rem 0 0; }
  .jp .jp-bill-figure .jp-bill-brand { fill: ${primary}; }
`;
