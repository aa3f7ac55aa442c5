import type { ComponentProps } from 'react';
import type { SpecForm } from '@/components/ui/spec-form';
import type { CaseConferenceView } from '@/lib/conferences/get-case-conference';

/** A server action as a form takes it: the page binds the dossier (and item) ids. */
export type FormAction = ComponentProps<typeof SpecForm>['action'];

export type View = CaseConferenceView;
