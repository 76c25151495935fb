import { withMessages } from '@madang/web/i18n';
import { PERMISSIONS } from '@madang/contracts';
import { LABS_MESSAGES, provideLabCharts } from '@madang/web/living-labs/util';
import { permissionGuard } from '@madang/web/session';
import { ExperimentComponent } from './experiment.component';
import { NewProjectComponent } from './new-project.component';
import { ProjectListComponent } from './project-list.component';
import { WorkspaceComponent } from './workspace.component';

/** The projects I work on (staff: all) and starting one; mounted at `labs/projects` (signed in). */
export const PROJECTS_ROUTES = withMessages(LABS_MESSAGES, [
  {
    path: 'new',
    title: 'labs.new.title',
    canActivate: [permissionGuard(PERMISSIONS.LABS_MANAGE)],
    component: NewProjectComponent,
  },
  { path: ':id', title: 'labs.projects.title', component: WorkspaceComponent },
  { path: '', title: 'labs.projects.title', component: ProjectListComponent },
]);

/** One experiment of a project; mounted at `labs/experiments/:id` (the project's team and staff). */
export const EXPERIMENT_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.exp.title', component: ExperimentComponent, providers: [provideLabCharts()] },
]);
