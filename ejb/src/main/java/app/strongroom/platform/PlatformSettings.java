package app.strongroom.platform;

import app.strongroom.identity.PasswordHasher;
import app.strongroom.identity.PasswordPolicy;
import app.strongroom.mail.MailSettings;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.site.Site;
import app.strongroom.vault.site.SiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the platform, read through MicroProfile Config (system properties, then environment variables:
 * {@code strongroom.db.host} or {@code STRONGROOM_DB_HOST}). The README lists them. Invalid values stop the start
 * with a message naming the setting, rather than surfacing later as an odd failure.
 */
@ApplicationScoped
public class PlatformSettings {
    /** Uploads are held in memory while they stream through encryption, so their size is bounded (web.xml too). */
    public static final long UPLOAD_CEILING = 64L * 1024 * 1024;

    public static final String PRIMARY_SERVER = "primary";

    @Inject
    Config config;

    /** The PostgreSQL servers tenants may be placed on; the first holds the catalog. */
    public List<DatabaseServerSettings> servers() {
        List<DatabaseServerSettings> servers = new ArrayList<>();
        servers.add(new DatabaseServerSettings(PRIMARY_SERVER,
                text("strongroom.db.host", "localhost"),
                integer("strongroom.db.port", 5432),
                text("strongroom.db.admin-user", "postgres"),
                required("strongroom.db.admin-password")));
        for (String name : config.getOptionalValues("strongroom.db.extra-servers", String.class).orElse(List.of())) {
            String prefix = "strongroom.db.server." + name.strip() + ".";
            servers.add(new DatabaseServerSettings(name.strip(), required(prefix + "host"), integer(prefix + "port", 5432),
                    required(prefix + "admin-user"), required(prefix + "admin-password")));
        }
        return servers;
    }

    public DatabaseServerSettings server(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no settings for PostgreSQL server '" + name + "'"));
    }

    public DatabaseServerSettings catalogServer() {
        return servers().get(0);
    }

    public String catalogDatabase() {
        return text("strongroom.catalog.database", "strongroom_catalog");
    }

    /** The key from which per-tenant secrets (database role passwords) are derived; at least 32 random bytes. */
    public byte[] masterKey() {
        return keyMaterial("strongroom.master-key", required("strongroom.master-key"));
    }

