/** The product list and the product edit page. */
package app.strongroom.web.products;
