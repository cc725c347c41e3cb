/**
 * What every platform job shares for the batch console: the listener that tracks each execution from its start, and
 * the steps' way to report progress without ever failing their work for it.
 */
package app.strongroom.batch.progress;
