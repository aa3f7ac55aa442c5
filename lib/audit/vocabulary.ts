import type { Action } from '@/lib/access/policy';

/**
 * The vocabulary of the access log: what was done (`AuditAction`) and why (`Purpose`), each
 * with the plain Dutch a DPO, a coordinator answering a data subject (GDPR art. 15) or an
 * inspector reads. Both are closed unions: a use case cannot write a code without a label, so
 * no overview ever shows a raw code for anything this version wrote.
 */

/** Events that are not a policy action: outcomes, variants, the login and system jobs. */
const SYSTEM_EVENT_LABEL = {
  'referral.saveDraft': 'Aanmelding als concept bewaard',
  'conference.setIdentity': 'Zichtbaarheid van de identiteit aangepast',
  'conference.correctItem': 'Ingebrachte informatie rechtgezet door de organisatie',
  'conference.withdrawItem': 'Ingebrachte informatie ingetrokken door de organisatie',
  'conference.viewSession': 'Agenda van een casusoverleg geraadpleegd',
  'conference.listSessions': 'Lijst van casusoverleggen geraadpleegd',
  'conference.openSession': 'Casusoverleg geopend',
  'conference.closeSession': 'Casusoverleg afgesloten',
  'conference.saveNote': 'Eigen voorbereidingsnota bewaard',
  'conference.deleteNote': 'Eigen voorbereidingsnota verwijderd',
  'conference.bringInNote': 'Voorbereidingsnota ingebracht in het casusoverleg',
  'invitation.respond': 'Uitnodiging beantwoord',
  'invitation.accept': 'Uitnodiging aanvaard',
  'invitation.decline': 'Uitnodiging afgewezen',
  'secrecy.acknowledge': 'Geheimhoudingsplicht bevestigd',
  'participant.leave': 'Casus verlaten',
  'disclosure.vote.agree': 'Akkoord gegeven met een voorstel tot delen',
  'disclosure.vote.object': 'Bezwaar gemaakt tegen een voorstel tot delen',
  'disclosure.approved': 'Voorstel tot delen goedgekeurd met consensus',
  'disclosure.blocked': 'Voorstel tot delen geblokkeerd door een bezwaar',
  'disclosure.shared': 'Informatie gedeeld met een lid',
  'retention.vote.agree': 'Akkoord gegeven met een langere bewaartermijn',
  'retention.vote.object': 'Bezwaar gemaakt tegen een langere bewaartermijn',
  'retention.approved': 'Langere bewaartermijn goedgekeurd met consensus',
  'retention.blocked': 'Langere bewaartermijn geblokkeerd door een bezwaar',
  'retention.purge': 'Dossier gewist na de bewaartermijn',
  'retention.purge.held': 'Wissen tegengehouden: minder dan een maand na de afsluiting',
  // issue 14 §4 (ADR 0047)
  'dossier.import': 'Dossier ingelezen uit een exportbestand van een andere installatie',
  'transfer.list': 'Overdrachten geraadpleegd',
  'transfer.accept': 'Overdracht aanvaard door het ontvangende Veilig Huis',
  'transfer.reject': 'Overdracht geweigerd door het ontvangende Veilig Huis',
  'transfer.cancel': 'Overdracht geannuleerd door het verzendende Veilig Huis',
  'triage.list': 'Aanmeldingen om te toetsen geraadpleegd',
  'gdpr.search': 'Persoon gezocht voor een verzoek van een betrokkene',
  'auth.login': 'Aangemeld met wachtwoord (eerste stap)',
  'auth.login.throttled': 'Aanmelden vertraagd na te veel mislukte pogingen',
  'auth.login.oidc': 'Aangemeld via de overheid',
  'auth.login.oidc.no-mfa': 'Aanmelden via de overheid geweigerd: geen tweede factor',
  'auth.login.oidc.unknown': 'Aanmelden via de overheid geweigerd: geen account gekoppeld aan die identiteit',
  'auth.logout.oidc.backchannel': 'Afgemeld bij de identiteitsprovider: de sessies via die identiteit beëindigd',
  'auth.login.oidc.link': 'Account bij de eerste aanmelding gekoppeld aan de identiteit bij de overheid',
  'admin.user.oidcLink': 'Rijksregisternummer geregistreerd om het account bij de eerste aanmelding te koppelen',
  'admin.user.oidcUnlink': 'Koppeling van het account met de identiteitsprovider verwijderd',
  'auth.mfa': 'Tweede factor bevestigd (authenticator-app)',
  'auth.mfa.recovery': 'Tweede factor bevestigd met een herstelcode',
  'auth.mfa.enrol': 'Authenticator-app gekoppeld',
  'auth.mfa.passkey': 'Tweede factor bevestigd met een passkey',
  'auth.passkey.add': 'Passkey toegevoegd',
  'auth.passkey.remove': 'Passkey verwijderd',
  'auth.session.end': 'Eigen sessie beëindigd',
  'action.forged': 'Vervalst argument van een formulier geweigerd',
  'feedback.read': 'Terugkoppeling gelezen door de medewerker',
  'plan.mailSent': 'Bericht verstuurd dat het plan van aanpak klaar is',
  'admission.consultException': 'Uitzondering geregistreerd: beslissing zonder schriftelijk standpunt van VK of OCJ',
  'partnerInput.openRound': 'Kernpartners om aanvulling gevraagd, met termijn',
  // issue 13 §3 (ADR 0040)
  'attachment.download': 'Bijlage gedownload',
  // issue 13 §6: user and organisation administration (ADR 0043)
  'admin.users.list': 'Gebruikers en organisaties geraadpleegd door de functioneel beheerder',
  'admin.user.create': 'Gebruiker aangemaakt',
  'admin.user.update': 'Gebruiker gewijzigd (naam, e-mailadres of organisatie)',
  'admin.user.invite': 'Uitnodiging verstuurd om een wachtwoord in te stellen',
  'admin.user.deactivate': 'Gebruiker gedeactiveerd; alle sessies beëindigd',
  'admin.user.reactivate': 'Gebruiker opnieuw geactiveerd',
  'admin.role.grant': 'Rol toegekend',
  'admin.role.revoke': 'Rol ingetrokken',
  'admin.organisation.create': 'Organisatie aangemaakt',
  'admin.organisation.update': 'Organisatie gewijzigd (naam, soort of kernpartnerschap)',
  'admin.accessReview.view': 'Toegangsreview geraadpleegd',
  'admin.accessReview.export': 'Toegangsreview geëxporteerd (csv)',
  'admin.accessReview.confirm': 'Toegangsreview bevestigd voor een Veilig Huis',
  'auth.password.set': 'Wachtwoord ingesteld via een uitnodiging',
  'notification.read': 'Eigen melding geopend (gelezen)',
  'notification.readAll': 'Alle eigen meldingen als gelezen gemarkeerd',
  'notification.preferences': 'Eigen voorkeuren voor meldingen per e-mail gewijzigd',
  // issue 13 §4 (ADR 0041)
  'search.result': 'Dossier getoond als zoekresultaat',
  'knownPerson.shown': 'Dossier getoond als eerder dossier van een bekende persoon',
  'knownPerson.inbox': 'Bekende personen gemarkeerd in de aanmeldingen om te toetsen',
  'work.list': 'Mijn werk geraadpleegd (wat op de gebruiker wacht)',
  // issue 14 §2: the partner API (ADR 0045)
  'auth.apiKey': 'Aanroep van de API met een sleutel van een partnerorganisatie (aanvaard of geweigerd)',
  'admin.apiKey.create': 'API-sleutel aangemaakt voor een partnerorganisatie',
  'admin.apiKey.revoke': 'API-sleutel ingetrokken',
} as const;

