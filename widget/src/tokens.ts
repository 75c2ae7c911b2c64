// The design tokens as `var(--jp-x, default)`. The defaults live in the fallback, not in a
// declaration on the element, so a value set on any ancestor (or the element) wins by
// inheritance. Colours default to the utility's own (config/utility.json). Each token's comment
// is its entry in custom-elements.json (custom-elements-manifest.config.mjs reads this file).
/// <reference path="./login-config.d.ts" />
import { unsafeCSS } from 'lit';
// By name, through the login's own view of the configuration (login-config.d.ts), so the login
// page carries the colours and not the whole configuration.
import { colors } from '../../config/utility.json?login';

const token = (name: string, fallback: string) => unsafeCSS(`var(--jp-${name}, ${fallback})`);

/** Brand colour of buttons, links and the focus ring. */
export const primary = token('primary', colors.primary);
/** Text on the brand colour. */
export const primaryText = token('primary-text', colors.primaryText);
/** Background of the help boxes (the utility's contact). */
export const accent = token('accent', colors.accent);
/** Text colour. */
export const text = token('text', '#1a1a1a');
/** Colour of hints under the fields. */
export const muted = token('muted', '#4a4a4a');
/** Colour of errors and invalid fields. */
export const error = token('error', '#b00020');
/** Colour of confirmations. */
export const ok = token('ok', '#1e6b2e');
/** Colour of the input borders. */
export const border = token('border', '#6b6b6b');
/** Background of the element. */
export const bg = token('bg', '#fff');
/** Corner radius of the element, fields and buttons. */
export const radius = token('radius', '6px');
/** Spacing between fields and blocks. */
export const gap = token('gap', '1rem');
/** Font family. */
export const font = token('font', "system-ui, 'Segoe UI', Roboto, Arial, sans-serif");
// Focus rings follow the brand colour (7.7:1 on white by default) unless set on their own.
/** Colour of the focus ring (default: the brand colour). */
export const focus = token('focus', `var(--jp-primary, ${colors.primary})`);
