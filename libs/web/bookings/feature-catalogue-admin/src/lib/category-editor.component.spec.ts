import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CategoryDto, ProblemDetails, UpdateCategoryRequest } from '@madang/contracts';
import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { registerMessages } from '@madang/web/i18n';
import { CategoryEditorComponent } from './category-editor.component';

const ID = '0b9a4d4e-2f6c-4f0e-9d43-5f1c2b7a8e01';
const category: CategoryDto = {
  id: ID,
  code: 'rooms',
  name: { ko: '회의실', en: 'Meeting rooms' },
  description: { ko: '', en: '' },
  rules: {},
  assetCount: 2,
};

// The catalogue-admin routes provide the bookings messages before the page renders; so does this file.
beforeAll(() => registerMessages(BOOKINGS_MESSAGES));

describe('CategoryEditorComponent', () => {
  let fixture: ComponentFixture<CategoryEditorComponent>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.setItem('madang.locale', 'en');
    TestBed.configureTestingModule({
      imports: [CategoryEditorComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CategoryEditorComponent);
    fixture.componentRef.setInput('id', ID);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/categories').flush([category]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const byTestId = <T extends HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`) as T;

  async function type(id: string, value: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  /** Lets promises settle, then renders; (a pending request keeps whenStable from resolving). */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function save(): Promise<void> {
    byTestId<HTMLButtonElement>('save-category').click();
    await settle();
  }

  it('saves a changed code and name with PATCH /api/categories/:id and shows the saved category', async () => {
    expect(byTestId<HTMLInputElement>('code').value).toBe('rooms');
    await type('code', 'seminar-rooms');
    await type('nameEn', 'Seminar rooms');
    await save();

    const request = http.expectOne(`/api/categories/${ID}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      code: 'seminar-rooms',
      name: { ko: '회의실', en: 'Seminar rooms' },
      description: { ko: '', en: '' },
    } satisfies UpdateCategoryRequest);
    request.flush({ ...category, code: 'seminar-rooms', name: { ko: '회의실', en: 'Seminar rooms' } });
    await settle();
    await fixture.whenStable();

    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Seminar rooms');
    expect(byTestId<HTMLInputElement>('code').value).toBe('seminar-rooms');
  });

  it('refuses a code the API would refuse (CATEGORY_CODE_PATTERN) without sending it, and says why', async () => {
    for (const bad of ['Rooms', '-rooms', 'rooms 2', 'a'.repeat(41)]) {
      await type('code', bad);
      await save();
      http.expectNone(`/api/categories/${ID}`);
      expect(root.querySelector('mat-error')?.textContent?.trim()).toBe(
        bad.length > 40
          ? 'Must be at most 40 characters.'
          : 'Use lower-case letters, digits, - and _, starting with a letter or digit.',
      );
    }
  });

  it('puts the server’s verdict on a taken code under the code field', async () => {
    await type('code', 'equipment');
    await save();
    const problem: ProblemDetails = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'That code is taken.',
      code: 'conflict',
      errors: [{ field: 'code', code: 'invalid', message: 'This code is already used by another category.' }],
    };
    http.expectOne(`/api/categories/${ID}`).flush(problem, { status: 409, statusText: 'Conflict' });
    await settle();
    await fixture.whenStable();
    expect(root.querySelector('mat-error')?.textContent?.trim()).toBe(
      'This code is already used by another category.',
    );
  });
});
