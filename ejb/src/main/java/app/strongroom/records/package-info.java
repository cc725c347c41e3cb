/**
 * What the ERP's services share: one page of a model's records under the caller's rights and record rules, filtered
 * and sorted in the database, so paging and counts are right (P20), and the outcomes of a change.
 */
package app.strongroom.records;
