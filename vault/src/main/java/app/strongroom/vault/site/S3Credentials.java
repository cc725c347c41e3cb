package app.strongroom.vault.site;

/** An access key for an S3-compatible service. The secret never leaves this record through {@link #toString()}. */
public record S3Credentials(String accessKeyId, String secretAccessKey) {
    public S3Credentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an access key needs both an access key id and a secret access key");
        }
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
