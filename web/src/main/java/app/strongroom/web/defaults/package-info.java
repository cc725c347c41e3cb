/** The tenant administrator's page of computed defaults for the fields of new records (P19). */
package app.strongroom.web.defaults;
