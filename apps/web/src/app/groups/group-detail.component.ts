import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-group-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1 class="page-title" tabindex="-1">group-detail</h1>',
})
export class GroupDetailComponent {}
