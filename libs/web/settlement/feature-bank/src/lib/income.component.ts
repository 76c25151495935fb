import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { formatKrw } from '@madang/booking-rules';
import {
  type BookingDto,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  type PaymentKind,
  type PaymentMethod,
} from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementService } from '@madang/web/settlement/data-access';
import { FieldErrorPipe, PaginatorComponent } from '@madang/web/ui';
import { PageState, centreTimeZone, failureText, injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** Payment states that still expect money in. */
const OPEN: readonly string[] = ['quoted', 'invoiced'];

/** What a booking owes of a kind, by its quote: the fee after waivers, or the deposit. */
function dueFor(kind: PaymentKind, b: BookingDto): number | null {
  if (kind === 'fee') return b.quote.subtotal - b.quote.waived;
  if (kind === 'deposit') return b.quote.deposit;
  if (kind === 'cancellation_fee') return b.payment.cancellationFee || null;
  return null;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Rental income (operations): approved bookings whose fee is not paid yet, and recording money
 * received for one (`POST /api/bookings/:id/payments`), which posts it to the ledger.
 */
@Component({
  selector: 'app-settlement-income',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    PaginatorComponent,
    TranslatePipe,
  ],
  templateUrl: './income.component.html',
  styleUrl: './income.component.scss',
})
export class IncomeComponent {
  private readonly settlement = inject(SettlementService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds = PAYMENT_KINDS;
  protected readonly methods = PAYMENT_METHODS;
  protected readonly page = new PageState([100]);

  protected readonly bookings = rxResource({
    params: () => this.page.query(),
    stream: ({ params }) => this.settlement.approvedBookings(params.limit, params.offset),
  });
  protected readonly loadError = computed(() =>
    this.bookings.error() ? failureText(this.bookings.error(), this.lang()) : null,
  );
  /** The unpaid ones of this page of approved bookings. */
  protected readonly unpaid = computed(() =>
    this.bookings.hasValue()
      ? this.bookings
          .value()
          .items.filter((b) => OPEN.includes(b.payment.status) && b.payment.quotedTotal > 0)
      : [],
  );
  protected readonly selected = signal<BookingDto | null>(null);

  protected readonly form = this.fb.group({
    kind: this.fb.control<PaymentKind>('fee', [Validators.required]),
    method: this.fb.control<PaymentMethod>('bank_transfer', [Validators.required]),
    amount: this.fb.control<number | null>(null, [Validators.required, Validators.min(1)]),
    receivedOn: this.fb.control(today(), [Validators.required]),
    reference: this.fb.control('', [Validators.maxLength(200)]),
    payerName: this.fb.control('', [Validators.maxLength(200)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);

  constructor() {
    // Another kind of money: suggest what the booking owes of it.
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      const booking = this.selected();
      if (booking) this.form.controls.amount.setValue(dueFor(kind, booking));
    });
  }

  protected kindKey(kind: PaymentKind): `settlement.income.kind.${PaymentKind}` {
    return `settlement.income.kind.${kind}`;
  }

  protected methodKey(method: PaymentMethod): `settlement.income.method.${PaymentMethod}` {
    return `settlement.income.method.${method}`;
  }

  protected money(amount: number): string {
    return formatKrw(amount, this.lang());
  }

  protected when(b: BookingDto): string {
    return new Intl.DateTimeFormat(this.lang() === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: centreTimeZone(),
    }).format(new Date(b.start));
  }

  protected assets(b: BookingDto): string {
    return b.items.map((item) => item.assetName[this.lang()]).join(', ');
  }

  protected open(b: BookingDto): void {
    this.selected.set(b);
    this.submitter.clear();
    this.form.reset({
      kind: 'fee',
      method: 'bank_transfer',
      amount: dueFor('fee', b),
      receivedOn: today(),
      reference: '',
      payerName: b.requester.displayName,
    });
  }

  protected close(): void {
    this.selected.set(null);
  }

  protected async record(): Promise<void> {
    const booking = this.selected();
    if (!booking) return;
    const v = this.form.getRawValue();
    const ok = await this.submitter.submit(() =>
      firstValueFrom(
        this.settlement.recordBookingPayment(booking.id, {
          kind: v.kind,
          method: v.method,
          amount: v.amount ?? 0,
          receivedOn: v.receivedOn,
          ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
          ...(v.payerName.trim() ? { payerName: v.payerName.trim() } : {}),
        }),
      ),
    );
    if (ok) {
      this.snackBar.open(this.i18n.t('settlement.income.recorded'), undefined, { duration: 4000 });
      this.selected.set(null);
      this.bookings.reload();
    }
  }
}
