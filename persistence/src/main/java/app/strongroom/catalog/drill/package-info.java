/** The daily restore drill (P11): each tenant's newest safe backup restored from a site, checked and thrown away. */
package app.strongroom.catalog.drill;
