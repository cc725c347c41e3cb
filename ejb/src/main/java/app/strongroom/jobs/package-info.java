/**
 * The batch console (U3): what staff see of the platform's Jakarta Batch jobs and what operators may do with them
 * (start, stop, restart, abandon), over the {@link jakarta.batch.operations.JobOperator}; and the progress the jobs'
 * steps report while they run (tenants done of total, bytes), kept in the catalog so every instance of a cluster sees
 * it. The staff page and the staff JSON API both call {@link app.strongroom.jobs.JobConsole}.
 */
package app.strongroom.jobs;
