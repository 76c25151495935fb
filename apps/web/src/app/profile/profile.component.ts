import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-profile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1 class="page-title" tabindex="-1">profile</h1>',
})
export class ProfileComponent {}
