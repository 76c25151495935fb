import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-audit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1 class="page-title" tabindex="-1">audit</h1>',
})
export class AuditComponent {}
