package org.caravan.donation.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import org.caravan.platform.web.ProblemException;

/** Items as pledges and programmes take them over HTTP; money in minor units of an ISO currency, CNY by default. */
public final class PledgeItems {

    private PledgeItems() {}

    /**
     * At most 10^13 minor units (100 billion yuan) a line: far above any gift, and low enough that a donor's
     * statement can add up a million such lines without overflowing.
     */
    public static final long MAX_AMOUNT_MINOR = 10_000_000_000_000L;

    public record Value(
            @NotNull @Min(0) @Max(MAX_AMOUNT_MINOR) Long amountMinor, @Pattern(regexp = "[A-Z]{3}") String currency) {}

    public record Item(
            @NotBlank @Pattern(regexp = "BOOKS|CARE_PACKAGE|SPORTS_GOODS|STATIONERY|MONEY|OTHER") String kind,
            @NotBlank @Size(min = 1, max = 300) String description,
            @NotNull @Min(1) @Max(10_000_000) Long quantity,
            @NotBlank @Size(min = 1, max = 30) String unit,
            @Valid Value estimatedValue) {}

    public static Pledges.NewLine line(Item item) {
        Value value = item.estimatedValue();
        String currency = value == null || value.currency() == null ? "CNY" : value.currency();
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField(
                    "items.estimatedValue.currency", "unknown ISO 4217 currency " + currency);
        }
        return new Pledges.NewLine(
                item.kind(),
                item.description().strip(),
                item.quantity(),
                item.unit().strip(),
                value == null ? null : value.amountMinor(),
                value == null ? null : currency);
    }
}
