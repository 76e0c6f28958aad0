package org.olympiad.competitions.documents.document;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.documents.storage.DocumentStore;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * All generated documents of a group's active members as one ZIP, for the group's teacher. The archive is written
 * straight into the response, one stored PDF at a time (memory stays flat however large the group); it runs on a
 * worker thread with JDBC because every step of it blocks.
 */
@ApplicationScoped
public class GroupArchives {

    private final AgroalDataSource dataSource;
    private final DocumentStore store;

    public GroupArchives(AgroalDataSource dataSource, DocumentStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** One file of the archive. */
    public record Entry(UUID documentId, String fileName) {
    }

    /** The group's documents, once the caller is its teacher (or an organiser); 404 / 403 otherwise. */
    public List<Entry> entries(UUID groupId, Caller.Snapshot caller) {
        try (Connection c = dataSource.getConnection()) {
            UUID teacher = teacherOf(c, groupId);
            if (!DocumentAccess.isOrganiser(caller) && (caller.userId() == null || !caller.userId().equals(teacher))) {
                throw new ProblemException(Problem.of(ProblemType.FORBIDDEN,
                        "only the group's teacher may download its documents").withField("groupId", "group-teacher"));
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select d.id, d.type, d.verification_code, p.display_name "
                    + "from documents_projection_group_members m "
                    + "join competition_award_documents d on d.recipient_type = 'participant' "
                    + "  and d.recipient_snapshot->>'participant_id' = m.participant_id::text "
                    + "join documents_projection_participants p on p.id = m.participant_id "
                    + "where m.group_id = ? and m.status = 'active' and d.status = 'generated' "
                    + "order by p.display_name, d.id")) {
                s.setObject(1, groupId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String name = safe(rs.getString(4)) + " - " + rs.getString(2) + " - " + rs.getString(3) + ".pdf";
                        if (names.add(name)) {
                            entries.add(new Entry(rs.getObject(1, UUID.class), name));
                        }
                    }
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("the group's documents could not be read", e);
        }
    }

    /** Writes the archive of the entries to the stream. */
    public void write(List<Entry> entries, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // PDFs are compressed already: storing them saves the CPU and hardly any bytes
            zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.fileName()));
                try (InputStream pdf = store.open(DocumentFiles.storageKey(entry.documentId()))) {
                    pdf.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static UUID teacherOf(Connection c, UUID groupId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select primary_teacher_user_id from documents_projection_groups where id = ?")) {
            s.setObject(1, groupId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound(EntityTypes.GROUP, groupId);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static String safe(String name) {
        return name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|]", "_");
    }
}
