import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  from: string;
}

/** A real SMTP server on a random local port that keeps what it receives, for e-mail tests. */
export interface SmtpListener {
  url: string;
  received: ReceivedMail[];
  /** Answer the next `count` recipients with this SMTP code (e.g. 451 busy, 550 no such user). */
  refuseNext(code: number, count?: number): void;
  /** Waits until `predicate` holds for the received mail (or fails after `timeoutMs`). */
  waitFor(predicate: (mail: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpListener(): Promise<SmtpListener> {
  const received: ReceivedMail[] = [];
  let refusals: { code: number; left: number } | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals && refusals.left > 0) {
        refusals.left--;
        const error = Object.assign(new Error(`refused by the test (${refusals.code})`), {
          responseCode: refusals.code,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          received.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            from: mail.from?.text ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(code, count = 1) {
      refusals = { code, left: count };
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > until)
          throw new Error(`no such mail within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