export type SystemEvent = keyof typeof SYSTEM_EVENT_LABEL;
export type AuditAction = Action | SystemEvent;

/** Plain Dutch for each policy action, as it appears in the log. */
const POLICY_ACTION_LABEL: Record<Action, string> = {
  'dossier.list': 'Lijst van dossiers geraadpleegd',
  'referral.create': 'Aanmelding gestart',
  'referral.listOwn': 'Eigen aanmeldingen geraadpleegd',
  'triage.view': 'Aanmeldingen om te toetsen geraadpleegd',
  'conference.plan': 'Casusoverleg gepland',
  'conference.runSession': 'Casusoverleg geopend of afgesloten',
  'invitation.listOwn': 'Eigen uitnodigingen geraadpleegd',
  'transfer.view': 'Overdrachten geraadpleegd',
  'gdpr.accessOverview': 'Inzageoverzicht opgemaakt',
  'audit.view': 'Toegangslog geraadpleegd door de DPO',
  'audit.verify': 'Toegangslog gecontroleerd op wijzigingen',
  'audit.export': 'Toegangslog geëxporteerd door de DPO',
  'users.manage': 'Gebruikers beheerd',
  'statistics.view': 'Geanonimiseerde statistieken geraadpleegd',
  'plan.deadlines': 'Termijnen van de plannen van aanpak geraadpleegd',
  'feedback.listOwn': 'Eigen terugkoppeling geraadpleegd',
  'feedback.acknowledge': 'Geheimhoudingsplicht bevestigd voor een terugkoppeling',
  'dossier.view': 'Dossier geraadpleegd',
  'member.setSafeAddress': 'Veilig adres ingesteld of opgeheven',
  'personalData.reveal': 'Afgeschermd gegeven getoond (rijksregisternummer of contactgegevens), met reden',
  'referral.edit': 'Aanmelding bewerkt',
  'referral.submit': 'Aanmelding ingediend',
  'referral.viewOutcome': 'Uitkomst van de aanmelding geraadpleegd',
  'admission.decide': 'Beslissing over opname genomen',
  'admission.consult': 'Standpunt gevraagd aan de gemandateerde voorziening (VK of OCJ)',
  'admission.check': 'Aanmelding getoetst aan de criteria van art. 5',
  'agency.respond': 'Standpunt van de gemandateerde voorziening geregistreerd',
  'requests.listOwn': 'Aanmeldingen die op eigen aanvulling of standpunt wachten geraadpleegd',
  'admission.viewAssessment': 'Toets van de aanmelding geraadpleegd',
  'partnerInput.write': 'Aanvulling van een kernpartner geschreven',
  'partnerInput.viewAll': 'Aanvullingen van de kernpartners geraadpleegd',
  'partnerInput.closeRound': 'Vraag om aanvulling afgesloten',
  'conference.view': 'Casusoverleg geraadpleegd',
  'conference.invite': 'Organisatie uitgenodigd voor het casusoverleg',
  'conference.contribute': 'Informatie ingebracht in het casusoverleg',
  'conference.prepare': 'Eigen voorbereidingsnota’s geraadpleegd',
  'conference.record': 'Verslag of plan van aanpak bijgewerkt',
  'conference.finalise': 'Verslag van een casusoverleg definitief gemaakt',
  'conference.distribute': 'Plan van aanpak verstuurd naar de deelnemers',
  'conference.downloadPdf': 'Verslag gedownload (pdf)',
  'disclosure.propose': 'Voorstel tot delen met een lid gedaan',
  'disclosure.vote': 'Gestemd over een voorstel tot delen',
  'disclosure.withdraw': 'Voorstel tot delen ingetrokken',
  'disclosure.markShared': 'Informatie gedeeld met een lid',
  'dossier.close': 'Dossier afgesloten',
  'retention.propose': 'Langere bewaartermijn voorgesteld',
  'retention.vote': 'Gestemd over de bewaartermijn',
  'retention.withdraw': 'Voorstel tot langere bewaartermijn ingetrokken',
  // issue 14 §4 (ADR 0047)
  'dossier.export': 'Dossier geëxporteerd als versleuteld bestand',
  'dossier.importHistory': 'Herkomst en voorgeschiedenis van een ingelezen dossier bekeken',
  'transfer.request': 'Overdracht naar een ander Veilig Huis gevraagd',
  'gdpr.rectify': 'Identificatiegegevens rechtgezet',
  'feedback.record': 'Terugkoppeling geregistreerd',
  // issue 12 §6, §7
  'actions.listOwn': 'Eigen acties van het plan van aanpak geraadpleegd',
  'plan.manage': 'Plan van aanpak bijgewerkt (doel of actie)',
  'notifications.listOwn': 'Eigen meldingen geraadpleegd',
  // issue 13 §5
  'risk.view': 'Verloop van het risico geraadpleegd',
  'risk.assess': 'Nieuwe risico-inschatting geregistreerd',
  'plan.completeOwn': 'Eigen actie van het plan van aanpak afgerond',
  'emergency.record': 'Dringende mededeling buiten consensus geregistreerd',
  'memberVoice.view': 'Stem en rechten van de leden geraadpleegd',
  'memberVoice.record': 'Stem en rechten van een lid geregistreerd (geïnformeerd, toestemming, mening)',
  // issue 13 §3 (ADR 0040)
  'attachment.view': 'Bijlagen van een dossier geraadpleegd',
  'attachment.addAsCoordinator': 'Bijlage toegevoegd door de coördinator',
  'attachment.addToInput': 'Bijlage toegevoegd aan de aanvulling van een kernpartner',
  'attachment.addInSession': 'Bijlage ingebracht tijdens het casusoverleg',
  // issue 13 §4 (ADR 0041)
  'dossier.search': 'Dossiers gezocht (zoektermen enkel als HMAC gelogd)',
  'referral.knownPersons': 'Bekende personen nagekeken bij een aanmelding',
};

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = { ...POLICY_ACTION_LABEL, ...SYSTEM_EVENT_LABEL };

