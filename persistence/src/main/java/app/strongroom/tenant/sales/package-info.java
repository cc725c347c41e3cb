/**
 * Products and sales orders. An order moves quotation -> sent -> confirmed -> invoiced, or to cancelled, only through
 * its own methods, each of which checks that the move is allowed; its lines change only while it is a quotation or
 * sent. Amounts are {@code BigDecimal}, rounded per line to the company currency's minor unit.
 */
package app.strongroom.tenant.sales;
