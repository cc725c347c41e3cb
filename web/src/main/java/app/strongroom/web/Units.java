package app.strongroom.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** Sizes for people: {@code #{units.bytes(file.size)}} gives "1.2 MB" (decimal units, as file managers show them). */
@Named
@ApplicationScoped
public class Units {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    public String bytes(Object size) {
        if (size instanceof Optional<?> maybe) {
            return maybe.map(this::bytes).orElse("");
        }
        return human(((Number) size).longValue());
    }

    public static String human(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = unit == 0 ? Long.toString(bytes)
                : new BigDecimal(value).round(new MathContext(value >= 100 ? 3 : 2)).stripTrailingZeros().toPlainString();
        return number + " " + UNITS[unit];
    }
}
