export * from './lib/recruitment.messages';
export * from './lib/countdown';
