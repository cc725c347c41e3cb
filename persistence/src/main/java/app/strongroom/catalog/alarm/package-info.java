/** Incidents the platform operators must hear of, once each: opened, mailed, cleared. */
package app.strongroom.catalog.alarm;
