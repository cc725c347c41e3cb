/** The daily restore drill's steps (one partition per tenant) and its schedule. */
package app.strongroom.batch.drill;
