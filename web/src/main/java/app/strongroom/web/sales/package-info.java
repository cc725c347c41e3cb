/** The sales order list, the order page (header, lines, state moves, invoicing), the invoice list and page. */
package app.strongroom.web.sales;
