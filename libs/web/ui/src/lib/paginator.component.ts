import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import type { PageState } from '@madang/web/util';
import { I18nPaginatorIntl } from './paginator-intl';

/**
 * The paginator of every server-paged list: shows and moves a `PageState`, in the current
 * language (labels come from I18nPaginatorIntl). `pageChange` tells the page after the move.
 * The labels are provided here, not in the app config, so that Material's paginator (and the select,
 * form field and overlay it brings) loads with the pages that show one, not with the first page.
 */
@Component({
  selector: 'app-paginator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatPaginatorModule],
  providers: [{ provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
  template: `<mat-paginator
    [length]="total()"
    [pageIndex]="state().index()"
    [pageSize]="state().size()"
    [pageSizeOptions]="state().sizes"
    (page)="onPage($event)"
  />`,
})
export class PaginatorComponent {
  readonly state = input.required<PageState>();
  readonly total = input.required<number>();
  readonly pageChange = output<PageEvent>();

  protected onPage(event: PageEvent): void {
    this.state().show(event.pageIndex, event.pageSize);
    this.pageChange.emit(event);
  }
}
