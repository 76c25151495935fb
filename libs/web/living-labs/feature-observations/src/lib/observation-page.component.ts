import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  LAB_TEAM_LABELS,
  LAB_TEAMS,
  OBSERVATION_CATEGORY_LABELS,
  OBSERVATION_KIND_LABELS,
  OBSERVATION_REPLY_KINDS,
  OBSERVATION_RESPONSE_KIND_LABELS,
  OBSERVATION_RESPONSE_KINDS,
  OBSERVATION_STATE_LABELS,
  PERMISSIONS,
  type ObservationDetail,
  type ObservationReplyKind,
  type PublicObservationDetail,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService, PublicLabsService } from '@madang/web/living-labs/data-access';
import { AuthService } from '@madang/web/session';
import { DateTimePipe, FieldErrorPipe } from '@madang/web/ui';
import { PageMetaService, failureText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';
import { PromiseBadgeComponent } from './promise-badge.component';

/** The signed-in view carries the poster's flags and the promise; the public one does not. */
function isSignedInView(o: PublicObservationDetail | ObservationDetail): o is ObservationDetail {
  return 'acknowledgement' in o;
}

/**
 * One observation. Anyone reads it (the public view, poster hidden when anonymous); signed-in
 * residents support and comment; staff (labs:manage) see the response promise, reply
 * (acknowledgement or answer), classify, merge it into another observation, link it to a project
 * or start one from it.
 */
@Component({
  selector: 'app-labs-observation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    PromiseBadgeComponent,
    DateTimePipe,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './observation-page.component.html',
  styleUrl: './observation-page.component.scss',
})
export class ObservationPageComponent {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly labs = inject(LabsService);
  private readonly publicLabs = inject(PublicLabsService);
  protected readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kindLabels = OBSERVATION_KIND_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly stateLabels = OBSERVATION_STATE_LABELS;
  protected readonly teamLabels = LAB_TEAM_LABELS;
  protected readonly teams = LAB_TEAMS;
  protected readonly responseKinds = OBSERVATION_RESPONSE_KINDS;
  protected readonly responseKindLabels = OBSERVATION_RESPONSE_KIND_LABELS;
  protected readonly replyKinds = OBSERVATION_REPLY_KINDS;
  protected readonly staff = computed(() => this.auth.permissions().has(PERMISSIONS.LABS_MANAGE));
  protected readonly busy = signal(false);

  protected readonly observation = rxResource({
    params: () => (this.auth.isLoaded() ? { id: this.id(), signedIn: this.auth.isSignedIn() } : undefined),
    stream: ({ params }) =>
      params.signedIn ? this.labs.observation(params.id) : this.publicLabs.observation(params.id),
  });
  protected readonly detail = computed(() => (this.observation.hasValue() ? this.observation.value() : null));
  protected readonly mine = computed(() => {
    const o = this.detail();
    return o && isSignedInView(o) ? o : null;
  });
  protected readonly notFound = computed(() => {
    const error = this.observation.error();
    return error ? toProblem(error).status === 404 : false;
  });
  protected readonly loadError = computed(() => {
    const error = this.observation.error();
    return error && !this.notFound() ? failureText(error, this.lang()) : null;
  });
  protected readonly images = computed(() =>
    (this.detail()?.files ?? []).filter((f) => f.mediaType.startsWith('image/')),
  );
  protected readonly documents = computed(() =>
    (this.detail()?.files ?? []).filter((f) => !f.mediaType.startsWith('image/')),
  );
  private readonly pageMeta = inject(PageMetaService);
  constructor() {
    this.pageMeta.follow(() => {
      const o = this.detail();
      if (!o) return null;
      const image = this.images()[0];
      const lang = this.lang();
      return {
        title: o.title,
        description: o.body,
        type: 'article',
        // A signed-in viewer may see an observation that is not public (their own): never indexed.
        noindex: 'isPublic' in o && !o.isPublic,
        image: image ? { url: image.contentUrl, alt: image.name } : null,
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'WebPage',
          name: o.title,
          description: o.excerpt,
          dateCreated: o.createdAt,
          url: this.pageMeta.absolute(`/observations/${o.id}?lang=${lang}`),
          ...(o.placeName ? { contentLocation: { '@type': 'Place', name: o.placeName } } : {}),
        },
      };
    });
  }

  /** Staff's pickers: other observations to merge into, projects to link to. */
  protected readonly others = rxResource({
    params: () => (this.staff() ? this.id() : undefined),
    stream: ({ params }) =>
      params
        ? this.labs.observations({ scope: 'all', limit: 100 })
        : of({ items: [], total: 0, limit: 0, offset: 0 }),
  });
  protected readonly mergeTargets = computed(() =>
    this.others.hasValue()
      ? this.others.value().items.filter((o) => o.id !== this.id() && o.state !== 'merged')
      : [],
  );
  protected readonly projects = rxResource({
    params: () => (this.staff() ? true : undefined),
    stream: () => this.labs.projects({ scope: 'all', limit: 100 }),
  });

  protected readonly commentForm = this.fb.group({
    body: this.fb.control('', [Validators.required, Validators.maxLength(2000)]),
  });
  protected readonly commentSubmitter = injectFormSubmitter(this.commentForm);
  protected readonly replyForm = this.fb.group({
    kind: this.fb.control<ObservationReplyKind>('answer', [Validators.required]),
    body: this.fb.control('', [Validators.required, Validators.maxLength(5000)]),
  });
  protected readonly replySubmitter = injectFormSubmitter(this.replyForm);
  protected readonly mergeForm = this.fb.group({
    intoId: this.fb.control('', [Validators.required]),
    reason: this.fb.control('', [Validators.required, Validators.maxLength(1000)]),
  });
  protected readonly mergeSubmitter = injectFormSubmitter(this.mergeForm);
  protected readonly linkForm = this.fb.group({ projectId: this.fb.control('', [Validators.required]) });
  protected readonly linkSubmitter = injectFormSubmitter(this.linkForm);

  protected replyKindLabel(kind: ObservationReplyKind): string {
    return this.i18n.t(kind === 'answer' ? 'labs.obs.answer' : 'labs.obs.acknowledgement');
  }

  protected async toggleSupport(): Promise<void> {
    const o = this.mine();
    if (!o) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.labs.support(o.id, !o.supportedByMe));
      this.observation.reload();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }

  protected async sendComment(directive: FormGroupDirective): Promise<void> {
    const body = this.commentForm.getRawValue().body.trim();
    const ok = await this.commentSubmitter.submit(() =>
      firstValueFrom(this.labs.comment(this.id(), { body })),
    );
    if (!ok) return;
    directive.resetForm();
    this.observation.reload();
  }

  protected async sendReply(directive: FormGroupDirective): Promise<void> {
    const v = this.replyForm.getRawValue();
    const ok = await this.replySubmitter.submit(() =>
      firstValueFrom(this.labs.respond(this.id(), { kind: v.kind, body: v.body.trim() })),
    );
    if (!ok) return;
    directive.resetForm();
    this.snackBar.open(this.i18n.t('labs.staff.sent'), undefined, { duration: 4000 });
    this.observation.reload();
  }

  protected async triage(change: { responseKind?: string; team?: string }): Promise<void> {
    const responseKind = OBSERVATION_RESPONSE_KINDS.find((k) => k === change.responseKind);
    const team = LAB_TEAMS.find((t) => t === change.team);
    await this.run(() => firstValueFrom(this.labs.triage(this.id(), { responseKind, team })), 'labs.saved');
  }

  protected async merge(): Promise<void> {
    const v = this.mergeForm.getRawValue();
    const ok = await this.mergeSubmitter.submit(() =>
      firstValueFrom(this.labs.merge(this.id(), { intoId: v.intoId, reason: v.reason.trim() })),
    );
    if (!ok) return;
    this.snackBar.open(this.i18n.t('labs.staff.mergeDone'), undefined, { duration: 4000 });
    this.observation.reload();
  }

  protected async link(): Promise<void> {
    const { projectId } = this.linkForm.getRawValue();
    const ok = await this.linkSubmitter.submit(() =>
      firstValueFrom(this.labs.linkObservation(projectId, this.id())),
    );
    if (!ok) return;
    this.snackBar.open(this.i18n.t('labs.staff.linkDone'), undefined, { duration: 4000 });
    this.observation.reload();
  }

  private async run(action: () => Promise<unknown>, done: 'labs.saved'): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
      this.observation.reload();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