/**
 * Why: the purpose of the processing, as the decree or the GDPR names it — not the name of a
 * function. Every use case declares one.
 */
export const PURPOSE_LABEL = {
  referral: 'Aanmelding van een situatie bij het Veilig Huis (art. 11)',
  admission: 'Toets van de aanmelding en beslissing over de opname (art. 5 en 11)',
  partnerInput: 'Schriftelijke aanvulling door een kernpartner (art. 11)',
  caseWork: 'Opvolging van het dossier door wie erbij betrokken is (art. 9 en 12)',
  caseConference: 'Casusoverleg: inbreng, verslag en plan van aanpak (art. 12 en 13)',
  disclosure: 'Informatie delen buiten het casusoverleg, enkel met consensus (art. 14 § 2)',
  clientVoice: 'Transparantie en inspraak van het cliëntsysteem (art. 4 en art. 16)',
  closure: 'Afsluiting van het traject en de bewaartermijn (art. 15 § 3)',
  transfer: 'Overdracht van het dossier naar een ander Veilig Huis (art. 15 § 1, 7°)',
  needToKnow: 'Afgeschermd gegeven tonen omdat het nodig is voor de hulp (need to know)',
  protection: 'Bescherming van een betrokkene: veilig adres',
  dataSubjectRights: 'Verzoek van een betrokkene: inzage of rechtzetting (AVG art. 15 en 16)',
  accessLogOversight: 'Toezicht op het toegangslog door de functionaris voor gegevensbescherming',
  statistics: 'Geanonimiseerde statistiek (art. 8 en art. 15 § 4)',
  authentication: 'Aanmelden en eigen sessies beheren',
  security: 'Beveiliging: een vervalste of ongeldige aanvraag geweigerd',
  // written by the purge job in the database (migrations), not by a use case
  retentionPurge: 'Wissen na afloop van de bewaartermijn (art. 15 § 3)',
  retentionPurgeGrace: 'Wissen uitgesteld: minder dan een maand na de afsluiting (art. 15 § 3)',
  draftExpiry: 'Wissen van een aanmelding die nooit werd ingediend (AVG art. 5, 1, e)',
  administration: 'Beheer van gebruikers, rollen en organisaties door de functioneel beheerder',
  notifications: 'Meldingen over wat op een gebruiker wacht (werkopvolging)',
} as const;

