import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '@madang/web/i18n';
import { PageState } from '@madang/web/util';
import { PaginatorComponent } from './paginator.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PaginatorComponent],
  template: `<app-paginator [state]="paging" [total]="total()" (pageChange)="moves.set(moves() + 1)" />`,
})
class HostComponent {
  readonly paging = new PageState([20, 50]);
  readonly total = signal(45);
  readonly moves = signal(0);
}

describe('PaginatorComponent', () => {
  it('moves the page state and says so', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    expect(host.paging.query()).toEqual({ limit: 20, offset: 0 });
    const next = fixture.nativeElement.querySelector(
      'button.mat-mdc-paginator-navigation-next',
    ) as HTMLButtonElement;
    next.click();
    await fixture.whenStable();
    expect(host.paging.query()).toEqual({ limit: 20, offset: 20 });
    expect(host.moves()).toBe(1);
    expect(fixture.nativeElement.textContent).toContain('45');
  });

  it('labels itself in the page language without any app-level provider', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    const i18n = TestBed.inject(I18nService);
    i18n.use('ko');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const next = () =>
      element.querySelector('button.mat-mdc-paginator-navigation-next')?.getAttribute('aria-label');
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe(
      '전체 45개 중 1–20',
    );
    expect(next()).toBe('다음 페이지');
    i18n.use('en');
    await fixture.whenStable();
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('1–20 of 45');
    expect(next()).toBe('Next page');
  });

  it('goes back to the first page when asked', () => {
    const paging = new PageState();
    paging.show(3, 25);
    expect(paging.query()).toEqual({ limit: 25, offset: 75 });
    paging.first();
    expect(paging.query()).toEqual({ limit: 25, offset: 0 });
  });
});
