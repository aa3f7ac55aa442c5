/** The sections of the case conference PDF, drawn in order by {@link renderConferencePdf}. */
import type { PDFFont } from 'pdf-lib';
import { dateFmt, fmt, longDateTimeFmt } from './dates';
import { BODY_LEADING, BODY_SIZE, MUTED_COLOR, type Column, type Layout, type TextStyle } from './layout';
import { CONFIDENTIAL_NOTICE } from './watermark';
import { block, line } from './win-ansi';
import type { ConferencePdfInput } from './types';

const PARTICIPANT_COLUMNS: Column[] = [
  { header: 'Organisatie', share: 0.38 },
  { header: 'Naam', share: 0.32 },
  { header: 'Rol', share: 0.3 },
];

const ACTION_COLUMNS: Column[] = [
  { header: 'Actie', share: 0.46 },
  { header: 'Verantwoordelijke', share: 0.24 },
  { header: 'Tegen', share: 0.16 },
  { header: 'Status', share: 0.14 },
];

const bodyStyle = (regular: PDFFont): TextStyle => ({ font: regular, size: BODY_SIZE, leading: BODY_LEADING });
const mutedStyle = (regular: PDFFont): TextStyle => ({ ...bodyStyle(regular), color: MUTED_COLOR });

/** Title, confidentiality notice and the session's particulars. */
export function drawTitleBlock(layout: Layout, input: ConferencePdfInput): void {
  const { bold } = layout;
  layout.paragraph('Verslag casusoverleg', { font: bold, size: 18, leading: 24 });
  layout.paragraph(CONFIDENTIAL_NOTICE, { font: bold, size: 9, leading: 12, color: MUTED_COLOR });
  layout.space(10);
  layout.field('Veilig Huis', line(input.safeHouseName));
  layout.field('Dossier', line(input.dossierReference));
  layout.field('Cliëntsysteem', line(input.clientSystemLabel));
  layout.field('Datum overleg', line(fmt(longDateTimeFmt, input.sessionDate)));
  layout.field('Locatie', line(input.location));
}

export function drawParticipants(layout: Layout, participants: ConferencePdfInput['participants']): void {
  const participantRows = participants.map((p) => [line(p.organisation), line(p.person), line(p.role)]);
  if (participantRows.length === 0) {
    layout.heading('Deelnemers', 13, 16);
    layout.paragraph('Geen deelnemers geregistreerd.', mutedStyle(layout.regular));
  } else {
    layout.heading('Deelnemers', 13, 16, layout.tableStartHeight(PARTICIPANT_COLUMNS, participantRows));
    layout.table(PARTICIPANT_COLUMNS, participantRows);
  }
}

export function drawMinutes(layout: Layout, text: string): void {
  layout.heading('Verslag', 13, 16);
  const minutes = block(text).trim();
  if (minutes === '') {
    layout.paragraph('Geen verslag genoteerd.', mutedStyle(layout.regular));
    return;
  }
  // Paragraphs (separated by blank lines) get a little extra space; single newlines are kept as line breaks.
  const paragraphs = minutes.split(/\n[ ]*\n+/);
  paragraphs.forEach((p, i) => {
    if (i > 0) layout.space(BODY_LEADING * 0.5);
    layout.paragraph(p.replace(/^\n+|\n+$/g, ''), bodyStyle(layout.regular), { keepLines: 2 });
  });
}

export function drawDecisions(layout: Layout, texts: string[]): void {
  layout.heading('Beslissingen', 13, 16);
  const decisions = texts.map((d) => block(d).trim()).filter((d) => d !== '');
  if (decisions.length === 0) {
    layout.paragraph('Geen beslissingen genoteerd.', mutedStyle(layout.regular));
    return;
  }
  decisions.forEach((d, i) => {
    if (i > 0) layout.space(3);
    layout.listItem(`${i + 1}.`, d);
  });
}

/** Case director, then every goal with a table of its actions. */
export function drawActionPlan(layout: Layout, plan: ConferencePdfInput['actionPlan']): void {
  const muted = mutedStyle(layout.regular);
  layout.heading('Plan van aanpak', 13, 16);
  const caseDirector = plan.caseDirector?.trim();
  layout.field('Casusregisseur', caseDirector ? line(caseDirector) : 'Nog niet aangeduid');
  if (plan.goals.length === 0) {
    layout.space(6);
    layout.paragraph('Geen doelen of acties vastgelegd.', muted);
  }
  plan.goals.forEach((goal, gi) => {
    const goalTitle = `Doel ${gi + 1}: ${block(goal.title).trim() || '(zonder titel)'}`;
    const goalStyle: TextStyle = { font: layout.bold, size: 11, leading: 15 };
    const rows = goal.actions.map((a) => [
      block(a.description).trim(),
      line(a.owner),
      line(fmt(dateFmt, a.due)),
      a.status ?? (a.done ? 'afgerond' : 'open'),
    ]);
    layout.space(gi === 0 ? 10 : 14);
    // Keep the goal title together with the table header and its first action.
    const titleHeight = Math.min(layout.measure(goalTitle, goalStyle), 3 * goalStyle.leading);
    layout.ensure(titleHeight + 3 + (rows.length === 0 ? BODY_LEADING : layout.tableStartHeight(ACTION_COLUMNS, rows)));
    layout.paragraph(goalTitle, goalStyle);
    layout.space(3);
    if (rows.length === 0) {
      layout.paragraph('Geen acties voor dit doel.', muted);
      return;
    }
    layout.table(ACTION_COLUMNS, rows);
  });
}
