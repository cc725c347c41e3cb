/** The restore job: one helpdesk restore, live or side, carried out by the ejb module's restore service. */
package app.strongroom.batch.restore;
