package app.strongroom.vault.site;

import app.strongroom.vault.format.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * A site in an S3-compatible bucket. Objects are uploaded in parts of {@link #PART_SIZE}, each with its SHA-256 so the
 * service refuses a part damaged on the way; the whole object's SHA-256 is kept in its {@code sha256} metadata. A
 * read-back checks the bytes against that metadata and against the service's own (composite) SHA-256 checksum.
 *
 * <p>A part's SHA-256, computed here as the part is read from the source, travels as the {@code x-amz-checksum-sha256}
 * header alone. Naming the algorithm in the request as well would make the SDK announce a checksum of its own
 * computing, and some S3-compatible servers (Adobe S3Mock 5.2) then ignore the value given and verify nothing.
 */
public final class S3SiteStore implements SiteStore {
    /**
     * The size of an upload's parts, and of the one buffer a put holds. The URL-connection client copies a request
     * body once more while sending it, so a put needs about twice this.
     */
    public static final int PART_SIZE = 8 * 1024 * 1024;
    static final int MAX_PARTS = 10_000;
    /** The user metadata (x-amz-meta-sha256) that holds an object's SHA-256 in hex. */
    public static final String SHA256_METADATA = "sha256";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    /** A request is tried at most this often: enough for a passing hiccup, few enough that a dead site fails fast. */
    static final int ATTEMPTS = 3;
    private static final int DELETE_BATCH = 1000;
    private static final int READ_BUFFER = 1 << 16;
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final Set<String> CREDENTIAL_REFUSALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "AccessDenied", "InvalidToken", "ExpiredToken", "TokenRefreshRequired", "InvalidSecurity");

    private final String site;
    private final S3SiteLocation location;
    private final String bucket;
    private final String keyPrefix;
    private final AwsCredentialsProvider credentials;
    private final S3Client client;

    public S3SiteStore(String siteName, S3SiteLocation location) {
        this.site = siteName;
        this.location = location;
        this.bucket = location.bucket();
        this.keyPrefix = location.prefix().isEmpty() ? "" : location.prefix() + "/";
        this.credentials = location.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        try {
            S3ClientBuilder builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(CONNECT_TIMEOUT)
                            .socketTimeout(SOCKET_TIMEOUT))
                    .region(Region.of(location.region()))
                    .forcePathStyle(location.pathStyle())
                    .credentialsProvider(credentials)
                    // Checksums are asked for explicitly (SHA-256) where they are wanted, and read-backs verify
                    // them here, with messages that name the site and the object.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(ATTEMPTS)));
            location.endpoint().ifPresent(builder::endpointOverride);
            this.client = builder.build();
        } catch (RuntimeException e) {
            closeCredentials();
            throw new SiteException(scrub("site " + site + " (" + location.describe() + ") cannot be used: "
                    + e.getMessage()), e);
        }
    }

    @Override
    public StoredObject put(String key, InputStream content, long size, String expectedSha256) {
        String objectKey = objectKey(key);
        String expected = Sha256.requireHex(expectedSha256);
        if (size < 0) {
            throw new IllegalArgumentException("the size of " + key + " cannot be negative: " + size);
        }
        if (size <= PART_SIZE) {
            return putWhole(key, objectKey, content, (int) size, expected);
        }
        return putInParts(key, objectKey, content, size, expected);
    }

    /**
     * The part size for an object of {@code size} bytes: {@link #PART_SIZE}, or larger when S3's limit of
     * {@value #MAX_PARTS} parts would otherwise be reached (objects beyond 78 GiB); a whole number of MiB, and the same
     * for the same size, so a read-back computes the composite checksum as the upload made it.
     */
    static int partSizeFor(long size) {
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        long mib = 1024L * 1024;
        long rounded = (needed + mib - 1) / mib * mib;
        return (int) Math.max(PART_SIZE, Math.min(rounded, 5L * 1024 * mib));
    }

    private StoredObject putWhole(String key, String objectKey, InputStream content, int size, String expected) {
        byte[] buffer = new byte[size];
        int read = fill(content, buffer, key);
        long seen = read == size && readOne(content, key) >= 0 ? size + 1L : read;
        MessageDigest sha = Digests.sha256();
        sha.update(buffer, 0, read);
        byte[] digest = sha.digest();
        String sha256 = Sha256.check(site, key, size, expected, seen, Sha256.hex(digest));
        try {
            client.putObject(PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(objectKey)
                            .contentType(CONTENT_TYPE)
                            .contentLength((long) size)
                            .metadata(Map.of(SHA256_METADATA, sha256))
                            .checksumSHA256(Sha256.base64(digest))
                            .build(),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer), size, CONTENT_TYPE));
        } catch (SdkException e) {
            throw failure("store " + key, key, e);
        }
        return new StoredObject(key, size, sha256);
    }

    private StoredObject putInParts(String key, String objectKey, InputStream content, long size, String expected) {
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(objectKey).contentType(CONTENT_TYPE)
                    .metadata(Map.of(SHA256_METADATA, expected))
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        } catch (SdkException e) {
            throw failure("store " + key, key, e);
        }
        boolean completed = false;
        try {
            int partSize = partSizeFor(size);
            byte[] buffer = new byte[partSize];
            MessageDigest whole = Digests.sha256();
            MessageDigest ofParts = Digests.sha256();
            List<CompletedPart> parts = new ArrayList<>();
            long read = 0;
            while (read <= size) {
                int n = fill(content, buffer, key);
                if (n == 0) {
                    break;
                }
                read += n;
                if (read > size) {
                    break;
                }
                whole.update(buffer, 0, n);
                MessageDigest part = Digests.sha256();
                part.update(buffer, 0, n);
                byte[] partDigest = part.digest();
                ofParts.update(partDigest);
                int number = parts.size() + 1;
                String checksum = Sha256.base64(partDigest);
                String eTag = client.uploadPart(UploadPartRequest.builder()
                                .bucket(bucket)
                                .key(objectKey)
                                .uploadId(uploadId)
                                .partNumber(number)
                                .contentLength((long) n)
                                .checksumSHA256(checksum)
                                .build(),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, n), n, CONTENT_TYPE))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).checksumSHA256(checksum).build());
                if (n < partSize) {
                    break;
                }
            }
            String sha256 = Sha256.check(site, key, size, expected, read, Sha256.hex(whole.digest()));
            CompleteMultipartUploadResponse done = client.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            completed = true;
            String composite = Sha256.base64(ofParts.digest()) + "-" + parts.size();
            if (done.checksumSHA256() != null && !done.checksumSHA256().equals(composite)) {
                throw new SiteException("site " + site + " stored " + key + " with the SHA-256 checksum "
                        + done.checksumSHA256() + ", but the parts sent make " + composite
                        + "; the object there is not what was sent");
            }
            return new StoredObject(key, read, sha256);
        } catch (SdkException e) {
            throw abort(objectKey, uploadId, failure("store " + key, key, e));
        } catch (RuntimeException e) {
            throw completed ? e : abort(objectKey, uploadId, e);
        }
    }

    /** Gives up an upload so its parts are not kept (and billed); {@code failure} is what is reported. */
    private RuntimeException abort(String objectKey, String uploadId, RuntimeException failure) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(new SiteException(scrub("the unfinished upload " + uploadId + " of " + objectKey
                    + " could not be aborted either (" + e.getMessage() + "); a lifecycle rule for incomplete"
                    + " multipart uploads removes such leftovers")));
        }
        return failure;
    }

    @Override
    public StoredObject readBack(String key) {
        String objectKey = objectKey(key);
        HeadObjectResponse head;
        try {
            head = client.headObject(b -> b.bucket(bucket).key(objectKey).checksumMode(ChecksumMode.ENABLED));
        } catch (SdkException e) {
            throw failure("read " + key, key, e);
        }
        MessageDigest whole = Digests.sha256();
        MessageDigest ofParts = Digests.sha256();
        MessageDigest part = Digests.sha256();
        long size = 0;
        int parts = 0;
        long inPart = 0;
        long partSize = head.contentLength() == null ? PART_SIZE : partSizeFor(head.contentLength());
        // If-Match: the bytes read are those of the object the HEAD described, not of one put since.
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(objectKey)
                .ifMatch(head.eTag()))) {
            byte[] buffer = new byte[READ_BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int offset = 0;
                while (offset < n) {
                    int take = (int) Math.min(n - offset, partSize - inPart);
                    whole.update(buffer, offset, take);
                    part.update(buffer, offset, take);
                    offset += take;
                    inPart += take;
                    if (inPart == partSize) {
                        ofParts.update(part.digest());
                        parts++;
                        inPart = 0;
                    }
                }
                size += n;
            }
        } catch (SdkException e) {
            throw failure("read " + key, key, e);
        } catch (IOException e) {
            throw new SiteException(scrub((unreachable(e) ? "site " + site + " cannot be reached at "
                    + location.endpointText() : "site " + site + " broke off") + " while " + key + " was read ("
                    + detail(e) + ")"), e);
        }
        if (inPart > 0 || parts == 0) {
            ofParts.update(part.digest());
            parts++;
        }
        byte[] objectDigest = whole.digest();
        String sha256 = Sha256.hex(objectDigest);
        List<String> differences = new ArrayList<>();
        if (head.contentLength() != null && head.contentLength() != size) {
            differences.add("it is " + head.contentLength() + " bytes long, but " + size + " bytes were read");
        }
        String stored = head.hasMetadata() ? head.metadata().get(SHA256_METADATA) : null;
        if (stored == null) {
            differences.add("it has no " + SHA256_METADATA + " metadata, so it was not stored by Strongroom");
        } else if (!stored.equalsIgnoreCase(sha256)) {
            differences.add("its " + SHA256_METADATA + " metadata says " + stored + ", but the bytes read have SHA-256 "
                    + sha256);
        }
        String checksum = head.checksumSHA256();
        if (checksum != null) {
            String computed = checksum.contains("-")
                    ? Sha256.base64(ofParts.digest()) + "-" + parts
                    : Sha256.base64(objectDigest);
            if (!checksum.equals(computed)) {
                differences.add("the site's SHA-256 checksum is " + checksum + ", but the bytes read make " + computed
                        + (checksum.contains("-") ? " (in parts of " + partSize / (1024 * 1024) + " MiB)" : ""));
            }
        }
        if (!differences.isEmpty()) {
            throw new SiteException("site " + site + ": the object " + key + " is not what was stored: "
                    + String.join("; ", differences));
        }
        return new StoredObject(key, size, sha256);
    }

    @Override
    public InputStream open(String key) {
        String objectKey = objectKey(key);
        try {
            return client.getObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            throw failure("read " + key, key, e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) {
        String wanted = SiteKeys.prefix(prefix);
        List<StoredObject> found = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(b -> b.bucket(bucket)
                    .prefix(keyPrefix + wanted))) {
                for (S3Object object : page.contents()) {
                    found.add(new StoredObject(object.key().substring(keyPrefix.length()), object.size(), ""));
                }
            }
        } catch (SdkException e) {
            throw failure("list " + (wanted.isEmpty() ? "its objects" : wanted), null, e);
        }
        found.sort(Comparator.comparing(StoredObject::key));
        return found;
    }

    @Override
    public void delete(String key) {
        String objectKey = objectKey(key);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            throw failure("delete " + key, null, e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        String wanted = SiteKeys.prefix(prefix);
        String what = wanted.isEmpty() ? "its objects" : "the objects under " + wanted;
        try {
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(b -> b.bucket(bucket)
                    .prefix(keyPrefix + wanted).maxKeys(DELETE_BATCH))) {
                List<ObjectIdentifier> batch = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                        .toList();
                if (batch.isEmpty()) {
                    continue;
                }
                // One request per object: DeleteObjects needs a Content-MD5 that SDK 2.39 no longer sends and that
                // several S3-compatible services insist on; a tenant has a few dozen objects at most.
                for (ObjectIdentifier object : batch) {
                    client.deleteObject(b -> b.bucket(bucket).key(object.key()));
                }
            }
        } catch (SdkException e) {
            throw failure("delete " + what, null, e);
        }
    }

    @Override
    public String describe() {
        return "site " + site + " (" + location.describe() + ")";
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            closeCredentials();
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private void closeCredentials() {
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // The default chain only holds cached credentials and refresh threads; nothing to report.
            }
        }
    }

    private String objectKey(String key) {
        return keyPrefix + SiteKeys.key(key);
    }

    private int fill(InputStream content, byte[] buffer, String key) {
        try {
            return content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw contentFailure(key, e);
        }
    }

    private int readOne(InputStream content, String key) {
        try {
            return content.read();
        } catch (IOException e) {
            throw contentFailure(key, e);
        }
    }

    private SiteException contentFailure(String key, IOException e) {
        return new SiteException("the content of " + key + " could not be read while storing it at site " + site
                + ": " + e.getMessage() + "; the site keeps what it had", e);
    }

    /**
     * The failure in an operator's words. {@code key} is the object concerned where "not found" may mean the object
     * or the bucket; the bucket is then asked after, since a HEAD's 404 carries no error code.
     */
    private SiteException failure(String action, String key, SdkException e) {
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String message = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
            String detail = (code == null || code.isBlank() ? "HTTP " + status : code)
                    + (message == null || message.isBlank() ? "" : ": " + message);
            if (status == 403 || CREDENTIAL_REFUSALS.contains(code)) {
                return error("site " + site + " refused the credentials (" + detail + "); could not " + action, e);
            }
            if ("NoSuchBucket".equals(code) || (status == 404 && (key == null || !bucketExists()))) {
                return error("site " + site + ": bucket " + bucket + " does not exist (at "
                        + location.endpointText() + "); it is expected to be there, create it", e);
            }
            if (status == 404) {
                return error("site " + site + " has no object " + key, e);
            }
            if (status == 412) {
                return error("site " + site + ": " + key + " was replaced while it was read; read it again", e);
            }
            return error("site " + site + " could not " + action + " (" + detail + ", HTTP " + status + ")", e);
        }
        if (unreachable(e)) {
            return error("site " + site + " cannot be reached at " + location.endpointText() + " (" + detail(e)
                    + "); could not " + action, e);
        }
        if (String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return error("site " + site + " has no credentials: none are configured for it and the AWS default"
                    + " credentials chain found none (" + e.getMessage() + ")", e);
        }
        return error("site " + site + " could not " + action + ": " + detail(e), e);
    }

    private boolean bucketExists() {
        try {
            client.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            return e.statusCode() != 404;
        } catch (SdkException e) {
            return true;
        }
    }

    private SiteException error(String message, Throwable cause) {
        return new SiteException(scrub(message), cause);
    }

    /** The messages come from services and libraries that should never echo a secret; this makes sure. */
    private String scrub(String message) {
        String scrubbed = message;
        if (location.credentials().isPresent()) {
            scrubbed = scrubbed.replace(location.credentials().get().secretAccessKey(), "****");
        }
        return scrubbed;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof InterruptedIOException || t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, which says what happened on the wire ("Connection refused"). */
    private static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String name = root.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
