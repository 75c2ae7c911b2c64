// Lists of records (bills, sessions) and definition lists (the account's data, a bill's details).
import { css } from 'lit';
import { gap } from './tokens.js';

export const listStyles = css`
  .jp .jp-list { list-style: none; margin: 0 0 ${gap}; padding: 0; }
  .jp .jp-list li { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .5rem 0; border-bottom: 1px solid #d0d0d0; }
  .jp .jp-list li > :first-child { flex: 1 1 100%; text-align: left; font-weight: 600; }
  .jp dl { margin: 0 0 ${gap}; }
  .jp dt { font-weight: 600; }
  .jp dd { margin: 0 0 .5rem; overflow-wrap: anywhere; }
`;
