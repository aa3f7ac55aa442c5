import type { ComponentProps } from 'react';
import type { SpecForm } from '@/components/ui/spec-form';
import type { AccessOverview } from '@/lib/gdpr/access-overview';

/** A server action as a form takes it: the page binds the person and the member ids. */
export type FormAction = ComponentProps<typeof SpecForm>['action'];

/** What one dossier holds about the person. */
export type OverviewRecord = AccessOverview['records'][number];
