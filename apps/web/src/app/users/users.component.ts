import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-users',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1 class="page-title" tabindex="-1">users</h1>',
})
export class UsersComponent {}
