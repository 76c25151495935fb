export * from './lib/answers-view.component';
