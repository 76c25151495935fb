export * from './lib/auth.service';
export * from './lib/http.interceptors';
export * from './lib/permission.guard';
