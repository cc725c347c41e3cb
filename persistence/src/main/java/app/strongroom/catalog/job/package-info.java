/**
 * The batch console's record of job executions (U3): each execution of a platform job, with the work its steps have
 * reported done so far, and each tenant whose work failed in it, and why. Jakarta Batch keeps the executions
 * themselves; this is what it does not keep, in the catalog so every instance of a cluster reads the same.
 */
package app.strongroom.catalog.job;
