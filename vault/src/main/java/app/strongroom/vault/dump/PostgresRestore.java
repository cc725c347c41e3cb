package app.strongroom.vault.dump;

import app.strongroom.vault.VaultException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Restores what {@link PostgresDump} writes into an empty database through JDBC alone, where there is no psql (the
 * embedded server, the recovery tool). The script is read as a stream: each statement runs as soon as its {@code ;}
 * is read, and the rows of each {@code COPY ... FROM stdin;} go to the server through one COPY that reads the dump up
 * to the block's {@code \.} line, so memory stays bounded by a buffer whatever the size of the dump.
 *
 * <p>Everything runs in one transaction of our own, committed only when the script has reached its final COMMIT: a
 * failing statement, a bad row or a truncated dump leaves the target exactly as it was. The dump's BEGIN and COMMIT
 * mark where that transaction starts and ends rather than being sent.
 */
public final class PostgresRestore {
    /** Reads from the dump in large slices: a decrypting stream beneath delivers 1 MB segments. */
    private static final int INPUT_BUFFER = 1 << 20;
    /** Large CopyData messages: fewer round trips through the driver per row block. */
    private static final int COPY_CHUNK = 1 << 18;
    /**
     * PostgresDump's statements are table definitions and constraints, a few kilobytes; a "statement" far larger is
     * rows read as SQL after a damaged COPY line, and must not fill the heap.
     */
    private static final int MAX_STATEMENT = 64 << 20;
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\s+(.+?)\\s+FROM\\s+stdin\\s*;");
    private static final Pattern COPY_ERROR_LINE = Pattern.compile("COPY .*?, line (\\d+)");

    private final Connection connection;
    private final DumpInput input;
    private final Splitter splitter = new Splitter();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private int statements;
    private long commitLine;

    private PostgresRestore(Connection connection, InputStream dump) {
        this.connection = connection;
        this.input = new DumpInput(dump);
    }

