import { Injectable, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { isRole, Role, ROLES } from '@madang/contracts';
import { invalidField } from './domain-error';

/** Parses a path parameter as a UUID; anything else is a 400 naming the parameter. */
export const uuidPipe = (field: string) =>
  new ParseUUIDPipe({ version: undefined, exceptionFactory: () => invalidField(field, 'not_uuid') });

@Injectable()
export class RoleParamPipe implements PipeTransform<string, Role> {
  transform(value: string): Role {
    if (!isRole(value)) throw invalidField('role', 'not_in', { values: ROLES.join(', ') });
    return value;
  }
}
