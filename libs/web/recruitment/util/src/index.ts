export * from './lib/recruitment.messages';
export * from './lib/countdown';
export * from './lib/form-answers';
