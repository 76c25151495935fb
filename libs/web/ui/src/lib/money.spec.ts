import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '@madang/web/i18n';
import { KrwPipe, MoneyComponent } from './money';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MoneyComponent],
  template: `<app-money [amount]="amount()" />`,
})
class HostComponent {
  readonly amount = signal(1234500);
}

describe('money display', () => {
  it('writes won the way each language does', () => {
    const pipe = new KrwPipe();
    expect(pipe.transform(1234500, 'ko')).toBe('1,234,500원');
    expect(pipe.transform(1234500, 'en')).toBe('₩1,234,500');
    expect(pipe.transform(-5000, 'ko')).toBe('-5,000원');
    expect(pipe.transform(null, 'ko')).toBe('');
  });

  it('<app-money> follows the amount and the page language', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    const i18n = TestBed.inject(I18nService);
    i18n.use('ko');
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent?.trim();
    expect(text()).toBe('1,234,500원');
    i18n.use('en');
    fixture.componentInstance.amount.set(0);
    await fixture.whenStable();
    expect(text()).toBe('₩0');
  });
});
