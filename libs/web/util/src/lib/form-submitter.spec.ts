import { HttpErrorResponse } from '@angular/common/http';
import { ElementRef, Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ProblemDetails } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';
import { FormSubmitter } from './form-submitter';
import { SERVER_ERROR } from './form-errors';

function problemResponse(problem: Partial<ProblemDetails>): HttpErrorResponse {
  return new HttpErrorResponse({
    status: problem.status ?? 400,
    error: { type: 'about:blank', title: 'x', detail: 'Server says no', errors: [], ...problem },
  });
}

describe('FormSubmitter', () => {
  let form: FormGroup<{ name: FormControl<string>; email: FormControl<string> }>;
  let host: HTMLElement;

  function create(options?: ConstructorParameters<typeof FormSubmitter>[4]): FormSubmitter {
    localStorage.setItem('madang.locale', 'en');
    return new FormSubmitter(
      form,
      new ElementRef(host),
      TestBed.inject(Injector),
      TestBed.inject(I18nService),
      options,
    );
  }

  beforeEach(() => {
    form = new FormGroup({
      name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      email: new FormControl('a@example.org', { nonNullable: true }),
    });
    host = document.createElement('div');
  });

  it('does not run the action while the form is invalid, and marks every field touched', async () => {
    const submitter = create();
    const action = jest.fn(async () => undefined);
    expect(await submitter.submit(action)).toBe(false);
    expect(action).not.toHaveBeenCalled();
    expect(form.controls.name.touched).toBe(true);
    expect(submitter.submitting()).toBe(false);
  });

  it('runs the action with submitting set, and clears it afterwards', async () => {
    form.controls.name.setValue('Hall');
    const submitter = create();
    let during: boolean | null = null;
    expect(
      await submitter.submit(async () => {
        during = submitter.submitting();
      }),
    ).toBe(true);
    expect(during).toBe(true);
    expect(submitter.submitting()).toBe(false);
    expect(submitter.error()).toBeNull();
  });

  it('puts field errors under their fields and the rest at form level', async () => {
    form.controls.name.setValue('Hall');
    const submitter = create();
    const ok = await submitter.submit(async () => {
      throw problemResponse({
        code: 'validation_failed',
        errors: [
          { field: 'email', code: 'invalid', message: 'Not an e-mail address.' },
          { field: 'nowhere', code: 'invalid', message: 'Unknown field.' },
        ],
      });
    });
    expect(ok).toBe(false);
    expect(form.controls.email.errors).toEqual({ [SERVER_ERROR]: 'Not an e-mail address.' });
    expect(submitter.error()).toContain('Unknown field.');
    expect(submitter.submitting()).toBe(false);
  });

  it('clears the last message when submitted again', async () => {
    form.controls.name.setValue('Hall');
    const submitter = create();
    await submitter.submit(async () => {
      throw problemResponse({ code: 'conflict', status: 409 });
    });
    expect(submitter.error()).not.toBeNull();
    await submitter.submit(async () => undefined);
    expect(submitter.error()).toBeNull();
  });

  it('uses a page’s own problem mapping when given one', async () => {
    form.controls.name.setValue('Hall');
    const submitter = create({
      mapProblem: (_form, problem) => ({ formMessage: `mapped ${problem.code}`, fields: [] }),
    });
    await submitter.submit(async () => {
      throw problemResponse({ code: 'conflict', status: 409 });
    });
    expect(submitter.error()).toBe('mapped conflict');
  });
});
