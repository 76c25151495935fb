import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type {
  FileInfo,
  FormAnswer,
  FormAnswers,
  FormField,
  FormSection,
  TeamMemberAnswer,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
// The recruitment message keys (their `declare module` augmentation) come with the domain's util library.
import type {} from '@madang/web/recruitment/util';

interface ShownField {
  field: FormField;
  text: string | null;
  members: TeamMemberAnswer[];
  files: { id: string; name: string }[];
}

/**
 * An application's answers, read only, section by section: used by the applicant after submitting,
 * by reviewers (who get answers already stripped on blind calls) and by staff.
 */
@Component({
  selector: 'app-recruitment-answers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LocalizedPipe],
  template: `
    @for (section of shown(); track section.id) {
      <section class="answers-section">
        <h3>{{ section.title | localized: lang() }}</h3>
        <dl>
          @for (item of section.items; track item.field.id) {
            <div
              [class.asked]="highlight().includes(item.field.id)"
              [attr.data-testid]="'answer-' + item.field.id"
            >
              <dt>{{ item.field.label | localized: lang() }}</dt>
              <dd>
                @if (item.field.type === 'team_members') {
                  <ul>
                    @for (m of item.members; track $index) {
                      <li>{{ m.name }}{{ m.role ? ' · ' + m.role : '' }}</li>
                    } @empty {
                      <li class="muted">{{ 'recruitment.noAnswer' | t: lang() }}</li>
                    }
                  </ul>
                } @else if (item.field.type === 'file') {
                  <ul>
                    @for (f of item.files; track f.id) {
                      <li>
                        <a [href]="'/api/files/' + f.id + '/content'" target="_blank" rel="noopener">{{
                          f.name
                        }}</a>
                      </li>
                    } @empty {
                      <li class="muted">{{ 'recruitment.noAnswer' | t: lang() }}</li>
                    }
                  </ul>
                } @else if (item.text) {
                  <span class="prose">{{ item.text }}</span>
                } @else {
                  <span class="muted">{{ 'recruitment.noAnswer' | t: lang() }}</span>
                }
              </dd>
            </div>
          }
        </dl>
      </section>
    }
  `,
  styles: `
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    dl {
      margin: 0;
    }
    dl > div {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    dl > div.asked {
      border-inline-start: 4px solid var(--mat-sys-tertiary);
      padding-inline-start: 8px;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 4px 0 0;
    }
    ul {
      margin: 0;
      padding-inline-start: 20px;
    }
    .prose {
      white-space: pre-line;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AnswersViewComponent {
  readonly sections = input.required<readonly FormSection[]>();
  readonly answers = input.required<FormAnswers | null>();
  /** The application's files, to name the ids a file answer holds. */
  readonly files = input<readonly FileInfo[]>([]);
  /** Fields to mark (e.g. the ones a supplement asks for). */
  readonly highlight = input<readonly string[]>([]);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  protected readonly shown = computed(() => {
    const answers = this.answers() ?? {};
    const names = new Map(this.files().map((f) => [f.id, f.name]));
    return this.sections().map((section) => ({
      id: section.id,
      title: section.title,
      items: section.fields
        .filter((field) => field.id in answers)
        .map((field) => this.show(field, answers[field.id], names)),
    }));
  });

  private show(field: FormField, answer: FormAnswer, names: Map<string, string>): ShownField {
    const out: ShownField = { field, text: null, members: [], files: [] };
    if (field.type === 'team_members' && Array.isArray(answer)) out.members = answer as TeamMemberAnswer[];
    else if (field.type === 'file' && Array.isArray(answer))
      out.files = (answer as string[]).map((id, i) => ({
        id,
        name: names.get(id) ?? this.i18n.t('recruitment.files.fileN', { n: i + 1 }),
      }));
    else if (field.type === 'choice') {
      const chosen = Array.isArray(answer) ? (answer as string[]) : answer ? [String(answer)] : [];
      const lang = this.lang();
      out.text =
        chosen.map((c) => field.options?.find((o) => o.value === c)?.label[lang] ?? c).join(', ') || null;
    } else if (answer !== null && answer !== undefined && answer !== '') out.text = String(answer);
    return out;
  }
}
