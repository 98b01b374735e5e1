package org.quotient.optimizer.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How money, shares and percentages read in explanations and error messages. */
final class Formats {
  private Formats() {}

  /** "$1,200,000" for whole dollars, "$1,200,000.50" otherwise. */
  static String money(BigDecimal amount) {
    BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
    boolean whole = cents.remainder(BigDecimal.ONE).signum() == 0;
    DecimalFormat format =
        new DecimalFormat(
            whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    String text = format.format(cents.abs());
    return (cents.signum() < 0 ? "-$" : "$") + text;
  }

  static String money(double amount) {
    return money(BigDecimal.valueOf(amount));
  }

  /** A fraction as a percentage with one decimal: 0.1214 -> "12.1%". */
  static String share(double fraction) {
    return String.format(Locale.US, "%.1f%%", fraction * 100);
  }

  /** A fraction as a percentage without needless decimals: 0.2 -> "20%", 0.125 -> "12.5%". */
  static String percent(double fraction) {
    BigDecimal value =
        BigDecimal.valueOf(fraction)
            .multiply(BigDecimal.valueOf(100))
            .setScale(2, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    return value.toPlainString() + "%";
  }

  /** A plain number as written by the user: 1.5 -> "1.5", -0.1 -> "-0.1". */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A ramp factor with two decimals: 0.5 -> "0.50". */
  static String factor(double value) {
    return String.format(Locale.US, "%.2f", value);
  }
}
