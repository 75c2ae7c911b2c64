// What a `salter` sees of a resident's e-mail address: enough to recognise it with the caller
// on the phone ("p***@gmail.com"), not enough to copy it out.
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
