import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
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

  it('goes back to the first page when asked', () => {
    const paging = new PageState();
    paging.show(3, 25);
    expect(paging.query()).toEqual({ limit: 25, offset: 75 });
    paging.first();
    expect(paging.query()).toEqual({ limit: 25, offset: 0 });
  });
});
