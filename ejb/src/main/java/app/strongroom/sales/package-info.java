/**
 * Sales orders of the caller's tenant under the order rights and rules: list, show, create, change, the state moves,
 * delete, and invoicing a confirmed order (which also needs the right to create invoices).
 */
package app.strongroom.sales;
