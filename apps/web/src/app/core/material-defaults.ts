import type { Provider } from '@angular/core';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  type MatFormFieldDefaultOptions,
} from '@angular/material/form-field';

/** Every form field outlined, hints and errors taking room only when shown. */
export const FORM_FIELD_DEFAULTS: MatFormFieldDefaultOptions = {
  appearance: 'outline',
  subscriptSizing: 'dynamic',
};

/**
 * Material's app-wide defaults. Loaded with the first domain page, not with the shell: importing
 * the form field's token brings the form field itself and @angular/forms into whichever chunk
 * imports it (see `withFeatureProviders` in feature-routes.ts).
 */
export const MATERIAL_DEFAULTS: Provider[] = [
  { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
];
