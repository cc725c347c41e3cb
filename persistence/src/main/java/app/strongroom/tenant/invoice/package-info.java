/**
 * Customer invoices, made from confirmed sales orders. An invoice moves draft -> posted -> paid, or to cancelled;
 * once posted its lines and amounts are fixed.
 */
package app.strongroom.tenant.invoice;
