import { z } from 'zod';

// Dutch messages for every zod schema; forms add their own, more specific messages on top.
z.config(z.locales.nl());

export { z };
