import { HttpParams } from '@angular/common/http';

/** Query parameters from an object, leaving out empty values. */
export function queryParams(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

export const id = (value: string) => encodeURIComponent(value);
