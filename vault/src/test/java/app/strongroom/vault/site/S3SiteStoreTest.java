package app.strongroom.vault.site;

import static app.strongroom.vault.site.TestContent.sha256;
import static app.strongroom.vault.site.TestContent.size;
import static app.strongroom.vault.site.TestContent.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.format.Digests;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 store against S3Mock, a real S3 server in a process of its own. */
class S3SiteStoreTest {
    private static final String BUCKET = "sites";
    private static final int PART = S3SiteStore.PART_SIZE;

    private static S3MockServer s3;
    private static S3Client raw;

    private String prefix;
    private SiteStore store;

    @BeforeAll
    static void startS3() {
        s3 = S3MockServer.started(BUCKET);
        raw = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(s3.endpoint())
                .region(Region.of(S3MockServer.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build();
    }

    @AfterAll
    static void stopS3() {
        if (raw != null) {
            raw.close();
        }
        if (s3 != null) {
            s3.stop();
        }
    }

    @BeforeEach
    void openSite() {
        prefix = "strongroom/" + UUID.randomUUID();
        store = s3.location(BUCKET, prefix).open("frankfurt");
    }

    @AfterEach
    void closeSite() {
        store.close();
    }

    private HeadObjectResponse head(String key) {
        return raw.headObject(b -> b.bucket(BUCKET).key(prefix + "/" + key).checksumMode(ChecksumMode.ENABLED));
    }

    /** The SHA-256 checksum S3 keeps for an object uploaded in parts of {@code partSize}. */
    private static String composite(long size, long seed, int partSize) throws Exception {
        MessageDigest ofParts = Digests.sha256();
        int parts = 0;
        try (InputStream in = TestContent.stream(size, seed)) {
            byte[] part;
            while ((part = in.readNBytes(partSize)).length > 0) {
                ofParts.update(Digests.sha256().digest(part));
                parts++;
            }
        }
        return Base64.getEncoder().encodeToString(ofParts.digest()) + "-" + parts;
    }

    private static String base64Sha256(String text) {
        return Base64.getEncoder().encodeToString(Digests.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLargeObjectIsUploadedInCheckedPartsAndReadBack() throws Exception {
        long size = 20L * 1024 * 1024 + 12_345;
        String key = "tenants/t/backups/big.sbk";
        StoredObject stored = store.put(key, TestContent.stream(size, 11), size, TestContent.sha256(size, 11));
        assertThat(stored).isEqualTo(new StoredObject(key, size, TestContent.sha256(size, 11)));

        HeadObjectResponse head = head(key);
        assertThat(head.contentLength()).isEqualTo(size);
        assertThat(head.metadata()).containsEntry("sha256", stored.sha256());
        assertThat(head.checksumSHA256()).isEqualTo(composite(size, 11, PART)).endsWith("-3");

        assertThat(store.readBack(key)).isEqualTo(stored);
        try (InputStream in = store.open(key)) {
            assertThat(Digests.sha256Of(in)).isEqualTo(stored.sha256());
        }
    }

    @Test
    void anObjectOfWholePartsEndsWithAFullPart() throws Exception {
        long size = 2L * PART;
        StoredObject stored = store.put("catalog/even.sbk", TestContent.stream(size, 5), size,
                TestContent.sha256(size, 5));
        assertThat(head("catalog/even.sbk").checksumSHA256()).isEqualTo(composite(size, 5, PART)).endsWith("-2");
        assertThat(store.readBack("catalog/even.sbk")).isEqualTo(stored);
    }

    @Test
    void aSmallObjectIsOnePutWithItsChecksum() throws Exception {
        String json = "{\"tenant\":\"t\",\"wrapped\":\"...\"}";
        StoredObject stored = store.put("tenants/t/key.json", stream(json), size(json), sha256(json));
        assertThat(stored).isEqualTo(new StoredObject("tenants/t/key.json", size(json), sha256(json)));

        HeadObjectResponse head = head("tenants/t/key.json");
        assertThat(head.checksumSHA256()).isEqualTo(base64Sha256(json));
        assertThat(head.metadata()).containsEntry("sha256", sha256(json));
        assertThat(store.readBack("tenants/t/key.json")).isEqualTo(stored);
        try (InputStream in = store.open("tenants/t/key.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(json);
        }

        StoredObject full = store.put("catalog/full.sbk", TestContent.stream(PART, 2), PART, TestContent.sha256(PART, 2));
        assertThat(head("catalog/full.sbk").checksumSHA256()).doesNotContain("-");
        assertThat(store.readBack("catalog/full.sbk")).isEqualTo(full);

        StoredObject empty = store.put("catalog/empty", InputStream.nullInputStream(), 0, sha256(""));
        assertThat(store.readBack("catalog/empty")).isEqualTo(empty);
    }

    @Test
    void anObjectChangedBehindTheStoresBackIsDetected() {
        store.put("catalog/a.sbk", stream("the original"), size("the original"), sha256("the original"));
        String tampered = "not the original";
        raw.putObject(b -> b.bucket(BUCKET).key(prefix + "/catalog/a.sbk")
                .metadata(Map.of("sha256", sha256("the original"))), RequestBody.fromString(tampered));

        assertThatThrownBy(() -> store.readBack("catalog/a.sbk"))
                .isInstanceOf(SiteException.class)
                .hasMessageStartingWith("site frankfurt: the object catalog/a.sbk is not what was stored: ")
                .hasMessageContaining("its sha256 metadata says " + sha256("the original")
                        + ", but the bytes read have SHA-256 " + sha256(tampered));
    }

    @Test
    void aChecksumOfTheSiteThatDoesNotMatchTheBytesIsDetected() throws Exception {
        // Uploaded by another tool in parts of 5 MiB: the bytes and their metadata agree, the site's composite
        // checksum is not the one of 8 MiB parts that this store writes and checks.
        long size = 12L * 1024 * 1024;
        int otherPart = 5 * 1024 * 1024;
        String key = prefix + "/catalog/other.sbk";
        String uploadId = raw.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
                .metadata(Map.of("sha256", TestContent.sha256(size, 9)))
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        try (InputStream in = TestContent.stream(size, 9)) {
            byte[] part;
            while ((part = in.readNBytes(otherPart)).length > 0) {
                int number = parts.size() + 1;
                String checksum = Base64.getEncoder().encodeToString(Digests.sha256().digest(part));
                byte[] body = part;
                String eTag = raw.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number)
                        .checksumSHA256(checksum),
                        RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).checksumSHA256(checksum).build());
            }
        }
        raw.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));

        assertThatThrownBy(() -> store.readBack("catalog/other.sbk"))
                .isInstanceOf(SiteException.class)
                .hasMessage("site frankfurt: the object catalog/other.sbk is not what was stored: the site's SHA-256"
                        + " checksum is " + composite(size, 9, otherPart) + ", but the bytes read make "
                        + composite(size, 9, PART) + " (in parts of 8 MiB)");
    }

