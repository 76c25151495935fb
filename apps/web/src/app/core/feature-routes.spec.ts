import { ChangeDetectionStrategy, Component, InjectionToken, inject, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { withFeatureProviders } from './feature-routes';

const GREETING = new InjectionToken<string>('GREETING');

@Component({
  selector: 'app-feature-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p>{{ greeting }} {{ id() }}</p>`,
})
class FeaturePageComponent {
  readonly id = input<string>();
  protected readonly greeting = inject(GREETING, { optional: true }) ?? 'none';
}

@Component({
  selector: 'app-plain-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p>{{ greeting }}</p>`,
})
class PlainPageComponent {
  protected readonly greeting = inject(GREETING, { optional: true }) ?? 'none';
}

const FEATURE_ROUTES: Routes = [{ path: '', component: FeaturePageComponent, title: 'feature' }];

describe('withFeatureProviders', () => {
  async function harnessWith(routes: Routes) {
    let loads = 0;
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          withFeatureProviders(routes, async () => {
            loads += 1;
            return [{ provide: GREETING, useValue: 'hello' }];
          }),
          withComponentInputBinding(),
        ),
      ],
    });
    return { harness: await RouterTestingHarness.create(), loads: () => loads };
  }

  it('gives lazily loaded routes the providers, keeping their params and titles', async () => {
    const { harness, loads } = await harnessWith([
      { path: 'things/:id', loadChildren: () => Promise.resolve(FEATURE_ROUTES) },
      { path: 'default/:id', loadChildren: () => Promise.resolve({ default: FEATURE_ROUTES }) },
    ]);
    await harness.navigateByUrl('/things/42');
    expect(harness.routeNativeElement?.textContent).toBe('hello 42');
    expect(document.title).toBe('feature');
    await harness.navigateByUrl('/default/7');
    expect(harness.routeNativeElement?.textContent).toBe('hello 7');
    expect(loads()).toBe(2);
  });

  it('leaves routes that load nothing as they are', async () => {
    const { harness, loads } = await harnessWith([{ path: 'plain', component: PlainPageComponent }]);
    await harness.navigateByUrl('/plain');
    expect(harness.routeNativeElement?.textContent).toBe('none');
    expect(loads()).toBe(0);
  });
});
