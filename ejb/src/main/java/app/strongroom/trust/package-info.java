/**
 * The tenant's trust page: from the running system, the evidence behind the promises about its data (P6, P7, P11,
 * P14): each kept backup and the rule keeping it, where every copy is and when it was verified, the last restore
 * drill, and the key's status.
 */
package app.strongroom.trust;
