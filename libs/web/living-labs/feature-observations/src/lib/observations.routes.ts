import { withMessages } from '@madang/web/i18n';
import { LABS_MESSAGES } from '@madang/web/living-labs/util';
import { InboxComponent } from './inbox.component';
import { ObservationListComponent } from './observation-list.component';
import { ObservationPageComponent } from './observation-page.component';
import { PostObservationComponent } from './post-observation.component';

/** The public list of observations; mounted at `observations`, no sign-in. */
export const OBSERVATIONS_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.obs.title', component: ObservationListComponent },
]);

/** Posting an observation; mounted at `observations/new` (signed in). */
export const POST_OBSERVATION_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.post.title', component: PostObservationComponent },
]);

/** One observation; mounted at `observations/:id`: public, with support, comments and staff replies when signed in. */
export const OBSERVATION_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.obs.title', component: ObservationPageComponent },
]);

/** Staff's inbox of observations with their response promises; mounted at `labs/inbox` (labs:manage). */
export const INBOX_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.inbox.title', component: InboxComponent },
]);
