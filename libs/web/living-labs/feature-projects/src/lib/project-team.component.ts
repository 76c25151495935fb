import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  COMMITMENT_KIND_LABELS,
  COMMITMENT_KINDS,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  PARTNER_SECTOR_LABELS,
  PARTNER_SECTORS,
  PARTNER_STATUS_LABELS,
  PARTNER_STATUSES,
  type CommitmentKind,
  type CommitmentStatus,
  type CreatePartnerRequest,
  type PartnerSector,
  type PartnerStatus,
} from '@madang/contracts';
import { LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { FieldErrorPipe, KrwPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';
import { ProjectSection } from './section-base';

/** Lead, members and partners by sector (the quadruple helix) with their commitments. */
@Component({
  selector: 'app-labs-project-team',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    KrwPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  template: `
    @let p = project();
    <section class="section" aria-labelledby="ws-team">
      <h2 class="section-title" id="ws-team">{{ 'labs.ws.team' | t: lang() }}</h2>
      <dl class="facts">
        <div>
          <dt>{{ 'labs.ws.leadBy' | t: lang() }}</dt>
          <dd data-testid="ws-lead">{{ p.lead.group?.name ?? p.lead.user?.displayName ?? '' }}</dd>
        </div>
        <div>
          <dt>{{ 'labs.ws.members' | t: lang() }}</dt>
          <dd>
            @for (m of p.members; track m.id) {
              {{ m.displayName }}
              @if (!$last) {
                ,
              }
            } @empty {
              <span class="muted">{{ 'labs.none' | t: lang() }}</span>
            }
          </dd>
        </div>
      </dl>

      <h3>{{ 'labs.ws.partners' | t: lang() }}</h3>
      <ul class="partners" data-testid="ws-partners">
        @for (partner of p.partners; track partner.id) {
          <li>
            <strong>{{ partner.name }}</strong>
            <span class="tag">{{ sectorLabels[partner.sector] | localized: lang() }}</span>
            <span class="muted">{{ partnerStatusLabels[partner.status] | localized: lang() }}</span>
            @if (partner.contact) {
              <span class="muted"> · {{ partner.contact }}</span>
            }
            <ul>
              @for (c of partner.commitments; track c.id) {
                <li>
                  {{ commitmentLabels[c.kind] | localized: lang() }}: {{ c.description }}
                  @if (c.amount !== null) {
                    ({{ c.amount | krw: lang() }})
                  }
                  @if (p.canEdit) {
                    <mat-form-field class="compact" subscriptSizing="dynamic">
                      <mat-label>{{ 'labs.state' | t: lang() }}</mat-label>
                      <mat-select [value]="c.status" (selectionChange)="setStatus(c.id, $event.value)">
                        @for (s of commitmentStatuses; track s) {
                          <mat-option [value]="s">{{
                            commitmentStatusLabels[s] | localized: lang()
                          }}</mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                  } @else {
                    <span class="muted">· {{ commitmentStatusLabels[c.status] | localized: lang() }}</span>
                  }
                </li>
              }
            </ul>
          </li>
        } @empty {
          <li class="muted">{{ 'labs.none' | t: lang() }}</li>
        }
      </ul>

      @if (p.canEdit) {
        @if (!adding()) {
          <button mat-stroked-button type="button" (click)="adding.set(true)" data-testid="ws-add-partner">
            {{ 'labs.ws.addPartner' | t: lang() }}
          </button>
        } @else {
          <form
            class="grid-form"
            [formGroup]="form"
            #addDir="ngForm"
            (ngSubmit)="add(addDir)"
            novalidate
            data-testid="partner-form"
          >
            @if (submitter.error(); as message) {
              <p class="form-error wide" role="alert" tabindex="-1">{{ message }}</p>
            }
            <mat-form-field>
              <mat-label>{{ 'labs.ws.partnerName' | t: lang() }}</mat-label>
              <input matInput formControlName="name" data-testid="partner-name" />
              <mat-error>{{ form.controls.name | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.sector' | t: lang() }}</mat-label>
              <mat-select formControlName="sector" data-testid="partner-sector">
                @for (s of sectors; track s) {
                  <mat-option [value]="s">{{ sectorLabels[s] | localized: lang() }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.partnerStatus' | t: lang() }}</mat-label>
              <mat-select formControlName="status">
                @for (s of partnerStatuses; track s) {
                  <mat-option [value]="s">{{ partnerStatusLabels[s] | localized: lang() }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.commitmentKind' | t: lang() }}</mat-label>
              <mat-select formControlName="kind">
                @for (k of commitmentKinds; track k) {
                  <mat-option [value]="k">{{ commitmentLabels[k] | localized: lang() }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.commitmentText' | t: lang() }}</mat-label>
              <input matInput formControlName="description" data-testid="partner-commitment" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.amount' | t: lang() }}</mat-label>
              <input matInput inputmode="numeric" formControlName="amount" />
              <mat-error>{{ form.controls.amount | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <div class="form-actions wide">
              <button
                mat-flat-button
                type="submit"
                [disabled]="submitter.submitting()"
                data-testid="partner-save"
              >
                {{ 'labs.save' | t: lang() }}
              </button>
              <button mat-button type="button" (click)="adding.set(false)">
                {{ 'labs.cancel' | t: lang() }}
              </button>
            </div>
          </form>
        }
      }
    </section>
  `,
  styleUrl: './sections.scss',
})
export class ProjectTeamComponent extends ProjectSection {
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly sectors = PARTNER_SECTORS;
  protected readonly partnerStatuses = PARTNER_STATUSES;
  protected readonly commitmentKinds = COMMITMENT_KINDS;
  protected readonly commitmentStatuses = COMMITMENT_STATUSES;
  protected readonly sectorLabels = PARTNER_SECTOR_LABELS;
  protected readonly partnerStatusLabels = PARTNER_STATUS_LABELS;
  protected readonly commitmentLabels = COMMITMENT_KIND_LABELS;
  protected readonly commitmentStatusLabels = COMMITMENT_STATUS_LABELS;
  protected readonly adding = signal(false);

  protected readonly form = this.fb.group({
    name: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    sector: this.fb.control<PartnerSector>('public'),
    status: this.fb.control<PartnerStatus>('active'),
    kind: this.fb.control<CommitmentKind>('space'),
    description: this.fb.control('', [Validators.maxLength(500)]),
    amount: this.fb.control('', [Validators.pattern(/^\d*$/)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);

  protected async add(directive: FormGroupDirective): Promise<void> {
    const v = this.form.getRawValue();
    const request: CreatePartnerRequest = {
      name: v.name.trim(),
      sector: v.sector,
      status: v.status,
      ...(v.description.trim()
        ? {
            commitments: [
              {
                kind: v.kind,
                description: v.description.trim(),
                ...(v.amount ? { amount: Number(v.amount) } : {}),
              },
            ],
          }
        : {}),
    };
    const ok = await this.submitter.submit(() =>
      firstValueFrom(this.labs.addPartner(this.project().id, request)),
    );
    if (!ok) return;
    directive.resetForm();
    this.adding.set(false);
    this.changed.emit();
  }

  protected setStatus(commitmentId: string, status: CommitmentStatus): void {
    void this.act(() => firstValueFrom(this.labs.updateCommitment(commitmentId, { status })));
  }
}
