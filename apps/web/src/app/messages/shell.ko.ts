import type { shellEn } from './shell.en';

/** Korean. Messages of the shell: toolbar, menu, home page, notifications. Loaded with the first page. Typed by the English keys: a missing or extra key fails the compile. */
export const shellKo: Readonly<Record<keyof typeof shellEn, string>> = {
  'app.name': 'Madang',
  'app.nameKo': '마당',
  'app.subtitle': '제주 사회혁신센터',
  'app.skipToContent': '본문으로 바로가기',

  'lang.switchTo': 'English',
  'lang.label': '언어',
  'lang.changed': '언어를 한국어로 바꾸었습니다.',

  'nav.label': '주 메뉴',
  'nav.open': '메뉴 열기',
  'nav.close': '메뉴 닫기',
  'nav.home': '홈',
  'nav.signIn': '로그인',
  'nav.signUp': '회원가입',
  'nav.profile': '내 정보',
  'nav.users': '사용자',
  'nav.groups': '그룹',
  'nav.audit': '감사 기록',
  'nav.settlementHeading': '정산',
  'nav.settlement': '정산 홈',
  'nav.settlementRequest': '지출 품의',
  'nav.settlementExpenses': '지출',
  'nav.settlementBank': '은행 대사',
  'nav.settlementReport': '정산 보고서',
  'nav.settlementPeriods': '회계 기간 재개',
  'nav.adminHeading': '관리',

  'user.signedInAs': '{name} 님으로 로그인함',
  'user.signOut': '로그아웃',
  'user.signedOut': '로그아웃했습니다.',

  'home.title': '마당에 오신 것을 환영합니다',
  'home.lead': '마당은 제주 사회혁신센터와 이웃들이 공간과 장비, 시간을 함께 나누는 곳입니다.',
  'home.what': '마당에서 할 수 있는 일',
  'home.point1': '지역 활동에 필요한 회의실, 메이커 스페이스, 장비를 예약합니다.',
  'home.point2': '주민 팀, 협력 기관, 비영리 단체로 함께 활동합니다.',
  'home.point3': '신청부터 승인까지 진행 상황을 한국어 또는 영어로 확인합니다.',
  'home.getStarted': '시작하기',
  'home.getStartedText': '계정으로 로그인하거나 1분 만에 가입하세요. 주민은 무료로 이용할 수 있습니다.',
  'home.welcomeBack': '{name} 님, 다시 오신 것을 환영합니다.',
  'home.signedInText': '메뉴에서 역할에 맞는 페이지로 이동할 수 있습니다.',

  'nav.catalogue': '공간·장비',
  'nav.bookings': '내 예약',
  'nav.approvals': '승인 대기열',
  'nav.approvalsDay': '일간 예약 현황',
  'nav.catalogueAdmin': '공간·장비 관리',

  'notifications.label': '알림',
  'notifications.unread': '읽지 않은 알림 {count}개',
  'notifications.none': '알림이 없습니다.',
  'notifications.markRead': '읽음으로 표시',
  'notifications.open': '열기',
};
