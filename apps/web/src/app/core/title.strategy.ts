import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18nService, type MessageKey } from '@madang/web/i18n';

/** Route `title`s are message keys; the document title follows the language. */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private readonly key = signal<MessageKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const site = `${this.i18n.t('app.nameKo')} ${this.i18n.t('app.name')} · ${this.i18n.t('app.subtitle')}`;
      this.title.setTitle(key ? `${this.i18n.t(key)} · ${site}` : site);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as MessageKey | undefined) ?? null);
  }
}
