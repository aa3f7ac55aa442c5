/**
 * Plain Dutch for the actions in the access log, for the overview a data subject may receive
 * (GDPR art. 15). Unknown codes are shown as they are.
 */
const ACTION_LABEL: Record<string, string> = {
  'dossier.view': 'Dossier geraadpleegd',
  'referral.saveDraft': 'Aanmelding als concept bewaard',
  'referral.submit': 'Aanmelding ingediend',
  'referral.edit': 'Aanmelding bewerkt',
  'admission.consult': 'Overleg met gemandateerde voorziening geregistreerd',
  'admission.decide': 'Beslissing over opname genomen',
  'partnerInput.write': 'Aanvulling van een kernpartner geschreven',
  'partnerInput.closeRound': 'Vraag om aanvulling afgesloten',
  'conference.view': 'Casusoverleg geraadpleegd',
  'conference.invite': 'Organisatie uitgenodigd voor het casusoverleg',
  'conference.contribute': 'Informatie ingebracht in het casusoverleg',
  'conference.record': 'Verslag of plan van aanpak bijgewerkt',
  'conference.setIdentity': 'Zichtbaarheid van de identiteit aangepast',
  'conference.downloadPdf': 'Verslag gedownload (pdf)',
  'conference.correctItem': 'Ingebrachte informatie rechtgezet door de organisatie',
  'conference.withdrawItem': 'Ingebrachte informatie ingetrokken door de organisatie',
  'disclosure.withdraw': 'Voorstel tot delen ingetrokken',
  'retention.withdraw': 'Voorstel tot langere bewaartermijn ingetrokken',
  'retention.approved': 'Langere bewaartermijn goedgekeurd met consensus',
  'retention.blocked': 'Langere bewaartermijn geblokkeerd door een bezwaar',
  'invitation.respond': 'Uitnodiging beantwoord',
  'secrecy.acknowledge': 'Beroepsgeheim bevestigd',
  'participant.leave': 'Casus verlaten',
  'feedback.record': 'Terugkoppeling geregistreerd',
  'disclosure.propose': 'Voorstel tot delen met een lid gedaan',
  'disclosure.vote': 'Gestemd over een voorstel tot delen',
  'disclosure.markShared': 'Informatie gedeeld met een lid',
  'disclosure.shared': 'Informatie gedeeld met een lid',
  'dossier.close': 'Dossier afgesloten',
  'retention.propose': 'Langere bewaartermijn voorgesteld',
  'retention.vote': 'Gestemd over de bewaartermijn',
  'transfer.request': 'Overdracht naar een ander Veilig Huis gevraagd',
  'gdpr.accessOverview': 'Inzageoverzicht opgemaakt',
  'gdpr.rectify': 'Identificatiegegevens rechtgezet',
  'audit.view': 'Toegangslog geraadpleegd door de DPO',
  'audit.export': 'Toegangslog geëxporteerd door de DPO',
};

export const actionLabel = (code: string) => ACTION_LABEL[code] ?? code;
