import type { Locale } from '@madang/contracts';
import { en, type Messages } from './messages.en';
import { ko } from './messages.ko';

export type { MessageKey, Messages } from './messages.en';

export const MESSAGES: Readonly<Record<Locale, Messages>> = { ko, en };
