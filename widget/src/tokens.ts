// The design tokens as `var(--jp-x, default)`. The defaults live in the fallback, not in a
// declaration on the element, so a value set on any ancestor (or the element) wins by
// inheritance. Colours default to the utility's own (config/utility.json).
import { unsafeCSS } from 'lit';
import utility from '../../config/utility.json' with { type: 'json' };

const token = (name: string, fallback: string) => unsafeCSS(`var(--jp-${name}, ${fallback})`);

export const primary = token('primary', utility.colors.primary);
export const primaryText = token('primary-text', utility.colors.primaryText);
export const accent = token('accent', utility.colors.accent);
export const text = token('text', '#1a1a1a');
export const muted = token('muted', '#4a4a4a');
export const error = token('error', '#b00020');
export const ok = token('ok', '#1e6b2e');
export const border = token('border', '#6b6b6b');
export const bg = token('bg', '#fff');
export const radius = token('radius', '6px');
export const gap = token('gap', '1rem');
export const font = token('font', "system-ui, 'Segoe UI', Roboto, Arial, sans-serif");
// Focus rings follow the brand colour (7.7:1 on white by default) unless set on their own.
export const focus = token('focus', `var(--jp-primary, ${utility.colors.primary})`);
