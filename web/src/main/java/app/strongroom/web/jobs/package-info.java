/**
 * The batch console's staff page (U3, operators only): every platform job's executions, paged, with a progress bar
 * that moves while they run, the operators' buttons, and charts of the backups' size and the drills' restore times.
 */
package app.strongroom.web.jobs;
