import type { ComponentProps } from 'react';
import type { Reveal } from '@/components/dossier/reveal';
import type { SpecForm } from '@/components/ui/spec-form';
import type { DossierView } from '@/lib/dossiers/get-dossier';

/** A server action as a form takes it: the page binds the dossier (and member) ids. */
export type FormAction = ComponentProps<typeof SpecForm>['action'];
/** The action behind a masked personal datum: the page binds dossier, subject, id and field. */
export type RevealAction = ComponentProps<typeof Reveal>['action'];

export type View = DossierView;
