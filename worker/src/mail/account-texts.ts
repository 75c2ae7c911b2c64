// The account mails' words: what each one says in Serbian Latin (the source; Cyrillic is its
// transliteration, made in templates.ts) and in English, with hours and minutes counted in each
// language's grammar. Formal "Vi". Invariant: plain text only (templates.ts and layout.ts escape
// and lay it out), and every kind in both languages (a missing one is a compile error).

/** Every account mail (the tests render each one). */
export const MAIL_KINDS = [
  'confirm',
  'register_attempt',
  'reset',
  'password_changed',
  'email_change',
  'email_change_notice',
  'email_changed',
  'email_taken',
  'account_deleted',
  'login-code',
  'staff_invite',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface Text {
  subject: string;
  body: string[];
  /** A one-time code, shown large on a line of its own under the body. */
  code?: string;
  /** The button's words; the mail's link is shown only with them. */
  action?: string;
  after?: string[];
}

/** What the texts say of the utility: its name and how to reach it. */
export type Words = {
  utility: string;
  hours?: number;
  email?: string;
  code?: string;
  minutes?: number;
  phone: string;
  support: string;
};

/** "1 sat", "2 sata", "5 sati", "21 sat", "48 sati". */
export function srHours(n: number): string {
  const d = n % 10,
    h = n % 100;
  if (d === 1 && h !== 11) return `${n} sat`;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return `${n} sata`;
  return `${n} sati`;
}
const enHours = (n = 0) => `${n} ${n === 1 ? 'hour' : 'hours'}`;
/** "1 minut", "10 minuta", "21 minut". */
const srMinutes = (n = 0) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'minut' : 'minuta'}`;
const enMinutes = (n = 0) => `${n} ${n === 1 ? 'minute' : 'minutes'}`;

export const LATN: Record<MailKind, (v: Words) => Text> = {
  confirm: (v) => ({
    subject: `Potvrdite registraciju na portalu ${v.utility}`,
    body: [
      'hvala Vam što ste se registrovali na portalu. ' +
        'Ostao je još jedan korak: potvrdite registraciju klikom na link ispod.',
    ],
    action: 'Potvrdite registraciju',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom. ` +
        `Ako istekne, registrujte se ponovo na portalu.`,
      'Ako se niste Vi registrovali, zanemarite ovu poruku.',
    ],
  }),
  register_attempt: () => ({
    subject: `Pokušaj registracije sa Vašom e-mail adresom`,
    body: [
      'neko je upravo pokušao da otvori nalog na portalu sa Vašom e-mail adresom, a ona je već registrovana.',
      'Ako ste to bili Vi, nalog već imate: ulogujte se na portalu, a ako ste zaboravili lozinku, izaberite „Zaboravili ste lozinku?“',
    ],
    action: 'Otvorite portal',
    after: ['Ako to niste bili Vi, zanemarite ovu poruku; Vaš nalog nije promenjen.'],
  }),
  reset: (v) => ({
    subject: `Promena lozinke na portalu ${v.utility}`,
    body: ['primili smo zahtev za promenu lozinke Vašeg naloga. Novu lozinku postavite preko linka ispod.'],
    action: 'Postavite novu lozinku',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom. ` +
        `Ako istekne, zatražite novi na portalu („Zaboravili ste lozinku?“).`,
      'Ako niste Vi tražili promenu, zanemarite ovu poruku; lozinka ostaje ista.',
    ],
  }),
  password_changed: (v) => ({
    subject: `Lozinka Vašeg naloga je promenjena`,
    body: ['lozinka Vašeg naloga na portalu je upravo promenjena. Radi bezbednosti, odjavljeni ste sa drugih uređaja.'],
    action: 'Ulogujte se',
    after: [`Ako to niste bili Vi, odmah nam se javite na telefon ${v.phone} ili na ${v.support}.`],
  }),
  email_change: (v) => ({
    subject: `Potvrdite novu e-mail adresu na portalu ${v.utility}`,
    body: [
      'zatražili ste da ova adresa postane e-mail adresa Vašeg naloga na portalu. ' +
        'Potvrdite promenu klikom na link ispod, a zatim na stranici koja se otvori kliknite na dugme „Potvrdite novu e-mail adresu“.',
    ],
    action: 'Potvrdite novu adresu',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom. ` +
        `Ako istekne, zatražite promenu ponovo u podešavanjima naloga.`,
      'Ako niste Vi tražili promenu, zanemarite ovu poruku.',
    ],
  }),
  email_change_notice: (v) => ({
    subject: 'Zahtev za promenu e-mail adrese Vašeg naloga',
    body: [
      `zatražena je promena e-mail adrese Vašeg naloga na ${v.email}. ` +
        `Promena važi tek kada se potvrdi sa nove adrese.`,
      `Ako to niste bili Vi, promenite lozinku na portalu i javite nam se na telefon ${v.phone} ili na ${v.support}.`,
    ],
    action: 'Otvorite portal',
  }),
  email_changed: (v) => ({
    subject: 'E-mail adresa Vašeg naloga je promenjena',
    body: [
      `e-mail adresa Vašeg naloga na portalu je upravo promenjena na ${v.email}. ` +
        `Poruke sa portala od sada stižu na tu adresu.`,
    ],
    after: [`Ako to niste bili Vi, odmah nam se javite na telefon ${v.phone} ili na ${v.support}.`],
  }),
  email_taken: () => ({
    subject: 'Pokušaj promene e-mail adrese',
    body: [
      'neko je pokušao da ovu e-mail adresu postavi za drugi nalog na portalu, a ona je već registrovana. ' +
        'Vaš nalog nije promenjen.',
    ],
    action: 'Otvorite portal',
  }),
  account_deleted: (v) => ({
    subject: `Vaš nalog na portalu ${v.utility} je obrisan`,
    body: [
      'Vaš nalog na portalu je obrisan, zajedno sa ličnim podacima naloga i svim prijavama.',
      'Podaci o potrošaču i računima ostaju u evidenciji preduzeća, kako zakon nalaže.',
    ],
    after: [`Ako to niste bili Vi, odmah nam se javite na telefon ${v.phone} ili na ${v.support}.`],
  }),
  staff_invite: (v) => ({
    subject: `Poziv u kancelariju portala ${v.utility}`,
    body: [
      'pozvani ste da radite u kancelariji portala (pregled potrošača, otključavanje PIN-a, spisak za štampariju).',
      'Otvorite link ispod na računaru ili telefonu koji ćete koristiti i napravite pristupni ključ: prijava u kancelariju ide samo pristupnim ključem, bez lozinke.',
    ],
    action: 'Prihvatite poziv',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom. ` +
        `Ako istekne, zamolite administratora za novi poziv.`,
      'Ako ne očekujete ovaj poziv, zanemarite poruku i javite nam se.',
    ],
  }),
  'login-code': (v) => ({
    subject: `Kod za prijavu: ${v.code}`,
    body: ['Vaš kod za prijavu na portal je:'],
    code: v.code,
    after: [
      `Upišite kod na stranici za prijavu i bićete prijavljeni. ` +
        `Kod važi ${srMinutes(v.minutes)} i može se upotrebiti samo jednom.`,
      'Nikome ne saopštavajte ovaj kod: zaposleni preduzeća ga nikada neće tražiti od Vas.',
      'Ako niste Vi tražili kod, zanemarite ovu poruku — bez koda niko ne može da se prijavi.',
    ],
  }),
};

export const EN: Record<MailKind, (v: Words) => Text> = {
  confirm: (v) => ({
    subject: `Confirm your registration on the ${v.utility} portal`,
    body: [
      'Thank you for registering on the portal. ' +
        'One step is left: please confirm your registration with the link below.',
    ],
    action: 'Confirm registration',
    after: [
      `The link is valid for ${enHours(v.hours)} and can be used once. ` +
        `If it expires, please register again on the portal.`,
      'If you did not register, please ignore this message.',
    ],
  }),
  register_attempt: () => ({
    subject: 'Registration attempt with your e-mail address',
    body: [
      'Someone has just tried to open an account on the portal with your e-mail address, which is already registered.',
      'If it was you, you already have an account: log in on the portal, and if you have forgotten your password, choose "Forgot your password?"',
    ],
    action: 'Open the portal',
    after: ['If it was not you, please ignore this message; your account has not changed.'],
  }),
  reset: (v) => ({
    subject: `Password reset on the ${v.utility} portal`,
    body: [
      'We received a request to reset the password of your account. You can set a new password with the link below.',
    ],
    action: 'Set a new password',
    after: [
      `The link is valid for ${enHours(v.hours)} and can be used once. ` +
        `If it expires, ask for a new one on the portal ("Forgot your password?").`,
      'If you did not ask for this, please ignore this message; your password stays the same.',
    ],
  }),
  password_changed: (v) => ({
    subject: 'Your password has been changed',
    body: [
      'The password of your portal account has just been changed. ' +
        'For your safety, you have been logged out on other devices.',
    ],
    action: 'Log in',
    after: [`If this was not you, please contact us at once: phone ${v.phone} or ${v.support}.`],
  }),
  email_change: (v) => ({
    subject: `Confirm your new e-mail address on the ${v.utility} portal`,
    body: [
      'You asked for this address to become the e-mail address of your portal account. ' +
        'Please open the link below, then click "Confirm new e-mail address" on the page that opens.',
    ],
    action: 'Confirm the new address',
    after: [
      `The link is valid for ${enHours(v.hours)} and can be used once. ` +
        `If it expires, ask for the change again in your account settings.`,
      'If you did not ask for this, please ignore this message.',
    ],
  }),
  email_change_notice: (v) => ({
    subject: "A change of your account's e-mail address was requested",
    body: [
      `A change of your account's e-mail address to ${v.email} was requested. ` +
        `It takes effect only when confirmed from the new address.`,
      `If this was not you, please change your password on the portal and contact us: phone ${v.phone} or ${v.support}.`,
    ],
    action: 'Open the portal',
  }),
  email_changed: (v) => ({
    subject: "Your account's e-mail address was changed",
    body: [
      `The e-mail address of your portal account has just been changed to ${v.email}. ` +
        `Messages from the portal now go to that address.`,
    ],
    after: [`If this was not you, please contact us at once: phone ${v.phone} or ${v.support}.`],
  }),
  email_taken: () => ({
    subject: 'Attempt to change an e-mail address',
    body: [
      'Someone tried to set this e-mail address for another portal account, but it is already registered. ' +
        'Your account has not changed.',
    ],
    action: 'Open the portal',
  }),
  account_deleted: (v) => ({
    subject: `Your ${v.utility} portal account has been deleted`,
    body: [
      'Your portal account has been deleted, together with its personal data and all its sessions.',
      'Consumer and billing records stay with the utility, as the law requires.',
    ],
    after: [`If this was not you, please contact us at once: phone ${v.phone} or ${v.support}.`],
  }),
  staff_invite: (v) => ({
    subject: `Invitation to the ${v.utility} portal office`,
    body: [
      "You have been invited to work in the portal's office (looking up consumers, unlocking PINs, the print house's list).",
      'Open the link below on the computer or phone you will use and create a passkey: the office is entered with a passkey only, without a password.',
    ],
    action: 'Accept the invitation',
    after: [
      `The link is valid for ${enHours(v.hours)} and can be used once. ` +
        `If it expires, ask an administrator for a new invitation.`,
      'If you do not expect this invitation, please ignore this message and let us know.',
    ],
  }),
  'login-code': (v) => ({
    subject: `Your login code: ${v.code}`,
    body: ['Your code for logging in to the portal is:'],
    code: v.code,
    after: [
      `Enter the code on the login page and you will be logged in. ` +
        `The code is valid for ${enMinutes(v.minutes)} and can be used once.`,
      "Do not tell this code to anyone: the utility's staff will never ask you for it.",
      'If you did not ask for a code, please ignore this message — nobody can log in without the code.',
    ],
  }),
};
