/**
 * Jakarta Batch jobs of the platform. The module is packed as a library jar of both the EAR and the Micro WAR so
 * that job XML under {@code META-INF/batch-jobs} is found on either runtime; the jobs themselves arrive with the
 * backup issues (P6 to P11).
 */
package app.strongroom.batch;
