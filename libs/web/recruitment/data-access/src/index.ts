export * from './lib/recruitment.service';
