package app.strongroom.tenant.company;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** A company of the tenant; its currency decides how amounts are rounded (to the currency's minor unit). */
@Entity
@Table(name = "company")
@NamedQuery(name = Company.ALL, query = "select c from Company c order by c.name, c.id")
public class Company {
    public static final String ALL = "Company.all";
    /** The company every tenant starts with. */
    public static final long MAIN = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String currency;
    @Version
    private long version;

    protected Company() {
    }

    public Company(String name, String currency) {
        rename(name);
        this.currency = checkedCurrency(currency).getCurrencyCode();
    }

    public final void rename(String name) {
        this.name = Require.text("company name", name, 200).strip();
    }

    /** Amounts are stored with two decimals, so only currencies whose minor unit fits are accepted. */
    static Currency checkedCurrency(String code) {
        try {
            Currency currency = Currency.getInstance(Require.text("currency", code, 3));
            if (currency.getDefaultFractionDigits() < 0 || currency.getDefaultFractionDigits() > 2) {
                throw new InvalidValue("currency", "has a minor unit Strongroom cannot keep");
            }
            return currency;
        } catch (IllegalArgumentException unknown) {
            if (unknown instanceof InvalidValue invalid) {
                throw invalid;
            }
            throw new InvalidValue("currency", "is not an ISO 4217 currency code");
        }
    }

    /** {@code amount} rounded half up to the currency's minor unit. */
    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(scale(), RoundingMode.HALF_UP);
    }

    public int scale() {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }
}
