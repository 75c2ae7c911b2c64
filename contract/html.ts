// Text into HTML (the mails, the embed guide, the office's pages): the five characters that
// could end a text or an attribute value, as entities. Pure: both sides and the build use it.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
