import { inject } from 'vitest';
import { pointAppAt } from '../helpers/app-env';

// The app code reads its configuration from process.env (lib/env.ts); point it at the test database.
const db = inject('db');
const secrets = inject('secrets');
pointAppAt(db.appUrl, secrets);
