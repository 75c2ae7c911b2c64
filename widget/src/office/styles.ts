// The console's own layout on top of the widget's base stylesheet: a wide page (1280 px) that
// folds to one column on a tablet (768 px). Constructable sheets, so style-src 'self' holds.
import { css } from 'lit';
import { primary, primaryText, muted, border, gap, radius, error, text } from '../tokens.js';

export const office = css`
  jp-office.jp { max-width: 76rem; padding: ${gap} 1.5rem; }
  .jp .jpo-top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
    border-bottom: 2px solid ${primary}; padding-bottom: .75rem; margin-bottom: ${gap}; }
  .jp .jpo-top h1 { font-size: 1.4rem; margin: 0; }
  .jp .jpo-who { color: ${muted}; margin: 0; }
  .jp .jpo-switch { display: flex; gap: .25rem; }
  .jp .jpo-switch button { background: #fff; color: ${primary}; border: 1px solid ${border}; font-weight: 400; padding: .25rem .6rem; }
  .jp .jpo-switch button[aria-pressed=true] { background: ${primary}; color: ${primaryText}; }
  .jp nav ul { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; margin: 0 0 ${gap}; padding: 0; }
  .jp nav button[aria-current=page] { background: ${primary}; color: ${primaryText}; }
  .jp nav button:not([aria-current=page]) { background: #fff; color: ${primary}; }
  .jp .jpo-search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-start; }
  .jp .jpo-search > button { margin-top: 1.75rem; }
  .jp .jpo-time { white-space: nowrap; }
  .jp .jpo-search .jp-field { flex: 1 1 18rem; }
  .jp .jpo-cols { display: grid; grid-template-columns: minmax(16rem, 22rem) 1fr; gap: 1.5rem; align-items: start; }
  @media (max-width: 1000px) { .jp .jpo-cols { grid-template-columns: 1fr; } }
  .jp .jpo-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: ${gap}; }
  .jp section.jpo-box { border: 1px solid ${border}; border-radius: ${radius}; padding: .75rem 1rem; }
  .jp section.jpo-box h3 { margin-top: 0; font-size: 1.1rem; }
  .jp .jpo-hits { list-style: none; margin: 0; padding: 0; display: grid; gap: .25rem; }
  .jp .jpo-hits button { width: 100%; text-align: left; background: #fff; color: inherit; border: 1px solid ${border}; font-weight: 400; }
  .jp .jpo-hits button[aria-current=true] { border: 2px solid ${primary}; }
  .jp .jpo-hits strong { display: block; }
  .jp table { border-collapse: collapse; width: 100%; font-size: .95rem; }
  .jp th, .jp td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
  .jp .jpo-scroll { overflow-x: auto; }
  .jp dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
  .jp dt { font-weight: 600; }
  .jp dd { margin: 0; }
  .jp textarea, .jp input[type=month], .jp input[type=search] { font: inherit; width: 100%; padding: .6rem .7rem; min-height: 2.75rem;
    border: 1px solid ${border}; border-radius: ${radius}; background: #fff; color: #1a1a1a; }
  .jp .jpo-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .5rem; }
  .jp .jpo-login { max-width: 30rem; margin: 2rem auto; }
  .jp .jpo-counts { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
  .jp .jpo-counts li { border: 1px solid ${border}; border-radius: ${radius}; padding: .5rem .75rem; }
  .jp :is(jpo-consumers, jpo-import, jpo-run, jpo-print, jpo-overview, jpo-staff, jpo-log) { display: block; }
  .jp :is(select, input[type=date], input[type=file]) { font: inherit; width: 100%; padding: .5rem .6rem; min-height: 2.75rem;
    border: 1px solid ${border}; border-radius: ${radius}; background: #fff; color: #1a1a1a; }
  .jp fieldset { border: 1px solid ${border}; border-radius: ${radius}; margin: 0; padding: .5rem 1rem .75rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
  .jp legend { font-weight: 600; padding: 0 .25rem; }
  .jp form.jpo-filters { grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); align-items: end; margin-bottom: .5rem; }
  .jp .jpo-filters .jpo-actions { grid-column: 1 / -1; margin: 0; }
  .jp .jpo-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem; margin: .5rem 0 ${gap}; }
  .jp .jpo-figures > div { border: 1px solid ${border}; border-radius: ${radius}; padding: .5rem .75rem; }
  .jp .jpo-figures dd { font-size: 1.25rem; }
  .jp .jpo-big { grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
  .jp .jpo-big dd strong { font-size: 1.6rem; display: block; }
  .jp .jpo-errors, .jp .jpo-errors caption { color: ${error}; }
  .jp .jpo-errors caption { text-align: left; font-weight: 600; }
  .jp progress { width: 100%; height: 1.25rem; accent-color: ${primary}; }
  .jp :is(section.jpo-box, .jpo-scroll) + section.jpo-box, .jp jpo-run { margin-top: ${gap}; }
  .jp .jpo-link input { font-family: ui-monospace, monospace; }
  .jp .jpo-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .jp .jpo-chart { display: block; width: 100%; max-width: 44rem; height: auto; margin: .5rem 0; }
  .jp .jpo-bar-begun, .jp .jpo-key-begun { fill: ${muted}; background: ${muted}; }
  .jp .jpo-bar-confirmed, .jp .jpo-key-confirmed { fill: ${primary}; background: ${primary}; }
  .jp .jpo-axis { font-size: 13px; fill: ${text}; }
  .jp .jpo-axis-line { stroke: ${text}; stroke-width: 1; }
  .jp .jpo-legend { display: flex; gap: 1.5rem; list-style: none; margin: 0; padding: 0; }
  .jp .jpo-key { display: inline-block; width: 1rem; height: 1rem; margin-right: .4rem; vertical-align: middle; }
`;
