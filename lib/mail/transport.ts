import nodemailer, { type Transporter } from 'nodemailer';
import { emptyToUndefined, readMailConfig, type MailConfig } from './config';
import { logger, errorInfo } from '../ops/logger';

/**
 * Outgoing mail over SMTP. Configuration is read from the environment on every send (cheap,
 * and lets tests switch servers); the transporter is cached per configuration. Mail is a side
 * channel: sendMail never throws, it reports whether the message was handed to the server so
 * the caller can record that and the application keeps working without a mail server.
 * Log lines name no recipient, subject or server credentials.
 */

/**
 * Absolute link into the application for use in mails: APP_BASE_URL, else NEXTAUTH_URL.
 * Null when neither is set, so a caller never mails a link to localhost by accident.
 */
export function appLink(pathname: string, source: Record<string, string | undefined> = process.env): string | null {
  const base = readMailConfig(source).APP_BASE_URL ?? emptyToUndefined(source.NEXTAUTH_URL);
  if (typeof base !== 'string') return null;
  return new URL(pathname, base.endsWith('/') ? base : `${base}/`).href;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** VCALENDAR text (lib/mail/ics.ts); its METHOD decides the calendar part's method */
  ics?: string;
}

export type SendResult = { delivered: true; messageId: string } | { delivered: false; reason: string };

const TIMEOUT_MS = 10_000;

let cached: { key: string; transporter: Transporter } | undefined;

function transporterFor(config: MailConfig & { SMTP_URL: string }): Transporter {
  const key = `${config.SMTP_URL}|${config.SMTP_TLS_REJECT_UNAUTHORIZED}`;
  if (cached?.key !== key) {
    cached?.transporter.close();
    cached = {
      key,
      transporter: nodemailer.createTransport({
        url: config.SMTP_URL,
        // Without these a silent server would hold the request for minutes.
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
        tls: { rejectUnauthorized: config.SMTP_TLS_REJECT_UNAUTHORIZED },
        // Content is always given inline; never let a message make the server read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      }),
    };
  }
  return cached.transporter;
}

/** Drops the cached transporter so a test can point SMTP_URL at another server. */
export function resetMailTransportForTests(): void {
  cached?.transporter.close();
  cached = undefined;
}

export async function sendMail(message: MailMessage): Promise<SendResult> {
  let config: MailConfig;
  try {
    config = readMailConfig();
  } catch (err) {
    logger.error({ component: 'mail', ...errorInfo(err) }, 'not sent: invalid mail configuration');
    return { delivered: false, reason: 'invalid-config' };
  }
  if (!config.SMTP_URL) {
    logger.warn({ component: 'mail' }, 'not sent: SMTP_URL is not set');
    return { delivered: false, reason: 'not-configured' };
  }

  const method = message.ics ? calendarMethod(message.ics) : undefined;
  try {
    const info = await transporterFor({ ...config, SMTP_URL: config.SMTP_URL }).sendMail({
      from: config.SMTP_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html !== undefined ? { html: message.html } : {}),
      // icalEvent yields both the text/calendar alternative that calendar clients turn into an
      // invitation and a downloadable copy (a second attachment would show up twice).
      ...(message.ics && method ? { icalEvent: { method, filename: 'invitation.ics', content: message.ics } } : {}),
    });
    return { delivered: true, messageId: String(info.messageId) };
  } catch (err) {
    // Only the error code: messages may quote the recipient address or the server's reply.
    const code = (err as { code?: unknown }).code;
    const reason = `send-failed:${typeof code === 'string' ? code : 'unknown'}`;
    logger.error({ component: 'mail', reason }, 'not sent');
    return { delivered: false, reason };
  }
}

function calendarMethod(ics: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(ics)?.[1] ?? 'REQUEST';
}
