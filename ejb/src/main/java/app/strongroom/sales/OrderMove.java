package app.strongroom.sales;

/** The state moves a person can ask of an order. */
public enum OrderMove {
    SEND, CONFIRM, CANCEL
}
