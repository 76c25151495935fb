/** English. Messages of the shell: toolbar, menu, home page. Loaded with the first page. This object defines the keys; the Korean one must have exactly the same. */
export const shellEn = {
  'app.name': 'Madang',
  'app.nameKo': '마당',
  'app.subtitle': 'Jeju Social Innovation Centre',
  'app.skipToContent': 'Skip to main content',

  'lang.switchTo': '한국어',
  'lang.label': 'Language',
  'lang.changed': 'Language changed to English.',

  'nav.label': 'Main',
  'nav.open': 'Open menu',
  'nav.close': 'Close menu',
  'nav.home': 'Home',
  'nav.signIn': 'Sign in',
  'nav.signUp': 'Sign up',
  'nav.profile': 'My profile',
  'nav.users': 'Users',
  'nav.groups': 'Groups',
  'nav.audit': 'Audit log',
  'nav.jobs': 'Background jobs',
  'nav.adminHeading': 'Administration',

  'user.signedInAs': 'Signed in as {name}',
  'user.signOut': 'Sign out',
  'user.signedOut': 'You have signed out.',

  'home.title': 'Welcome to Madang',
  'home.lead':
    'Madang (마당, "the yard") is where the Jeju Social Innovation Centre and its neighbours share rooms, equipment and time.',
  'home.what': 'What you can do here',
  'home.point1': 'Book meeting rooms, the maker space and equipment for your community project.',
  'home.point2': 'Work together as a resident team, partner organisation or NGO.',
  'home.point3': 'Follow your requests from application to approval, in Korean or English.',
  'home.getStarted': 'Get started',
  'home.getStartedText': 'Sign in with your account, or create one in a minute — it is free for residents.',
  'home.welcomeBack': 'Welcome back, {name}.',
  'home.signedInText': 'Use the menu to reach the pages your role allows.',

  'nav.catalogue': 'Spaces & equipment',
  'nav.bookings': 'My bookings',
  'nav.approvals': 'Approval queue',
  'nav.approvalsDay': 'Day calendar',
  'nav.catalogueAdmin': 'Catalogue editor',
} as const;
