import { inject } from 'vitest';
import { pointAppAt } from '../helpers/app-env';

// The app code reads its configuration from process.env (lib/env.ts); point it at the test database.
const db = inject('db');
const secrets = inject('secrets');
pointAppAt(db.appUrl, secrets);

// Attached files (issue 13 §3; ADR 0040) go to a fresh temporary directory per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
process.env.ATTACHMENT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-attachments-'));
