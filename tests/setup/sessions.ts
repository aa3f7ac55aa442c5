import { setSessionTokenResolver } from '@/lib/db/session-token';
import { liveSessionToken } from '../helpers/sessions';

// Use cases called directly by a test act in a live session of that user, as after a login.
setSessionTokenResolver((userId) => liveSessionToken(userId));
