import type { commonEn } from './messages.common.en';

/** Korean. Messages every page may need: language, forms, paginator, error pages, shared titles. Loaded with the shell. Typed by the English keys: a missing or extra key fails the compile. */
export const commonKo: Readonly<Record<keyof typeof commonEn, string>> = {
  'app.loading': '불러오는 중…',

  'lang.switchToLabel': '언어를 영어(English)로 바꾸기',
  'lang.ko': '한국어',
  'lang.en': 'English',

  'form.required': '필수 항목입니다.',
  'form.emailInvalid': 'name@example.org 와 같은 올바른 이메일 주소를 입력해 주세요.',
  'form.minLength': '{min}자 이상이어야 합니다.',
  'form.maxLength': '{max}자 이하여야 합니다.',
  'form.fixErrors': '표시된 항목을 고쳐 주세요.',
  'form.saving': '저장하는 중…',
  'form.save': '저장',
  'form.hidePassword': '비밀번호 숨기기',

  'profile.details': '프로필',
  'profile.passwordMismatch': '새 비밀번호가 서로 다릅니다.',

  'groups.name': '이름',

  'paginator.itemsPerPage': '페이지당 행 수',
  'paginator.next': '다음 페이지',
  'paginator.previous': '이전 페이지',
  'paginator.first': '첫 페이지',
  'paginator.last': '마지막 페이지',
  'paginator.range': '전체 {total}개 중 {start}–{end}',

  'error.forbiddenTitle': '이 페이지를 열 권한이 없습니다',
  'error.forbiddenText':
    '계정에 이 페이지를 볼 권한이 없습니다. 권한이 필요하다면 센터 담당자에게 문의해 주세요.',
  'error.notFoundTitle': '페이지를 찾을 수 없습니다',
  'error.notFoundText': '주소가 잘못되었거나 페이지가 옮겨졌을 수 있습니다.',
  'error.goHome': '홈으로 가기',
  'error.network': '서버에 연결할 수 없습니다. 연결 상태를 확인한 뒤 다시 시도해 주세요.',
  'error.retry': '다시 시도',
  'error.dismiss': '닫기',

  'dialog.confirm': '확인',
  'dialog.close': '닫기',
};
