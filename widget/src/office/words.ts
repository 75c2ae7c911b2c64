// The console's words for what the API gives as codes: failures, audit actions, mail and delivery
// states. Each code is worded here once; a code a newer server has and this console does not know
// is shown as itself (or as the generic failure).
import { msg } from '@lit/localize';
import type { ConsumerCard, StaffRole } from '../../../contract/office.ts';
import { cancelled } from '../passkey-client.js';
import { ApiFailure } from './api.js';

/** A failure in words for staff (the API gives codes, never prose). */
export function failureText(e: unknown): string {
  if (cancelled(e)) return msg('Pristupni ključ nije upotrebljen. Pokušajte ponovo.');
  const code = e instanceof ApiFailure ? e.code : 'internal_error';
  switch (code) {
    case 'network_error':
      return msg('Server nije dostupan. Proverite vezu i pokušajte ponovo.');
    case 'unauthenticated':
      return msg('Sesija je istekla. Prijavite se ponovo.');
    case 'forbidden':
      return msg('Za ovo nemate ovlašćenje.');
    case 'invalid_token':
      return msg('Pozivni link nije važeći ili je već iskorišćen. Zatražite novi poziv.');
    case 'passkey_failed':
      return msg('Pristupni ključ nije prihvaćen.');
    case 'not_found':
      return msg('Nije pronađeno.');
    case 'too_many_attempts':
      return msg('Previše zahteva. Pokušajte kasnije.');
    case 'validation_failed':
      return msg('Proverite unete podatke.');
    default:
      return msg('Došlo je do greške. Pokušajte ponovo.');
  }
}

/** A staff role in words. */
export const roleLabel = (role: StaffRole) => (role === 'administrator' ? msg('administrator') : msg('šalter'));

/** The audit log's actions this console words, in the order the log's filter offers them. */
export function actionLabels(): [string, string][] {
  return [
    ['consumer.searched', msg('pretraga potrošača')],
    ['consumer.viewed', msg('pregled potrošača')],
    ['consumer.pin_unlocked', msg('PIN otključan')],
    ['consumer.confirmation_resent', msg('ponovo poslat link za potvrdu')],
    ['consumer.noted', msg('beleška')],
    ['staff.invitation_accepted', msg('poziv prihvaćen')],
    ['staff.login', msg('prijava')],
    ['staff.logout', msg('odjava')],
    ['staff.me', msg('otvorena kancelarija')],
    ['staff.passkey_options', msg('novi pristupni ključ (početak)')],
    ['staff.passkey_added', msg('dodat pristupni ključ')],
    ['staff.invited', msg('poslat poziv')],
    ['staff.listed', msg('pregled zaposlenih')],
    ['staff.disabled', msg('zaposleni isključen')],
    ['audit.viewed', msg('pregled dnevnika')],
    ['audit.exported', msg('izvoz dnevnika')],
    ['print_list.exported', msg('spisak za štampu')],
    ['import.previewed', msg('pregled datoteke za uvoz')],
    ['import.done', msg('uvoz')],
    ['run.viewed', msg('praćenje slanja računa')],
    ['run.retried', msg('ponovo poslati neuspeli računi')],
    ['overview.viewed', msg('pregled brojki')],
    ['admin.bills_imported', msg('uvoz računa (sistem za obračun)')],
    ['admin.consumers_imported', msg('uvoz potrošača (sistem za obračun)')],
    ['admin.consumer_unlocked', msg('PIN otključan (sistem za obračun)')],
    ['admin.bill_pdf_stored', msg('PDF računa sačuvan (sistem za obračun)')],
    ['admin.bounces_reported', msg('prijava odbijenih poruka (sistem za obračun)')],
    ['admin.delivery_listed', msg('spisak dostave (sistem za obračun)')],
    ['admin.delivery_feed_read', msg('promene dostave (sistem za obračun)')],
  ];
}

/** Who did what an entry without a staff member records: the billing system (its bearer token) or the command line. */
export const systemActor = (action: string) =>
  action.startsWith('admin.') ? msg('sistem za obračun') : msg('komandna linija');

/** An audit entry's action in words (the code itself where a newer server has one this console does not know). */
export function actionLabel(action: string): string {
  return actionLabels().find(([a]) => a === action)?.[1] ?? action;
}

/** A mail's state in the outbox in words. */
export function mailStatus(status: string): string {
  const labels: Record<string, string> = {
    pending: msg('čeka slanje'),
    sending: msg('šalje se'),
    sent: msg('poslata'),
    failed: msg('nije poslata'),
    cancelled: msg('otkazana'),
  };
  return labels[status] ?? status;
}

/** What became of a mail at the recipient's server (a delivery event) in words. */
export function deliveryLabel(type: ConsumerCard['deliveryEvents'][number]['type']): string {
  const labels: Record<typeof type, string> = {
    delivered: msg('isporučena'),
    bounce_hard: msg('trajno odbijena'),
    bounce_soft: msg('privremeno odbijena'),
    complaint: msg('prijavljena kao neželjena'),
    deferred: msg('odložena'),
  };
  return labels[type] ?? type;
}
