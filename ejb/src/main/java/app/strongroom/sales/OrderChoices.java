package app.strongroom.sales;

import java.util.List;

/**
 * What an order form offers: customers and products the caller can read (the first {@link #LIMIT} by name),
 * active users as salespeople, groups as teams.
 */
public record OrderChoices(List<Choice> customers, List<Choice> products, List<Choice> salespeople,
                           List<Choice> teams) {
    public static final int LIMIT = 100;

    public OrderChoices {
        customers = List.copyOf(customers);
        products = List.copyOf(products);
        salespeople = List.copyOf(salespeople);
        teams = List.copyOf(teams);
    }
}
