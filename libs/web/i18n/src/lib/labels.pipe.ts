import { Pipe, type PipeTransform } from '@angular/core';
import { GROUP_KIND_LABELS, type GroupKind, type Locale, ROLE_LABELS, type Role } from '@madang/contracts';

/** `{{ role | roleLabel: lang() }}` — the role's name from the contracts lib. */
@Pipe({ name: 'roleLabel' })
export class RoleLabelPipe implements PipeTransform {
  transform(role: Role, locale: Locale): string {
    return ROLE_LABELS[role]?.[locale] ?? role;
  }
}

/** `{{ group.kind | groupKindLabel: lang() }}` — the group kind's name from the contracts lib. */
@Pipe({ name: 'groupKindLabel' })
export class GroupKindLabelPipe implements PipeTransform {
  transform(kind: GroupKind, locale: Locale): string {
    return GROUP_KIND_LABELS[kind]?.[locale] ?? kind;
  }
}
