export * from './lib/labs.messages';
export * from './lib/response-promise';
export * from './lib/metric-chart';
export * from './lib/metric-chart.component';
export * from './lib/lab-charts';
