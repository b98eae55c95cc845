package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A split given as one factor, turned into the two whole terms whose ratio is exactly that factor. */
class SplitTermsTest {

    @ParameterizedTest(name = "{0} new shares per old one: {1} -> {2}")
    @CsvSource({
            "2.0, 1, 2",
            "4, 1, 4",
            "0.5, 2, 1",
            "1.5, 2, 3",
            "0.1, 10, 1",
            "0.333333, 1000000, 333333",
            "1.25, 4, 5",
            "1E+3, 1, 1000"
    })
    void turns_a_shares_factor_into_lowest_terms_whose_ratio_is_exactly_the_factor(String factor, long from,
            long to) {
        SplitTerms terms = SplitTerms.ofSharesFactor(new BigDecimal(factor));

        assertThat(terms).isEqualTo(new SplitTerms(BigInteger.valueOf(from), BigInteger.valueOf(to)));
        assertThat(new BigDecimal(terms.to()).divide(new BigDecimal(terms.from())))
                .isEqualByComparingTo(new BigDecimal(factor));
        assertThat(terms.splitFrom().scale()).isZero();
        assertThat(terms.splitTo().scale()).isZero();
    }

    @ParameterizedTest(name = "price factor {0}: {1} -> {2}")
    @CsvSource({"0.25, 1, 4", "10, 10, 1", "1.5, 3, 2", "0.4, 2, 5", "0.3333, 3333, 10000"})
    void turns_a_price_factor_into_lowest_terms_the_other_way_round(String factor, long from, long to) {
        SplitTerms terms = SplitTerms.ofPriceFactor(new BigDecimal(factor));

        assertThat(terms).isEqualTo(new SplitTerms(BigInteger.valueOf(from), BigInteger.valueOf(to)));
        assertThat(terms.largest()).isEqualTo(BigInteger.valueOf(Math.max(from, to)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-2", "-0.5"})
    void refuses_a_factor_that_is_not_positive(String factor) {
        assertThatThrownBy(() -> SplitTerms.ofSharesFactor(new BigDecimal(factor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split factor " + new BigDecimal(factor).toPlainString() + " is not positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "123456789012345678901", "0.000000000000000000001"})
    void refuses_a_factor_of_absurd_size_without_writing_it_out(String factor) {
        assertThatThrownBy(() -> SplitTerms.ofPriceFactor(new BigDecimal(factor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("split ratio ")
                .hasMessageEndingWith(" is out of range")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }
}
