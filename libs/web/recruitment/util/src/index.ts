export * from './lib/recruitment.messages';
export * from './lib/countdown';
export * from './lib/form-answers';
export * from './lib/recruitment-problem';
export * from './lib/labels';
export * from './lib/score.pipe';
