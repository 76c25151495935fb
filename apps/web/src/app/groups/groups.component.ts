import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-groups',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1 class="page-title" tabindex="-1">groups</h1>',
})
export class GroupsComponent {}
