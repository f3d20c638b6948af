import type { coManagedWizardEn } from './co-managed-wizard.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const coManagedWizardDe: Record<keyof typeof coManagedWizardEn, string> = {
  'wizard.title': 'Co-Managed-Zugang einrichten',
  'wizard.intro':
    'Geben Sie einem Kontakt des Kunden ein eigenes Konto. Vier kurze Schritte; gespeichert wird erst im letzten.',
  'wizard.featureOff':
    'Der mitbetreute Helpdesk ist ausgeschaltet, daher kann niemand Co-Managed-Zugang erhalten. Schalten Sie ihn zuerst unter Aktivierungen ein.',
  'wizard.toActivations': 'Aktivierungen öffnen',
  'wizard.enableFor': 'Co-Managed-Zugang für {name} einrichten',
  'wizard.stepOf': 'Schritt {n} von {total}',
  'wizard.step.level': 'Person und Sicherheitsstufe',
  'wizard.step.companies': 'Firmen',
  'wizard.step.signIn': 'Anmeldung und Arbeitszeiten',
  'wizard.step.review': 'Prüfen',
  'wizard.back': 'Zurück',
  'wizard.next': 'Weiter',
  'wizard.cancel': 'Abbrechen',
  'wizard.save': 'Zugang einrichten',
  'wizard.saved': 'Co-Managed-Zugang für {name} eingerichtet.',
  'wizard.person': 'Person',
  'wizard.contactAt': 'Kontakt bei {company}',
  'wizard.noEmail': 'Keine E-Mail-Adresse',
  'wizard.licence': 'Lizenz',
  'wizard.licenceName': 'Mitbetreut (Co-Managed)',
  'wizard.licenceText':
    'Die Person bearbeitet Tickets in diesem Helpdesk gemeinsam mit Ihrem Team – nur bei den Firmen, die Sie im nächsten Schritt freigeben, und nur so weit, wie die Sicherheitsstufe es erlaubt. Ihre anderen Kunden, Ihre internen Tickets und Notizen und Ihre Kosten sieht sie nie.',
  'wizard.level': 'Sicherheitsstufe',
  'wizard.levelDescription':
    'Angeboten werden nur Stufen der Lizenz „Mitbetreut“. Was die gewählte erlaubt, steht daneben in Klartext.',
  'wizard.levelRequired': 'Wählen Sie eine Sicherheitsstufe.',
  'wizard.companies': 'Firmen',
  'wizard.companiesDescription':
    'Die Firmen, deren Tickets die Person bearbeiten darf. Angeboten werden aktive Kunden mit eingeschalteter Mitbetreuung.',
  'wizard.companiesRequired': 'Wählen Sie mindestens eine Firma.',
  'wizard.includeSubsidiaries': 'Tochterfirmen einschließen',
  'wizard.subsidiariesToday':
    'Heute: {names}. Später hinzukommende Tochterfirmen sind ebenfalls eingeschlossen.',
  'wizard.noSubsidiaries': 'Heute keine Tochterfirmen; später hinzukommende sind eingeschlossen.',
  'wizard.makePrimary': 'Primärer mitbetreuender Benutzer dieser Firma',
  'wizard.makePrimaryDescription':
    'Ersetzt den bisherigen primären Benutzer, falls es einen gibt; die Prüfung nennt ihn.',
  'wizard.removeCompany': '{name} entfernen',
  'wizard.signIn': 'Anmeldung',
  'wizard.email': 'E-Mail-Adresse für die Anmeldung',
  'wizard.emailDescription': 'Die eigene Adresse des Kontakts, sofern Sie keine andere eingeben.',
  'wizard.emailRequired':
    'Der Kontakt hat keine E-Mail-Adresse: Geben Sie die Adresse ein, mit der er sich anmelden wird.',
  'wizard.password': 'Passwort',
  'wizard.passwordDescription':
    'Mindestens 12 Zeichen; ein paar Wörter ergeben ein gutes Passwort. Leer lassen, um es später zu setzen – bis dahin ist keine Anmeldung möglich.',
  'wizard.hours': 'Arbeitszeiten',
  'wizard.location': 'Standort für die Arbeitszeiten',
  'wizard.locationDescription':
    'Optional. Geschäftszeiten und Feiertage dieses Standorts gelten für die Person: für SLA-Uhren und Verfügbarkeit.',
  'wizard.noLocation': 'Kein Standort',
  'wizard.review.checking': 'Es wird geprüft, was das Speichern bewirken würde …',
  'wizard.review.refused': 'Das Speichern würde abgelehnt',
  'wizard.review.refusedText':
    'Es wurde nichts gespeichert. Beheben Sie Folgendes und kehren Sie dann zu diesem Schritt zurück:',
  'wizard.review.change': 'Ändern',
  'wizard.review.ready': 'Bereit zum Speichern',
  'wizard.review.readyText': 'Das bewirkt das Speichern. Noch ist nichts gespeichert.',
  'wizard.review.signsInAs': 'Meldet sich an als {email}',
  'wizard.review.withPassword': 'mit dem eingegebenen Passwort.',
  'wizard.review.noPassword':
    'Noch kein Passwort: Die Anmeldung ist erst möglich, wenn ein Administrator eines setzt.',
  'wizard.review.level': 'Sicherheitsstufe: {name}',
  'wizard.review.hours': 'Arbeitszeiten von {name} ({timeZone})',
  'wizard.review.noHours': 'Kein Standort für die Arbeitszeiten',
  'wizard.review.reached': 'Firmen, die die Person erreichen wird',
  'wizard.review.noneReached': 'Keine Firma würde erreicht.',
  'wizard.review.company': 'Firma',
  'wizard.review.how': 'Warum',
  'wizard.review.primary': 'Primärer mitbetreuender Benutzer',
  'wizard.review.named': 'Von Ihnen gewählt',
  'wizard.review.via': 'Tochterfirma von {name}',
  'wizard.review.nobody': 'Niemand',
  'wizard.review.thisPerson': '{name} (diese Person)',
  'wizard.review.replaces': 'ersetzt {name}',
  'wizard.review.notReached': 'Bleiben außer Reichweite: Die Mitbetreuung ist für sie ausgeschaltet',
  'wizard.review.notReachedRow': '{name}, Tochterfirma von {via}',
  'wizard.refusal.has_account':
    'Dieser Kontakt hat bereits ein Konto. Ändern Sie dessen Rechte stattdessen unter „Mitbetreuung einrichten“.',
  'wizard.refusal.contact_inactive': 'Der Kontakt ist inaktiv. Aktivieren Sie ihn zuerst.',
  'wizard.refusal.level_not_found': 'Die Sicherheitsstufe gibt es nicht mehr. Wählen Sie eine andere.',
  'wizard.refusal.level_not_co_managed': 'Wählen Sie eine Sicherheitsstufe der Lizenz „Mitbetreut“.',
  'wizard.refusal.email_missing':
    'Der Kontakt hat keine E-Mail-Adresse: Geben Sie die Adresse ein, mit der er sich anmelden wird.',
  'wizard.refusal.email_taken': 'Mit dieser E-Mail-Adresse meldet sich bereits ein anderes Konto an.',
  'wizard.refusal.too_short': 'Das Passwort ist zu kurz: Verwenden Sie mindestens 12 Zeichen.',
  'wizard.refusal.too_long': 'Das Passwort ist zu lang: Verwenden Sie höchstens 256 Zeichen.',
  'wizard.refusal.common':
    'Dieses Passwort steht auf einer Liste häufiger oder geleakter Passwörter; wählen Sie ein anderes.',
  'wizard.refusal.repetitive': 'Dieses Passwort wiederholt nur wenige Zeichen; wählen Sie ein anderes.',
  'wizard.refusal.same_as_email': 'Das Passwort darf nicht die E-Mail-Adresse sein.',
  'wizard.refusal.location_not_found': 'Den Standort gibt es nicht mehr. Wählen Sie einen anderen.',
  'wizard.refusal.company_not_found': '{company}: Die Firma wurde nicht gefunden.',
  'wizard.refusal.company_inactive': '{company} ist inaktiv.',
  'wizard.refusal.company_named_twice': '{company} steht zweimal in der Liste.',
  'wizard.refusal.msp_company':
    '{company} ist Ihre eigene Firma; sie kann mitbetreuenden Benutzern nicht freigegeben werden.',
  'wizard.refusal.co_managed_off':
    'Für {company} ist die Mitbetreuung ausgeschaltet. Schalten Sie sie zuerst für die Firma ein.',
};
