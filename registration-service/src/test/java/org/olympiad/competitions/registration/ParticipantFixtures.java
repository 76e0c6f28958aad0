package org.olympiad.competitions.registration;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Participants written straight into the database, for features that need one before any registration made it. */
public final class ParticipantFixtures {

    private ParticipantFixtures() {
    }

    /** A participant of the season, linked to the given identity user (null: not linked); its id. */
    public static String insertParticipant(AgroalDataSource db, String seasonId, UUID identityUserId) {
        String sql = "insert into competition_participants (season_id, identity_user_id, display_name, grade, identity_status) "
                + "values (?::uuid, ?, ?, ?, ?) returning id";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, seasonId);
            ps.setObject(2, identityUserId);
            ps.setString(3, "Иванов Пётр");
            ps.setString(4, "7");
            ps.setString(5, identityUserId == null ? "unlinked" : "linked");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert a participant", e);
        }
    }

    /** A participant of a fresh season of a fresh event, linked to the given identity user (or none). */
    public static String insertParticipant(AgroalDataSource db, UUID identityUserId) {
        return insertParticipant(db, CatalogueFixtures.createSeason(CatalogueFixtures.createEvent()), identityUserId);
    }
}
