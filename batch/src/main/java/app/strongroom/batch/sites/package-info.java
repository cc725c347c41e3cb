/** The replication job's steps (one pass per site, in parallel) and the schedule that catches sites up. */
package app.strongroom.batch.sites;
