export * from './lib/i18n.service';
export * from './lib/labels.pipe';
export * from './lib/locale-names';
export * from './lib/localized.pipe';
export * from './lib/messages';
export * from './lib/translate.pipe';
export * from './lib/locale-choice';
