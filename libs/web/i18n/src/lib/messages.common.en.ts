/** English. Messages every page may need: language, forms, paginator, error pages, shared titles. Loaded with the shell. This object defines the keys; the Korean one must have exactly the same. */
export const commonEn = {
  'app.loading': 'Loading…',

  'lang.switchToLabel': 'Switch the language to Korean (한국어)',
  'lang.ko': '한국어',
  'lang.en': 'English',

  'form.required': 'This field is required.',
  'form.emailInvalid': 'Enter a valid e-mail address, such as name@example.org.',
  'form.minLength': 'Must be at least {min} characters.',
  'form.maxLength': 'Must be at most {max} characters.',
  'form.fixErrors': 'Please correct the highlighted fields.',
  'form.saving': 'Saving…',
  'form.save': 'Save',
  'form.hidePassword': 'Hide password',

  'profile.details': 'Profile',
  'profile.passwordMismatch': 'The two new passwords do not match.',

  'groups.name': 'Name',

  'paginator.itemsPerPage': 'Rows per page',
  'paginator.next': 'Next page',
  'paginator.previous': 'Previous page',
  'paginator.first': 'First page',
  'paginator.last': 'Last page',
  'paginator.range': '{start}–{end} of {total}',

  'error.forbiddenTitle': 'You cannot open this page',
  'error.forbiddenText':
    'Your account does not have permission for this page. If you think it should, ask the centre staff.',
  'error.notFoundTitle': 'Page not found',
  'error.notFoundText': 'The address may be mistyped, or the page may have moved.',
  'error.goHome': 'Go to the home page',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.retry': 'Try again',
  'error.dismiss': 'Close',

  'dialog.confirm': 'Confirm',
  'dialog.close': 'Close',
} as const;
