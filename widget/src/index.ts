// The bundle: the portal and its login view now, every other element when it is needed.
import { autoload } from './loader.js';
export { JpPortal } from './jp-portal.js';
export { JpLogin } from './jp-login.js';
export { loadElement } from './loader.js';
// For sites that bundle: the events' types (and, through them, addEventListener's) in the declarations.
export type { JpEventMap } from './events.js';

autoload(document);
