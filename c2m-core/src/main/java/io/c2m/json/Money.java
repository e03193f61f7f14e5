package io.c2m.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one currency, as c2m writes it out: {@code {"amount": 27.20,
 * "currency": "EUR"}}, the amount a JSON decimal number, never a binary fraction such as
 * {@code 27.200000000000014}.
 *
 * <p><b>Where money is {@code BigDecimal}.</b> Inside c2m, costs are {@code double}: the
 * planners' setup, holding and unit costs are model weights in one currency the caller chose,
 * added and compared millions of times per plan ({@link io.c2m.production.CostBreakdown}). Money
 * becomes {@code BigDecimal}, with an ISO 4217 currency, where it leaves c2m for people and other
 * systems: the command line's {@code --json} outputs and the ERP exports write every amount as a
 * {@code Money}, rounded half-even to the currency's minor unit (two decimals for EUR, none for
 * JPY, four for {@code XXX}, "no currency", which is what c2m writes when the caller named none).
 * C2mJson's round-trip form of the domain records keeps their {@code double}s.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the amount, at most as many decimals as the currency's minor unit (four for a
 *     currency without one)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
  /** ISO 4217 "no currency": the code written when the caller named no currency. */
  public static final Currency NO_CURRENCY = Currency.getInstance("XXX");

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the amount has more decimals than the currency's minor
   *     unit
   */
  public Money {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    if (amount.stripTrailingZeros().scale() > scale(currency)) {
      throw new IllegalArgumentException(("The amount (%s) has more decimals than the minor unit "
          + "of %s allows (%d).%nMaybe build it with Money.of, which rounds half-even.")
          .formatted(amount.toPlainString(), currency.getCurrencyCode(), scale(currency)));
    }
    amount = amount.setScale(scale(currency), RoundingMode.UNNECESSARY);
  }

  /**
   * The amount of a c2m cost, rounded half-even to the currency's minor unit.
   *
   * @param amount the cost, finite
   * @param currency the currency
   * @return the money
   * @throws IllegalArgumentException if the amount is not finite
   */
  public static Money of(double amount, Currency currency) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException(
          "The amount (" + amount + ") must be a finite number.");
    }
    requireNonNull(currency, "currency");
    // BigDecimal.valueOf takes the double's shortest decimal form (27.200000000000014), which
    // rounds as a person expects (27.20).
    return new Money(BigDecimal.valueOf(amount).setScale(scale(currency), RoundingMode.HALF_EVEN),
        currency);
  }

  /** The decimals of a currency's minor unit; four for one without (such as XXX). */
  static int scale(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return digits < 0 ? 4 : digits;
  }
}
