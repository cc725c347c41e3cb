/**
 * Alarms (P11): incidents the operators must hear of, opened once, mailed once, cleared when the condition goes; and
 * the watch that raises one for every tenant past its recovery point objective.
 */
package app.strongroom.alarm;
