package app.strongroom.download;

/** How sending a kept backup's bytes ended. */
public sealed interface KeptSending {
    /** Every byte asked for was written. */
    record Sent(long bytes) implements KeptSending {
    }

    /** The backup is no longer one of the company's kept backups (retention removed it since it was found). */
    record Gone() implements KeptSending {
    }

    /**
     * A segment failed authentication after {@code bytesSent} authentic bytes: the response must be cut, never
     * completed, so nobody takes the part for the whole.
     */
    record Damaged(long bytesSent, String reason) implements KeptSending {
    }
}