    @Test
    void theSiteRefusesAPartWhoseChecksumDoesNotMatchItsBytes() {
        String key = prefix + "/catalog/damaged.sbk";
        String uploadId = raw.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        try {
            assertThatThrownBy(() -> raw.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1)
                            .checksumSHA256(base64Sha256("sent")),
                    RequestBody.fromString("damaged on the way")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        } finally {
            raw.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId));
        }
    }

    @Test
    void contentThatIsNotWhatWasAnnouncedIsNotSent() {
        store.put("catalog/a.sbk", stream("kept"), size("kept"), sha256("kept"));
        assertThatThrownBy(() -> store.put("catalog/a.sbk", stream("other"), 5, sha256("something else")))
                .isInstanceOf(SiteException.class)
                .hasMessage("the content of catalog/a.sbk has SHA-256 " + sha256("other") + ", not the expected "
                        + sha256("something else") + "; site frankfurt keeps what it had");
        assertThatThrownBy(() -> store.put("catalog/a.sbk", stream("other"), 4, sha256("other")))
                .hasMessageContaining("was more than the 4 bytes announced");
        assertThatThrownBy(() -> store.put("catalog/a.sbk", TestContent.failingAfter(10, 3), 100, sha256("x")))
                .hasMessageContaining("the source broke off");
        assertThat(store.readBack("catalog/a.sbk")).isEqualTo(new StoredObject("catalog/a.sbk", 4, sha256("kept")));
    }

    /**
     * On S3 an aborted upload leaves the object it would have replaced alone. S3Mock 5.2 drops that object when an
     * upload of the same key is aborted, so this only checks that no unfinished upload is left.
     */
    @Test
    void aFailedUploadInPartsIsAborted() {
        long size = 10L * 1024 * 1024;

        assertThatThrownBy(() -> store.put("catalog/a.sbk", TestContent.stream(size, 3), size, sha256("other")))
                .isInstanceOf(SiteException.class)
                .hasMessage("the content of catalog/a.sbk has SHA-256 " + TestContent.sha256(size, 3)
                        + ", not the expected " + sha256("other") + "; site frankfurt keeps what it had");
        assertThatThrownBy(() -> store.put("catalog/a.sbk", TestContent.failingAfter(PART + 100, 3), size,
                TestContent.sha256(size, 3)))
                .hasMessageContaining("the content of catalog/a.sbk could not be read while storing it at site"
                        + " frankfurt: the source broke off");
        assertThatThrownBy(() -> store.put("catalog/a.sbk", TestContent.stream(size, 3), size - 1,
                TestContent.sha256(size, 3)))
                .hasMessageContaining("was more than the " + (size - 1) + " bytes announced");
        assertThatThrownBy(() -> store.put("catalog/a.sbk", TestContent.stream(100, 3), 101,
                TestContent.sha256(100, 3)))
                .hasMessageContaining("was 100 bytes, not the 101 announced");

        assertThat(raw.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix)).uploads()).isEmpty();
    }

    @Test
    void objectsAreListedDeletedAndDeletedByPrefix() {
        for (String key : List.of("tenants/a/key.json", "tenants/a/backups/2.sbk", "tenants/a/backups/1.sbk",
                "tenants/ab/key.json", "catalog/c.sbk")) {
            store.put(key, stream(key), size(key), sha256(key));
        }
        assertThat(store.list("tenants/a/")).containsExactly(
                new StoredObject("tenants/a/backups/1.sbk", size("tenants/a/backups/1.sbk"), ""),
                new StoredObject("tenants/a/backups/2.sbk", size("tenants/a/backups/2.sbk"), ""),
                new StoredObject("tenants/a/key.json", size("tenants/a/key.json"), ""));
        assertThat(store.list("tenants/a")).hasSize(4);
        assertThat(store.list("")).hasSize(5);

        store.delete("tenants/ab/key.json");
        store.delete("tenants/ab/key.json");
        assertThat(store.list("tenants/ab")).isEmpty();

        store.deleteAll("tenants/a/");
        assertThat(store.list("")).extracting(StoredObject::key).containsExactly("catalog/c.sbk");
        store.deleteAll("");
        assertThat(store.list("")).isEmpty();
        assertThat(raw.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents()).isEmpty();
    }

    @Test
    void keysAreCheckedAsAtEverySite() {
        for (String key : List.of("../escape", "/absolute", "a\\b", "a//b", "a/", "")) {
            assertThatThrownBy(() -> store.put(key, stream("x"), 1, sha256("x")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.readBack(key)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.list("../")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("catalog/a.sbk", stream("x"), 1, "not-a-digest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the expected SHA-256 must be 64 hex digits, not 'not-a-digest'");
        assertThat(raw.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents()).isEmpty();
    }

    @Test
    void aMissingObjectIsReportedAsSuch() {
        assertThatThrownBy(() -> store.readBack("catalog/none.sbk")).isInstanceOf(SiteException.class)
                .hasMessage("site frankfurt has no object catalog/none.sbk");
        assertThatThrownBy(() -> store.open("catalog/none.sbk"))
                .hasMessage("site frankfurt has no object catalog/none.sbk");
    }

    @Test
    void aMissingBucketIsReportedAsSuch() {
        try (SiteStore nowhere = s3.location("no-such-bucket", "").open("frankfurt")) {
            String missing = "site frankfurt: bucket no-such-bucket does not exist (at " + s3.endpoint()
                    + "); it is expected to be there, create it";
            assertThatThrownBy(() -> nowhere.put("catalog/a.sbk", stream("x"), 1, sha256("x")))
                    .isInstanceOf(SiteException.class).hasMessage(missing);
            assertThatThrownBy(() -> nowhere.readBack("catalog/a.sbk")).hasMessage(missing);
            assertThatThrownBy(() -> nowhere.list("")).hasMessage(missing);
            long size = PART + 1;
            assertThatThrownBy(() -> nowhere.put("catalog/a.sbk", TestContent.stream(size, 1), size,
                    TestContent.sha256(size, 1))).hasMessage(missing);
        }
    }

    @Test
    void anUnreachableSiteFailsWithinSeconds() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closed);
        S3SiteLocation location = new S3SiteLocation(Optional.of(endpoint), BUCKET, "", "us-east-1", true,
                Optional.of(new S3Credentials("AKID", "never-shown")));
        try (SiteStore nowhere = location.open("frankfurt")) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> nowhere.put("catalog/a.sbk", stream("x"), 1, sha256("x")))
                    .isInstanceOf(SiteException.class)
                    .hasMessageStartingWith("site frankfurt cannot be reached at " + endpoint + " (")
                    .hasMessageContaining("Connection refused")
                    .hasMessageEndingWith("; could not store catalog/a.sbk");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThatThrownBy(() -> nowhere.list("")).hasMessageStartingWith("site frankfurt cannot be reached at");
        }
    }

    @Test
    void refusedCredentialsAreReportedWithoutTheSecret() throws Exception {
        try (RefusingS3Endpoint refusing = new RefusingS3Endpoint("InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records.")) {
            S3SiteLocation location = new S3SiteLocation(Optional.of(refusing.endpoint()), BUCKET, "p", "us-east-1",
                    true, Optional.of(new S3Credentials("AKIAWRONG", "wrong-secret-42")));
            try (SiteStore refused = location.open("frankfurt")) {
                assertThatThrownBy(() -> refused.list(""))
                        .isInstanceOf(SiteException.class)
                        .hasMessage("site frankfurt refused the credentials (InvalidAccessKeyId: The AWS Access Key Id"
                                + " you provided does not exist in our records.); could not list its objects");
                assertThatThrownBy(() -> refused.put("catalog/a.sbk", stream("x"), 1, sha256("x")))
                        .hasMessageStartingWith("site frankfurt refused the credentials (InvalidAccessKeyId");
                assertThatThrownBy(() -> refused.readBack("catalog/a.sbk"))
                        .hasMessage("site frankfurt refused the credentials (HTTP 403: Forbidden); could not read"
                                + " catalog/a.sbk");
                assertThatThrownBy(() -> refused.readBack("catalog/a.sbk")).satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("wrong-secret-42");
                    }
                });
                assertThat(refused.describe()).doesNotContain("wrong-secret-42");
            }
            assertThat(refusing.authorizations()).isNotEmpty()
                    .allSatisfy(a -> assertThat(a).startsWith("AWS4-HMAC-SHA256 Credential=AKIAWRONG/"));
        }
        try (RefusingS3Endpoint refusing = new RefusingS3Endpoint("SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.");
             SiteStore refused = new S3SiteLocation(Optional.of(refusing.endpoint()), BUCKET, "", "us-east-1", true,
                     Optional.of(new S3Credentials("AKID", "wrong-secret-42"))).open("frankfurt")) {
            assertThatThrownBy(() -> refused.deleteAll("catalog/"))
                    .hasMessage("site frankfurt refused the credentials (SignatureDoesNotMatch: The request signature"
                            + " we calculated does not match the signature you provided.); could not delete the"
                            + " objects under catalog/");
        }
    }
}
