/** The products of the caller's tenant, under the product rights and rules: list, show, create, change, delete. */
package app.strongroom.products;
