package app.strongroom.sales;

/** Something a form offers to pick: a record's id and how it is named. */
public record Choice(long id, String label) {
}