export type Purpose = keyof typeof PURPOSE_LABEL;

/** Label of a stored code; rows written before this vocabulary existed keep their raw text. */
export const actionLabel = (code: string): string => (AUDIT_ACTION_LABEL as Record<string, string>)[code] ?? code;
export const purposeLabel = (code: string): string => (PURPOSE_LABEL as Record<string, string>)[code] ?? code;

/** What kind of thing an access-log row is about, in Dutch (the DPO's table and export). */
const OBJECT_TYPE_LABEL: Record<string, string> = {
  Dossier: 'Dossier',
  DossierList: 'Lijst van dossiers',
  Referral: 'Aanmelding',
  AdmissionCheck: 'Toets aan de criteria van art. 5',
  AgencyConsultation: 'Standpunt van de gemandateerde voorziening',
  RequestList: 'Lijst van aanmeldingen die op aanvulling of standpunt wachten',
  AdmissionAssessment: 'Toets van de aanmelding',
  MandatedAgencyConsultation: 'Overleg met VK of OCJ',
  PartnerInput: 'Aanvulling van een kernpartner',
  ClientMember: 'Lid van het cliëntsysteem',
  'ClientMember.nationalNumber': 'Rijksregisternummer van een lid',
  'ClientMember.contact': 'Adres en telefoon van een lid',
  'Contact.contact': 'Adres en telefoon van een contactpersoon',
  ConferenceSession: 'Casusoverleg (zitting)',
  SessionList: 'Lijst van casusoverleggen',
  CaseInvitation: 'Uitnodiging voor het casusoverleg',
  InvitationList: 'Lijst van uitnodigingen',
  CaseParticipant: 'Deelname aan het casusoverleg',
  InformationItem: 'Ingebrachte informatie',
  PreparationNote: 'Eigen voorbereidingsnota',
  AgendaItem: 'Verslag van een agendapunt',
  ConferenceDecision: 'Beslissing van het casusoverleg',
  Goal: 'Doel van het plan van aanpak',
  PlanAction: 'Actie van het plan van aanpak',
  DisclosureProposal: 'Voorstel tot delen',
  RetentionExtension: 'Voorstel tot langere bewaartermijn',
  FeedbackRecord: 'Terugkoppeling',
  FeedbackList: 'Lijst van eigen terugkoppeling',
  PlanDeadlineList: 'Termijnen van de plannen van aanpak',
  PlanDistributionRecipient: 'Bericht over het plan van aanpak',
  MemberVoice: 'Stem en rechten van een lid',
  TransferRequest: 'Overdracht',
  RiskAssessment: 'Risico-inschatting',
  TransferList: 'Lijst van overdrachten',
  Statistics: 'Geanonimiseerde statistieken',
  AuditLog: 'Toegangslog',
  Session: 'Sessie',
  ServerAction: 'Formulier',
  EmergencyDisclosure: 'Dringende mededeling buiten consensus',
  Notification: 'Melding',
  NotificationList: 'Lijst van eigen meldingen',
  NotificationPreference: 'Voorkeuren voor meldingen',
  PlanActionList: 'Lijst van eigen acties',
  // issue 13 §3 (ADR 0040)
  Attachment: 'Bijlage',
  AttachmentList: 'Lijst van bijlagen',
  User: 'Gebruiker',
  UserList: 'Lijst van gebruikers',
  RoleAssignment: 'Rol van een gebruiker',
  Organisation: 'Organisatie',
  PasswordInvitation: 'Uitnodiging om een wachtwoord in te stellen',
  AccessReview: 'Toegangsreview van een Veilig Huis',
  DossierSearch: 'Zoekopdracht in de dossiers',
  KnownPersonCheck: 'Controle op bekende personen',
  WorkList: 'Mijn werk (wat op de gebruiker wacht)',
  // issue 14 §2 (ADR 0045)
  ApiKey: 'API-sleutel',
  ApiKeyList: 'Lijst van API-sleutels',
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A readable name for the object of a row, without dossier content: the kind in Dutch, the
 * dossier reference for a dossier, a short id (the first 8 characters) for anything else with a
 * UUID, and a filter description (e.g. of the DPO's own search) as it is.
 */
export function objectLabel(objectType: string, objectId: string | null, dossierReference: string | null): string {
  const kind = OBJECT_TYPE_LABEL[objectType] ?? objectType;
  if (!objectId) return kind;
  if (objectType === 'Dossier' && dossierReference) return `${kind} ${dossierReference}`;
  if (UUID_RE.test(objectId)) return `${kind} #${objectId.slice(0, 8)}`;
  return `${kind} (${objectId})`;
}
