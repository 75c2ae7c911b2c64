// The bundle: every element, registered on load.
import './jp-portal.js';
export { JpLogin } from './jp-login.js';
export { JpRegister } from './jp-register.js';
export { JpForgotPassword } from './jp-forgot-password.js';
export { JpResetPassword } from './jp-reset-password.js';
export { JpConfirm } from './jp-confirm.js';
export { JpAccount } from './jp-account.js';
export { JpPortal } from './jp-portal.js';