    private static byte[] keyMaterial(String setting, String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException(setting + " must hold at least 32 bytes");
        }
        return key;
    }

    public PasswordHasher passwordHasher() {
        int iterations = integer("strongroom.password.iterations", PasswordHasher.DEFAULT_ITERATIONS);
        boolean testing = config.getOptionalValue("strongroom.password.allow-test-iterations", Boolean.class).orElse(false);
        if (iterations < PasswordHasher.OWASP_MINIMUM_ITERATIONS && !testing) {
            throw new IllegalStateException("strongroom.password.iterations must be at least "
                    + PasswordHasher.OWASP_MINIMUM_ITERATIONS);
        }
        return new PasswordHasher(iterations);
    }

    /** The platform's password policy; the tenant administrator's own setting arrives with issue 3's settings page. */
    public PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(integer("strongroom.password.min-length", PasswordPolicy.DEFAULT_MINIMUM_LENGTH),
                config.getOptionalValue("strongroom.password.screen-common", Boolean.class).orElse(true));
    }

    public TenantUnitSettings tenantUnits() {
        return new TenantUnitSettings(
                integer("strongroom.tenant.max-open-units", 200),
                Duration.ofSeconds(integer("strongroom.tenant.unit-idle-seconds", 300)),
                integer("strongroom.tenant.pool-size", 5),
                Duration.ofSeconds(integer("strongroom.tenant.connection-idle-seconds", 30)));
    }

    public Optional<FirstOperator> firstOperator() {
        return config.getOptionalValue("strongroom.operator.password", String.class)
                .map(password -> new FirstOperator(text("strongroom.operator.login", "operator"), password));
    }

    /** The platform-wide guard: failures from one address, across all tenants, before it is blocked, and for how long. */
    public int addressFailuresBeforeBlock() {
        return integer("strongroom.throttle.address-failures", 100);
    }

    public Duration addressBlock() {
        return Duration.ofSeconds(integer("strongroom.throttle.address-block-seconds", 900));
    }

    /** Staff sign-in: failures in a row before the staff login is locked, and for how long. */
    public int staffFailuresBeforeLock() {
        return integer("strongroom.throttle.staff-failures", 5);
    }

    public Duration staffLock() {
        return Duration.ofSeconds(integer("strongroom.throttle.staff-lock-seconds", 900));
    }

    /** Addresses of reverse proxies whose X-Forwarded-For header is believed; no other client's is. */
    public java.util.Set<String> trustedProxies() {
        return java.util.Set.copyOf(config.getOptionalValues("strongroom.trusted-proxies", String.class)
                .orElse(List.of()).stream().map(String::strip).toList());
    }

    /**
     * Client addresses (as {@code strongroom.trusted-proxies} resolves them) that may read {@code /metrics} without
     * signing in: the monitoring system's scrapers. Nobody else but signed-in platform staff sees the figures.
     */
    public java.util.Set<String> monitoringAddresses() {
        return java.util.Set.copyOf(config.getOptionalValues("strongroom.monitoring.addresses", String.class)
                .orElse(List.of()).stream().map(String::strip).filter(a -> !a.isEmpty()).toList());
    }

    /** Where mail goes: an SMTP server if {@code strongroom.mail.host} is set, else a development outbox, else none. */
    public MailSettings mail() {
        String from = text("strongroom.mail.from", "Strongroom <no-reply@localhost>");
        Optional<String> host = config.getOptionalValue("strongroom.mail.host", String.class);
        if (host.isPresent()) {
            MailSettings.TransportSecurity security;
            try {
                security = MailSettings.TransportSecurity.valueOf(text("strongroom.mail.security", "STARTTLS_REQUIRED")
                        .strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("strongroom.mail.security must be one of starttls-required, smtps, none");
            }
            int port = integer("strongroom.mail.port",
                    security == MailSettings.TransportSecurity.SMTPS ? 465 : 587);
            return new MailSettings.Smtp(host.get().strip(), port, text("strongroom.mail.user", ""),
                    text("strongroom.mail.password", ""), security, from);
        }
        return config.getOptionalValue("strongroom.mail.outbox", String.class)
                .<MailSettings>map(dir -> new MailSettings.Outbox(java.nio.file.Path.of(dir), from))
                .orElseGet(MailSettings.NotConfigured::new);
    }

    /**
     * The address users reach Strongroom at, for links in mail. Configured, never taken from a request's Host header:
     * a forged header would otherwise put an attacker's host into a password link.
     */
    public java.net.URI publicUrl() {
        String url = text("strongroom.public-url", "https://localhost:" + httpsPort() + "/");
        java.net.URI uri = java.net.URI.create(url.endsWith("/") ? url : url + "/");
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException("strongroom.public-url must be an https:// address");
        }
        return uri;
    }

    /** How long a "forgot password" link works (P4's reset; default one hour). */
    public Duration resetLinkLifetime() {
        return Duration.ofMinutes(integer("strongroom.password.reset-link-minutes", 60));
    }

    /** How long an invitation's set-password link works (default three days). */
    public Duration invitationLinkLifetime() {
        return Duration.ofHours(integer("strongroom.password.invitation-link-hours", 72));
    }

    /** How long a signed portal link to a sales order works (P21; default 30 days, 1 to 365). */
    public Duration portalLinkLifetime() {
        int days = integer("strongroom.portal.link-days", 30);
        if (days < 1 || days > 365) {
            throw new IllegalStateException("strongroom.portal.link-days must be between 1 and 365");
        }
        return Duration.ofDays(days);
    }

    /** Portal link mails one tenant may send per hour in all (P21; default 100, at least 1). */
    public int portalMailsPerHour() {
        int mails = integer("strongroom.portal.mails-per-hour", 100);
        if (mails < 1) {
            throw new IllegalStateException("strongroom.portal.mails-per-hour must be at least 1");
        }
        return mails;
    }

    /** Password-link mails one login may receive per hour, however often somebody asks (mail bombing). */
    public int resetMailsPerHour() {
        return integer("strongroom.password.reset-mails-per-hour", 3);
    }

    /**
     * The master keys for envelope encryption (P14): the current one first, then retired ones
     * ({@code strongroom.master-key.retired}, comma-separated base64) kept only until every tenant key is re-wrapped.
     */
    public List<MasterKey> masterKeys() {
        List<MasterKey> keys = new ArrayList<>();
        keys.add(MasterKey.of(masterKey()));
        for (String retired : config.getOptionalValues("strongroom.master-key.retired", String.class).orElse(List.of())) {
            try {
                keys.add(MasterKey.ofBase64(retired));
            } catch (app.strongroom.vault.VaultException e) {
                throw new IllegalStateException("strongroom.master-key.retired: " + e.getMessage(), e);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The master keys' material, the current one first, then the retired ones: portal links signed under a retired
     * key still verify until they expire.
     */
    public List<byte[]> masterKeyMaterials() {
        List<byte[]> keys = new ArrayList<>();
        keys.add(masterKey());
        for (String retired : config.getOptionalValues("strongroom.master-key.retired", String.class).orElse(List.of())) {
            keys.add(keyMaterial("strongroom.master-key.retired", retired));
        }
        return List.copyOf(keys);
    }

    /** Where tenants' stored files are kept, encrypted. */
    public Path filesDirectory() {
        return Path.of(text("strongroom.files.dir", Path.of(System.getProperty("user.home"), ".strongroom", "files")
                .toString()));
    }

    /** The largest file a user may upload, in bytes (default 25 MB; at most {@value #UPLOAD_CEILING} bytes). */
    public long maxFileBytes() {
        long bytes = config.getOptionalValue("strongroom.files.max-bytes", Long.class).orElse(25L * 1024 * 1024);
        if (bytes < 1 || bytes > UPLOAD_CEILING) {
            throw new IllegalStateException("strongroom.files.max-bytes must be from 1 to " + UPLOAD_CEILING);
        }
        return bytes;
    }

    /** The home backup location: where backups are written first. */
    public Path backupDirectory() {
        return Path.of(text("strongroom.backup.dir", Path.of(System.getProperty("user.home"), ".strongroom", "backups")
                .toString()));
    }

    /** When the daily backup starts, UTC. */
    public LocalTime dailyBackupAt() {
        String text = text("strongroom.backup.daily-at", "01:30");
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("strongroom.backup.daily-at must be a time like 01:30, not " + text, e);
        }
    }

    /**
     * Whether the SQL dump is deflated inside the backup. Off by default: on a 2-core machine deflating held a backup
     * to about a third of the speed of the database's own COPY (see the README's backup benchmark), while the
     * backup's size only shrank by about a third for typical text.
     */
    public boolean compressDump() {
        return config.getOptionalValue("strongroom.backup.compress-dump", Boolean.class).orElse(false);
    }

    /** How many tenants are backed up at once. */
    public int backupParallelism() {
        return integer("strongroom.backup.parallel", 2);
    }

    /** How long a backup run may go without a sign of life before another instance (or a restart) resumes it. */
    public Duration backupRunStaleAfter() {
        return Duration.ofSeconds(integer("strongroom.backup.stale-seconds", 120));
    }

    /**
     * The sites that hold copies of every backup (P7): {@code strongroom.backup.sites}, entries
     * {@code name|continent|location} separated by commas; an S3 site's credentials come from
     * {@code strongroom.backup.site.<name>.access-key-id} and {@code .secret-access-key}. Refused, naming what is
     * missing, with fewer than three sites or two continents.
     */
    public List<Site> backupSites() {
        String setting = config.getOptionalValue("strongroom.backup.sites", String.class).orElseThrow(() ->
                new IllegalStateException("the setting strongroom.backup.sites is required: at least 3 sites on at least"
                        + " 2 continents, as name|continent|file:/path or name|continent|s3://bucket/prefix?region=..."));
        try {
            List<Site> sites = SiteSettings.parse(setting, (site, field) ->
                    config.getOptionalValue("strongroom.backup.site." + site + "." + field, String.class));
            SiteSettings.requireSpread(sites);
            return sites;
        } catch (RuntimeException e) {
            throw new IllegalStateException("strongroom.backup.sites: " + e.getMessage(), e);
        }
    }

    /** How long replication waits before retrying a site after its first failure; it doubles, up to an hour. */
    public Duration replicationRetryBase() {
        return Duration.ofSeconds(integer("strongroom.replication.retry-seconds", 60));
    }

    /** How often each instance looks for sites owed a catch-up pass and for recovery points missed. */
    public Duration replicationCheckInterval() {
        return Duration.ofSeconds(integer("strongroom.replication.check-seconds", 60));
    }

    /** When the daily restore drill starts, UTC: after the daily backup and its replication. */
    public LocalTime dailyDrillAt() {
        String text = text("strongroom.drill.daily-at", "04:30");
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("strongroom.drill.daily-at must be a time like 04:30, not " + text, e);
        }
    }

    /** Who is mailed when an alarm opens (a recovery point missed, a failed drill): the platform operators. */
    public List<app.strongroom.common.EmailAddress> alarmRecipients() {
        List<app.strongroom.common.EmailAddress> to = new ArrayList<>();
        for (String address : config.getOptionalValues("strongroom.alarm.mail-to", String.class).orElse(List.of())) {
            if (!address.isBlank()) {
                try {
                    to.add(new app.strongroom.common.EmailAddress(address.strip()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("strongroom.alarm.mail-to: not an e-mail address: " + address, e);
                }
            }
        }
        return List.copyOf(to);
    }

    /** Sign-ups one client address may make per hour. */
    public int signUpsPerAddressPerHour() {
        return integer("strongroom.signup.per-address-per-hour", 10);
    }

    /** Sign-ups the whole platform accepts per hour. */
    public int signUpsPerHour() {
        return integer("strongroom.signup.per-hour", 200);
    }

    /** Requests one tenant API key may make per minute, counted across every instance. */
    public int apiRequestsPerMinute() {
        int limit = integer("strongroom.api.requests-per-minute", 600);
        if (limit < 1) {
            throw new IllegalStateException("the setting strongroom.api.requests-per-minute must be at least 1");
        }
        return limit;
    }

    public int httpsPort() {
        return integer("strongroom.https-port", 8181);
    }

    /** The first platform operator, created at start when the catalog has no staff yet. */
    public record FirstOperator(String login, String password) {
        @Override
        public String toString() {
            return "FirstOperator[" + login + "]";
        }
    }

    private String required(String key) {
        return config.getOptionalValue(key, String.class)
                .orElseThrow(() -> new IllegalStateException("the setting " + key + " is required"));
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(key, String.class).orElse(fallback);
    }

    private int integer(String key, int fallback) {
        try {
            return config.getOptionalValue(key, Integer.class).orElse(fallback);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the setting " + key + " must be a whole number", e);
        }
    }
}