    /**
     * Restores the dump on {@code dumpSql} into the database behind {@code target}, which must have nothing in its
     * public schema. The connection is handed back in the autocommit mode it came in; a transaction it had open is
     * part of the restore's (so give it none). Session settings the dump makes (client_min_messages) stay.
     *
     * @throws VaultException the target is not empty, or the dump did not restore: a statement or row the server
     *     refused, with its line in the dump and the server's message, or a truncated dump; nothing was kept
     * @throws IOException reading {@code dumpSql} failed (a backup failing authentication, say); nothing was kept
     * @throws SQLException the connection itself failed
     */
    public static RestoreResult restore(Connection target, InputStream dumpSql) throws SQLException, IOException {
        boolean autoCommit = target.getAutoCommit();
        RestoreResult result;
        try {
            target.setAutoCommit(false);
            refuseUnlessEmpty(target);
            result = new PostgresRestore(target, dumpSql).run();
        } catch (Throwable e) {
            try {
                target.rollback();
                target.setAutoCommit(autoCommit);
            } catch (SQLException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        target.setAutoCommit(autoCommit);
        return result;
    }

    /**
     * Rows in every table of the public schema, by unquoted name, counted in one statement (one snapshot): what a
     * restore is compared with against the manifest's row counts.
     */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        List<String> counts = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select quote_literal(c.relname), quote_ident(c.relname)
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'r' order by c.relname""")) {
            while (r.next()) {
                counts.add("select " + r.getString(1) + ", count(*) from public." + r.getString(2));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        if (counts.isEmpty()) {
            return rows;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(String.join("\nunion all\n", counts))) {
            while (r.next()) {
                rows.put(r.getString(1), r.getLong(2));
            }
        }
        return rows;
    }

    /** A restore over existing tables would fail half-way at best and mix two databases at worst. */
    private static void refuseUnlessEmpty(Connection target) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = target.createStatement(); ResultSet r = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                 order by c.relname limit 11""")) {
            while (r.next()) {
                found.add(r.getString(1));
            }
        }
        if (!found.isEmpty()) {
            String names = found.size() > 10 ? String.join(", ", found.subList(0, 10)) + " and more"
                    : String.join(", ", found);
            throw new VaultException("the target database is not empty (its public schema holds " + names
                    + "): restore into a newly created database");
        }
    }

    private RestoreResult run() throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            // Braces in SQL are PostgreSQL's, not JDBC escapes.
            statement.setEscapeProcessing(false);
            for (String line; (line = input.readLine()) != null; ) {
                List<Sql> complete = splitter.feed(line, input.line);
                for (int i = 0; i < complete.size(); i++) {
                    Sql sql = complete.get(i);
                    if (commitLine > 0) {
                        throw new VaultException("the dump goes on at line " + sql.line + " after its COMMIT at line "
                                + commitLine + ": it is not a dump Strongroom wrote; nothing was restored");
                    }
                    if (sql.keyword.equals("COPY")) {
                        if (i < complete.size() - 1 || splitter.inStatement()) {
                            throw new VaultException("the COPY at line " + sql.line + " is followed by more SQL on "
                                    + "its line, where its rows should start: it is not a dump Strongroom wrote; "
                                    + "nothing was restored");
                        }
                        copy(copy, sql);
                    } else {
                        execute(statement, sql);
                    }
                }
            }
        }
        if (splitter.inStatement()) {
            throw new VaultException("the dump ends at line " + input.line + " inside the statement begun at line "
                    + splitter.startLine + " (\"" + splitter.summary() + "\"): it is truncated; nothing was restored");
        }
        if (commitLine == 0) {
            throw new VaultException("the dump ends at line " + input.line + " without its closing COMMIT: it is "
                    + "truncated; nothing was restored");
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failed(commitLine, "COMMIT", e);
        }
        return new RestoreResult(rows, statements);
    }

    private void execute(Statement statement, Sql sql) {
        switch (sql.keyword) {
            case "BEGIN", "START" -> {
                // Our own transaction has been open since the emptiness check.
            }
            case "COMMIT", "END" -> commitLine = sql.line;
            case "ROLLBACK", "ABORT" -> throw new VaultException("the dump rolls back at line " + sql.line
                    + ": it is not a dump Strongroom wrote; nothing was restored");
            default -> {
                try {
                    statement.execute(sql.text);
                    statements++;
                } catch (SQLException e) {
                    throw failed(lineOf(sql, e), "\"" + sql.summary() + "\"", e);
                }
            }
        }
    }

    private void copy(CopyManager copy, Sql sql) throws SQLException, IOException {
        Matcher m = COPY_FROM_STDIN.matcher(sql.text);
        if (!m.matches()) {
            throw new VaultException("line " + sql.line + " holds a COPY other than COPY ... FROM stdin; (\""
                    + sql.summary() + "\"): it is not a dump Strongroom wrote; nothing was restored");
        }
        String table = tableName(m.group(1));
        // The rows start after the line the statement ends on (a quoted name may have made it span several).
        long beforeRows = input.line;
        CopyBlock block = new CopyBlock(table, sql.line);
        // The table was created in this transaction, so its rows may be written frozen: no other session can see
        // them before the commit, and nothing has to revisit every page afterwards to set hint bits and freeze.
        String command = sql.text.substring(0, sql.text.length() - 1) + " WITH (FREEZE)";
        try {
            rows.put(table, copy.copyIn(command, block, COPY_CHUNK));
        } catch (SQLException e) {
            throw failed(copyLineOf(beforeRows, e), "the rows of " + table, e);
        }
    }

    /** The unquoted name of the table in "public.contact (id, name)", as the manifest names it. */
    private static String tableName(String target) {
        String name = "";
        int i = 0;
        do {
            if (i > 0) {
                i++;
            }
            StringBuilder part = new StringBuilder();
            if (i < target.length() && target.charAt(i) == '"') {
                for (i++; i < target.length(); i++) {
                    char c = target.charAt(i);
                    if (c == '"' && i + 1 < target.length() && target.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        part.append(c);
                    }
                }
                name = part.toString();
            } else {
                for (; i < target.length() && target.charAt(i) != '.' && target.charAt(i) != '('
                        && !Character.isWhitespace(target.charAt(i)); i++) {
                    part.append(target.charAt(i));
                }
                // Unquoted names fold to lower case, as the server folds them.
                name = part.toString().toLowerCase(Locale.ROOT);
            }
        } while (i < target.length() && target.charAt(i) == '.');
        return name;
    }

    /** The line the server's error position points at, else the statement's first. */
    private static long lineOf(Sql sql, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getPosition() <= 0) {
            return sql.line;
        }
        long line = sql.line;
        int end;
        try {
            end = sql.text.offsetByCodePoints(0, server.getPosition() - 1);
        } catch (IndexOutOfBoundsException outside) {
            return sql.line;
        }
        for (int i = 0; i < end; i++) {
            if (sql.text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The server counts the rows of a COPY from 1 ("COPY contact, line 3"). */
    private static long copyLineOf(long beforeRows, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null && server.getWhere() != null) {
            Matcher m = COPY_ERROR_LINE.matcher(server.getWhere());
            if (m.find()) {
                return beforeRows + Long.parseLong(m.group(1));
            }
        }
        return beforeRows;
    }

    private static VaultException failed(long line, String what, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = e.getMessage();
        if (server != null && server.getMessage() != null) {
            message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")")
                    + (server.getHint() == null ? "" : "; hint: " + server.getHint());
        }
        return new VaultException("restoring the dump failed at line " + line + " (" + what + "): " + message
                + "; nothing was restored", e);
    }

    /** One complete statement, as sent to the server, with the line it starts on and its first word. */
    private record Sql(String text, long line, String keyword) {
        String summary() {
            return PostgresRestore.summary(text);
        }
    }

    private static String summary(CharSequence text) {
        String first = text.toString().lines().findFirst().orElse("").strip();
        return first.length() > 60 ? first.substring(0, 60) + "..." : first;
    }

    /**
     * Cuts SQL into statements at the semicolons that end them: not those in string literals ('', E'', $$ $$), quoted
     * identifiers or comments, any of which may also span lines.
     */
    private static final class Splitter {
        private enum State { CODE, STRING, ESCAPE_STRING, IDENTIFIER, DOLLAR, BLOCK_COMMENT }

        private final StringBuilder text = new StringBuilder();
        private State state = State.CODE;
        private boolean inStatement;
        private long startLine;
        private String dollarTag;
        private int commentDepth;

        boolean inStatement() {
            return inStatement;
        }

        String summary() {
            return PostgresRestore.summary(text);
        }

        List<Sql> feed(String line, long number) {
            List<Sql> complete = List.of();
            int segment = 0;
            int n = line.length();
            scan:
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                char next = i + 1 < n ? line.charAt(i + 1) : '\0';
                switch (state) {
                    case CODE -> {
                        if (!inStatement) {
                            // Blanks and comments between statements are not sent; a statement starts at its first word.
                            if (Character.isWhitespace(c)) {
                                continue;
                            }
                            if (c == '-' && next == '-') {
                                break scan;
                            }
                            if (c == '/' && next == '*') {
                                state = State.BLOCK_COMMENT;
                                commentDepth = 1;
                                i++;
                                continue;
                            }
                            inStatement = true;
                            startLine = number;
                            segment = i;
                        }
                        if (c == '\'') {
                            state = escapePrefixed(line, i) ? State.ESCAPE_STRING : State.STRING;
                        } else if (c == '"') {
                            state = State.IDENTIFIER;
                        } else if (c == '-' && next == '-') {
                            break scan;
                        } else if (c == '/' && next == '*') {
                            state = State.BLOCK_COMMENT;
                            commentDepth = 1;
                            i++;
                        } else if (c == '$') {
                            String tag = dollarTag(line, i);
                            if (tag != null) {
                                state = State.DOLLAR;
                                dollarTag = tag;
                                i += tag.length() - 1;
                            }
                        } else if (c == ';') {
                            text.append(line, segment, i + 1);
                            String sql = text.toString();
                            if (complete.isEmpty()) {
                                complete = new ArrayList<>(1);
                            }
                            complete.add(new Sql(sql, startLine, keyword(sql)));
                            text.setLength(0);
                            inStatement = false;
                        }
                    }
                    case STRING -> {
                        if (c == '\'') {
                            if (next == '\'') {
                                i++;
                            } else {
                                state = State.CODE;
                            }
                        }
                    }
                    case ESCAPE_STRING -> {
                        if (c == '\\') {
                            i++;
                        } else if (c == '\'') {
                            if (next == '\'') {
                                i++;
                            } else {
                                state = State.CODE;
                            }
                        }
                    }
                    case IDENTIFIER -> {
                        if (c == '"') {
                            if (next == '"') {
                                i++;
                            } else {
                                state = State.CODE;
                            }
                        }
                    }
                    case DOLLAR -> {
                        if (c == '$' && line.startsWith(dollarTag, i)) {
                            i += dollarTag.length() - 1;
                            state = State.CODE;
                        }
                    }
                    case BLOCK_COMMENT -> {
                        if (c == '/' && next == '*') {
                            commentDepth++;
                            i++;
                        } else if (c == '*' && next == '/') {
                            i++;
                            if (--commentDepth == 0) {
                                state = State.CODE;
                            }
                        }
                    }
                }
            }
            if (inStatement) {
                text.append(line, segment, n).append('\n');
                if (text.length() > MAX_STATEMENT) {
                    throw new VaultException("the statement begun at line " + startLine + " (\"" + summary()
                            + "\") goes on for more than " + (MAX_STATEMENT >> 20) + " MB: the dump is damaged (a "
                            + "missing ; or \\. line); nothing was restored");
                }
            }
            return complete;
        }

        /** E'...' takes backslash escapes (\' does not end it); a name ending in e, like date'...', does not. */
        private static boolean escapePrefixed(String line, int quote) {
            return quote > 0 && (line.charAt(quote - 1) == 'e' || line.charAt(quote - 1) == 'E')
                    && (quote < 2 || !identifierPart(line.charAt(quote - 2)));
        }

        /** The $tag$ opening a dollar-quoted string at {@code i}, or null: $1 and names containing $ open none. */
        private static String dollarTag(String line, int i) {
            if (i > 0 && identifierPart(line.charAt(i - 1))) {
                return null;
            }
            int j = i + 1;
            if (j < line.length() && !Character.isDigit(line.charAt(j))) {
                while (j < line.length() && line.charAt(j) != '$' && identifierPart(line.charAt(j))) {
                    j++;
                }
            }
            return j < line.length() && line.charAt(j) == '$' ? line.substring(i, j + 1) : null;
        }

        private static boolean identifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
        }

        private static String keyword(String sql) {
            int end = 0;
            while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
                end++;
            }
            return sql.substring(0, end).toUpperCase(Locale.ROOT);
        }
    }

    /** The dump's bytes, read a large buffer at a time: as lines of SQL, or raw through a COPY block. */
    private static final class DumpInput {
        private final InputStream in;
        private final byte[] buffer = new byte[INPUT_BUFFER];
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] lineBytes = new byte[1024];
        private int position;
        private int limit;
        private boolean end;
        /** The number of the line last read, from 1. */
        long line;

        DumpInput(InputStream in) {
            this.in = in;
        }

        /** The next line without its \n, or null at the end of the dump. */
        String readLine() throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (position == limit && !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
                any = true;
                int newline = indexOfNewline(position, limit);
                int stop = newline < 0 ? limit : newline;
                int count = stop - position;
                if (length + count > lineBytes.length) {
                    if (length + count > MAX_STATEMENT) {
                        throw new VaultException("line " + (line + 1) + " of the dump is longer than "
                                + (MAX_STATEMENT >> 20) + " MB outside any COPY block: the dump is damaged (a missing "
                                + "\\. line); nothing was restored");
                    }
                    lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, length + count));
                }
                System.arraycopy(buffer, position, lineBytes, length, count);
                length += count;
                position = stop;
                if (newline >= 0) {
                    position++;
                    break;
                }
            }
            line++;
            try {
                CharBuffer chars = utf8.decode(ByteBuffer.wrap(lineBytes, 0, length));
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new VaultException("line " + line + " of the dump is not UTF-8: the dump is damaged; nothing "
                        + "was restored", e);
            }
        }

        /** At least {@code wanted} unread bytes in the buffer, fewer only at the end of the dump; how many there are. */
        int ensure(int wanted) throws IOException {
            while (limit - position < wanted && fill()) {
                // fill() added some.
            }
            return limit - position;
        }

        /** Reads more after what is unread, moving that to the front first; false at the end of the dump. */
        boolean fill() throws IOException {
            if (end) {
                return false;
            }
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            int n;
            do {
                n = in.read(buffer, limit, buffer.length - limit);
            } while (n == 0);
            if (n < 0) {
                end = true;
                return false;
            }
            limit += n;
            return true;
        }

        int indexOfNewline(int from, int to) {
            for (int i = from; i < to; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * The rows of one COPY block as COPY reads them: the dump's bytes as they are, up to the line holding only
     * {@code \.}. In the COPY text format a backslash in a value is always escaped, so no row can be that line.
     */
    private final class CopyBlock extends InputStream {
        private final String table;
        private final long copyLine;
        private boolean atLineStart = true;
        private boolean ended;

        CopyBlock(String table, long copyLine) {
            this.table = table;
            this.copyLine = copyLine;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            DumpInput d = input;
            int n = 0;
            while (n < len) {
                if (atLineStart) {
                    int available = d.ensure(4);
                    if (available == 0) {
                        throw truncated();
                    }
                    int marker = markerLength(available);
                    if (marker > 0) {
                        d.position += marker;
                        d.line++;
                        ended = true;
                        break;
                    }
                    atLineStart = false;
                } else if (d.position == d.limit && !d.fill()) {
                    throw truncated();
                }
                int count = Math.min(d.limit - d.position, len - n);
                int newline = d.indexOfNewline(d.position, d.position + count);
                if (newline >= 0) {
                    count = newline - d.position + 1;
                    atLineStart = true;
                    d.line++;
                }
                System.arraycopy(d.buffer, d.position, b, off + n, count);
                d.position += count;
                n += count;
            }
            return n == 0 && ended ? -1 : n;
        }

        /** The length of the \. line at the read position with its line end, or 0 if the line is a row. */
        private int markerLength(int available) {
            byte[] buf = input.buffer;
            int p = input.position;
            if (available < 2 || buf[p] != '\\' || buf[p + 1] != '.') {
                return 0;
            }
            if (available == 2) {
                return 2;
            }
            if (buf[p + 2] == '\n') {
                return 3;
            }
            if (buf[p + 2] == '\r' && (available == 3 || buf[p + 3] == '\n')) {
                return available == 3 ? 3 : 4;
            }
            return 0;
        }

        private VaultException truncated() {
            long last = atLineStart ? input.line : input.line + 1;
            return new VaultException("the dump ends at line " + last + " inside the rows of " + table
                    + " begun at line " + copyLine + ", before their \\. line: it is truncated; nothing was restored");
        }
    }
}
