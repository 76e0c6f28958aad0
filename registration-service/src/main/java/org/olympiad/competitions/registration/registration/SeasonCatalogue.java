package org.olympiad.competitions.registration.registration;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.contracts.GradeRanges;
import org.olympiad.competitions.registration.gradecategory.GradeCategory;
import org.olympiad.competitions.registration.participation.Admission;
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.tour.Tour;
import org.olympiad.competitions.registration.track.Track;

import java.util.List;

/**
 * What registering needs of a season besides its row: its grade categories, the track the registration asks for,
 * and the first tour that still admits. Read once, before anything is written (a single registration reads it once,
 * a group registration once for all its members), so that registering looks nothing up after its first write and
 * its writes go out together when the transaction ends.
 *
 * @param trackKey the track asked for, or null
 * @param track    that track of the season, or null when none was asked for or the season has none by that key
 *                 (refused by {@link RegistrationService#register} in its turn among the other checks)
 */
public record SeasonCatalogue(List<GradeCategory> categories, String trackKey, Track track, Tour firstAdmittingTour) {

    public static Uni<SeasonCatalogue> of(Season season, DeliveryPreferences preferences) {
        String trackKey = preferences == null ? null : preferences.trackKey();
        return GradeCategory.<GradeCategory>find("seasonId", Sort.by("key"), season.id).list()
                .chain(categories -> (trackKey == null ? Uni.createFrom().<Track>nullItem()
                        : Track.<Track>find("seasonId = ?1 and key = ?2", season.id, trackKey).firstResult())
                        .chain(track -> Admission.firstAdmittingTour(season.id)
                                .map(tour -> new SeasonCatalogue(categories, trackKey, track, tour))));
    }

    /** The category whose grade range holds the grade ({@code 7}, {@code 7-8}, {@code 5,6}), the first by key. */
    public GradeCategory categoryOf(String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        String g = grade.strip();
        return categories.stream().filter(c -> GradeRanges.holds(c.gradeRangeKey, c.key, g)).findFirst().orElse(null);
    }
}
