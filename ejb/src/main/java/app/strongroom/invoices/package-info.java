/** Invoices of the caller's tenant under the invoice rights and rules: list, show, post, pay, cancel, delete. */
package app.strongroom.invoices;
